import { nkeys } from '@nats-io/transport-node'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { renderNatsServerConfig } from '../src/geo/render-nats-server-config.js'

const test = suite('renderNatsServerConfig')

const a = nkeys.createUser().getPublicKey()
const b = nkeys.createUser().getPublicKey()

test('renderNatsServerConfig - each site publishes only on its own subjects and hears its own acks', () => {
  const text = renderNatsServerConfig({
    listen: '[::1]:4222',
    jetstreamStoreDir: '/var/lib/nats',
    sites: [
      { siteId: 'site-a', nkey: a },
      { siteId: 'site-b', nkey: b },
    ],
  })
  const userA = text.slice(text.indexOf(a), text.indexOf(b))
  assert.match(userA, /allow: \["dc\.site-a\.>", "\$JS\.API\.>"/)
  assert.not.match(userA, /"dc\.site-b\.>"/)
  assert.match(userA, /"\$JS\.API\.STREAM\.DELETE\.DC-site-b"/, 'may not delete the peer stream')
  assert.match(
    userA,
    /"\$JS\.API\.STREAM\.PURGE\.KV_dc-peer-group-owners"/,
    'may not purge the ownership bucket',
  )
  assert.match(userA, /subscribe: \{ allow: \["dc\.\*\.heartbeat", "dc\.\*\.acks\.site-a", "_INBOX\.>"\] \}/)
  assert.match(text, /listen: "\[::1\]:4222"/)
  assert.not.match(text, /tls \{/)
})

test('renderNatsServerConfig - TLS with client verification, read-only observers', () => {
  const observer = nkeys.createUser().getPublicKey()
  const text = renderNatsServerConfig({
    listen: '127.0.0.1:4222',
    jetstreamStoreDir: '/js',
    sites: [{ siteId: 'a', nkey: a }],
    observers: [observer],
    tls: { certFile: '/t/s.crt', keyFile: '/t/s.key', caFile: '/t/ca.crt', verifyClients: true },
  })
  assert.match(
    text,
    /tls \{\n {2}cert_file: "\/t\/s.crt"\n {2}key_file: "\/t\/s.key"\n {2}ca_file: "\/t\/ca.crt"\n {2}verify: true/,
  )
  assert.match(
    text,
    new RegExp(`nkey: "${observer}"\\n\\s+permissions: \\{ publish: \\{ deny: \\[">"\\] \\}`),
  )
})

test('renderNatsServerConfig - a malformed site id or key is refused rather than rendered open', () => {
  assert.throws(
    () =>
      renderNatsServerConfig({ listen: 'x', jetstreamStoreDir: 'y', sites: [{ siteId: 'a.>', nkey: a }] }),
    /subject token/,
  )
  assert.throws(
    () =>
      renderNatsServerConfig({
        listen: 'x',
        jetstreamStoreDir: 'y',
        sites: [{ siteId: 'a', nkey: 'SUSEED' }],
      }),
    /public user NKEY/,
  )
})

test.run()
