import { chmod, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { status } from '@grpc/grpc-js'
import { nkeys } from '@nats-io/transport-node'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { renderNatsServerConfig } from '@dc/system-controller'
import { createTestCa, makeTempDir, removeTempDir, startNatsCluster } from '../support/index.js'
import type { NatsCluster } from '../support/index.js'
import { failure, startTestAgent, unary } from '../controller/controller-harness.js'
import type { TestAgent, TestController } from '../controller/controller-harness.js'
import {
  PEER_GROUP,
  SITE_A,
  SITE_B,
  addSystemPeers,
  associateWithEast,
  joinPeerGroup,
  show,
  startSite,
  until,
} from './geo-sites.js'

const NAME = 'subcloud1'

interface Ctx {
  dir: string
  cluster: NatsCluster | undefined
  agent: TestAgent | undefined
  a: TestController | undefined
  b: TestController | undefined
}

const test = suite<Ctx>('geo-quorum', {
  dir: '',
  cluster: undefined,
  agent: undefined,
  a: undefined,
  b: undefined,
})

function sites(c: Ctx): { a: TestController; b: TestController; cluster: NatsCluster } {
  if (c.a === undefined || c.b === undefined || c.cluster === undefined) throw new Error('not started')
  return { a: c.a, b: c.b, cluster: c.cluster }
}

test.before(async (c) => {
  c.dir = await makeTempDir('dct-geo-quorum-')
  const ca = await createTestCa(join(c.dir, 'ca'), 'geo-quorum-ca')
  const node = await ca.issue({ kind: 'controller', name: 'nats', ips: ['::1'] })
  const users = { a: nkeys.createUser(), b: nkeys.createUser() }
  const cluster = (c.cluster = await startNatsCluster({
    host: '::1',
    config: ({ listen, storeDir, cluster: routes }) =>
      renderNatsServerConfig({
        listen,
        jetstreamStoreDir: storeDir,
        sites: [
          { siteId: SITE_A, nkey: users.a.getPublicKey() },
          { siteId: SITE_B, nkey: users.b.getPublicKey() },
        ],
        tls: { certFile: node.certFile, keyFile: node.keyFile, caFile: ca.certFile },
        cluster: routes,
      }),
  }))
  // A on node 0, B on node 1, both asking for three replicas.
  const args = async (site: 'a' | 'b', node: number): Promise<string[]> => {
    const seed = join(c.dir, `${site}.nk`)
    await writeFile(seed, users[site].getSeed())
    await chmod(seed, 0o600)
    return [
      ...['--nats-url', cluster.nodes[node]?.url ?? '', '--nats-creds', seed, '--nats-tls-ca', ca.certFile],
      ...['--nats-replicas', '3', '--site-id', site === 'a' ? SITE_A : SITE_B],
      // The lease (interval x (threshold - 1) + maintenance timeout) must outlast the JetStream
      // election a restarted node forces, or A fences itself after the first test's restart.
      ...['--peer-heartbeat-interval-ms', '250', '--peer-maintenance-timeout-ms', '12000'],
    ]
  }
  c.agent = await startTestAgent(['::1'], join(c.dir, NAME), 300)
  // A creates the replicated bucket first (its creation waits for the cluster's meta leader).
  c.a = await startSite(c.dir, 'a', await args('a', 0))
  c.b = await startSite(c.dir, 'b', await args('b', 1))
  const a = c.a
  await addSystemPeers(a, c.b, 'rehome')
  // Rehome both ways, as peers are configured: A then fences its group when it cannot confirm it.
  await unary((o, cb) =>
    a.dcManager.UpdateSystemPeer({ system_peer: 'east', heartbeat_failure_policy: 'rehome' }, o, cb),
  )
  await joinPeerGroup(c.a, c.agent, NAME)
  await associateWithEast(c.a)
  await until(
    'the copy at B',
    async () => (await show(c.b as TestController, NAME)).deploy_status === 'secondary',
  )
})

test.after(async (c) => {
  await c.a?.stop().catch(() => undefined)
  await c.b?.stop().catch(() => undefined)
  await c.agent?.stop().catch(() => undefined)
  await c.cluster?.stop()
  await removeTempDir(c.dir)
})

test('geo-quorum - with one NATS node killed during a member change, sync carries on', async (c) => {
  const { a, b, cluster } = sites(c)
  const third = cluster.nodes[2]
  if (third === undefined) throw new Error('three nodes')
  await third.kill9()
  await unary((o, cb) => a.dcManager.UpdateSubcloud({ subcloud: NAME, description: 'rack 9' }, o, cb))
  await until(
    'the change at B with one node down',
    async () => (await show(b, NAME)).description === 'rack 9',
  )
  await third.restart()
})

test('geo-quorum - cut off from the majority, A demotes its member and B cannot take the group', async (c) => {
  const { a, b, cluster } = sites(c)
  const [, second, third] = cluster.nodes
  if (second === undefined || third === undefined) throw new Error('three nodes')
  assert.is((await show(a, NAME)).management_state, 'managed')
  await Promise.all([second.kill9(), third.kill9()])
  await until('A demoted its member', async () => (await show(a, NAME)).deploy_status === 'secondary')
  const refused = await failure(
    unary((o, cb) => b.dcManager.MigrateSubcloudPeerGroup({ peer_group: PEER_GROUP }, o, cb)),
  )
  assert.is(refused.code, status.UNAVAILABLE, refused.details)
  assert.match(refused.details, `${PEER_GROUP} cannot be written`)
  assert.is((await show(b, NAME)).deploy_status, 'secondary', 'B took nothing')
  await Promise.all([second.restart(), third.restart()])
})

test.run()
