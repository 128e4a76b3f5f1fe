import { loadProtos } from '@dc/protos'
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

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
const wire = loadProtos().dc.geo.v1

/**
 * The bytes the previous release wrote for each sample of geo-samples.ts: `JSON.stringify` of the
 * object its peer link built, in that key order. Frozen text, so a change of the domain types
 * cannot hide a break of the upgrade path.
 */
const PREVIOUS_RELEASE = {
  events: {
    group:
      '{"type":"group","from":"a","to":"b","group":{"uuid":"g","name":"pg1","priority":2,"state":"disabled",' +
      '"maxSubcloudRehoming":10,"leaderId":"a","leaderName":"A","migrationStatus":"migrating","epoch":2}}',
    members:
      '{"type":"members","from":"a","to":"b","groupUuid":"g","epoch":2,"members":[{"name":"sc1","regionName":"r1",' +
      '"description":"lab","location":"Ottawa","softwareVersion":"24.09","bootstrapAddress":"[fd00::1]:50051",' +
      '"values":{"name":"sc1","nested":{"list":[1,"two",null]}}}]}',
    memberRemoved:
      '{"type":"member-removed","from":"a","to":"b","groupUuid":"g","epoch":2,"regionName":"r1"}',
    snapshotEnd:
      '{"type":"snapshot-end","from":"a","to":"b","groupUuid":"g","epoch":2,"regionNames":["r1","r2"]}',
    associationRemoved: '{"type":"association-removed","from":"a","to":"b","groupUuid":"g"}',
  } satisfies Record<keyof typeof EVENTS, string>,
  heartbeat: '{"site":"a","name":"A","sentAtMs":1760000000000,"applied":{"b":7,"c":0}}',
  ack:
    '{"site":"b","seq":9,"groupUuid":"g","subclouds":["sc1"],"failures":[{"subcloud":"sc2","regionName":"r2",' +
    '"error":"e"},{"subcloud":"peer group pg1","regionName":"","error":"whole group"}],"appliedAtMs":1760000000001}',
  ownership: '{"leader":"a","leaderName":"A","epoch":3}',
}

const refused = (decode: () => unknown, reason: RegExp): void => {
  try {
    decode()
  } catch (err) {
    assert.instance(err, MalformedGeoMessageError)
    assert.match((err as Error).message, reason)
    return
  }
  assert.unreachable(`accepted, expected a refusal matching ${String(reason)}`)
}

const events = suite('decodeEvent')

events(
  'decodeEvent - round-trips every event kind through dc.geo.v1, stamped with the schema revision',
  () => {
    for (const event of Object.values(EVENTS)) {
      const bytes = encodeEvent(event)
      assert.is(wire.GeoEvent.deserialize(Buffer.from(bytes)).schema_revision, 1)
      assert.equal(decodeEvent(bytes), event)
    }
  },
)

events("decodeEvent - reads every event kind as the previous release's JSON", () => {
  for (const [kind, event] of Object.entries(EVENTS)) {
    assert.equal(decodeEvent(utf8(PREVIOUS_RELEASE.events[kind as keyof typeof EVENTS])), event, kind)
  }
})

events('decodeEvent - malformed or hostile protobuf is refused, not half-applied', () => {
  const event = (fields: object): Uint8Array =>
    wire.GeoEvent.serialize({ schema_revision: 1, from: 'a', to: 'b', ...fields })
  const removed = (fields: object): Uint8Array =>
    event({ member_removed: { group_uuid: 'g', epoch: 1, region_name: 'r', ...fields } })
  refused(() => decodeEvent(utf8('not json')), /Unreadable dc\.geo\.v1\.GeoEvent \(unknown\)/)
  refused(() => decodeEvent(new Uint8Array(1024 * 1024 + 1)), /larger than 1048576 bytes/)
  refused(() => decodeEvent(new Uint8Array(0)), /schema_revision is missing/)
  refused(() => decodeEvent(event({})), /schema revision 1, read at 1\): kind is not set/)
  refused(() => decodeEvent(removed({ epoch: '9007199254740993' })), /member_removed\.epoch .* larger than/)
  refused(() => decodeEvent(removed({ region_name: '' })), /member_removed\.region_name is empty/)
  refused(() => decodeEvent(removed({ group_uuid: 'g'.repeat(4097) })), /longer than 4096/)
  refused(() => decodeEvent(event({ from: '', association_removed: { group_uuid: 'g' } })), /from is empty/)
  refused(
    () => decodeEvent(event({ group: { uuid: 'g', name: 'pg1', leader_id: 'a', migration_status: 1 } })),
    /group\.state ADMINISTRATIVE_STATE_UNSPECIFIED is not one of/,
  )
  refused(
    () =>
      decodeEvent(
        event({
          members: { group_uuid: 'g', members: [{ name: 's', region_name: 'r', values_json: '[1]' }] },
        }),
      ),
    /members\.members\[0\]\.values_json is not a JSON object/,
  )
})

