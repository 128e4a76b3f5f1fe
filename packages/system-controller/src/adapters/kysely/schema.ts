import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'
import type {
  AdministrativeState,
  AssociationSyncStatus,
  AssociationType,
  HeartbeatFailurePolicy,
  MigrationStatus,
  PeerAvailability,
} from '../../geo/geo-states.js'
import type { StepState, StrategyState, SubcloudApplyType } from '../../strategies/network-strategy.js'

/** A transaction id (xid8) the database sets; both drivers read it as text. Never written by code. */
type ChangeXid = ColumnType<string, never, never>

/** A timestamp the database sets on insert and the code may overwrite on update. */
type Timestamp = ColumnType<Date, Date | undefined, Date>

export type ManagementState = 'managed' | 'unmanaged'
export type AvailabilityStatus = 'online' | 'offline'
export type SyncStatus = 'in-sync' | 'out-of-sync' | 'unknown'
export type UpdateApplyType = 'parallel' | 'serial'

/** The controller's own system: exactly one row, id 1. JSON travels as text so both drivers agree. */
export interface SystemTable {
  id: number
  uuid: string
  name: string
  /** netmodel `SystemState` as JSON. */
  state_json: string
  /** sha256 of the canonical bootstrap values the system was created with. */
  bootstrap_hash: string
  /** Bootstrap values with secrets redacted, for the "what differs" message and for display. */
  bootstrap_values_json: string
  /** Fencing epoch this controller claims subclouds with. */
  epoch: number
  created_at: Timestamp
  updated_at: Timestamp
}

/** One subcloud; fields as `spec/distcloud.md` 1.1, primary values only. */
export interface SubcloudTable {
  id: Generated<number>
  name: string
  description: string
  location: string
  region_name: string
  software_version: string
  management_subnet: string
  management_start_ip: string
  management_end_ip: string
  management_gateway_ip: string
  systemcontroller_gateway_ip: string
  /** '4' or '6': the primary OAM family. */
  external_oam_subnet_ip_family: string
  group_id: number
  peer_group_id: number | null
  rehome_data: string | null
  deploy_status: string
  error_description: string
  availability_status: AvailabilityStatus
  audit_fail_count: number
  management_state: ManagementState
  backup_status: string | null
  backup_datetime: Date | null
  prestage_status: string | null
  prestage_versions: string | null
  /** Primary OAM address and agent port, `[fd00::2]:50051`; the only address ever dialled. */
  bootstrap_address: string
  /** Bootstrap values with secret keys removed, as JSON. */
  bootstrap_values_json: string
  /** Config hash the controller wants the subcloud at; null until bootstrap completes. */
  expected_config_hash: string | null
  /** System uuid of the agent the deploy bootstrapped; null when unknown. */
  agent_system_uuid: string | null
  /** Where the agent is dialled after bootstrap (`host:port`); null: at the bootstrap address. */
  operational_address: Generated<string | null>
  epoch: number
  /** When the audit last heard a heartbeat (coalesced writes). */
  last_heartbeat_at: Date | null
  /** True once the subcloud was migrated to this controller from its geo-redundant peer. */
  rehomed: Generated<boolean>
  created_at: Timestamp
  updated_at: Timestamp
  /** The transaction that last changed what the console shows (migration 0010); set by a trigger. */
  change_xid: ChangeXid
}

export interface SubcloudStatusTable {
  subcloud_id: number
  endpoint_type: string
  sync_status: SyncStatus
  updated_at: Timestamp
  change_xid: ChangeXid
}

export interface SubcloudGroupTable {
  id: Generated<number>
  name: string
  description: string
  update_apply_type: UpdateApplyType
  max_parallel_subclouds: number
  created_at: Timestamp
  updated_at: Timestamp
}

/** Active FM alarms only: a cleared alarm is deleted, so (region, alarm_id, entity_instance_id) is unique. */
export interface AlarmTable {
  id: Generated<number>
  uuid: string
  alarm_id: string
  entity_instance_id: string
  /** Region the alarm is reported in (`SystemController` for the fleet alarms). */
  region: string
  reason_text: string
  severity: string
  proposed_repair_action: string
  service_affecting: boolean
  raised_at: Timestamp
  updated_at: Timestamp
}

/** The fault history: an alarm raised (`set`) or cleared (`clear`), written by a trigger on `alarms`. */
export interface AlarmEventTable {
  /** int8: pg reads it as text, PGlite as a number. */
  id: ColumnType<number | string | bigint, never, never>
  uuid: string
  event_log_id: string
  state: 'set' | 'clear' | 'log'
  region: string
  entity_instance_id: string
  reason_text: string
  severity: string
  proposed_repair_action: string
  service_affecting: boolean
  created_at: Date
}

/** A stream sequence number: int8 in the database, which pg reads as text and PGlite as a number. */
type Sequence = ColumnType<number | string | bigint, number | undefined, number>
/** A column with a database default: optional on insert. */
type Defaulted<T> = ColumnType<T, T | undefined, T>

