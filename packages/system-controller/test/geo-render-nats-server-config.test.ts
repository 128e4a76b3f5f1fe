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

const cluster = {
  serverName: 'nats-a',
  name: 'dc-geo',
  listen: '[fd00:1::10]:6222',
  routes: ['[fd00:2::10]:6222', '192.0.2.10:6222'],
}

test('renderNatsServerConfig - a cluster node names itself and routes to the others over mutual TLS', () => {
  const text = renderNatsServerConfig({
    listen: '[fd00:1::10]:4222',
    jetstreamStoreDir: '/js',
    sites: [{ siteId: 'a', nkey: a }],
    tls: { certFile: '/t/s.crt', keyFile: '/t/s.key', caFile: '/t/ca.crt' },
    cluster,
  })
  assert.match(text, /^server_name: "nats-a"$/m)
  const block = text.slice(text.indexOf('cluster {'), text.indexOf('accounts {'))
  assert.match(block, /name: "dc-geo"\n {2}listen: "\[fd00:1::10\]:6222"/)
  assert.match(block, /routes: \["nats-route:\/\/\[fd00:2::10\]:6222", "nats-route:\/\/192\.0\.2\.10:6222"\]/)
  assert.match(
    block,
    /tls \{\n {4}cert_file: "\/t\/s.crt"\n {4}key_file: "\/t\/s.key"\n {4}ca_file: "\/t\/ca.crt"\n {4}verify: true/,
    'routes verify each other even when clients are not verified',
  )
  const plain = renderNatsServerConfig({ listen: 'x:1', jetstreamStoreDir: 'y', sites: [], cluster })
  assert.match(plain, /cluster \{/)
  assert.not.match(plain, /tls \{/)
  assert.not.match(
    renderNatsServerConfig({ listen: 'x:1', jetstreamStoreDir: 'y', sites: [] }),
    /cluster|server_name/,
  )
})

test('renderNatsServerConfig - a malformed cluster is refused, naming the field', () => {
  const render = (over: Partial<typeof cluster>, tls?: { certFile: string; keyFile: string }): string =>
    renderNatsServerConfig({
      listen: 'x:1',
      jetstreamStoreDir: 'y',
      sites: [],
      cluster: { ...cluster, ...over },
      ...(tls === undefined ? {} : { tls }),
    })
  assert.throws(() => render({ serverName: 'a b' }), /cluster\.serverName/)
  assert.throws(() => render({ name: '' }), /cluster\.name/)
  assert.throws(() => render({ routes: [] }), /cluster\.routes must name at least one/)
  assert.throws(() => render({ routes: [cluster.listen] }), /must not include this node's own/)
  assert.throws(() => render({ routes: ['fd00::1:6222'] }), /is not host:port/)
  assert.throws(() => render({}, { certFile: 'c', keyFile: 'k' }), /tls\.caFile/)
})

test.run()
