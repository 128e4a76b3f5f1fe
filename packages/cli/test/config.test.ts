import { suite } from 'uvu'
import * as assert from 'uvu/assert'

import { DEFAULT_URL, resolveConnectionConfig } from '../src/config.js'

const Resolve = suite('resolveConnectionConfig')

Resolve('resolveConnectionConfig - defaults to the local controller, its own region and 30 s', () => {
  assert.equal(resolveConnectionConfig({}, {}), {
    url: DEFAULT_URL,
    region: 'SystemController',
    timeoutMs: 30_000,
  })
  assert.is(DEFAULT_URL, '127.0.0.1:50050')
})

Resolve('resolveConnectionConfig - a --url or DC_URL without a port takes the default port 50050', () => {
  const urlOf = (url: string) => {
    const config = resolveConnectionConfig({ url }, {})
    return 'url' in config ? config.url : config.error
  }
  assert.is(urlOf('[::1]'), '[::1]:50050')
  assert.is(urlOf('fd00::2'), '[fd00::2]:50050')
  assert.is(urlOf('localhost'), 'localhost:50050')
  assert.is(urlOf('10.10.1.2'), '10.10.1.2:50050')
  const fromEnv = resolveConnectionConfig({}, { DC_URL: '[fd00::2]' })
  assert.is('url' in fromEnv ? fromEnv.url : '', '[fd00::2]:50050')
  for (const given of ['[::1]:6000', '127.0.0.1:1', 'dns:///central.example:50050', 'unix:/run/dc.sock']) {
    assert.is(urlOf(given), given, 'a port or a scheme is kept as written')
  }
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

Resolve('resolveConnectionConfig - SystemController is a region like any other, sent explicitly', () => {
  assert.equal(resolveConnectionConfig({ region: 'SystemController' }, { OS_REGION_NAME: 'x' }), {
    url: DEFAULT_URL,
    region: 'SystemController',
    timeoutMs: 30_000,
  })
})

Resolve('resolveConnectionConfig - TLS files from DC_TLS_* or the --os-* flags, which win', () => {
  const env = { DC_TLS_CA: 'env-ca.crt', DC_TLS_CERT: 'env.crt', DC_TLS_KEY: 'env.key' }
  assert.equal(resolveConnectionConfig({}, env), {
    url: DEFAULT_URL,
    region: 'SystemController',
    timeoutMs: 30_000,
    tls: { caFile: 'env-ca.crt', certFile: 'env.crt', keyFile: 'env.key' },
  })
  const flags = { cacert: 'ca.crt', cert: 'alice.crt', key: 'alice.key' }
  const config = resolveConnectionConfig(flags, env)
  assert.equal('tls' in config ? config.tls : undefined, {
    caFile: 'ca.crt',
    certFile: 'alice.crt',
    keyFile: 'alice.key',
  })
  const caOnly = resolveConnectionConfig({ cacert: 'ca.crt' }, {})
  assert.equal('tls' in caOnly ? caOnly.tls : undefined, {
    caFile: 'ca.crt',
    certFile: undefined,
    keyFile: undefined,
  })
})

Resolve('resolveConnectionConfig - refuses a certificate without its key or without a CA bundle', () => {
  const noKey = resolveConnectionConfig({ cacert: 'ca.crt', cert: 'alice.crt' }, {})
  assert.match('error' in noKey ? noKey.error : '', /--os-key: required with --os-cert/)
  const noCa = resolveConnectionConfig({ cert: 'alice.crt', key: 'alice.key' }, {})
  assert.match('error' in noCa ? noCa.error : '', /--os-cacert: required with --os-cert/)
})

Resolve('resolveConnectionConfig - refuses a timeout that is not a positive number', () => {
  for (const timeout of ['0', '-1', 'soon']) {
    const result = resolveConnectionConfig({ timeout }, {})
    assert.ok('error' in result, timeout)
  }
})

Resolve.run()
