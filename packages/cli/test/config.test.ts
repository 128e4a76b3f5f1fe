import { suite } from 'uvu'
import * as assert from 'uvu/assert'

import { DEFAULT_URL, resolveConnectionConfig } from '../src/config.js'

const Resolve = suite('resolveConnectionConfig')

Resolve('resolveConnectionConfig - defaults to the local controller, its own region and 30 s', () => {
  assert.equal(resolveConnectionConfig({}, {}), { url: DEFAULT_URL, region: null, timeoutMs: 30_000 })
  assert.is(DEFAULT_URL, '127.0.0.1:50050')
})

Resolve('resolveConnectionConfig - reads DC_URL and OS_REGION_NAME, flags win over both', () => {
  const env = { DC_URL: '[fd00::2]:50051', OS_REGION_NAME: 'subcloud1' }
  assert.equal(resolveConnectionConfig({}, env), {
    url: '[fd00::2]:50051',
    region: 'subcloud1',
    timeoutMs: 30_000,
  })
  assert.equal(resolveConnectionConfig({ url: '127.0.0.1:1', region: 'subcloud2', timeout: '1.5' }, env), {
    url: '127.0.0.1:1',
    region: 'subcloud2',
    timeoutMs: 1500,
  })
})

Resolve('resolveConnectionConfig - SystemController means no region metadata', () => {
  assert.equal(resolveConnectionConfig({ region: 'SystemController' }, { OS_REGION_NAME: 'x' }), {
    url: DEFAULT_URL,
    region: null,
    timeoutMs: 30_000,
  })
})

Resolve('resolveConnectionConfig - refuses a timeout that is not a positive number', () => {
  for (const timeout of ['0', '-1', 'soon']) {
    const result = resolveConnectionConfig({ timeout }, {})
    assert.ok('error' in result, timeout)
  }
})

Resolve.run()
