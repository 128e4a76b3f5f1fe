import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { decodeAck, decodeEvent, decodeHeartbeat, encodeMessage } from '../src/geo/link-messages.js'
import type { GeoEvent } from '../src/geo/link-messages.js'

const bytes = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value))

const decode = suite('decodeEvent')

decode('decodeEvent - round-trips every event type', () => {
  const events: GeoEvent[] = [
    {
      type: 'group',
      from: 'a',
      to: 'b',
      group: {
        uuid: 'g',
        name: 'pg1',
        priority: 2,
        state: 'enabled',
        maxSubcloudRehoming: 10,
        leaderId: 'a',
        leaderName: 'A',
        migrationStatus: 'none',
        epoch: 2,
      },
    },
    {
      type: 'members',
      from: 'a',
      to: 'b',
      groupUuid: 'g',
      epoch: 2,
      members: [
        {
          name: 'sc1',
          regionName: 'r1',
          description: '',
          location: '',
          softwareVersion: '24.09',
          bootstrapAddress: '[fd00::1]:50051',
          values: { name: 'sc1' },
        },
      ],
    },
    { type: 'member-removed', from: 'a', to: 'b', groupUuid: 'g', epoch: 2, regionName: 'r1' },
    { type: 'snapshot-end', from: 'a', to: 'b', groupUuid: 'g', epoch: 2, regionNames: ['r1'] },
    { type: 'association-removed', from: 'a', to: 'b', groupUuid: 'g' },
  ]
  for (const event of events) assert.equal(decodeEvent(encodeMessage(event)), event)
})

decode('decodeEvent - malformed or hostile input is refused, not half-applied', () => {
  assert.throws(() => decodeEvent(new TextEncoder().encode('not json')))
  assert.throws(() => decodeEvent(bytes({ type: 'drop-tables', from: 'a', to: 'b' })), /type must be one of/)
  assert.throws(
    () =>
      decodeEvent(
        bytes({ type: 'member-removed', from: 'a', to: 'b', groupUuid: 'g', epoch: -1, regionName: 'r' }),
      ),
    /epoch/,
  )
  assert.throws(
    () =>
      decodeEvent(
        bytes({ type: 'members', from: 'a', to: 'b', groupUuid: 'g', epoch: 1, members: [{ name: 1 }] }),
      ),
    /name/,
  )
  assert.throws(() => decodeEvent(new Uint8Array(1024 * 1024 + 1)), /larger than/)
})

const others = suite('decodeHeartbeat')

others('decodeHeartbeat - applied sequences per peer site; decodeAck - failures with their region', () => {
  const heartbeat = { site: 'a', name: 'A', sentAtMs: 5, applied: { b: 7 } }
  assert.equal(decodeHeartbeat(encodeMessage(heartbeat)), heartbeat)
  assert.throws(() => decodeHeartbeat(bytes({ ...heartbeat, applied: { b: 'x' } })))
  const ack = {
    site: 'b',
    seq: 9,
    groupUuid: 'g',
    subclouds: ['sc1'],
    failures: [{ subcloud: 'sc2', regionName: 'r2', error: 'e' }],
    appliedAtMs: 1,
  }
  assert.equal(decodeAck(encodeMessage(ack)), ack)
  assert.throws(() => decodeAck(bytes({ ...ack, failures: [{ subcloud: 'sc2' }] })))
})

decode.run()
others.run()
