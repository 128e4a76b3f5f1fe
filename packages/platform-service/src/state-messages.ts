import type {
  Address,
  AddressPool,
  Alarm,
  Effect,
  Host,
  Network,
  NetworkAddrPool,
  SystemState,
} from '@dc/netmodel'
import type {
  Address as AddressMessage,
  AddressPool as AddressPoolMessage,
  Alarm as AlarmMessage,
  Effect as EffectMessage,
  Host as HostMessage,
  Network as NetworkMessage,
  NetworkAddrPool as NetworkAddrPoolMessage,
  System as SystemMessage,
} from '@dc/protos'

/** `system show`. `regionName` is the region the server answers for, when it knows one. */
export function systemMessage(state: SystemState, regionName = ''): SystemMessage {
  return {
    uuid: state.uuid,
    name: state.name,
    system_type: state.systemMode === 'standard' ? 'Standard' : 'All-in-one',
    system_mode: state.systemMode,
    distributed_cloud_role: state.distributedCloudRole,
    software_version: state.softwareVersion,
    initial_config_complete: state.initialConfigComplete,
    upgrade_in_progress: state.upgradeInProgress,
    simplex_to_duplex_migration: state.simplexToDuplexMigration,
    kubernetes_dual_stack: state.kubernetesDualStack,
    generation: String(state.generation),
    region_name: regionName,
  }
}

export function networkMessage(network: Network): NetworkMessage {
  return {
    id: network.id,
    uuid: network.uuid,
    name: network.name,
    type: network.type,
    dynamic: network.dynamic,
    ...(network.poolUuid === null ? {} : { pool_uuid: network.poolUuid }),
    ...(network.primaryPoolFamily === null ? {} : { primary_pool_family: network.primaryPoolFamily }),
  }
}

function optionalAddress<K extends string>(key: K, value: string | null): { [P in K]?: string } {
  return value === null ? {} : ({ [key]: value } as { [P in K]?: string })
}

export function addressPoolMessage(pool: AddressPool): AddressPoolMessage {
  return {
    id: pool.id,
    uuid: pool.uuid,
    name: pool.name,
    network: pool.network,
    prefix: pool.prefix,
    family: pool.family,
    order: pool.order,
    ranges: pool.ranges.map(([start, end]) => ({ start, end })),
    ...optionalAddress('floating_address', pool.floatingAddress),
    ...optionalAddress('controller0_address', pool.controller0Address),
    ...optionalAddress('controller1_address', pool.controller1Address),
    ...optionalAddress('gateway_address', pool.gatewayAddress),
  }
}

/** An association with its network and pool names resolved against `state`. */
export function networkAddrPoolMessage(
  state: SystemState,
  association: NetworkAddrPool,
): NetworkAddrPoolMessage {
  const network = state.networks.find((n) => n.uuid === association.networkUuid)
  const pool = state.pools.find((p) => p.uuid === association.poolUuid)
  return {
    id: association.id,
    uuid: association.uuid,
    network_id: network?.id ?? 0,
    network_uuid: association.networkUuid,
    network_name: network?.name ?? '',
    address_pool_id: pool?.id ?? 0,
    address_pool_uuid: association.poolUuid,
    address_pool_name: pool?.name ?? '',
  }
}

export function addressMessage(address: Address): AddressMessage {
  return {
    id: address.id,
    uuid: address.uuid,
    name: address.name,
    address: address.address,
    prefix: address.prefix,
    family: address.family,
    pool_uuid: address.poolUuid,
    enable_dad: address.enableDad,
  }
}

export function hostMessage(host: Host): HostMessage {
  return {
    id: host.id,
    uuid: host.uuid,
    hostname: host.hostname,
    personality: host.personality,
    administrative: host.administrative,
    operational: host.operational,
    availability: host.availability,
    active: host.active,
    config_up_to_date: host.configUpToDate,
  }
}

export function alarmMessage(alarm: Alarm): AlarmMessage {
  return {
    alarm_id: alarm.alarmId,
    entity_instance_id: alarm.entityInstanceId,
    reason_text: alarm.reasonText,
    severity: alarm.severity,
    raised_at_generation: String(alarm.raisedAtGeneration),
  }
}

const SEVERITY_RANK = { critical: 0, major: 1, minor: 2, warning: 3 } as const

/** Active alarms, most severe first, as `fm alarm-list` orders them. */
export function sortedAlarms(alarms: readonly Alarm[]): Alarm[] {
  return [...alarms].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      a.alarmId.localeCompare(b.alarmId) ||
      a.entityInstanceId.localeCompare(b.entityInstanceId),
  )
}

export function effectMessage(effect: Effect): EffectMessage {
  switch (effect.type) {
    case 'kubernetes-dual-stack':
      return { kubernetes_dual_stack: { enabled: effect.enabled, family: effect.family } }
    case 'component-restart':
      return { component_restart: { component: effect.component, hosts: [...effect.hosts] } }
    case 'oam-reconfigured':
      return { oam_reconfigured: { runtime: effect.runtime } }
    case 'mgmt-reconfigured':
      return { mgmt_reconfigured: { runtime: effect.runtime } }
    case 'admin-reconfigured':
      return { admin_reconfigured: { disable: effect.disable } }
    case 'storage-reconfigured':
      return { storage_reconfigured: {} }
    case 'host-config-out-of-date':
      return { host_config_out_of_date: { hostname: effect.hostname, reason: effect.reason } }
    case 'host-config-applied':
      return { host_config_applied: { hostname: effect.hostname } }
    case 'host-state-changed':
      return { host_state_changed: { hostname: effect.hostname } }
    case 'addresses-allocated':
      return { addresses_allocated: { pool: effect.pool, names: [...effect.names] } }
    case 'addresses-released':
      return { addresses_released: { pool: effect.pool, names: [...effect.names] } }
    case 'alarm-raised':
      return { alarm_raised: alarmMessage(effect.alarm) }
    case 'alarm-cleared':
      return { alarm_cleared: { alarm_id: effect.alarmId, entity_instance_id: effect.entityInstanceId } }
    default:
      return effect satisfies never
  }
}
