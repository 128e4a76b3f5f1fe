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

/**
 * The definition the obvious way: each object's keys sorted, the text of each part from
 * JSON.stringify. The text is joined by hand: an object rebuilt with sorted keys would list its
 * integer-like keys first again (`{"": 1, "0": 2}` keeps "0" ahead of ""), as every object does.
 */
function referenceJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => referenceJson(item)).join(',')}]`
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null'
  const record = value as Record<string, unknown>
  const parts = Object.keys(record)
    .sort()
    .filter((key) => record[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${referenceJson(record[key])}`)
  return `{${parts.join(',')}}`
}

CanonicalJson(
  'canonicalJson - an integer-like key sorts as text, after the empty key (the counterexample of a property run)',
  () => {
    const value = { '': null, 0: null }
    assert.is(referenceJson(value), '{"":null,"0":null}')
    assert.is(canonicalJson(value), referenceJson(value))
  },
)

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
