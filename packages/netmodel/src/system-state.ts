import type { Family } from './address.js'

/** StarlingX system modes. `simplex` is AIO-SX; `duplex`/`duplex-direct` AIO-DX; `standard` multi-node. */
export type SystemMode = 'simplex' | 'duplex' | 'duplex-direct' | 'standard'

/** `distributed_cloud_role` of a system. */
export type DistributedCloudRole = 'none' | 'systemcontroller' | 'subcloud'

/** The twelve network types sysinv accepts on `/networks` (spec 1). */
export type NetworkType =
  | 'mgmt'
  | 'oam'
  | 'pxeboot'
  | 'multicast'
  | 'cluster-host'
  | 'cluster-pod'
  | 'cluster-service'
  | 'admin'
  | 'storage'
  | 'ironic'
  | 'system-controller'
  | 'system-controller-oam'

export const NETWORK_TYPES: readonly NetworkType[] = [
  'mgmt',
  'oam',
  'pxeboot',
  'multicast',
  'cluster-host',
  'cluster-pod',
  'cluster-service',
  'admin',
  'storage',
  'ironic',
  'system-controller',
  'system-controller-oam',
]

export type AllocationOrder = 'random' | 'sequential'

/** An address pool. Addresses are canonical text; `ranges` are inclusive `[start, end]` pairs, sorted. */
export interface AddressPool {
  readonly id: number
  readonly uuid: string
  readonly name: string
  /** Network address, canonical text (`fd00::`, `10.20.2.0`). */
  readonly network: string
  readonly prefix: number
  readonly family: Family
  readonly order: AllocationOrder
  readonly ranges: readonly (readonly [string, string])[]
  readonly floatingAddress: string | null
  readonly controller0Address: string | null
  readonly controller1Address: string | null
  readonly gatewayAddress: string | null
}

/** A platform network. `poolUuid` is the primary pool; `primaryPoolFamily` never changes once set. */
export interface Network {
  readonly id: number
  readonly uuid: string
  readonly name: string
  readonly type: NetworkType
  readonly dynamic: boolean
  readonly poolUuid: string | null
  readonly primaryPoolFamily: Family | null
}

/** A network-addrpool association (`network-addrpool-list` row). */
export interface NetworkAddrPool {
  readonly id: number
  readonly uuid: string
  readonly networkUuid: string
  readonly poolUuid: string
}

/** An address row, named as spec 1 "Address naming" says. */
export interface Address {
  readonly id: number
  readonly uuid: string
  readonly name: string
  readonly address: string
  readonly prefix: number
  readonly family: Family
  readonly poolUuid: string
  /** false for IPv4, true for IPv6 */
  readonly enableDad: boolean
}

export type Personality = 'controller' | 'worker' | 'storage'
export type AdministrativeState = 'locked' | 'unlocked'
export type OperationalState = 'enabled' | 'disabled'
export type AvailabilityState = 'available' | 'online' | 'offline' | 'degraded' | 'intest' | 'failed'

export interface Host {
  readonly id: number
  readonly uuid: string
  readonly hostname: string
  readonly personality: Personality
  readonly administrative: AdministrativeState
  readonly operational: OperationalState
  readonly availability: AvailabilityState
  /** Only controllers: which one is active. Exactly one controller is active. */
  readonly active: boolean
  /** False while the host has configuration it can only apply on its next lock/unlock. */
  readonly configUpToDate: boolean
}

export type AlarmSeverity = 'critical' | 'major' | 'minor' | 'warning'

/** An FM alarm as `fm alarm-list` shows it. Pure model: no wall-clock time, only the generation. */
export interface Alarm {
  readonly alarmId: string
  /** e.g. `host=controller-0` */
  readonly entityInstanceId: string
  readonly reasonText: string
  readonly severity: AlarmSeverity
  /** `generation` of the state in which the alarm was raised. */
  readonly raisedAtGeneration: number
}

export type UpgradeInProgress = 'none' | 'platform' | 'kubernetes'

/**
 * One site's platform configuration. Plain JSON data: it persists as is and two states compare
 * with deep equality. Every successful command increments `generation`.
 */
export interface SystemState {
  readonly uuid: string
  readonly name: string
  readonly systemMode: SystemMode
  readonly distributedCloudRole: DistributedCloudRole
  /** Release string, e.g. `24.09`. */
  readonly softwareVersion: string
  readonly initialConfigComplete: boolean
  readonly upgradeInProgress: UpgradeInProgress
  /** sysinv capability `simplex_to_duplex_migration` (or `-direct`). */
  readonly simplexToDuplexMigration: boolean
  readonly hosts: readonly Host[]
  readonly networks: readonly Network[]
  readonly pools: readonly AddressPool[]
  readonly networkPools: readonly NetworkAddrPool[]
  readonly addresses: readonly Address[]
  readonly alarms: readonly Alarm[]
  /** Kubernetes dual-stack currently configured (cluster-host, -pod and -service all with two pools). */
  readonly kubernetesDualStack: boolean
  readonly generation: number
  /** Next integer id handed out to a new row of any kind. */
  readonly nextId: number
}
