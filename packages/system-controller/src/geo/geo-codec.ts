import { loadProtos } from '@dc/protos'
import type {
  AdministrativeState__Output,
  ApplyAck as ApplyAckWire,
  ApplyAck__Output,
  GeoEvent as GeoEventWire,
  GeoEvent__Output,
  GeoHeartbeat,
  GeoHeartbeat__Output,
  GroupState as GroupStateWire,
  GroupState__Output,
  MemberCopy as MemberCopyWire,
  MemberCopy__Output,
  MigrationStatus__Output,
  Ownership as OwnershipWire,
  Ownership__Output,
} from '@dc/protos'
import { MalformedGeoMessageError } from '../errors.js'
import type { ApplyAck, GeoEvent, GroupState, Heartbeat, MemberCopy, Ownership } from './geo-event.js'
import type { AdministrativeState, MigrationStatus } from './geo-states.js'

/**
 * The revision of `dc/geo/v1/geo.proto` this codec writes. Raise it with every field, oneof case or
 * enum value added there; readers decode any revision and name it when they cannot.
 */
export const GEO_SCHEMA_REVISION = 1

/** Largest message accepted from the link; snapshots are chunked well below it. */
const MAX_MESSAGE_BYTES = 1024 * 1024
const MAX_TEXT = 4096
const UINT32_MAX = 0xffff_ffff

const STATES = {
  enabled: 'ADMINISTRATIVE_STATE_ENABLED',
  disabled: 'ADMINISTRATIVE_STATE_DISABLED',
} as const satisfies Record<AdministrativeState, AdministrativeState__Output>

const MIGRATION_STATUSES = {
  none: 'MIGRATION_STATUS_NONE',
  migrating: 'MIGRATION_STATUS_MIGRATING',
  complete: 'MIGRATION_STATUS_COMPLETE',
} as const satisfies Record<MigrationStatus, MigrationStatus__Output>

/** What the codec needs of a proto-loader message definition. */
interface WireType<In, Out> {
  serialize(value: In): Buffer
  deserialize(data: Buffer): Out
}

/** A decoded top-level message: each starts with the writer's revision of geo.proto. */
interface Revisioned {
  readonly schema_revision: number
}

/** One top-level message of dc.geo.v1 and its domain type. */
interface MessageCodec<T, In, Out extends Revisioned> {
  readonly name: string
  /** The definition loaded from the protos package's geo.proto (loadProtos() caches it). */
  readonly wire: () => WireType<In, Out>
  readonly toWire: (value: T) => In
  /** Maps a decoded message to the domain type; throws on a value out of bounds. */
  readonly fromWire: (message: Out) => T
}

// ---- field checks (each throws a plain Error naming the field; decode() wraps it) ----

/**
 * A number for a uint32/uint64 field. Checked on the way out because protobufjs would quietly
 * write a negative or fractional number as something else (-1 as 0, 1.5 as 1).
 */
function unsigned(value: number, field: string, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > max)
    throw new Error(`${field} ${String(value)} is not an integer from 0 to ${max}`)
  return value
}

function text(value: string, field: string): string {
  if (value.length > MAX_TEXT) throw new Error(`${field} is longer than ${MAX_TEXT} characters`)
  return value
}

/** An identifier the receiver looks things up by: never empty. */
function id(value: string, field: string): string {
  if (value.length === 0) throw new Error(`${field} is empty`)
  return text(value, field)
}

/** A uint64, which the loader hands over as a decimal string. */
function uint64(value: string, field: string): number {
  const n = Number(value)
  if (!Number.isSafeInteger(n)) throw new Error(`${field} ${value} is larger than ${Number.MAX_SAFE_INTEGER}`)
  return n
}

function enumValue<T extends string>(table: Readonly<Record<T, string>>, value: string, field: string): T {
  // An enum value of a newer revision arrives as its number, which matches no name here.
  const found = (Object.keys(table) as T[]).find((key) => table[key] === value)
  if (found === undefined)
    throw new Error(`${field} ${value} is not one of ${Object.values(table).join(', ')}`)
  return found
}

function present<T>(value: T | null | undefined, field: string): T {
  if (value === null || value === undefined) throw new Error(`${field} is missing`)
  return value
}

