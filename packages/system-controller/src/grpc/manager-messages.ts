import type { Subcloud, SubcloudDetail, SubcloudGroup } from '@dc/protos'
import { aggregateSync } from '../audit/index.js'
import type { SubcloudRecord } from '../store/controller-store.js'
import type { SubcloudGroupRow } from '../store/schema.js'

function time(value: Date | null | undefined): string {
  return value === null || value === undefined ? '' : value.toISOString()
}

/** The `Subcloud` message of a stored subcloud; `detail` only when the caller asked for it. */
export function subcloudMessage(record: SubcloudRecord, detail?: SubcloudDetail): Subcloud {
  const message: Subcloud = {
    id: record.id,
    name: record.name,
    description: record.description,
    location: record.location,
    region_name: record.region_name,
    software_version: record.software_version,
    management_state: record.management_state,
    availability_status: record.availability_status,
    deploy_status: record.deploy_status,
    error_description: record.error_description,
    management_subnet: record.management_subnet,
    management_start_ip: record.management_start_ip,
    management_end_ip: record.management_end_ip,
    management_gateway_ip: record.management_gateway_ip,
    systemcontroller_gateway_ip: record.systemcontroller_gateway_ip,
    external_oam_subnet_ip_family: record.external_oam_subnet_ip_family,
    group_id: record.group_id,
    backup_status: record.backup_status ?? '',
    backup_datetime: time(record.backup_datetime),
    prestage_status: record.prestage_status ?? '',
    prestage_versions: record.prestage_versions ?? '',
    created_at: time(record.created_at),
    updated_at: time(record.updated_at),
    bootstrap_address: record.bootstrap_address,
    endpoint_sync_status: record.endpoints.map((e) => ({
      endpoint_type: e.endpointType,
      sync_status: e.syncStatus,
    })),
    sync: aggregateSync(record.endpoints.map((e) => e.syncStatus)),
    audit_fail_count: record.audit_fail_count,
    last_heartbeat_at: time(record.last_heartbeat_at),
    rehomed: record.rehomed,
    group_name: record.group_name,
    peer_group_name: record.peer_group_name,
  }
  if (record.peer_group_id !== null) message.peer_group_id = record.peer_group_id
  if (detail !== undefined) message.detail = detail
  return message
}

export function groupMessage(row: SubcloudGroupRow): SubcloudGroup {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    update_apply_type: row.update_apply_type,
    max_parallel_subclouds: row.max_parallel_subclouds,
    created_at: time(row.created_at),
    updated_at: time(row.updated_at),
  }
}
