import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { credentials } from '@grpc/grpc-js'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { loadProtos } from '@dc/protos'
import type {
  AddressPoolMutation__Output,
  DescribeResponse__Output,
  ListAlarmsResponse__Output,
  PlatformClient,
  Subcloud__Output,
} from '@dc/protos'
import { makeTempDir, removeTempDir, spawnNode, startPostgres } from '../support/index.js'
import type { PostgresServer, ServiceProcess } from '../support/index.js'
import { startTestAgent, startTestController, subcloudValues, unary } from './controller-harness.js'
import type { TestAgent, TestController } from './controller-harness.js'

type StoreKind = 'PGlite' | 'PostgreSQL'

/** Short enough to keep the suite quick, long enough for a busy 2-core box: a miss takes 450 ms of silence. */
const AUDIT_INTERVAL_MS = 300
const OFFLINE_AFTER_MISSES = 2
/** Generous bound for every verdict; the audit itself decides within about 2 s. */
const VERDICT_TIMEOUT_MS = 30_000
const NAME = 'subcloud1'

interface Ctx {
  dir: string
  postgres: PostgresServer | undefined
  controller: TestController | undefined
  /** The first agent process; later ones replace {@link agentProcess} on the same addresses. */
  agent: TestAgent | undefined
  agentProcess: ServiceProcess | undefined
  frozen: boolean
  platformClients: PlatformClient[]
}

function started(c: Ctx): { controller: TestController; agent: TestAgent; agentProcess: ServiceProcess } {
  if (c.controller === undefined || c.agent === undefined || c.agentProcess === undefined) {
    throw new Error('the controller and the agent were not started')
  }
  return { controller: c.controller, agent: c.agent, agentProcess: c.agentProcess }
}

/** dc-agent again on the very addresses and state dir the controller knows (a restart, not a new site). */
function restartAgent(agent: TestAgent): Promise<ServiceProcess> {
  return spawnNode('dc-agent', ['--listen', agent.addresses.join(','), '--state-dir', agent.stateDir], {
    readyPattern: /^dc-agent listening on /,
    name: `dc-agent ${agent.addresses[0] ?? ''} (restarted)`,
  })
}

/** A Platform client straight to the agent, as a local administrator on the subcloud would use. */
function localPlatform(c: Ctx, address: string): PlatformClient {
  const client = new (loadProtos().dc.platform.v1.Platform)(address, credentials.createInsecure())
  c.platformClients.push(client)
  return client
}

async function fleetAlarms(controller: TestController): Promise<string[]> {
  const { alarms } = await unary<ListAlarmsResponse__Output>((o, cb) =>
    controller.platform.ListAlarms({}, o, cb),
  )
  return alarms
    .filter((a) => a.alarm_id.startsWith('280.'))
    .map((a) => `${a.alarm_id} ${a.entity_instance_id} ${a.severity}`)
}

function platformSync(s: Subcloud__Output): string | undefined {
  return s.endpoint_sync_status.find((e) => e.endpoint_type === 'platform')?.sync_status
}

