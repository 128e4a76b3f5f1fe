import { join } from 'node:path'
import { checkServerIdentity } from 'node:tls'
import type { PeerCertificate } from 'node:tls'
import { Metadata, status } from '@grpc/grpc-js'
import { jetstream } from '@nats-io/jetstream'
import { PermissionViolationError, connect, nkeyAuthenticator } from '@nats-io/transport-node'
import type { NatsConnection, TlsOptions } from '@nats-io/transport-node'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { ClaimResponse__Output, ListAlarmsResponse__Output } from '@dc/protos'
import { makeTempDir, removeTempDir, startPostgres } from '../support/index.js'
import type { NatsServer, PostgresServer, TestCa } from '../support/index.js'
import { failure, startTestAgent, unary } from '../controller/controller-harness.js'
import type { TestAgent, TestController } from '../controller/controller-harness.js'
import {
  PEER_GROUP,
  addSystemPeers,
  associateWithEast,
  associations,
  joinPeerGroup,
  listAll,
  natsArgs,
  peer,
  show,
  startGeoNats,
  startSite,
  until,
} from './geo-sites.js'
import type { GeoNats } from './geo-sites.js'

const NAME = 'subcloud1'

interface Ctx {
  dir: string
  link: GeoNats | undefined
  /** Site B keeps its store in PostgreSQL, site A in embedded PGlite: the migrations run on both. */
  postgres: PostgresServer | undefined
  agent: TestAgent | undefined
  a: TestController | undefined
  b: TestController | undefined
  aArgs: string[]
  clients: NatsConnection[]
  /** The agent's holder after the subcloud joined the group at site A. */
  aControllerId: string
}

const test = suite<Ctx>('geo-redundancy', {
  dir: '',
  link: undefined,
  postgres: undefined,
  agent: undefined,
  a: undefined,
  b: undefined,
  aArgs: [],
  clients: [],
  aControllerId: '',
})

function sites(c: Ctx): {
  a: TestController
  b: TestController
  agent: TestAgent
  nats: NatsServer
  ca: TestCa
  seeds: GeoNats['seeds']
} {
  if (c.a === undefined || c.b === undefined || c.agent === undefined || c.link === undefined) {
    throw new Error('the sites were not started')
  }
  return { a: c.a, b: c.b, agent: c.agent, ...c.link }
}

const alarms = async (controller: TestController): Promise<string[]> =>
  (
    await unary<ListAlarmsResponse__Output>((o, cb) =>
      controller.platform.ListAlarms({}, new Metadata(), o, cb),
    )
  ).alarms.map((a) => `${a.alarm_id} ${a.entity_instance_id} ${a.severity}`)

/** TLS to the test's NATS server, checked against the IP dialled (nats.js alone would check `localhost`). */
function natsTls(ca: TestCa): TlsOptions {
  const options: TlsOptions & {
    checkServerIdentity: (name: string, cert: PeerCertificate) => Error | undefined
  } = {
    caFile: ca.certFile,
    checkServerIdentity: (_name, cert) => checkServerIdentity('::1', cert),
  }
  return options
}

test.before(async (c) => {
  c.dir = await makeTempDir('dct-geo-')
  const link = (c.link = await startGeoNats(c.dir))
  c.postgres = await startPostgres()
  const bDatabaseUrl = await c.postgres.createDatabase('geo_b')
  c.agent = await startTestAgent(['::1'], join(c.dir, NAME), 300)
  c.aArgs = await natsArgs(c.dir, 'a', link)
  ;[c.a, c.b] = await Promise.all([
    startSite(c.dir, 'a', c.aArgs),
    natsArgs(c.dir, 'b', link).then((args) => startSite(c.dir, 'b', args, bDatabaseUrl)),
  ])
})

test.after(async (c) => {
  for (const client of c.clients) await client.close().catch(() => undefined)
  await c.a?.stop().catch(() => undefined)
  await c.b?.stop().catch(() => undefined)
  await c.agent?.stop().catch(() => undefined)
  await c.link?.nats.stop()
  await c.postgres?.stop()
  await removeTempDir(c.dir)
})

test('geo-redundancy - peers both ways see each other over NATS (TLS, per-site credentials)', async (c) => {
  const { a, b } = sites(c)
  await addSystemPeers(a, b, 'rehome')
  await until('A sees east available', async () => (await peer(a, 'east')).availability_state === 'available')
  await until(
    'B sees central available',
    async () => (await peer(b, 'central')).availability_state === 'available',
  )
  assert.not.match(JSON.stringify(await peer(b, 'central')), /peer-password-never-returned/)
})