/** The other system controller of a geo-redundant pair (spec distcloud 4.1); its password is never stored. */
export interface SystemPeerTable {
  id: Generated<number>
  /** The peer's site id on the NATS link (its system uuid unless it runs with --site-id). */
  peer_uuid: string
  peer_name: string
  manager_endpoint: string
  manager_username: string
  peer_controller_gateway_ip: string
  administrative_state: AdministrativeState
  /** Seconds. */
  heartbeat_interval: number
  heartbeat_failure_threshold: number
  heartbeat_failure_policy: HeartbeatFailurePolicy
  /** Seconds. */
  heartbeat_maintenance_timeout: number
  availability_state: PeerAvailability
  created_at: Timestamp
  updated_at: Timestamp
}

/** A subcloud peer group (spec distcloud 4.2). */
export interface SubcloudPeerGroupTable {
  id: Generated<number>
  /** The same on both sites: events and the ownership key name the group by it. */
  uuid: string
  peer_group_name: string
  group_priority: number
  group_state: AdministrativeState
  max_subcloud_rehoming: number
  system_leader_id: string
  system_leader_name: string
  migration_status: MigrationStatus
  /** Ownership epoch of the leader, as last seen in the ownership bucket. */
  epoch: Sequence
  created_at: Timestamp
  updated_at: Timestamp
}

/** A peer group association (spec distcloud 4.3) plus the sequence numbers its sync status follows from. */
export interface PeerGroupAssociationTable {
  id: Generated<number>
  peer_group_id: number
  system_peer_id: number
  association_type: AssociationType
  peer_group_priority: number
  sync_status: AssociationSyncStatus
  sync_message: Defaulted<string>
  /** Stream sequence of the last event published to the peer for this group (0: none yet). */
  published_seq: Sequence
  /** Highest sequence of this site's stream the peer reported applied. */
  acked_seq: Sequence
  /** A change is recorded that could not be published yet (NATS unreachable): republished later. */
  pending: Defaulted<boolean>
  /** Members that could not be applied (by the peer, or here when receiving), JSON `[{ subcloud, regionName, error }]`. */
  failed_members_json: Defaulted<string>
  created_at: Timestamp
  updated_at: Timestamp
}

/** The network strategy: at most one row, id 1 (a second insert is a unique violation). */
export interface NetworkStrategyTable {
  id: number
  uuid: string
  state: StrategyState
  apply_type: SubcloudApplyType
  max_parallel: number
  stop_on_failure: boolean
  plan_kind: 'add' | 'remove'
  plan_yaml: string
  group_name: string | null
  subcloud_name: string | null
  details: Defaulted<string>
  created_at: Timestamp
  /** Null until the strategy first moves. */
  updated_at: Date | null
}

/** One subcloud's step of the strategy, deleted with it. */
export interface StrategyStepTable {
  id: Generated<number>
  strategy_id: number
  subcloud_id: number
  /** Unique, collation "C": steps list in the same order on both stores. */
  subcloud_name: string
  state: StepState
  details: Defaulted<string>
  /** netmodel `Command[]` as JSON. */
  commands_json: string
  /** netmodel `Command[]` (host-lock/unlock/swact) as JSON. */
  host_actions_json: string
  /** int8: pg reads it as text, PGlite as a number. */
  base_generation: ColumnType<number | string | bigint, number, number>
  applied: Defaulted<number>
  started_at: Date | null
  finished_at: Date | null
  created_at: Timestamp
  updated_at: Date | null
}

export interface Database {
  system: SystemTable
  subclouds: SubcloudTable
  subcloud_status: SubcloudStatusTable
  subcloud_groups: SubcloudGroupTable
  alarms: AlarmTable
  alarm_events: AlarmEventTable
  system_peers: SystemPeerTable
  subcloud_peer_groups: SubcloudPeerGroupTable
  peer_group_associations: PeerGroupAssociationTable
  network_strategy: NetworkStrategyTable
  strategy_step: StrategyStepTable
}

export type SystemRow = Selectable<SystemTable>
export type SubcloudRow = Selectable<SubcloudTable>
export type NewSubcloud = Insertable<SubcloudTable>
export type SubcloudUpdate = Updateable<SubcloudTable>
export type SubcloudStatusRow = Selectable<SubcloudStatusTable>
export type SubcloudGroupRow = Selectable<SubcloudGroupTable>
export type AlarmRow = Selectable<AlarmTable>
export type AlarmEventRow = Selectable<AlarmEventTable>
export type SystemPeerRow = Selectable<SystemPeerTable>
export type SubcloudPeerGroupRow = Selectable<SubcloudPeerGroupTable>
export type PeerGroupAssociationRow = Selectable<PeerGroupAssociationTable>
export type NetworkStrategyRow = Selectable<NetworkStrategyTable>
export type StrategyStepRow = Selectable<StrategyStepTable>
