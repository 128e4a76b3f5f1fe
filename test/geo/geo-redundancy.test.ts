import { chmod, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { checkServerIdentity } from 'node:tls'
import type { PeerCertificate } from 'node:tls'
import { Metadata, status } from '@grpc/grpc-js'
import { jetstream } from '@nats-io/jetstream'
import { PermissionViolationError, connect, nkeyAuthenticator, nkeys } from '@nats-io/transport-node'
import type { NatsConnection, TlsOptions } from '@nats-io/transport-node'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type {
  ClaimResponse__Output,
  ListAlarmsResponse__Output,
  ListPeerGroupAssociationsResponse__Output,
  ListSubcloudsResponse__Output,
  PeerGroupAssociation__Output,
  Subcloud__Output,
  SystemPeer__Output,
} from '@dc/protos'
import { renderNatsServerConfig } from '@dc/system-controller'
import {
  createTestCa,
  makeTempDir,
  removeTempDir,
  startNatsServer,
  startPostgres,
  waitFor,
} from '../support/index.js'
import type { NatsServer, PostgresServer, TestCa } from '../support/index.js'
import {
  CONTROLLER_VALUES,
  failure,
  startTestAgent,
  startTestController,
  subcloudValues,
  unary,
} from '../controller/controller-harness.js'
import type { TestAgent, TestController, Values } from '../controller/controller-harness.js'

/** Site B: another IPv6-primary controller; its management subnet holds the gateway A gives its copies. */
const EAST_VALUES: Values = {
  ...CONTROLLER_VALUES,
  name: 'east',
  management_subnet: 'fd01:2::/64,192.168.102.0/24',
  management_start_address: 'fd01:2::2,192.168.102.2',
  management_end_address: 'fd01:2::ff,192.168.102.200',
  external_oam_subnet: 'fd00:2::/64,10.10.2.0/24',
  external_oam_gateway_address: 'fd00:2::1,10.10.2.1',
  external_oam_floating_address: 'fd00:2::2,10.10.2.2',
  cluster_host_subnet: 'fd02:2::/64',
  cluster_pod_subnet: 'fd03:2::/64',
  cluster_service_subnet: 'fd04:2::/112',
}

const SITE_A = 'site-a'
const SITE_B = 'site-b'
const NAME = 'subcloud1'
/** Sub-second heartbeats and a short maintenance timeout through the test-only override flags. */
const HEARTBEAT_MS = 250
const MAINTENANCE_MS = 2_000
/** Generous: a busy 2-core box runs two controllers, an agent and nats-server. */
const TIMEOUT_MS = 90_000

interface Ctx {
  dir: string
  ca: TestCa | undefined
  nats: NatsServer | undefined
  /** Site B keeps its store in PostgreSQL, site A in embedded PGlite: the migrations run on both. */
  postgres: PostgresServer | undefined
  bDatabaseUrl: string | undefined
  seeds: { a: Uint8Array; b: Uint8Array }
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
  ca: undefined,
  nats: undefined,
  postgres: undefined,
  bDatabaseUrl: undefined,
  seeds: { a: new Uint8Array(), b: new Uint8Array() },
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
} {
  if (
    c.a === undefined ||
    c.b === undefined ||
    c.agent === undefined ||
    c.nats === undefined ||
    c.ca === undefined
  ) {
    throw new Error('the sites were not started')
  }
  return { a: c.a, b: c.b, agent: c.agent, nats: c.nats, ca: c.ca }
}

async function natsArgs(
  c: Ctx,
  site: string,
  seed: Uint8Array,
  ca: TestCa,
  nats: NatsServer,
): Promise<string[]> {
  const seedFile = join(c.dir, `${site}.nk`)
  await writeFile(seedFile, seed)
  await chmod(seedFile, 0o600)
  return [
    ...['--nats-url', nats.url, '--nats-creds', seedFile, '--nats-tls-ca', ca.certFile, '--site-id', site],
    ...[
      '--peer-heartbeat-interval-ms',
      String(HEARTBEAT_MS),
      '--peer-maintenance-timeout-ms',
      String(MAINTENANCE_MS),
    ],
  ]
}

function startSite(c: Ctx, site: 'a' | 'b', args: string[]): Promise<TestController> {
  return startTestController({
    dataDir: join(c.dir, site),
    values: site === 'a' ? CONTROLLER_VALUES : EAST_VALUES,
    databaseUrl: site === 'a' ? undefined : c.bDatabaseUrl,
    auditIntervalMs: 300,
    args,
  })
}

const show = (controller: TestController, name: string): Promise<Subcloud__Output> =>
  unary<Subcloud__Output>((o, cb) =>
    controller.dcManager.GetSubcloud({ subcloud: name, detail: true }, o, cb),
  )

const listAll = async (controller: TestController): Promise<Subcloud__Output[]> =>
  (
    await unary<ListSubcloudsResponse__Output>((o, cb) =>
      controller.dcManager.ListSubclouds({ all: true }, o, cb),
    )
  ).subclouds

const peer = (controller: TestController, name: string): Promise<SystemPeer__Output> =>
  unary<SystemPeer__Output>((o, cb) => controller.dcManager.GetSystemPeer({ system_peer: name }, o, cb))

const associations = async (controller: TestController): Promise<PeerGroupAssociation__Output[]> =>
  (
    await unary<ListPeerGroupAssociationsResponse__Output>((o, cb) =>
      controller.dcManager.ListPeerGroupAssociations({}, o, cb),
    )
  ).peer_group_associations

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

function until<T>(what: string, check: () => Promise<T | undefined | false>): Promise<T> {
  return waitFor(async () => (await check()) || undefined, {
    timeoutMs: TIMEOUT_MS,
    intervalMs: 200,
    message: what,
  })
}

test.before(async (c) => {
  c.dir = await makeTempDir('dct-geo-')
  const ca = (c.ca = await createTestCa(join(c.dir, 'ca'), 'geo-test-ca'))
  const server = await ca.issue({ kind: 'controller', name: 'nats', ips: ['::1'] })
  const a = nkeys.createUser()
  const b = nkeys.createUser()
  c.seeds = { a: a.getSeed(), b: b.getSeed() }
  const nats = (c.nats = await startNatsServer({
    host: '::1',
    config: ({ listen, storeDir }) =>
      renderNatsServerConfig({
        listen,
        jetstreamStoreDir: storeDir,
        sites: [
          { siteId: SITE_A, nkey: a.getPublicKey() },
          { siteId: SITE_B, nkey: b.getPublicKey() },
        ],
        tls: { certFile: server.certFile, keyFile: server.keyFile, caFile: ca.certFile },
      }),
  }))
  c.postgres = await startPostgres()
  c.bDatabaseUrl = await c.postgres.createDatabase('geo_b')
  await mkdir(join(c.dir, 'a'), { recursive: true })
  await mkdir(join(c.dir, 'b'), { recursive: true })
  c.agent = await startTestAgent(['::1'], join(c.dir, NAME), 300)
  c.aArgs = await natsArgs(c, SITE_A, c.seeds.a, ca, nats)
  ;[c.a, c.b] = await Promise.all([
    startSite(c, 'a', c.aArgs),
    natsArgs(c, SITE_B, c.seeds.b, ca, nats).then((args) => startSite(c, 'b', args)),
  ])
})

test.after(async (c) => {
  for (const client of c.clients) await client.close().catch(() => undefined)
  await c.a?.stop().catch(() => undefined)
  await c.b?.stop().catch(() => undefined)
  await c.agent?.stop().catch(() => undefined)
  await c.nats?.stop()
  await c.postgres?.stop()
  await removeTempDir(c.dir)
})

test('geo-redundancy - peers both ways see each other over NATS (TLS, per-site credentials)', async (c) => {
  const { a, b } = sites(c)
  await unary((o, cb) =>
    a.dcManager.AddSystemPeer(
      {
        peer_uuid: SITE_B,
        peer_name: 'east',
        manager_endpoint: 'nats',
        manager_username: 'admin',
        manager_password: 'peer-password-never-returned',
        peer_controller_gateway_ip: 'fd01:2::1',
      },
      o,
      cb,
    ),
  )
  await unary((o, cb) =>
    b.dcManager.AddSystemPeer(
      {
        peer_uuid: SITE_A,
        peer_name: 'central',
        manager_endpoint: 'nats',
        manager_username: 'admin',
        manager_password: 'peer-password-never-returned',
        peer_controller_gateway_ip: 'fd01:1::1',
        heartbeat_failure_policy: 'rehome',
      },
      o,
      cb,
    ),
  )
  await until('A sees east available', async () => (await peer(a, 'east')).availability_state === 'available')
  await until(
    'B sees central available',
    async () => (await peer(b, 'central')).availability_state === 'available',
  )
  assert.not.match(JSON.stringify(await peer(b, 'central')), /peer-password-never-returned/)
})

test('geo-redundancy - a member onboarded at A gets a secondary copy at B and the association goes in-sync', async (c) => {
  const { a, b, agent } = sites(c)
  const address = agent.addresses[0] ?? ''
  await a.addSubcloud(address, subcloudValues(1, 'ipv6', NAME))
  await a.waitFor(
    NAME,
    (s) => s.deploy_status === 'complete' && s.availability_status === 'online',
    'online',
    TIMEOUT_MS,
  )
  await unary((o, cb) => a.dcManager.ManageSubcloud({ subcloud: NAME }, o, cb))
  await unary((o, cb) => a.dcManager.AddSubcloudPeerGroup({ peer_group_name: 'pg1' }, o, cb))
  const joined = await unary<Subcloud__Output>((o, cb) =>
    a.dcManager.UpdateSubcloud({ subcloud: NAME, peer_group: 'pg1' }, o, cb),
  )
  assert.is(joined.peer_group_name, 'pg1')
  const held = await agent.describe()
  assert.is(held.epoch, '2', 'joining claims the agent at the group epoch')
  c.aControllerId = held.controller_id
  await unary((o, cb) =>
    a.dcManager.AddPeerGroupAssociation(
      { peer_group: 'pg1', system_peer: 'east', peer_group_priority: 2 },
      o,
      cb,
    ),
  )
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
  const { nats, ca } = sites(c)
  const asB = await connect({
    servers: nats.url,
    authenticator: nkeyAuthenticator(c.seeds.b),
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
  const a = (c.a = await startSite(c, 'a', c.aArgs))
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
