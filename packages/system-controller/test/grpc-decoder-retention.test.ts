// The workspace patches @grpc/grpc-js (patches/@grpc__grpc-js@1.14.7.patch) so that its message
// decoder keeps no view of a received chunk once a message is complete: on a Watch stream, that view
// lived until the next heartbeat, a second later, and every one of 10,000 streams' views reached
// the old generation (docs/performance.md, "What holds the controller's loop").
import { createRequire } from 'node:module'
import { test } from 'uvu'
import * as assert from 'uvu/assert'

interface StreamDecoder {
  write(data: Buffer): Buffer[]
  readCompressFlag: Buffer
  readPartialMessage: Buffer[]
}
const require = createRequire(import.meta.url)
const { StreamDecoder } = require('@grpc/grpc-js/build/src/stream-decoder.js') as {
  StreamDecoder: new (maxReadMessageLength: number) => StreamDecoder
}

function framed(payload: Buffer, compressed = 0): Buffer {
  const header = Buffer.alloc(5)
  header[0] = compressed
  header.writeUInt32BE(payload.length, 1)
  return Buffer.concat([header, payload])
}

test('grpc-js decoder (patched) - a complete message leaves no view of the chunk behind', () => {
  const decoder = new StreamDecoder(-1)
  const chunk = framed(Buffer.from('heartbeat'), 1)
  const out = decoder.write(chunk)
  assert.equal(out, [chunk], 'the framed message, flag included')
  assert.is(decoder.readPartialMessage.length, 0, 'no part of the message kept')
  assert.is.not(decoder.readCompressFlag.buffer, chunk.buffer, 'the flag is a copy, not a view')
})

test('grpc-js decoder (patched) - messages split anywhere across chunks decode as sent', () => {
  let seed = 11
  const random = (n: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
    return seed % n
  }
  for (let round = 0; round < 200; round++) {
    const payloads = Array.from({ length: 1 + random(5) }, () =>
      Buffer.from(Array.from({ length: random(40) }, () => random(256))),
    )
    const wire = Buffer.concat(payloads.map((p, i) => framed(p, i % 2)))
    const decoder = new StreamDecoder(-1)
    const received: Buffer[] = []
    for (let at = 0; at < wire.length;) {
      const size = 1 + random(12)
      received.push(...decoder.write(wire.subarray(at, at + size)))
      at += size
    }
    assert.equal(
      received.map((m) => m.toString('hex')),
      payloads.map((p, i) => framed(p, i % 2).toString('hex')),
      `round ${round}`,
    )
    assert.is(decoder.readPartialMessage.length, 0)
  }
})

test.run()
