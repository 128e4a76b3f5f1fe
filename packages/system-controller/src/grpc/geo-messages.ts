import type {
  AddPeerGroupAssociationRequest__Output,
  AddSubcloudPeerGroupRequest__Output,
  AddSystemPeerRequest__Output,
  PeerGroupAssociation as PeerGroupAssociationMessage,
  SubcloudPeerGroup as SubcloudPeerGroupMessage,
  SubcloudPeerGroupStatus,
  SystemPeer as SystemPeerMessage,
  UpdateSubcloudPeerGroupRequest__Output,
  UpdateSystemPeerRequest__Output,
} from '@dc/protos'
import { given } from '@dc/platform-service'
import { InvalidFieldError } from '../errors.js'
import type { NewAssociation } from '../geo/association-service.js'
import { GEO_LIMITS, SECOND_MS } from '../geo/geo-limits.js'
import { ADMINISTRATIVE_STATES, HEARTBEAT_FAILURE_POLICIES } from '../geo/geo-states.js'
import { isSiteId } from '../geo/geo-subjects.js'
import type { PeerGroupAssociation } from '../geo/peer-group-association.js'
import type { NewPeerGroup } from '../geo/peer-group-service.js'
import type { PeerGroupSettings, PeerGroupStatus, SubcloudPeerGroup } from '../geo/subcloud-peer-group.js'
import type { NewSystemPeer } from '../geo/system-peer-service.js'
import type { SystemPeer, SystemPeerFields } from '../geo/system-peer.js'
import { choice, entityName, integerIn, ipAddress, reference } from './field-validators.js'

// ---- requests -> domain inputs (every field checked for form; the services apply the rules) ----

function peerUuid(value: string): string {
  const uuid = value.trim()
  if (!isSiteId(uuid)) {
    throw new InvalidFieldError('peer_uuid', 'must be the peer system uuid (letters, digits, - and _ only)')
  }
  return uuid
}

/** A duration the API gives in seconds, within StarlingX's range, in milliseconds. */
function secondsMs(
  field: string,
  value: number,
  range: { readonly min: number; readonly max: number },
): number {
  return integerIn(field, value, range) * SECOND_MS
}

/** The system peer fields a request gives; the manager password is accepted and dropped. */
function systemPeerFields(
  request: Omit<UpdateSystemPeerRequest__Output, 'system_peer'>,
): Partial<SystemPeerFields> {
  const l = GEO_LIMITS
  const r = request
  return {
    ...given('peerUuid', r.peer_uuid, peerUuid),
    ...given('peerName', r.peer_name, (v) => entityName('peer_name', v)),
    ...given('managerEndpoint', r.manager_endpoint, (v) => reference('manager_endpoint', v)),
    ...given('managerUsername', r.manager_username, (v) => reference('manager_username', v)),
    ...given('peerControllerGatewayIp', r.peer_controller_gateway_ip, (v) =>
      ipAddress('peer_controller_gateway_ip', v),
    ),
    ...given('administrativeState', r.administrative_state, (v) =>
      choice('administrative_state', v, ADMINISTRATIVE_STATES),
    ),
    ...given('heartbeatIntervalMs', r.heartbeat_interval, (v) =>
      secondsMs('heartbeat_interval', v, l.heartbeatInterval),
    ),
    ...given('heartbeatFailureThreshold', r.heartbeat_failure_threshold, (v) =>
      integerIn('heartbeat_failure_threshold', v, l.heartbeatFailureThreshold),
    ),
    ...given('heartbeatFailurePolicy', r.heartbeat_failure_policy, (v) =>
      choice('heartbeat_failure_policy', v, HEARTBEAT_FAILURE_POLICIES),
    ),
    ...given('heartbeatMaintenanceTimeoutMs', r.heartbeat_maintenance_timeout, (v) =>
      secondsMs('heartbeat_maintenance_timeout', v, l.heartbeatMaintenanceTimeout),
    ),
  }
}

/** `system-peer add`: the required fields and whichever optional ones were given, each checked. */
export function newSystemPeerInput(request: AddSystemPeerRequest__Output): NewSystemPeer {
  const {
    peer_uuid,
    peer_name,
    manager_endpoint,
    manager_username,
    peer_controller_gateway_ip,
    ...optional
  } = request
  return {
    peerUuid: peerUuid(peer_uuid),
    peerName: entityName('peer_name', peer_name),
    managerEndpoint: reference('manager_endpoint', manager_endpoint),
    managerUsername: reference('manager_username', manager_username),
    peerControllerGatewayIp: ipAddress('peer_controller_gateway_ip', peer_controller_gateway_ip),
    ...systemPeerFields(optional),
  }
}

