import { join } from 'node:path'
import { loadProtoDefinition, protoLocation } from '@dc/protos'
import { loadSync } from '@grpc/proto-loader'
import type { MessageTypeDefinition, PackageDefinition } from '@grpc/proto-loader'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { MalformedGeoMessageError } from '../src/errors.js'
import {
  decodeAck,
  decodeEvent,
  decodeHeartbeat,
  decodeOwnership,
  encodeAck,
  encodeEvent,
  encodeHeartbeat,
  encodeOwnership,
} from '../src/geo/geo-codec.js'
import { ACK, EVENTS, HEARTBEAT, OWNERSHIP } from './geo-samples.js'

// Two schemas beside geo.proto stand for the other site: testdata/revision-1.proto, frozen as
// released, and testdata/next.proto, a made-up revision 2 with a field added to every message.

type Message = Record<string, unknown>

function loadTestdata(file: string): PackageDefinition {
  const { includeDir, options } = protoLocation()
  return loadSync(file, { ...options, includeDirs: [join(includeDir, 'dc/geo/v1/testdata')] })
}

function messageType(definition: PackageDefinition, name: string): MessageTypeDefinition<Message, Message> {
  const type = definition[`dc.geo.v1.${name}`]
  if (type === undefined || !('serialize' in type)) throw new Error(`no message dc.geo.v1.${name}`)
  return type as MessageTypeDefinition<Message, Message>
}

const revision1 = loadTestdata('revision-1.proto')
const next = loadTestdata('next.proto')

/** One top-level message: its samples, and what next.proto adds to it with its default. */
interface Case {
  readonly name: string
  readonly added: Message
  readonly addedDefaults: Message
  /** Each sample, written by the codec, passed through `via`, read by the codec, comes back as it was. */
  readonly roundTrip: (via: (bytes: Uint8Array) => Uint8Array) => void
}

function messageCase<T>(
  name: string,
  codec: { encode: (value: T) => Uint8Array; decode: (data: Uint8Array) => T },
  samples: readonly T[],
  added: Message,
  addedDefaults: Message,
): Case {
  return {
    name,
    added,
    addedDefaults,
    roundTrip: (via) => {
      for (const sample of samples) assert.equal(codec.decode(via(codec.encode(sample))), sample, name)
    },
  }
}

const CASES: readonly Case[] = [
  messageCase(
    'GeoEvent',
    { encode: encodeEvent, decode: decodeEvent },
    Object.values(EVENTS),
    { sent_at_ms: '5' },
    { sent_at_ms: '0' },
  ),
  messageCase(
    'Heartbeat',
    { encode: encodeHeartbeat, decode: decodeHeartbeat },
    [HEARTBEAT],
    { software_version: '25.03' },
    { software_version: '' },
  ),
  messageCase(
    'ApplyAck',
    { encode: encodeAck, decode: decodeAck },
    [ACK],
    { members_applied: 3 },
    { members_applied: 0 },
  ),
  messageCase(
    'Ownership',
    { encode: encodeOwnership, decode: decodeOwnership },
    [OWNERSHIP],
    { taken_at_ms: '7' },
    { taken_at_ms: '0' },
  ),
]

const test = suite('dc.geo.v1 compatibility')

interface Descriptor {
  readonly name?: string
  readonly field: readonly { name: string; number: number; label: string; type: string; typeName: string }[]
  readonly nestedType: readonly Descriptor[]
}

/** Every field of `frozen` (map entries included) is in `now` under its number, label and type. */
function assertKeepsFields(path: string, frozen: Descriptor, now: Descriptor): void {
  for (const field of frozen.field) {
    const same = now.field.find((f) => f.number === field.number)
    assert.ok(same, `${path}.${field.name} (${field.number}) is gone; reserve its number instead`)
    assert.equal(
      [same.label, same.type, same.typeName],
      [field.label, field.type, field.typeName],
      `${path}.${field.name} (${field.number}) changed its type`,
    )
  }
  for (const nested of frozen.nestedType) {
    const same = now.nestedType.find((n) => n.name === nested.name)
    assert.ok(same, `${path}.${nested.name ?? ''} is gone`)
    assertKeepsFields(`${path}.${nested.name ?? ''}`, nested, same)
  }
}

test('dc.geo.v1 compatibility - geo.proto keeps every field and enum value of revision 1, same number and type', () => {
  const current = loadProtoDefinition()
  for (const [name, frozen] of Object.entries(revision1)) {
    const now = current[name]
    assert.ok(now, `${name} is gone`)
    if (frozen.format === 'Protocol Buffer 3 EnumDescriptorProto') {
      const numbers = (type: object): number[] =>
        (type as { value: { number: number }[] }).value.map((v) => v.number)
      for (const n of numbers(frozen.type))
        assert.ok(numbers(now.type).includes(n), `${name} lost value ${n}`)
    } else {
      assertKeepsFields(name, frozen.type as Descriptor, now.type as Descriptor)
    }
  }
})

test('dc.geo.v1 compatibility - a revision 1 site reads what this release writes, and this release reads it', () => {
  for (const c of CASES) {
    const frozen = messageType(revision1, c.name)
    // Decoding drops nothing revision 1 knows, so re-encoding is what a revision 1 writer sends.
    c.roundTrip((bytes) => frozen.serialize(frozen.deserialize(Buffer.from(bytes))))
  }
})

test('dc.geo.v1 compatibility - fields of a later revision are skipped; a later reader takes revision 1 as it is', () => {
  for (const c of CASES) {
    const later = messageType(next, c.name)
    c.roundTrip((bytes) => {
      const read = later.deserialize(Buffer.from(bytes))
      assert.is(read.schema_revision, 1, `${c.name}: a later reader sees the revision written`)
      for (const [field, value] of Object.entries(c.addedDefaults)) assert.equal(read[field], value, field)
      const written: Message = { ...read, ...c.added, schema_revision: 2 }
      if (read.group) written.group = { ...(read.group as Message), preferred_site: 'b' }
      return later.serialize(written)
    })
  }
})

test('dc.geo.v1 compatibility - an event kind or enum value of a later revision is refused, naming that revision', () => {
  const later = messageType(next, 'GeoEvent')
  const refusal = (data: Uint8Array): string => {
    try {
      decodeEvent(data)
    } catch (err) {
      assert.instance(err, MalformedGeoMessageError)
      return (err as Error).message
    }
    throw new Error('an event of a later revision was accepted')
  }
  const envelope = { schema_revision: 2, from: 'a', to: 'b' }
  assert.match(
    refusal(later.serialize({ ...envelope, group_renamed: { group_uuid: 'g', name: 'pg2' } })),
    /\(schema revision 2, read at 1\): kind is not set, or is a kind schema revision 1 does not know/,
  )
  const group = { uuid: 'g', name: 'pg1', state: 'ADMINISTRATIVE_STATE_ENABLED', leader_id: 'a', epoch: 1 }
  assert.match(
    refusal(
      later.serialize({ ...envelope, group: { ...group, migration_status: 'MIGRATION_STATUS_FAILED' } }),
    ),
    /group\.migration_status 4 is not one of/,
  )
})

test.run()
