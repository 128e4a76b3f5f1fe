import type { Family } from '@dc/netmodel'
import type { DeployStatus } from './deploy-status.js'

/** `management_state` of a subcloud. */
export type ManagementState = 'managed' | 'unmanaged'

/** `availability_status` of a subcloud. */
export type Availability = 'online' | 'offline'

/** One endpoint's `sync_status`. */
export type SyncStatus = 'in-sync' | 'out-of-sync' | 'unknown'

/** One endpoint's sync status as stored. */
export interface EndpointStatus {
  readonly endpointType: string
  readonly syncStatus: SyncStatus
}

/**
 * What a subcloud is created with (spec distcloud 1.1, primary values only): by `subcloud add`, or
 * as the secondary copy of a peer site's member.
 */
export interface SubcloudFields {
  readonly name: string
  readonly description: string
  readonly location: string
  /** 32 hex digits at add; a copy keeps its owner's, so both sites name the region alike. */
  readonly regionName: string
  readonly softwareVersion: string
  /** The primary admin subnet, or management where the subcloud has no admin network. */
  readonly managementSubnet: string
  readonly managementStartIp: string
  readonly managementEndIp: string
  readonly managementGatewayIp: string
  readonly systemcontrollerGatewayIp: string
  /** The primary OAM family: the family of every address the controller dials. */
  readonly externalOamFamily: Family
  readonly groupId: number
  /** The subcloud peer group it belongs to; null: none. */
  readonly peerGroupId: number | null
  /** Saved bootstrap values and address for a peer site (JSON `{ saved_payload }`); null: none. */
  readonly rehomeData: string | null
  readonly deployStatus: DeployStatus
  readonly errorDescription: string
  readonly availability: Availability
  readonly auditFailCount: number
  readonly managementState: ManagementState
  /** Primary OAM address and agent port, `[fd00::2]:50051`: the only address ever dialled. */
  readonly bootstrapAddress: string
  /** Bootstrap values with every secret key removed, as JSON. */
  readonly storedValuesJson: string
  /** The controller epoch the subcloud's agent is claimed at. */
  readonly epoch: number
}

/** The error description of a subcloud whose last operation did not fail, as dcmanager words it. */
export const NO_ERROR_DESCRIPTION = 'No errors present'

/** What a subcloud is when it is added: not deployed, offline and unmanaged, in no peer group. */
export const NEW_SUBCLOUD_STATE = {
  peerGroupId: null,
  rehomeData: null,
  deployStatus: 'not-deployed',
  errorDescription: NO_ERROR_DESCRIPTION,
  availability: 'offline',
  auditFailCount: 0,
  managementState: 'unmanaged',
} as const satisfies Partial<SubcloudFields>

/** A stored subcloud with what the store derives or the audit writes. */
export interface Subcloud extends SubcloudFields {
  readonly id: number
  readonly groupName: string
  /** Empty when the subcloud is in no peer group. */
  readonly peerGroupName: string
  /** The config hash the controller expects the agent at; undefined until bootstrap completed. */
  readonly expectedConfigHash: string | undefined
  /** When the audit last heard a heartbeat (coalesced writes). */
  readonly lastHeartbeatAt: Date | undefined
  /** Migrated to this controller from its geo-redundant peer. */
  readonly rehomed: boolean
  /** Where the agent is dialled after bootstrap; undefined: at the bootstrap address. */
  readonly operationalAddress: string | undefined
  readonly backupStatus: string
  readonly backupAt: Date | undefined
  readonly prestageStatus: string
  readonly prestageVersions: string
  readonly createdAt: Date
  readonly updatedAt: Date
  /** Ordered by endpoint type. */
  readonly endpoints: readonly EndpointStatus[]
}

/** The fields a locked change of a subcloud may set. */
export type SubcloudEdit = Partial<
  Pick<
    SubcloudFields,
    | 'name'
    | 'description'
    | 'location'
    | 'groupId'
    | 'peerGroupId'
    | 'rehomeData'
    | 'bootstrapAddress'
    | 'managementState'
    | 'deployStatus'
    | 'epoch'
    | 'errorDescription'
    | 'softwareVersion'
    | 'managementSubnet'
    | 'managementStartIp'
    | 'managementEndIp'
    | 'managementGatewayIp'
    | 'systemcontrollerGatewayIp'
    | 'storedValuesJson'
  >
>

/** A change of a subcloud, decided under its row lock. */
export interface SubcloudChange {
  readonly set: SubcloudEdit
  /** Every endpoint back to `unknown` (unmanage: spec distcloud 1.5). */
  readonly resetEndpoints?: boolean
  /** Fleet alarm ids whose instances about this subcloud are cleared with the change. */
  readonly clearAlarms?: readonly string[]
}

/** One subcloud's stored management (or admin) range, as the fleet overlap rules need it. */
export interface FleetEntry {
  readonly id: number
  readonly name: string
  readonly managementSubnet: string
  readonly managementStart: string
  readonly managementEnd: string
}

/** `subcloud list` filters. */
export interface SubcloudFilter {
  readonly groupId?: number
  readonly peerGroupId?: number
}

/**
 * The address every call to the subcloud's agent goes to: its operational address (primary admin
 * or management) once the controller moved there, else the bootstrap address.
 */
export function dialAddress(subcloud: Pick<Subcloud, 'bootstrapAddress' | 'operationalAddress'>): string {
  return subcloud.operationalAddress ?? subcloud.bootstrapAddress
}

/** The entity of the fleet alarms about a subcloud: `subcloud=<name>` (names have no dots). */
export function subcloudAlarmEntity(name: string): string {
  return `subcloud=${name}`
}