function auditSuite(kind: StoreKind) {
  const test = suite<Ctx>(`audit on ${kind}`, {
    dir: '',
    postgres: undefined,
    controller: undefined,
    agent: undefined,
    agentProcess: undefined,
    frozen: false,
    platformClients: [],
  })

  test.before(async (c) => {
    c.dir = await makeTempDir(`dct-audit-${kind.toLowerCase()}-`)
    const databaseUrl =
      kind === 'PostgreSQL' ? await (c.postgres = await startPostgres()).createDatabase('audit') : undefined
    await mkdir(join(c.dir, 'controller'), { recursive: true })
    // Dual-stack IPv6-primary: the agent also listens on its IPv4 (secondary) address, which the
    // controller must never dial.
    c.agent = await startTestAgent(['::1', '127.0.0.1'], join(c.dir, NAME))
    c.agentProcess = c.agent.process
    c.controller = await startTestController({
      dataDir: join(c.dir, 'controller'),
      databaseUrl,
      auditIntervalMs: AUDIT_INTERVAL_MS,
      offlineAfterMisses: OFFLINE_AFTER_MISSES,
    })
    const { controller, agent } = started(c)
    await controller.addSubcloud(agent.addresses[0] ?? '', subcloudValues(1, 'dual-ipv6-primary', NAME))
    await controller.waitFor(NAME, (s) => s.deploy_status === 'complete', 'complete', 120_000)
    await controller.waitFor(NAME, (s) => s.availability_status === 'online', 'online', VERDICT_TIMEOUT_MS)
    await unary((o, cb) => controller.dcManager.ManageSubcloud({ subcloud: NAME }, o, cb))
    await controller.waitFor(NAME, (s) => s.sync === 'in-sync', 'in-sync', VERDICT_TIMEOUT_MS)
  })

  test.after(async (c) => {
    if (c.frozen && c.agentProcess) process.kill(-c.agentProcess.pid, 'SIGCONT')
    for (const client of c.platformClients) client.close()
    await c.controller?.stop()
    await c.agent?.stop()
    if (c.agentProcess !== c.agent?.process) await c.agentProcess?.stop('SIGTERM')
    await c.postgres?.stop()
    if (c.dir !== '') await removeTempDir(c.dir)
  })

  test('audit - a local change shows out-of-sync with 280.002; reverting it restores in-sync and clears it', async (c) => {
    const { controller, agent } = started(c)
    const platform = localPlatform(c, agent.addresses[0] ?? '')
    const before = (await agent.describe()).config_hash
    const added = await unary<AddressPoolMutation__Output>((o, cb) =>
      platform.AddAddressPool({ name: 'local-extra', network: 'fd09:1::', prefix: 64, ranges: [] }, o, cb),
    )
    assert.is(added.address_pool?.name, 'local-extra')
    const drifted = await controller.waitFor(
      NAME,
      (s) => s.sync === 'out-of-sync',
      'out-of-sync',
      VERDICT_TIMEOUT_MS,
    )
    assert.is(platformSync(drifted), 'out-of-sync')
    assert.equal(await fleetAlarms(controller), [`280.002 subcloud=${NAME}.resource=platform major`])

    await unary((o, cb) => platform.DeleteAddressPool({ pool: 'local-extra' }, o, cb))
    // The config hash leaves out ids and uuids, so undoing the change restores the expected hash.
    const described: DescribeResponse__Output = await agent.describe()
    assert.is(described.config_hash, before)
    const back = await controller.waitFor(
      NAME,
      (s) => s.sync === 'in-sync',
      'in-sync again',
      VERDICT_TIMEOUT_MS,
    )
    assert.is(platformSync(back), 'in-sync')
    assert.equal(await fleetAlarms(controller), [])
  })

  test('audit - a killed agent is offline after the configured misses with 280.001; restarted, online and cleared', async (c) => {
    const { controller, agentProcess } = started(c)
    const killedAt = performance.now()
    await agentProcess.kill9()
    const down = await controller.waitFor(
      NAME,
      (s) => s.availability_status === 'offline',
      'offline',
      VERDICT_TIMEOUT_MS,
    )
    const tookMs = performance.now() - killedAt
    assert.ok(down.audit_fail_count >= OFFLINE_AFTER_MISSES, `audit_fail_count ${down.audit_fail_count}`)
    assert.ok(tookMs < 20_000, `offline after ${Math.round(tookMs)} ms`)
    assert.is(down.sync, 'unknown')
    assert.equal(await fleetAlarms(controller), [`280.001 subcloud=${NAME} critical`])

    c.agentProcess = await restartAgent(started(c).agent)
    const up = await controller.waitFor(
      NAME,
      (s) => s.availability_status === 'online',
      'online again',
      VERDICT_TIMEOUT_MS,
    )
    assert.is(up.audit_fail_count, 0)
    await controller.waitFor(NAME, (s) => s.sync === 'in-sync', 'in-sync again', VERDICT_TIMEOUT_MS)
    assert.equal(await fleetAlarms(controller), [])
  })

  test('audit - a frozen agent (connection open, no answers) goes offline; thawed, it is online again', async (c) => {
    const { controller, agentProcess } = started(c)
    process.kill(-agentProcess.pid, 'SIGSTOP')
    c.frozen = true
    await controller.waitFor(
      NAME,
      (s) => s.availability_status === 'offline',
      'offline while frozen',
      VERDICT_TIMEOUT_MS,
    )
    assert.equal(await fleetAlarms(controller), [`280.001 subcloud=${NAME} critical`])
    process.kill(-agentProcess.pid, 'SIGCONT')
    c.frozen = false
    await controller.waitFor(
      NAME,
      (s) => s.availability_status === 'online',
      'online after thaw',
      VERDICT_TIMEOUT_MS,
    )
    assert.equal(await fleetAlarms(controller), [])
  })

  test('audit - an address moved to an agent it never deployed is offline, never online; moved back, online', async (c) => {
    const { controller, agent } = started(c)
    const stranger = await startTestAgent(['::1'], join(c.dir, 'stranger'))
    const moveTo = (address: string) =>
      unary<Subcloud__Output>((o, cb) =>
        controller.dcManager.UpdateSubcloud({ subcloud: NAME, bootstrap_address: address }, o, cb),
      )
    try {
      await moveTo(stranger.addresses[0] ?? '')
      await controller.waitFor(
        NAME,
        (s) => s.availability_status === 'offline',
        'offline',
        VERDICT_TIMEOUT_MS,
      )
      await controller.process.waitForLine(
        new RegExp(
          `subcloud ${NAME}: the agent at \\[::1\\]:\\d+ is not the one deployed ` +
            `\\(it answers as no bootstrapped system, deployed as system [0-9a-f-]+\\)`,
        ),
        { timeoutMs: VERDICT_TIMEOUT_MS },
      )
      // The stranger keeps heartbeating; none of it makes the subcloud online.
      for (let i = 0; i < 5; i++) {
        await new Promise((resolve) => setTimeout(resolve, AUDIT_INTERVAL_MS * 2))
        assert.is((await controller.show(NAME)).availability_status, 'offline')
      }
      assert.ok((await fleetAlarms(controller)).includes(`280.001 subcloud=${NAME} critical`))
    } finally {
      await moveTo(agent.addresses[0] ?? '')
      await stranger.stop()
    }
    await controller.waitFor(NAME, (s) => s.availability_status === 'online', 'online', VERDICT_TIMEOUT_MS)
  })

  test('audit - every call reached the primary address, none the secondary one', async (c) => {
    const { agent } = started(c)
    // Counters restart with the agent process: these are the calls since the last restart,
    // the audit's re-opened Watch streams included.
    const [primary, secondary] = agent.addresses
    const described = await unary<DescribeResponse__Output>((o, cb) => agent.agent().Describe({}, o, cb))
    const calls = new Map(described.address_calls.map((a) => [a.local_address, Number(a.calls)]))
    assert.ok((calls.get(primary ?? '') ?? 0) >= 2, `primary calls: ${calls.get(primary ?? '')}`)
    assert.is(calls.get(secondary ?? ''), 0)
  })

  return test
}

auditSuite('PGlite').run()
auditSuite('PostgreSQL').run()
