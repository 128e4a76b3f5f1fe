import fc from 'fast-check'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { deriveUuid, stableHash } from '../src/index.js'

/** FNV-1a 64 the obvious way, with bigint, over UTF-16 code units. */
function referenceFnv(text: string): string {
  let h = 0xcbf29ce484222325n
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i))
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn
  }
  return h.toString(16).padStart(16, '0')
}

const StableHash = suite('stableHash')
const DeriveUuid = suite('deriveUuid')

StableHash('stableHash - is FNV-1a 64 (known vectors)', () => {
  assert.is(stableHash(''), 'cbf29ce484222325')
  assert.is(stableHash('a'), 'af63dc4c8601ec8c')
  assert.is(stableHash('foobar'), '85944171f73967e8')
})

StableHash('stableHash - agrees with a bigint implementation on any text', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
      assert.is(stableHash(text), referenceFnv(text))
    }),
    { numRuns: 500 },
  )
})

DeriveUuid('deriveUuid - looks like a v4 uuid and depends on every input', () => {
  const uuid = deriveUuid('0b9f7c3e-5d2a-4e61-9c1b-7a8d2f4e6c10', 12, 'addrpool')
  assert.match(uuid, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  assert.is(deriveUuid('0b9f7c3e-5d2a-4e61-9c1b-7a8d2f4e6c10', 12, 'addrpool'), uuid)
  assert.is.not(deriveUuid('0b9f7c3e-5d2a-4e61-9c1b-7a8d2f4e6c10', 13, 'addrpool'), uuid)
  assert.is.not(deriveUuid('0b9f7c3e-5d2a-4e61-9c1b-7a8d2f4e6c10', 12, 'network'), uuid)
  assert.is.not(deriveUuid('1b9f7c3e-5d2a-4e61-9c1b-7a8d2f4e6c10', 12, 'addrpool'), uuid)
})

DeriveUuid('deriveUuid - ten thousand ids give ten thousand uuids', () => {
  const seen = new Set<string>()
  for (let id = 0; id < 10_000; id++) seen.add(deriveUuid('site', id, 'address'))
  assert.is(seen.size, 10_000)
})

StableHash.run()
DeriveUuid.run()
