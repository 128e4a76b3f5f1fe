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

CanonicalJson.run()
