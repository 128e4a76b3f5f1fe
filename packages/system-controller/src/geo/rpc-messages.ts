import type { PeerGroupAssociation, SubcloudPeerGroup, SystemPeer } from '@dc/protos'
import type {
  PeerGroupAssociationRow,
  SubcloudPeerGroupRow,
  SystemPeerRow,
} from '../adapters/kysely/schema.js'

function time(value: Date | null | undefined): string {
  return value === null || value === undefined ? '' : value.toISOString()
}

/** Only a row that was changed after its creation shows an update time, as dcmanager shows it. */
function updated(row: { created_at: Date; updated_at: Date }): string {
  return row.updated_at.getTime() === row.created_at.getTime() ? '' : time(row.updated_at)
}

/** The `SystemPeer` message; the manager password is never stored, so never returned. */
export function systemPeerMessage(row: SystemPeerRow): SystemPeer {
  return {
    id: row.id,
    peer_uuid: row.peer_uuid,
    peer_name: row.peer_name,
    manager_endpoint: row.manager_endpoint,
    manager_username: row.manager_username,
    peer_controller_gateway_ip: row.peer_controller_gateway_ip,
    administrative_state: row.administrative_state,
    heartbeat_interval: row.heartbeat_interval,
    heartbeat_failure_threshold: row.heartbeat_failure_threshold,
    heartbeat_failure_policy: row.heartbeat_failure_policy,
    heartbeat_maintenance_timeout: row.heartbeat_maintenance_timeout,
    availability_state: row.availability_state,
    created_at: time(row.created_at),
    updated_at: updated(row),
  }
}

export function peerGroupMessage(row: SubcloudPeerGroupRow): SubcloudPeerGroup {
  return {
    id: row.id,
    peer_group_name: row.peer_group_name,
    group_priority: row.group_priority,
    group_state: row.group_state,
    max_subcloud_rehoming: row.max_subcloud_rehoming,
    system_leader_id: row.system_leader_id,
    system_leader_name: row.system_leader_name,
    migration_status: row.migration_status,
    created_at: time(row.created_at),
    updated_at: updated(row),
  }
}

export function associationMessage(row: PeerGroupAssociationRow): PeerGroupAssociation {
  return {
    id: row.id,
    peer_group_id: row.peer_group_id,
    system_peer_id: row.system_peer_id,
    association_type: row.association_type,
    peer_group_priority: row.peer_group_priority,
    sync_status: row.sync_status,
    sync_message: row.sync_message,
    created_at: time(row.created_at),
    updated_at: updated(row),
  }
}