events("decodeEvent - malformed JSON of the previous release's shape is refused", () => {
  const json = (value: object): Uint8Array => utf8(JSON.stringify(value))
  refused(() => decodeEvent(utf8('{"type":')), /previous release's JSON/)
  refused(() => decodeEvent(json({ type: 'drop-tables', from: 'a', to: 'b' })), /kind is not set/)
  refused(
    () =>
      decodeEvent(
        json({ type: 'member-removed', from: 'a', to: 'b', groupUuid: 'g', epoch: -1, regionName: 'r' }),
      ),
    /epoch -1 is not an integer/,
  )
  refused(
    () => decodeEvent(json({ type: 'members', from: 'a', to: 'b', groupUuid: 'g', epoch: 1, members: [{}] })),
    /members\.members\[0\]\.name is empty/,
  )
  refused(
    () =>
      decodeEvent(
        json({ type: 'snapshot-end', from: 'a', to: 'b', groupUuid: 'g', epoch: 1, regionNames: 5 }),
      ),
    /previous release's JSON/,
  )
  refused(() => decodeEvent(json({ type: 'group', from: 'a', to: 'b' })), /previous release's JSON/)
})

const heartbeats = suite('decodeHeartbeat')

heartbeats('decodeHeartbeat - applied sequences per peer site, from dc.geo.v1 and from JSON', () => {
  assert.equal(decodeHeartbeat(encodeHeartbeat(HEARTBEAT)), HEARTBEAT)
  assert.equal(decodeHeartbeat(utf8(PREVIOUS_RELEASE.heartbeat)), HEARTBEAT)
  const beat = (applied: Record<string, string>): Uint8Array =>
    wire.Heartbeat.serialize({ schema_revision: 1, site: 'a', applied })
  refused(() => decodeHeartbeat(beat({ b: '18446744073709551615' })), /applied\.b .* larger than/)
  refused(() => decodeHeartbeat(beat({ '': '1' })), /applied key is empty/)
  refused(() => decodeHeartbeat(wire.Heartbeat.serialize({ schema_revision: 1 })), /site is empty/)
})

const acks = suite('decodeAck')

acks('decodeAck - failures with their region, from dc.geo.v1 and from JSON', () => {
  assert.equal(decodeAck(encodeAck(ACK)), ACK)
  assert.equal(decodeAck(utf8(PREVIOUS_RELEASE.ack)), ACK)
  refused(
    () => decodeAck(utf8(JSON.stringify({ ...ACK, failures: [{ subcloud: 'sc2' }], groupUuid: '' }))),
    /group_uuid is empty/,
  )
  refused(() => decodeAck(utf8(JSON.stringify({ ...ACK, failures: 'none' }))), /previous release's JSON/)
})

const ownership = suite('decodeOwnership')

ownership('decodeOwnership - leader and epoch, from dc.geo.v1 and from JSON; epoch at least 1', () => {
  assert.equal(decodeOwnership(encodeOwnership(OWNERSHIP)), OWNERSHIP)
  assert.equal(decodeOwnership(utf8(PREVIOUS_RELEASE.ownership)), OWNERSHIP)
  refused(() => decodeOwnership(encodeOwnership({ ...OWNERSHIP, epoch: 0 })), /epoch must be at least 1/)
  refused(() => decodeOwnership(utf8('{"leader":1}')), /epoch undefined is not an integer/)
  refused(() => decodeOwnership(encodeOwnership({ ...OWNERSHIP, leader: '' })), /leader is empty/)
})

events.run()
heartbeats.run()
acks.run()
ownership.run()
