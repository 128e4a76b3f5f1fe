import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { loadProtos, watchEventDeserializer } from '../src/index.js'
import type { WatchEvent, WatchEvent__Output } from '../src/index.js'
import { decodeHeartbeatEvent } from '../src/watch-event-decoder.js'

const Decoder = suite('watchEventDeserializer')
const { Watch } = loadProtos().dc.agent.v1.Agent.service
const encode = (event: WatchEvent): Buffer => Watch.responseSerialize(event)
const loaderDecode = (bytes: Buffer): WatchEvent__Output => Watch.responseDeserialize(bytes)
const decode = watchEventDeserializer(loaderDecode)

function heartbeat(sequence: number | string, generation: number | string, sentAt: number | string): Buffer {
  return encode({ heartbeat: { sequence, generation, sent_at_unix_ms: sentAt } })
}

Decoder('a heartbeat decodes by hand to exactly what the loader gives', () => {
  const cases = [
    heartbeat(0, 0, 0),
    heartbeat(1, 0, 0),
    heartbeat(1, 7, Date.now()),
    heartbeat(127, 128, 16_383),
    heartbeat(16_384, 2 ** 31, 2 ** 32 + 5),
    heartbeat(2 ** 49 - 1, 2 ** 42, 1_796_676_432_355),
  ]
  for (const bytes of cases) {
    assert.ok(decodeHeartbeatEvent(bytes), `hand path for ${bytes.toString('hex')}`)
    assert.equal(decode(bytes), loaderDecode(bytes), bytes.toString('hex'))
  }
})

Decoder('a random sample of heartbeats matches the loader', () => {
  let seed = 7
  const next = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
    return seed
  }
  for (let i = 0; i < 500; i++) {
    const bits = next() % 50
    const value = (v: number): number => Math.floor((v / 2 ** 31) * 2 ** bits)
    const bytes = heartbeat(value(next()), value(next()), value(next()))
    assert.equal(decode(bytes), loaderDecode(bytes), bytes.toString('hex'))
  }
})

Decoder('values of 2^49 and beyond take the loader path, digit for digit', () => {
  const bytes = heartbeat('18446744073709551615', String(2 ** 49), '9007199254740993')
  assert.is(decodeHeartbeatEvent(bytes), undefined)
  assert.equal(decode(bytes).heartbeat, {
    sequence: '18446744073709551615',
    generation: String(2 ** 49),
    sent_at_unix_ms: '9007199254740993',
  })
})

Decoder('a status, an unknown field or a cut message take the loader path', () => {
  const status = encode({ status: { config_hash: 'abc', generation: 3, bootstrapped: true, hosts: [] } })
  assert.is(decodeHeartbeatEvent(status), undefined)
  assert.equal(decode(status), loaderDecode(status))
  assert.is(decode(status).status?.config_hash, 'abc')
  // Heartbeat field 4 (unknown to this decoder, skipped by the loader).
  const beat = heartbeat(3, 4, 5)
  const unknown = Buffer.concat([
    Buffer.from([0x0a, (beat[1] as number) + 2]),
    beat.subarray(2),
    Buffer.from([0x20, 0x01]),
  ])
  assert.is(decodeHeartbeatEvent(unknown), undefined)
  assert.equal(decode(unknown), loaderDecode(unknown))
  assert.is(decodeHeartbeatEvent(beat.subarray(0, beat.length - 1)), undefined)
  assert.throws(() => decode(beat.subarray(0, beat.length - 1)))
})

Decoder.run()
