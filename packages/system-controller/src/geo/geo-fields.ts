import { canonicalIp } from '@dc/netmodel'
import type {
  AddSubcloudPeerGroupRequest__Output,
  AddSystemPeerRequest__Output,
  UpdateSubcloudPeerGroupRequest__Output,
  UpdateSystemPeerRequest__Output,
} from '@dc/protos'
import { InvalidFieldError } from '../errors.js'
import type { SubcloudPeerGroupTable, SystemPeerTable } from '../adapters/kysely/schema.js'
import type { AdministrativeState, HeartbeatFailurePolicy } from './geo-states.js'
import { GEO_LIMITS } from './geo-limits.js'
import { isSiteId } from './geo-subjects.js'

const STATES: readonly AdministrativeState[] = ['enabled', 'disabled']
const POLICIES: readonly HeartbeatFailurePolicy[] = ['alarm', 'rehome', 'delegate']
const MAX_TEXT = 255

function text(field: string, value: string, required: boolean): string {
  const trimmed = value.trim()
  if (required && trimmed.length === 0) throw new InvalidFieldError(field, 'must not be empty')
  if (trimmed.length > MAX_TEXT) throw new InvalidFieldError(field, `at most ${MAX_TEXT} characters`)
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(trimmed))
    throw new InvalidFieldError(field, 'must not contain control characters')
  return trimmed
}

/** A name that references can use: not all digits, which would read as an id. */
function name(field: string, value: string): string {
  const n = text(field, value, true)
  if (/^\d+$/.test(n)) throw new InvalidFieldError(field, 'must not be all digits')
  return n
}

function between(field: string, value: number, range: { min: number; max: number }): number {
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new InvalidFieldError(field, `must be between ${range.min} and ${range.max}`)
  }
  return value
}

function choice<T extends string>(field: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === value)
  if (found === undefined) throw new InvalidFieldError(field, `must be one of ${allowed.join(', ')}`)
  return found
}

function peerUuid(value: string, ownSite: string): string {
  const uuid = value.trim()
  if (!isSiteId(uuid)) {
    throw new InvalidFieldError('peer_uuid', 'must be the peer system uuid (letters, digits, - and _ only)')
  }
  if (uuid === ownSite) throw new InvalidFieldError('peer_uuid', 'is this system itself')
  return uuid
}

function gateway(value: string): string {
  try {
    return canonicalIp(value.trim())
  } catch {
    throw new InvalidFieldError('peer_controller_gateway_ip', `${value.slice(0, 60)} is not an IP address`)
  }
}

type PeerValues = Omit<SystemPeerTable, 'id' | 'created_at' | 'updated_at' | 'availability_state'>

/** `system-peer add`: every field checked, defaults filled. The password is accepted and dropped. */
export function newSystemPeerFields(request: AddSystemPeerRequest__Output, ownSite: string): PeerValues {
  const l = GEO_LIMITS
  return {
    peer_uuid: peerUuid(request.peer_uuid, ownSite),
    peer_name: name('peer_name', request.peer_name),
    manager_endpoint: text('manager_endpoint', request.manager_endpoint, true),
    manager_username: text('manager_username', request.manager_username, true),
    peer_controller_gateway_ip: gateway(request.peer_controller_gateway_ip),
    administrative_state: choice('administrative_state', request.administrative_state ?? 'enabled', STATES),
    heartbeat_interval: between(
      'heartbeat_interval',
      request.heartbeat_interval ?? l.heartbeatInterval.default,
      l.heartbeatInterval,
    ),
    heartbeat_failure_threshold: between(
      'heartbeat_failure_threshold',
      request.heartbeat_failure_threshold ?? l.heartbeatFailureThreshold.default,
      l.heartbeatFailureThreshold,
    ),
    heartbeat_failure_policy: choice(
      'heartbeat_failure_policy',
      request.heartbeat_failure_policy ?? 'alarm',
      POLICIES,
    ),
    heartbeat_maintenance_timeout: between(
      'heartbeat_maintenance_timeout',
      request.heartbeat_maintenance_timeout ?? l.heartbeatMaintenanceTimeout.default,
      l.heartbeatMaintenanceTimeout,
    ),
  }
}

