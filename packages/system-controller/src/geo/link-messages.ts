import type { AdministrativeState, MigrationStatus } from '../adapters/kysely/schema.js'

/** A peer group as the leader tells a peer to hold it. */
export interface GroupState {
  readonly uuid: string
  readonly name: string
  /** The priority the receiving site gives the group (the association's peer_group_priority). */
  readonly priority: number
  readonly state: AdministrativeState
  readonly maxSubcloudRehoming: number
  readonly leaderId: string
  readonly leaderName: string
  readonly migrationStatus: MigrationStatus
  readonly epoch: number
}

/** A member subcloud as its secondary copy on the peer needs it. Never carries a secret. */
export interface MemberCopy {
  readonly name: string
  readonly regionName: string
  readonly description: string
  readonly location: string
  readonly softwareVersion: string
  /** The agent's primary address, `host:port`. */
  readonly bootstrapAddress: string
  /** Bootstrap values without secrets, the controller gateway already swapped for the receiver's. */
  readonly values: Readonly<Record<string, unknown>>
}

/** One change of a peer group the sending site leads, addressed to one peer site. */
export type GeoEvent =
  | { readonly type: 'group'; readonly from: string; readonly to: string; readonly group: GroupState }
  | {
      readonly type: 'members'
      readonly from: string
      readonly to: string
      readonly groupUuid: string
      readonly epoch: number
      readonly members: readonly MemberCopy[]
    }
  | {
      readonly type: 'member-removed'
      readonly from: string
      readonly to: string
      readonly groupUuid: string
      readonly epoch: number
      readonly regionName: string
    }
  | {
      /** Ends a full snapshot: copies in the group whose region is not listed are deleted. */
      readonly type: 'snapshot-end'
      readonly from: string
      readonly to: string
      readonly groupUuid: string
      readonly epoch: number
      readonly regionNames: readonly string[]
    }
  | {
      readonly type: 'association-removed'
      readonly from: string
      readonly to: string
      readonly groupUuid: string
    }

/** A member the receiving site could not apply. */
export interface MemberFailure {
  readonly subcloud: string
  readonly regionName: string
  readonly error: string
}

/** A site's heartbeat; `applied` says how far it got in each peer's stream (and which peers it knows). */
export interface Heartbeat {
  readonly site: string
  readonly name: string
  readonly sentAtMs: number
  readonly applied: Readonly<Record<string, number>>
}

/** What a site applied of one message of a peer's stream. */
export interface ApplyAck {
  readonly site: string
  readonly seq: number
  readonly groupUuid: string
  /** Subclouds (names) the message created, changed or deleted. */
  readonly subclouds: readonly string[]
  /** The group's members the site could not apply, as of this message. */
  readonly failures: readonly MemberFailure[]
  readonly appliedAtMs: number
}

/** Largest message accepted from the link; snapshots are chunked well below it. */
const MAX_MESSAGE_BYTES = 1024 * 1024

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function str(o: Json, key: string): string {
  const v = o[key]
  if (typeof v !== 'string' || v.length > 4096) throw new Error(`${key} must be a string`)
  return v
}

function int(o: Json, key: string): number {
  const v = o[key]
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new Error(`${key} must be an integer`)
  return v
}

function oneOf<T extends string>(o: Json, key: string, allowed: readonly T[]): T {
  const v = str(o, key)
  const found = allowed.find((a) => a === v)
  if (found === undefined) throw new Error(`${key} must be one of ${allowed.join(', ')}`)
  return found
}

function list<T>(o: Json, key: string, item: (value: unknown) => T): T[] {
  const v = o[key]
  if (!Array.isArray(v)) throw new Error(`${key} must be a list`)
  return v.map(item)
}

function object(value: unknown, what: string): Json {
  if (!isObject(value)) throw new Error(`${what} must be an object`)
  return value
}

function parse(data: Uint8Array, what: string): Json {
  if (data.byteLength > MAX_MESSAGE_BYTES) throw new Error(`${what} larger than ${MAX_MESSAGE_BYTES} bytes`)
  return object(JSON.parse(new TextDecoder().decode(data)) as unknown, what)
}

function groupState(value: unknown): GroupState {
  const g = object(value, 'group')
  return {
    uuid: str(g, 'uuid'),
    name: str(g, 'name'),
    priority: int(g, 'priority'),
    state: oneOf(g, 'state', ['enabled', 'disabled'] as const),
    maxSubcloudRehoming: int(g, 'maxSubcloudRehoming'),
    leaderId: str(g, 'leaderId'),
    leaderName: str(g, 'leaderName'),
    migrationStatus: oneOf(g, 'migrationStatus', ['none', 'migrating', 'complete'] as const),
    epoch: int(g, 'epoch'),
  }
}

function memberCopy(value: unknown): MemberCopy {
  const m = object(value, 'member')
  return {
    name: str(m, 'name'),
    regionName: str(m, 'regionName'),
    description: str(m, 'description'),
    location: str(m, 'location'),
    softwareVersion: str(m, 'softwareVersion'),
    bootstrapAddress: str(m, 'bootstrapAddress'),
    values: object(m.values, 'values'),
  }
}

function memberFailure(value: unknown): MemberFailure {
  const f = object(value, 'failure')
  return { subcloud: str(f, 'subcloud'), regionName: str(f, 'regionName'), error: str(f, 'error') }
}

function text(value: unknown): string {
  if (typeof value !== 'string') throw new Error('expected a string')
  return value
}

/** JSON bytes of any link message. */
export function encodeMessage(message: GeoEvent | Heartbeat | ApplyAck): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(message))
}

/** A stream event from a peer, validated field by field; throws on anything malformed. */
export function decodeEvent(data: Uint8Array): GeoEvent {
  const e = parse(data, 'event')
  const from = str(e, 'from')
  const to = str(e, 'to')
  const type = oneOf(e, 'type', ['group', 'members', 'member-removed', 'snapshot-end', 'association-removed'])
  switch (type) {
    case 'group':
      return { type, from, to, group: groupState(e.group) }
    case 'members':
      return {
        type,
        from,
        to,
        groupUuid: str(e, 'groupUuid'),
        epoch: int(e, 'epoch'),
        members: list(e, 'members', memberCopy),
      }
    case 'member-removed':
      return {
        type,
        from,
        to,
        groupUuid: str(e, 'groupUuid'),
        epoch: int(e, 'epoch'),
        regionName: str(e, 'regionName'),
      }
    case 'snapshot-end':
      return {
        type,
        from,
        to,
        groupUuid: str(e, 'groupUuid'),
        epoch: int(e, 'epoch'),
        regionNames: list(e, 'regionNames', text),
      }
    case 'association-removed':
      return { type, from, to, groupUuid: str(e, 'groupUuid') }
    default:
      return type satisfies never
  }
}

export function decodeHeartbeat(data: Uint8Array): Heartbeat {
  const h = parse(data, 'heartbeat')
  const applied = object(h.applied, 'applied')
  return {
    site: str(h, 'site'),
    name: str(h, 'name'),
    sentAtMs: int(h, 'sentAtMs'),
    applied: Object.fromEntries(Object.keys(applied).map((k) => [k, int(applied, k)])),
  }
}

export function decodeAck(data: Uint8Array): ApplyAck {
  const a = parse(data, 'ack')
  return {
    site: str(a, 'site'),
    seq: int(a, 'seq'),
    groupUuid: str(a, 'groupUuid'),
    subclouds: list(a, 'subclouds', text),
    failures: list(a, 'failures', memberFailure),
    appliedAtMs: int(a, 'appliedAtMs'),
  }
}