/** `system-peer update`: the fields given, each checked. */
export function systemPeerChangesInput(request: UpdateSystemPeerRequest__Output): Partial<SystemPeerFields> {
  return systemPeerFields(request)
}

function groupName(value: string): string {
  const name = entityName('peer_group_name', value)
  if (name.toLowerCase() === 'none') throw new InvalidFieldError('peer_group_name', 'must not be none')
  return name
}

/** The peer group settings a request gives, each checked. */
export function peerGroupChangesInput(
  request: Omit<UpdateSubcloudPeerGroupRequest__Output, 'peer_group'>,
): Partial<PeerGroupSettings> {
  const l = GEO_LIMITS
  const r = request
  return {
    ...given('name', r.peer_group_name, groupName),
    ...given('priority', r.group_priority, (v) => integerIn('group_priority', v, l.groupPriority)),
    ...given('state', r.group_state, (v) => choice('group_state', v, ADMINISTRATIVE_STATES)),
    ...given('maxSubcloudRehoming', r.max_subcloud_rehoming, (v) =>
      integerIn('max_subcloud_rehoming', v, l.maxSubcloudRehoming),
    ),
  }
}

/** `subcloud-peer-group add`: the name and whichever settings were given, each checked. */
export function newPeerGroupInput(request: AddSubcloudPeerGroupRequest__Output): NewPeerGroup {
  const { peer_group_name, ...settings } = request
  return { name: groupName(peer_group_name), ...peerGroupChangesInput(settings) }
}

/** `peer-group-association add`: references checked; the priority's rules depend on the group. */
export function newAssociationInput(request: AddPeerGroupAssociationRequest__Output): NewAssociation {
  return {
    peerGroup: reference('peer_group', request.peer_group),
    systemPeer: reference('system_peer', request.system_peer),
    ...given('peerGroupPriority', request.peer_group_priority),
  }
}

// ---- domain -> messages ----

function time(value: Date): string {
  return value.toISOString()
}

/** Only a row changed after its creation shows an update time, as dcmanager shows it. */
function updatedTime(entity: { readonly createdAt: Date; readonly updatedAt: Date }): string {
  return entity.updatedAt.getTime() === entity.createdAt.getTime() ? '' : time(entity.updatedAt)
}

/** The `SystemPeer` message; the manager password is never stored, so never returned. */
export function systemPeerMessage(peer: SystemPeer): SystemPeerMessage {
  return {
    id: peer.id,
    peer_uuid: peer.peerUuid,
    peer_name: peer.peerName,
    manager_endpoint: peer.managerEndpoint,
    manager_username: peer.managerUsername,
    peer_controller_gateway_ip: peer.peerControllerGatewayIp,
    administrative_state: peer.administrativeState,
    heartbeat_interval: Math.round(peer.heartbeatIntervalMs / SECOND_MS),
    heartbeat_failure_threshold: peer.heartbeatFailureThreshold,
    heartbeat_failure_policy: peer.heartbeatFailurePolicy,
    heartbeat_maintenance_timeout: Math.round(peer.heartbeatMaintenanceTimeoutMs / SECOND_MS),
    availability_state: peer.availability,
    created_at: time(peer.createdAt),
    updated_at: updatedTime(peer),
  }
}

export function peerGroupMessage(group: SubcloudPeerGroup): SubcloudPeerGroupMessage {
  return {
    id: group.id,
    peer_group_name: group.name,
    group_priority: group.priority,
    group_state: group.state,
    max_subcloud_rehoming: group.maxSubcloudRehoming,
    system_leader_id: group.leaderId,
    system_leader_name: group.leaderName,
    migration_status: group.migrationStatus,
    created_at: time(group.createdAt),
    updated_at: updatedTime(group),
  }
}

export function peerGroupStatusMessage(status: PeerGroupStatus): SubcloudPeerGroupStatus {
  return {
    peer_group_id: status.peerGroupId,
    peer_group_name: status.peerGroupName,
    total_subclouds: status.total,
    complete: status.complete,
    waiting_for_migrate: status.waitingForMigrate,
    rehoming: status.rehoming,
    rehome_failed: status.rehomeFailed,
    managed: status.managed,
    unmanaged: status.unmanaged,
  }
}

export function associationMessage(association: PeerGroupAssociation): PeerGroupAssociationMessage {
  return {
    id: association.id,
    peer_group_id: association.peerGroupId,
    system_peer_id: association.systemPeerId,
    association_type: association.associationType,
    peer_group_priority: association.peerGroupPriority,
    sync_status: association.syncStatus,
    sync_message: association.syncMessage,
    created_at: time(association.createdAt),
    updated_at: updatedTime(association),
  }
}