function jsonObject(value: string, field: string): Record<string, unknown> {
  let parsed: unknown
  try {
    parsed = JSON.parse(value)
  } catch {
    throw new Error(`${field} is not JSON`)
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error(`${field} is not a JSON object`)
  return parsed as Record<string, unknown>
}

// ---- GeoEvent ----

function groupToWire(group: GroupState): GroupStateWire {
  return {
    uuid: group.uuid,
    name: group.name,
    priority: unsigned(group.priority, 'priority', UINT32_MAX),
    state: STATES[group.state],
    max_subcloud_rehoming: unsigned(group.maxSubcloudRehoming, 'maxSubcloudRehoming', UINT32_MAX),
    leader_id: group.leaderId,
    leader_name: group.leaderName,
    migration_status: MIGRATION_STATUSES[group.migrationStatus],
    epoch: unsigned(group.epoch, 'epoch'),
  }
}

function groupFromWire(group: GroupState__Output): GroupState {
  return {
    uuid: id(group.uuid, 'group.uuid'),
    name: id(group.name, 'group.name'),
    priority: group.priority,
    state: enumValue(STATES, group.state, 'group.state'),
    maxSubcloudRehoming: group.max_subcloud_rehoming,
    leaderId: id(group.leader_id, 'group.leader_id'),
    leaderName: text(group.leader_name, 'group.leader_name'),
    migrationStatus: enumValue(MIGRATION_STATUSES, group.migration_status, 'group.migration_status'),
    epoch: uint64(group.epoch, 'group.epoch'),
  }
}

function memberToWire(member: MemberCopy): MemberCopyWire {
  return {
    name: member.name,
    region_name: member.regionName,
    description: member.description,
    location: member.location,
    software_version: member.softwareVersion,
    bootstrap_address: member.bootstrapAddress,
    values_json: JSON.stringify(member.values),
  }
}

function memberFromWire(member: MemberCopy__Output, field: string): MemberCopy {
  return {
    name: id(member.name, `${field}.name`),
    regionName: id(member.region_name, `${field}.region_name`),
    description: text(member.description, `${field}.description`),
    location: text(member.location, `${field}.location`),
    softwareVersion: text(member.software_version, `${field}.software_version`),
    bootstrapAddress: text(member.bootstrap_address, `${field}.bootstrap_address`),
    values: jsonObject(member.values_json, `${field}.values_json`),
  }
}

function eventToWire(event: GeoEvent): GeoEventWire {
  const envelope = { schema_revision: GEO_SCHEMA_REVISION, from: event.from, to: event.to }
  switch (event.type) {
    case 'group':
      return { ...envelope, group: groupToWire(event.group) }
    case 'members':
      return {
        ...envelope,
        members: {
          group_uuid: event.groupUuid,
          epoch: unsigned(event.epoch, 'epoch'),
          members: event.members.map(memberToWire),
        },
      }
    case 'member-removed':
      return {
        ...envelope,
        member_removed: {
          group_uuid: event.groupUuid,
          epoch: unsigned(event.epoch, 'epoch'),
          region_name: event.regionName,
        },
      }
    case 'snapshot-end':
      return {
        ...envelope,
        snapshot_end: {
          group_uuid: event.groupUuid,
          epoch: unsigned(event.epoch, 'epoch'),
          region_names: [...event.regionNames],
        },
      }
    case 'association-removed':
      return { ...envelope, association_removed: { group_uuid: event.groupUuid } }
    default:
      return event satisfies never
  }
}

function eventFromWire(event: GeoEvent__Output): GeoEvent {
  const from = id(event.from, 'from')
  const to = id(event.to, 'to')
  switch (event.kind) {
    case 'group':
      return { type: 'group', from, to, group: groupFromWire(present(event.group, 'group')) }
    case 'members': {
      const m = present(event.members, 'members')
      return {
        type: 'members',
        from,
        to,
        groupUuid: id(m.group_uuid, 'members.group_uuid'),
        epoch: uint64(m.epoch, 'members.epoch'),
        members: m.members.map((member, i) => memberFromWire(member, `members.members[${i}]`)),
      }
    }
    case 'member_removed': {
      const m = present(event.member_removed, 'member_removed')
      return {
        type: 'member-removed',
        from,
        to,
        groupUuid: id(m.group_uuid, 'member_removed.group_uuid'),
        epoch: uint64(m.epoch, 'member_removed.epoch'),
        regionName: id(m.region_name, 'member_removed.region_name'),
      }
    }
    case 'snapshot_end': {
      const s = present(event.snapshot_end, 'snapshot_end')
      return {
        type: 'snapshot-end',
        from,
        to,
        groupUuid: id(s.group_uuid, 'snapshot_end.group_uuid'),
        epoch: uint64(s.epoch, 'snapshot_end.epoch'),
        regionNames: s.region_names.map((r, i) => id(r, `snapshot_end.region_names[${i}]`)),
      }
    }
    case 'association_removed': {
      const a = present(event.association_removed, 'association_removed')
      return {
        type: 'association-removed',
        from,
        to,
        groupUuid: id(a.group_uuid, 'association_removed.group_uuid'),
      }
    }
    case undefined:
      throw new Error(`kind is not set, or is a kind schema revision ${GEO_SCHEMA_REVISION} does not know`)
    default:
      return event.kind satisfies never
  }
}

const EVENT: MessageCodec<GeoEvent, GeoEventWire, GeoEvent__Output> = {
  name: 'dc.geo.v1.GeoEvent',
  wire: () => loadProtos().dc.geo.v1.GeoEvent,
  toWire: eventToWire,
  fromWire: eventFromWire,
}

// ---- Heartbeat, ApplyAck, Ownership ----

const HEARTBEAT: MessageCodec<Heartbeat, GeoHeartbeat, GeoHeartbeat__Output> = {
  name: 'dc.geo.v1.Heartbeat',
  wire: () => loadProtos().dc.geo.v1.Heartbeat,
  toWire: (h) => ({
    schema_revision: GEO_SCHEMA_REVISION,
    site: h.site,
    name: h.name,
    sent_at_ms: unsigned(h.sentAtMs, 'sentAtMs'),
    applied: Object.fromEntries(
      Object.entries(h.applied).map(([site, seq]) => [site, unsigned(seq, `applied.${site}`)]),
    ),
  }),
  fromWire: (h) => ({
    site: id(h.site, 'site'),
    name: text(h.name, 'name'),
    sentAtMs: uint64(h.sent_at_ms, 'sent_at_ms'),
    applied: Object.fromEntries(
      Object.entries(h.applied).map(([site, seq]) => [
        id(site, 'applied key'),
        uint64(seq, `applied.${site}`),
      ]),
    ),
  }),
}

const ACK: MessageCodec<ApplyAck, ApplyAckWire, ApplyAck__Output> = {
  name: 'dc.geo.v1.ApplyAck',
  wire: () => loadProtos().dc.geo.v1.ApplyAck,
  toWire: (a) => ({
    schema_revision: GEO_SCHEMA_REVISION,
    site: a.site,
    seq: unsigned(a.seq, 'seq'),
    group_uuid: a.groupUuid,
    subclouds: [...a.subclouds],
    failures: a.failures.map((f) => ({ subcloud: f.subcloud, region_name: f.regionName, error: f.error })),
    applied_at_ms: unsigned(a.appliedAtMs, 'appliedAtMs'),
  }),
  fromWire: (a) => ({
    site: id(a.site, 'site'),
    seq: uint64(a.seq, 'seq'),
    groupUuid: id(a.group_uuid, 'group_uuid'),
    subclouds: a.subclouds.map((s, i) => text(s, `subclouds[${i}]`)),
    failures: a.failures.map((f, i) => ({
      subcloud: text(f.subcloud, `failures[${i}].subcloud`),
      regionName: text(f.region_name, `failures[${i}].region_name`),
      error: text(f.error, `failures[${i}].error`),
    })),
    appliedAtMs: uint64(a.applied_at_ms, 'applied_at_ms'),
  }),
}

const OWNERSHIP: MessageCodec<Ownership, OwnershipWire, Ownership__Output> = {
  name: 'dc.geo.v1.Ownership',
  wire: () => loadProtos().dc.geo.v1.Ownership,
  toWire: (o) => ({
    schema_revision: GEO_SCHEMA_REVISION,
    leader: o.leader,
    leader_name: o.leaderName,
    epoch: unsigned(o.epoch, 'epoch'),
  }),
  fromWire: (o) => {
    const epoch = uint64(o.epoch, 'epoch')
    if (epoch < 1) throw new Error('epoch must be at least 1')
    return { leader: id(o.leader, 'leader'), leaderName: text(o.leader_name, 'leader_name'), epoch }
  },
}

// ---- encoding and decoding ----

/**
 * Every message of the previous release is `JSON.stringify` of an object, so it starts with `{`.
 * No dc.geo.v1 message can: 0x7B as a first byte is a tag of field 15 with wire type 3 (group
 * start), which proto3 never writes. The first byte tells the two apart without trial parsing.
 */
const JSON_OBJECT_START = 0x7b

/**
 * UPGRADE PATH from the release that wrote JSON (before dc.geo.v1). That release encoded each
 * domain object above with `JSON.stringify`, so its JSON has exactly the domain shape: it goes
 * through this release's encoder, and the result is checked like any protobuf message.
 *
 * Remove once no site runs the JSON release and nothing it wrote is left: its heartbeats and acks
 * end with its last site, its events once both sites have run this release for the event stream's
 * retention (`streamMaxAgeMs`, 7 days by default), but its ownership records stay in the bucket
 * until their group changes hands: those need rewriting as dc.geo.v1 (compare-and-set of the same
 * value) by a release before the one that drops this.
 */
function fromPreviousReleaseJson<T, In, Out extends Revisioned>(
  codec: MessageCodec<T, In, Out>,
  data: Uint8Array,
): Out {
  const json = jsonObject(new TextDecoder().decode(data), 'the message')
  const wire = codec.wire()
  // protobufjs (inside serialize) refuses a nested value of the wrong kind and turns any scalar
  // into a string where the proto says so; toWire refuses numbers the wire cannot carry, and
  // fromWire then bounds every field.
  return wire.deserialize(wire.serialize(codec.toWire(json as T)))
}

function encode<T, In, Out extends Revisioned>(codec: MessageCodec<T, In, Out>, value: T): Uint8Array {
  return codec.wire().serialize(codec.toWire(value))
}

function decode<T, In, Out extends Revisioned>(codec: MessageCodec<T, In, Out>, data: Uint8Array): T {
  let writer = 'unknown'
  try {
    if (data.byteLength > MAX_MESSAGE_BYTES) throw new Error(`larger than ${MAX_MESSAGE_BYTES} bytes`)
    if (data[0] === JSON_OBJECT_START) {
      writer = "the previous release's JSON"
      return codec.fromWire(fromPreviousReleaseJson(codec, data))
    }
    const message = codec.wire().deserialize(Buffer.from(data.buffer, data.byteOffset, data.byteLength))
    if (message.schema_revision === 0) throw new Error('schema_revision is missing: not a dc.geo.v1 message')
    writer = `schema revision ${message.schema_revision}, read at ${GEO_SCHEMA_REVISION}`
    return codec.fromWire(message)
  } catch (err) {
    throw new MalformedGeoMessageError(codec.name, writer, err instanceof Error ? err.message : String(err), {
      cause: err,
    })
  }
}

/** dc.geo.v1.GeoEvent bytes of a stream event. */
export function encodeEvent(event: GeoEvent): Uint8Array {
  return encode(EVENT, event)
}

/** dc.geo.v1.Heartbeat bytes. */
export function encodeHeartbeat(heartbeat: Heartbeat): Uint8Array {
  return encode(HEARTBEAT, heartbeat)
}

/** dc.geo.v1.ApplyAck bytes. */
export function encodeAck(ack: ApplyAck): Uint8Array {
  return encode(ACK, ack)
}

/** dc.geo.v1.Ownership bytes, the ownership bucket's value. */
export function encodeOwnership(ownership: Ownership): Uint8Array {
  return encode(OWNERSHIP, ownership)
}

/**
 * A stream event from a peer (dc.geo.v1, or the previous release's JSON), checked field by field.
 * Throws {@link MalformedGeoMessageError} on anything it cannot fully read, an event kind of a
 * newer revision included.
 */
export function decodeEvent(data: Uint8Array): GeoEvent {
  return decode(EVENT, data)
}

/** A peer's heartbeat, read like {@link decodeEvent}. */
export function decodeHeartbeat(data: Uint8Array): Heartbeat {
  return decode(HEARTBEAT, data)
}

/** A peer's acknowledgement, read like {@link decodeEvent}. */
export function decodeAck(data: Uint8Array): ApplyAck {
  return decode(ACK, data)
}

/** An ownership bucket value, read like {@link decodeEvent}; the epoch is at least 1. */
export function decodeOwnership(data: Uint8Array): Ownership {
  return decode(OWNERSHIP, data)
}
