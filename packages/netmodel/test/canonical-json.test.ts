import fc from 'fast-check'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { canonicalJson } from '../src/index.js'

const CanonicalJson = suite('canonicalJson')

CanonicalJson('canonicalJson - pinned form: keys sorted at every depth, no spaces', () => {
  const value = { b: [2, { z: 'x', y: 1.5 }], a: { d: null, c: true }, é: 'é', A: [] }
  assert.is(canonicalJson(value), '{"A":[],"a":{"c":true,"d":null},"b":[2,{"y":1.5,"z":"x"}],"é":"é"}')
})

CanonicalJson('canonicalJson - the same text whatever the key order of the input', () => {
  assert.is(canonicalJson({ b: 1, a: { y: 2, x: 3 } }), canonicalJson({ a: { x: 3, y: 2 }, b: 1 }))
})

CanonicalJson('canonicalJson - undefined: left out as an object value, null in an array or alone', () => {
  assert.is(canonicalJson({ a: undefined, b: 1 }), '{"b":1}')
  assert.is(canonicalJson({ a: undefined, b: 1 }), canonicalJson({ b: 1 }))
  assert.is(canonicalJson([1, undefined, 'x']), '[1,null,"x"]')
  assert.is(canonicalJson(undefined), 'null')
})

CanonicalJson('canonicalJson - keys sort by code unit, integer-like keys included', () => {
  assert.is(canonicalJson({ 9: 'a', 10: 'b', b: 'c', B: 'd' }), '{"10":"b","9":"a","B":"d","b":"c"}')
})

CanonicalJson('canonicalJson - scalars as JSON.stringify writes them', () => {
  for (const value of ['a"b\n', 0, -1.25, true, false, null])
    assert.is(canonicalJson(value), JSON.stringify(value))
  assert.is(canonicalJson(Number.NaN), 'null')
})

/** The definition the obvious way: sort every object's keys, then let JSON.stringify write it. */
function referenceJson(value: unknown): string {
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map((item) => (item === undefined ? null : sorted(item)))
    if (typeof v !== 'object' || v === null) return v
    // fromEntries defines own keys, so a `__proto__` key stays a key instead of setting the prototype.
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((key) => [key, sorted((v as Record<string, unknown>)[key])]),
    )
  }
  return JSON.stringify(sorted(value)) ?? 'null'
}

CanonicalJson('canonicalJson - a __proto__ key is data like any other', () => {
  const value = JSON.parse('{"b":1,"__proto__":{"x":2}}') as unknown
  assert.is(canonicalJson(value), '{"__proto__":{"x":2},"b":1}')
})

CanonicalJson('canonicalJson - agrees with sorted keys and JSON.stringify on any plain data', () => {
  const leaf = fc.oneof(
    fc.string({ unit: 'grapheme' }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
  )
  const data = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
    array: fc.array(tie('value'), { maxLength: 5 }),
    object: fc.dictionary(fc.string({ unit: 'grapheme', maxLength: 6 }), tie('value'), { maxKeys: 5 }),
  })).value
  fc.assert(
    fc.property(data, (value) => {
      assert.is(canonicalJson(value), referenceJson(value))
    }),
    { numRuns: 500 },
  )
})

CanonicalJson.run()