test('geo-redundancy - a member onboarded at A gets a secondary copy at B and the association goes in-sync', async (c) => {
  const { a, b, agent } = sites(c)
  const joined = await joinPeerGroup(a, agent, NAME)
  assert.is(joined.peer_group_name, PEER_GROUP)
  const held = await agent.describe()
  assert.is(held.epoch, '2', 'joining claims the agent at the group epoch')
  c.aControllerId = held.controller_id
  await associateWithEast(a)
  const copy = await until('the copy at B', async () =>
    (await listAll(b)).find((s) => s.name === NAME && s.deploy_status === 'secondary'),
  )
  assert.is(copy.region_name, (await show(a, NAME)).region_name)
  assert.is(copy.systemcontroller_gateway_ip, 'fd01:2::1')
  assert.is(copy.peer_group_name, 'pg1')
  await until('A association in-sync', async () => (await associations(a))[0]?.sync_status === 'in-sync')
  await until('B association in-sync', async () => (await associations(b))[0]?.sync_status === 'in-sync')
})

test('geo-redundancy - a member change on A reaches the copy on B without a manual sync', async (c) => {
  const { a, b } = sites(c)
  await unary((o, cb) => a.dcManager.UpdateSubcloud({ subcloud: NAME, description: 'rack 7' }, o, cb))
  await until('the description at B', async () => (await show(b, NAME)).description === 'rack 7')
  await until('A association in-sync', async () => (await associations(a))[0]?.sync_status === 'in-sync')
})

test("geo-redundancy - NATS refuses a site publishing on its peer's subjects, and strangers", async (c) => {
  const { nats, ca, seeds } = sites(c)
  const asB = await connect({
    servers: nats.url,
    authenticator: nkeyAuthenticator(seeds.b),
    tls: natsTls(ca),
  })
  c.clients.push(asB)
  const refusals: string[] = []
  void (async () => {
    for await (const s of asB.status()) {
      if (s.type === 'error' && s.error instanceof PermissionViolationError) refusals.push(s.error.subject)
    }
  })()
  asB.publish('dc.site-a.heartbeat', '{"site":"site-a"}')
  await asB.flush()
  await until('the refusal', () => Promise.resolve(refusals.includes('dc.site-a.heartbeat')))
  let jsRefusal = ''
  try {
    await jetstream(asB).publish('dc.site-a.events.forged', '{}')
  } catch (err) {
    jsRefusal = err instanceof Error ? err.message : String(err)
  }
  assert.match(jsRefusal, /Permissions Violation for Publish to "dc\.site-a\.events\.forged"/)
  asB.publish('dc.site-b.heartbeat', '{}')
  await asB.flush()
  assert.not.ok(refusals.includes('dc.site-b.heartbeat'), 'its own subjects are fine')
  let anonymous = ''
  try {
    const stranger = await connect({
      servers: nats.url,
      tls: natsTls(ca),
      maxReconnectAttempts: 0,
    })
    await stranger.close()
  } catch (err) {
    anonymous = err instanceof Error ? err.message : String(err)
  }
  assert.match(anonymous, /auth|Authorization/i, 'no credentials, no connection')
})

test('geo-redundancy - A dies: B raises 280.004, then rehomes the member at a higher epoch', async (c) => {
  const { a, b, agent } = sites(c)
  await a.kill9()
  await until(
    'B sees central unavailable',
    async () => (await peer(b, 'central')).availability_state === 'unavailable',
  )
  await until('280.004 critical at B', async () =>
    (await alarms(b)).some((x) => x === '280.004 peer=central critical'),
  )
  const migrated = await until('the member managed and online at B', async () => {
    const s = await show(b, NAME)
    return s.management_state === 'managed' && s.availability_status === 'online' ? s : undefined
  })
  assert.is(migrated.deploy_status, 'complete')
  assert.is(migrated.rehomed, true)
  assert.is(migrated.detail?.epoch, '3', 'a higher epoch than A held')
  const held = await agent.describe()
  assert.is(held.epoch, '3')
  assert.is.not(held.controller_id, c.aControllerId)
  await until('280.005 at B', async () =>
    (await alarms(b)).some((x) => x.startsWith('280.005 peer_group=pg1')),
  )
})

test('geo-redundancy - a restarted A demotes its copy and the agent refuses its stale epoch', async (c) => {
  const { b, agent } = sites(c)
  const a = (c.a = await startSite(c.dir, 'a', c.aArgs))
  const demoted = await until('the member secondary at A', async () =>
    (await listAll(a)).find((s) => s.name === NAME && s.deploy_status === 'secondary'),
  )
  assert.is(demoted.management_state, 'unmanaged')
  const refused = await failure(
    unary<ClaimResponse__Output>((o, cb) =>
      agent.agent().Claim({ epoch: '2', controller_id: c.aControllerId }, o, cb),
    ),
  )
  assert.is(refused.code, status.FAILED_PRECONDITION, "the agent refuses A's epoch")
  const manage = await failure(unary((o, cb) => a.dcManager.ManageSubcloud({ subcloud: NAME }, o, cb)))
  assert.is(manage.code, status.FAILED_PRECONDITION)
  await until('280.004 cleared at B', async () => !(await alarms(b)).some((x) => x.startsWith('280.004')))
  await until('280.005 at A', async () =>
    (await alarms(a)).some((x) => x.startsWith('280.005 peer_group=pg1')),
  )
  assert.is((await show(b, NAME)).management_state, 'managed', 'B keeps it: failback is an explicit migrate')
})

test.run()