/** `system-peer update`: the fields given, each checked; empty when nothing is to change. */
export function systemPeerChanges(
  request: UpdateSystemPeerRequest__Output,
  ownSite: string,
): Partial<PeerValues> {
  const l = GEO_LIMITS
  const set: Partial<PeerValues> = {}
  if (request.peer_uuid !== undefined) set.peer_uuid = peerUuid(request.peer_uuid, ownSite)
  if (request.peer_name !== undefined) set.peer_name = name('peer_name', request.peer_name)
  if (request.manager_endpoint !== undefined) {
    set.manager_endpoint = text('manager_endpoint', request.manager_endpoint, true)
  }
  if (request.manager_username !== undefined) {
    set.manager_username = text('manager_username', request.manager_username, true)
  }
  if (request.peer_controller_gateway_ip !== undefined) {
    set.peer_controller_gateway_ip = gateway(request.peer_controller_gateway_ip)
  }
  if (request.administrative_state !== undefined) {
    set.administrative_state = choice('administrative_state', request.administrative_state, STATES)
  }
  if (request.heartbeat_interval !== undefined) {
    set.heartbeat_interval = between('heartbeat_interval', request.heartbeat_interval, l.heartbeatInterval)
  }
  if (request.heartbeat_failure_threshold !== undefined) {
    set.heartbeat_failure_threshold = between(
      'heartbeat_failure_threshold',
      request.heartbeat_failure_threshold,
      l.heartbeatFailureThreshold,
    )
  }
  if (request.heartbeat_failure_policy !== undefined) {
    set.heartbeat_failure_policy = choice(
      'heartbeat_failure_policy',
      request.heartbeat_failure_policy,
      POLICIES,
    )
  }
  if (request.heartbeat_maintenance_timeout !== undefined) {
    set.heartbeat_maintenance_timeout = between(
      'heartbeat_maintenance_timeout',
      request.heartbeat_maintenance_timeout,
      l.heartbeatMaintenanceTimeout,
    )
  }
  return set
}

type GroupValues = Pick<
  SubcloudPeerGroupTable,
  'peer_group_name' | 'group_priority' | 'group_state' | 'max_subcloud_rehoming'
>

function groupName(value: string): string {
  const n = name('peer_group_name', value)
  if (n.toLowerCase() === 'none') throw new InvalidFieldError('peer_group_name', 'must not be none')
  return n
}

/** `subcloud-peer-group add`: checked, with StarlingX's defaults. */
export function newPeerGroupFields(request: AddSubcloudPeerGroupRequest__Output): GroupValues {
  const l = GEO_LIMITS
  return {
    peer_group_name: groupName(request.peer_group_name),
    group_priority: between(
      'group_priority',
      request.group_priority ?? l.groupPriority.default,
      l.groupPriority,
    ),
    group_state: choice('group_state', request.group_state ?? 'enabled', STATES),
    max_subcloud_rehoming: between(
      'max_subcloud_rehoming',
      request.max_subcloud_rehoming ?? l.maxSubcloudRehoming.default,
      l.maxSubcloudRehoming,
    ),
  }
}

/** `subcloud-peer-group update`: the fields given, each checked. */
export function peerGroupChanges(request: UpdateSubcloudPeerGroupRequest__Output): Partial<GroupValues> {
  const l = GEO_LIMITS
  const set: Partial<GroupValues> = {}
  if (request.peer_group_name !== undefined) set.peer_group_name = groupName(request.peer_group_name)
  if (request.group_priority !== undefined) {
    set.group_priority = between('group_priority', request.group_priority, l.groupPriority)
  }
  if (request.group_state !== undefined) set.group_state = choice('group_state', request.group_state, STATES)
  if (request.max_subcloud_rehoming !== undefined) {
    set.max_subcloud_rehoming = between(
      'max_subcloud_rehoming',
      request.max_subcloud_rehoming,
      l.maxSubcloudRehoming,
    )
  }
  return set
}

/**
 * The association's peer_group_priority (spec distcloud 4.3): required when the local group's
 * priority is 0 (this is the primary site) and forbidden otherwise; it becomes the group's
 * priority on the peer, so it must be non-zero. A non-primary association stores 0: its peer is
 * the primary site.
 */
export function associationPriority(localGroupPriority: number, requested: number | undefined): number {
  if (localGroupPriority !== 0) {
    if (requested !== undefined) {
      throw new InvalidFieldError(
        'peer_group_priority',
        `must not be given: the local subcloud peer group priority is ${localGroupPriority}, not 0`,
      )
    }
    return 0
  }
  if (requested === undefined) {
    throw new InvalidFieldError(
      'peer_group_priority',
      'is required when the local subcloud peer group priority is 0',
    )
  }
  return between('peer_group_priority', requested, { min: 1, max: GEO_LIMITS.groupPriority.max })
}
