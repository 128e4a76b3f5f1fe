import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { ConfigError } from '../src/errors.js'
import { geoConfigOf } from '../src/geo/geo-config.js'

const test = suite('geoConfigOf')

test('geoConfigOf - no --nats-url: no link, and the other geo flags are refused without it', () => {
  assert.equal(geoConfigOf({}, '/x'), {
    nats: undefined,
    siteId: undefined,
    heartbeatIntervalMs: undefined,
    maintenanceTimeoutMs: undefined,
  })
  assert.throws(
    () => geoConfigOf({ 'nats-creds': 'a.creds' }, '/x'),
    (e: Error) => e instanceof ConfigError && /needs --nats-url/.test(e.message),
  )
})

test('geoConfigOf - files resolve against the working directory; overrides are milliseconds', () => {
  const config = geoConfigOf(
    {
      'nats-url': 'tls://[fd00::10]:4222',
      'nats-creds': 'site.nk',
      'nats-tls-ca': '/pki/ca.crt',
      'site-id': 'site_a-1',
      'peer-heartbeat-interval-ms': '200',
      'peer-maintenance-timeout-ms': '0',
      'nats-replicas': '3',
    },
    '/etc/dc',
  )
  assert.equal(config.nats, {
    url: 'tls://[fd00::10]:4222',
    credsFile: '/etc/dc/site.nk',
    tlsCaFile: '/pki/ca.crt',
    tlsCertFile: undefined,
    tlsKeyFile: undefined,
    replicas: 3,
  })
  assert.is(
    geoConfigOf({ 'nats-url': 'nats://127.0.0.1:4222' }, '/').nats?.replicas,
    1,
    'one server by default',
  )
  assert.is(config.siteId, 'site_a-1')
  assert.is(config.heartbeatIntervalMs, 200)
  assert.is(config.maintenanceTimeoutMs, 0)
})

test('geoConfigOf - refuses credentials in the URL, other schemes, a missing port, bad site ids, half a client cert', () => {
  const bad: Record<string, string>[] = [
    { 'nats-url': 'nats://user:pw@127.0.0.1:4222' },
    { 'nats-url': 'http://127.0.0.1:4222' },
    { 'nats-url': 'nats://127.0.0.1' },
    { 'nats-url': 'nats://127.0.0.1:4222', 'site-id': 'a.b' },
    { 'nats-url': 'nats://127.0.0.1:4222', 'nats-tls-cert': 'c.crt' },
    { 'nats-url': 'nats://127.0.0.1:4222', 'peer-heartbeat-interval-ms': '5' },
    { 'nats-url': 'nats://127.0.0.1:4222', 'nats-replicas': '2' },
    { 'nats-replicas': '3' },
  ]
  for (const values of bad)
    assert.throws(
      () => geoConfigOf(values, '/'),
      (e: Error) => e instanceof ConfigError,
      JSON.stringify(values),
    )
})

test.run()
