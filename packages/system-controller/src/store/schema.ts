import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

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
  epoch: number
  /** When the audit last heard a heartbeat (coalesced writes). */
  last_heartbeat_at: Date | null
  created_at: Timestamp
  updated_at: Timestamp
}

export interface SubcloudStatusTable {
  subcloud_id: number
  endpoint_type: string
  sync_status: SyncStatus
  updated_at: Timestamp
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

export interface Database {
  system: SystemTable
  subclouds: SubcloudTable
  subcloud_status: SubcloudStatusTable
  subcloud_groups: SubcloudGroupTable
  alarms: AlarmTable
}

export type SystemRow = Selectable<SystemTable>
export type SubcloudRow = Selectable<SubcloudTable>
export type NewSubcloud = Insertable<SubcloudTable>
export type SubcloudUpdate = Updateable<SubcloudTable>
export type SubcloudStatusRow = Selectable<SubcloudStatusTable>
export type SubcloudGroupRow = Selectable<SubcloudGroupTable>
export type AlarmRow = Selectable<AlarmTable>
