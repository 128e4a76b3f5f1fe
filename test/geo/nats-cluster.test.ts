import { join } from 'node:path'
import { checkServerIdentity } from 'node:tls'
import type { PeerCertificate } from 'node:tls'
import { jetstreamManager } from '@nats-io/jetstream'
import { connect, nkeyAuthenticator, nkeys } from '@nats-io/transport-node'
import type { NatsConnection, TlsOptions } from '@nats-io/transport-node'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { GeoSubjects, OWNERSHIP_BUCKET, renderNatsServerConfig } from '@dc/system-controller'
import { connectNatsPeerBus } from '@dc/system-controller/internal'
import type { PeerBus } from '@dc/system-controller/internal'
import { createTestCa, makeTempDir, removeTempDir, startNatsCluster, waitFor } from '../support/index.js'
import type { NatsCluster, TestCa } from '../support/index.js'

const SITE = 'site-a'
const HOST = '127.0.0.1'
const TIMEOUT_MS = 60_000

interface Ctx {
  dir: string
  ca: TestCa | undefined
  cluster: NatsCluster | undefined
  seed: Uint8Array
  closers: (() => Promise<unknown>)[]
}

const test = suite<Ctx>('nats-cluster', {
  dir: '',
  ca: undefined,
  cluster: undefined,
  seed: new Uint8Array(),
  closers: [],
})

function started(c: Ctx): { ca: TestCa; cluster: NatsCluster } {
  if (c.ca === undefined || c.cluster === undefined) throw new Error('the cluster was not started')
  return { ca: c.ca, cluster: c.cluster }
}

/** The site's bus on node `node` with `replicas`, as the controller opens it. */
async function bus(c: Ctx, node: number, replicas: number): Promise<PeerBus> {
  const { ca, cluster } = started(c)
  const opened = await connectNatsPeerBus({
    url: cluster.nodes[node]?.url ?? '',
    name: `test ${SITE}`,
    credentials: c.seed,
    tls: { caFile: ca.certFile },
    kvBucket: OWNERSHIP_BUCKET,
    replicas,
  })
  c.closers.push(() => opened.close())
  return opened
}

/** TLS checked against the IP dialled (nats.js alone would check `localhost`). */
function natsTls(ca: TestCa): TlsOptions {
  const options: TlsOptions & {
    checkServerIdentity: (name: string, cert: PeerCertificate) => Error | undefined
  } = { caFile: ca.certFile, checkServerIdentity: (_name, cert) => checkServerIdentity(HOST, cert) }
  return options
}

/** A plain client of the site, to read what JetStream reports of its streams. */
async function client(c: Ctx): Promise<NatsConnection> {
  const { ca, cluster } = started(c)
  const nc = await connect({
    servers: cluster.nodes.map((n) => n.url),
    authenticator: nkeyAuthenticator(c.seed),
    tls: natsTls(ca),
  })
  c.closers.push(() => nc.close())
  return nc
}

test.before(async (c) => {
  c.dir = await makeTempDir('dct-nats-cluster-')
  const ca = (c.ca = await createTestCa(join(c.dir, 'ca'), 'nats-cluster-ca'))
  const node = await ca.issue({ kind: 'controller', name: 'nats', ips: [HOST] })
  const user = nkeys.createUser()
  c.seed = user.getSeed()
  c.cluster = await startNatsCluster({
    config: ({ listen, storeDir, cluster }) =>
      renderNatsServerConfig({
        listen,
        jetstreamStoreDir: storeDir,
        sites: [{ siteId: SITE, nkey: user.getPublicKey() }],
        tls: { certFile: node.certFile, keyFile: node.keyFile, caFile: ca.certFile },
        cluster,
      }),
  })
})

test.after(async (c) => {
  for (const close of c.closers.reverse()) await close().catch(() => undefined)
  await c.cluster?.stop()
  await removeTempDir(c.dir)
})

test('nats-cluster - three nodes from rendered configs elect a JetStream leader over TLS routes', async (c) => {
  // Not checked at creation: that check is the account info the wait below asks for.
  const jsm = await jetstreamManager(await client(c), { timeout: 2_000, checkAPI: false })
  const info = await waitFor(() => jsm.getAccountInfo().catch(() => undefined), {
    timeoutMs: TIMEOUT_MS,
    intervalMs: 250,
    message: 'JetStream answers (a meta leader was elected)',
  })
  assert.ok(info.api.total >= 0)
})

test('nats-cluster - with --nats-replicas 3 the site stream and the ownership bucket live on all three nodes', async (c) => {
  const peerBus = await bus(c, 0, 3)
  await peerBus.ensureStream(GeoSubjects.stream(SITE), [GeoSubjects.events(SITE)], 60_000)
  const jsm = await jetstreamManager(await client(c))
  for (const name of [GeoSubjects.stream(SITE), `KV_${OWNERSHIP_BUCKET}`]) {
    const info = await waitFor(
      async () => {
        const s = await jsm.streams.info(name)
        const current = (s.cluster?.replicas ?? []).filter((r) => r.current)
        return s.cluster?.leader !== undefined && current.length === 2 ? s : undefined
      },
      { timeoutMs: TIMEOUT_MS, intervalMs: 250, message: `${name} has a leader and two current replicas` },
    )
    assert.is(info.config.num_replicas, 3, name)
    assert.is(info.cluster?.name, 'dc-test')
  }
  assert.ok((await peerBus.kvCreate('group-1', new Uint8Array([1]))) !== 'exists')
})

test('nats-cluster - a bus asking for another replica count than the bucket has is refused, naming the flag', async (c) => {
  try {
    await bus(c, 1, 1)
    assert.unreachable('a single-copy bus opened a three-copy bucket')
  } catch (err) {
    assert.match(String(err), /has 3 replica\(s\) but --nats-replicas is 1/)
  }
})

test('nats-cluster - cut off from the majority a compare-and-set fails; with the majority back it succeeds', async (c) => {
  const { cluster } = started(c)
  const peerBus = await bus(c, 0, 3)
  const first = await peerBus.kvGet('group-1')
  assert.ok(first !== undefined, 'the value written with all three nodes up')
  const [, b, w] = cluster.nodes
  if (b === undefined || w === undefined) throw new Error('three nodes')
  await Promise.all([b.kill9(), w.kill9()])
  const cut = await peerBus.kvUpdate('group-1', new Uint8Array([2]), first.revision).then(
    () => 'written',
    () => 'refused',
  )
  assert.is(cut, 'refused', 'one node of three wrote without a quorum')
  await Promise.all([b.restart(), w.restart()])
  const written = await waitFor(
    () =>
      peerBus
        .kvUpdate('group-1', new Uint8Array([2]), first.revision)
        .then((r) => (r === 'conflict' ? undefined : r))
        .catch(() => undefined),
    { timeoutMs: TIMEOUT_MS, intervalMs: 500, message: 'the majority is back and the update goes through' },
  )
  assert.ok(written > first.revision)
})

test.run()
