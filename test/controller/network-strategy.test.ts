// `dcmanager network-strategy`: a fleet-wide dry run at create, then a fenced, idempotent rollout
// per subcloud (one Apply with the change, the seed's lock/unlock/swact on the duplex one, the wait
// for Kubernetes and in-sync), and the revert. Real dc-agent and dc-controller processes, the
// controller on PostgreSQL.
import { join } from 'node:path'
import { mkdir } from 'node:fs/promises'
import { status } from '@grpc/grpc-js'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type {
  ClaimResponse__Output,
  CreateNetworkStrategyRequest,
  DescribeResponse__Output,
  ListStrategyStepsResponse__Output,
  NetworkStrategy__Output,
  StrategyStep__Output,
} from '@dc/protos'
import { makeTempDir, removeTempDir, startPostgres, waitFor } from '../support/index.js'
import type { PostgresServer } from '../support/index.js'
import { failure, startTestAgent, startTestController, subcloudValues, unary } from './controller-harness.js'
import type { TestAgent, TestController } from './controller-harness.js'

interface Ctx {
  dir: string
  postgres: PostgresServer | undefined
  controller: TestController | undefined
  agents: Map<string, TestAgent>
}

const test = suite<Ctx>('network strategy', {
  dir: '',
  postgres: undefined,
  controller: undefined,
  agents: new Map(),
})

const ADD_PLAN = `add:
  oam:             { allocate_from: 10.64.0.0/12, prefix: 24 }
  cluster-host:    { allocate_from: 10.128.0.0/12, prefix: 24 }
  cluster-pod:     { subnet: 172.16.0.0/16 }
  cluster-service: { subnet: 10.96.0.0/12 }
`
const REMOVE_PLAN = 'remove: [cluster-service, cluster-pod, cluster-host, oam]\n'

/** Cluster networks of subcloud3 in both families too: every plan network is dual-stack there. */
const DUAL_CLUSTER = {
  cluster_host_subnet: 'fd02:13::/64,192.168.203.0/24',
  cluster_pod_subnet: 'fd03:13::/64,172.13.0.0/16',
  cluster_service_subnet: 'fd04:13::/112,10.93.0.0/16',
}

/** subcloud1 IPv6 simplex, subcloud2 IPv6 duplex, subcloud3 dual-stack; 1 and 2 in group rollout. */
const SITES = [
  { name: 'subcloud1', index: 1, stack: 'ipv6', group: 'rollout', values: { system_mode: 'simplex' } },
  { name: 'subcloud2', index: 2, stack: 'ipv6', group: 'rollout', values: { system_mode: 'duplex' } },
  { name: 'subcloud3', index: 3, stack: 'dual-ipv6-primary', group: 'Default', values: DUAL_CLUSTER },
] as const

function started(c: Ctx): { controller: TestController; agent: (name: string) => TestAgent } {
  const controller = c.controller
  if (controller === undefined) throw new Error('the suite did not start')
  return {
    controller,
    agent: (name) => {
      const agent = c.agents.get(name)
      if (agent === undefined) throw new Error(`no agent ${name}`)
      return agent
    },
  }
}

const none = {}

function create(controller: TestController, request: CreateNetworkStrategyRequest) {
  return unary<NetworkStrategy__Output>(
    (o, cb) => controller.dcManager.CreateNetworkStrategy(request, o, cb),
    60_000,
  )
}
const show = (controller: TestController) =>
  unary<NetworkStrategy__Output>((o, cb) => controller.dcManager.GetNetworkStrategy(none, o, cb))
const apply = (controller: TestController) =>
  unary<NetworkStrategy__Output>((o, cb) => controller.dcManager.ApplyNetworkStrategy(none, o, cb))
const remove = (controller: TestController) =>
  unary<NetworkStrategy__Output>((o, cb) => controller.dcManager.DeleteNetworkStrategy(none, o, cb))
const steps = async (controller: TestController, includeSkipped = false) =>
  (
    await unary<ListStrategyStepsResponse__Output>((o, cb) =>
      controller.dcManager.ListStrategySteps({ include_skipped: includeSkipped }, o, cb),
    )
  ).steps
const step = (controller: TestController, cloud: string) =>
  unary<StrategyStep__Output>((o, cb) => controller.dcManager.GetStrategyStep({ cloud }, o, cb))

/** Polls until the strategy ends; its last state. */
function ended(controller: TestController): Promise<NetworkStrategy__Output> {
  return waitFor(
    async () => {
      const s = await show(controller)
      return ['complete', 'failed', 'aborted'].includes(s.state) ? s : undefined
    },
    { timeoutMs: 240_000, intervalMs: 250, message: 'the strategy to end' },
  )
}

function poolsOf(described: DescribeResponse__Output, type: string): string[] {
  const network = described.networks.find((n) => n.type === type)
  const uuids = described.network_addrpools
    .filter((a) => a.network_uuid === network?.uuid)
    .map((a) => a.address_pool_uuid)
  return described.address_pools.filter((p) => uuids.includes(p.uuid)).map((p) => `${p.network}/${p.prefix}`)
}

const alarmIds = (described: DescribeResponse__Output): string[] => described.alarms.map((a) => a.alarm_id)

test.before(async (c) => {
  c.dir = await makeTempDir('dct-strategy-')
  c.postgres = await startPostgres()
  const databaseUrl = await c.postgres.createDatabase('controller')
  await mkdir(join(c.dir, 'controller'), { recursive: true })
  c.controller = await startTestController({ dataDir: join(c.dir, 'controller'), databaseUrl })
  const controller = c.controller
  await unary((o, cb) =>
    controller.dcManager.AddSubcloudGroup(
      { name: 'rollout', update_apply_type: 'parallel', max_parallel_subclouds: 2 },
      o,
      cb,
    ),
  )
  for (const site of SITES) {
    // IPv6 primary, IPv4 secondary: the controller must only ever dial the first.
    const agent = await startTestAgent(['::1', '127.0.0.1'], join(c.dir, site.name))
    c.agents.set(site.name, agent)
    const values = { ...subcloudValues(site.index, site.stack), ...site.values }
    await controller.addSubcloud(agent.addresses[0] ?? '', values, { group: site.group })
  }
  for (const { name } of SITES) {
    await controller.waitFor(name, (s) => s.deploy_status === 'complete', 'complete', 120_000)
    await controller.waitFor(name, (s) => s.availability_status === 'online', 'online', 120_000)
    await unary((o, cb) => controller.dcManager.ManageSubcloud({ subcloud: name }, o, cb))
    await controller.waitFor(name, (s) => s.sync === 'in-sync', 'in-sync', 120_000)
  }
})

test.after(async (c) => {
  await c.controller?.stop()
  for (const agent of c.agents.values()) await agent.stop()
  await c.postgres?.stop()
  if (c.dir !== '') await removeTempDir(c.dir)
})

test('network-strategy create - refuses contradictory options and a bad plan, naming the field', async (c) => {
  const { controller } = started(c)
  const cases: [CreateNetworkStrategyRequest, string, string][] = [
    [
      { plan_yaml: ADD_PLAN, group: 'rollout', subcloud: 'subcloud1' },
      'group',
      'cannot be combined with a subcloud',
    ],
    [
      { plan_yaml: ADD_PLAN, group: 'rollout', max_parallel_subclouds: 3 },
      'max_parallel_subclouds',
      '--group',
    ],
    [
      { plan_yaml: ADD_PLAN, group: 'rollout', subcloud_apply_type: 'serial' },
      'subcloud_apply_type',
      '--group',
    ],
    [{ plan_yaml: ADD_PLAN, max_parallel_subclouds: 0 }, 'max_parallel_subclouds', 'between 1 and 5000'],
    [{ plan_yaml: ADD_PLAN, max_parallel_subclouds: 5001 }, 'max_parallel_subclouds', 'between 1 and 5000'],
    [{ plan_yaml: ADD_PLAN, subcloud_apply_type: 'sideways' }, 'subcloud_apply_type', 'parallel, serial'],
    [{ plan_yaml: '' }, 'plan_yaml', 'must not be empty'],
    [{ plan_yaml: 'add: { oam: { allocate_from: 10.64.0.0/12 } }\n' }, 'plan add.oam.prefix', 'required'],
  ]
  for (const [request, field, rule] of cases) {
    const err = await failure(create(controller, request))
    assert.is(err.code, status.INVALID_ARGUMENT, `${field}: ${err.details}`)
    assert.ok(err.details.startsWith(`${field} invalid: `), err.details)
    assert.ok(err.details.includes(rule), err.details)
  }
  const missing = await failure(show(controller))
  assert.is(missing.code, status.NOT_FOUND, 'nothing was stored')
  const noGroup = await failure(create(controller, { plan_yaml: ADD_PLAN, group: 'nowhere' }))
  assert.is(noGroup.code, status.NOT_FOUND)
  const nothing = await failure(create(controller, { plan_yaml: ADD_PLAN, subcloud: 'subcloud3' }))
  assert.is(nothing.code, status.FAILED_PRECONDITION, 'a dual-stack subcloud alone leaves nothing to do')
  assert.is(nothing.details, 'Strategy has no steps to apply')
})

test('network-strategy apply - refused while a step is refused, naming it', async (c) => {
  const { controller } = started(c)
  // subcloud2's OAM subnet given as the controller's own OAM IPv4 subnet: the dry run refuses it.
  const plan = `${ADD_PLAN}subclouds:\n  subcloud2: { oam: { subnet: 10.10.1.0/24 } }\n`
  const created = await create(controller, { plan_yaml: plan })
  assert.is(created.state, 'initial')
  assert.is(created.refused_steps, 1)
  const refused = await step(controller, 'subcloud2')
  assert.is(refused.state, 'refused')
  assert.ok(refused.details.includes('10.10.1.0/24'), refused.details)
  const again = await failure(create(controller, { plan_yaml: ADD_PLAN }))
  assert.is(again.code, status.ALREADY_EXISTS)
  const err = await failure(apply(controller))
  assert.is(err.code, status.FAILED_PRECONDITION)
  assert.ok(err.details.includes('1 refused step(s) (subcloud2)'), err.details)
  assert.ok(err.details.includes('recreate the strategy without them'), err.details)
  assert.is((await show(controller)).state, 'initial', 'still not applying')
  const deleted = await remove(controller)
  assert.is(deleted.uuid, created.uuid)
})

test('network-strategy - the add plan moves the single-stack subclouds to dual-stack', async (c) => {
  const { controller, agent } = started(c)
  const before = new Map<string, DescribeResponse__Output>()
  for (const { name } of SITES) before.set(name, await agent(name).describe())

  const created = await create(controller, { plan_yaml: ADD_PLAN, max_parallel_subclouds: 2 })
  assert.is(created.state, 'initial')
  assert.is(created.type, 'network')
  assert.is(created.total_steps, 2)
  assert.is(created.skipped_subclouds, 1)
  assert.equal(created.step_counts, [
    { state: 'initial', count: 2 },
    { state: 'skipped', count: 1 },
  ])
  assert.equal(
    (await steps(controller)).map((s) => s.cloud),
    ['subcloud1', 'subcloud2'],
  )
  const all = await steps(controller, true)
  const skipped = all.find((s) => s.cloud === 'subcloud3')
  assert.is(skipped?.state, 'skipped')
  assert.ok(skipped?.details.includes('oam'), `the reason names the networks: ${skipped?.details}`)
  const simplex = all.find((s) => s.cloud === 'subcloud1')
  const duplex = all.find((s) => s.cloud === 'subcloud2')
  assert.ok(simplex?.commands.some((line) => line.startsWith('system addrpool-add oam-ipv4 10.64.')))
  // Host actions exist only where the agent's dry run marked hosts out of date (raising 250.001).
  assert.ok((duplex?.host_actions.length ?? 0) > 0, 'the duplex subcloud has the lock/unlock/swact sequence')
  assert.ok(
    duplex?.host_actions.some((line) => line.includes('swact')),
    duplex?.host_actions.join('; '),
  )

  const applying = await apply(controller)
  assert.is(applying.state, 'applying')
  // Sent at once: the rollout takes many batched step writes (each at least the batcher's
  // interval), far longer than one round trip.
  const busy = await failure(remove(controller))
  assert.is(busy.code, status.FAILED_PRECONDITION, 'delete is refused while applying')
  assert.is(busy.details, 'Strategy cannot be deleted while applying')
  const done = await ended(controller)
  assert.is(done.state, 'complete', done.details)
  assert.equal(done.step_counts, [
    { state: 'complete', count: 2 },
    { state: 'skipped', count: 1 },
  ])

  const oamIpv4 = new Set<string>()
  for (const name of ['subcloud1', 'subcloud2']) {
    const after = await agent(name).describe()
    assert.ok(after.system?.kubernetes_dual_stack, `${name} runs Kubernetes dual-stack`)
    for (const type of ['oam', 'cluster-host', 'cluster-pod', 'cluster-service']) {
      assert.is(poolsOf(after, type).length, 2, `${name} ${type} has two pools`)
    }
    oamIpv4.add(poolsOf(after, 'oam')[1] ?? '')
    assert.not.ok(alarmIds(after).includes('250.001'), `${name} has no configuration out of date`)
    assert.ok(
      after.hosts.every((h) => h.config_up_to_date && h.administrative === 'unlocked'),
      `${name}: every host unlocked with its configuration applied`,
    )
    const done = await step(controller, name)
    assert.is(done.state, 'complete')
    // One generation per command applied: the change and each host action went through once.
    const commands = done.commands.length + done.host_actions.length
    assert.is(Number(after.generation), Number(before.get(name)?.generation) + commands, 'each Apply once')
  }
  assert.is(oamIpv4.size, 2, `distinct OAM subnets: ${[...oamIpv4].join(', ')}`)
  for (const { name } of SITES) {
    const secondary = agent(name).addresses[1] ?? ''
    assert.is(await agent(name).callsOn(secondary), 0, `no call reached ${name} on its secondary address`)
  }
  const untouched = await agent('subcloud3').describe()
  assert.is(untouched.generation, before.get('subcloud3')?.generation, 'the skipped subcloud is untouched')
  await controller.waitFor('subcloud2', (s) => s.sync === 'in-sync', 'in-sync', 60_000)
  await remove(controller)
})

test('network-strategy - the remove plan for group rollout brings its subclouds back to single stack', async (c) => {
  const { controller, agent } = started(c)
  const created = await create(controller, { plan_yaml: REMOVE_PLAN, group: 'rollout' })
  assert.is(created.group, 'rollout')
  assert.is(created.max_parallel_subclouds, 2, "the group's max parallel")
  assert.is(created.total_steps, 2)
  await apply(controller)
  const done = await ended(controller)
  assert.is(done.state, 'complete', done.details)
  for (const name of ['subcloud1', 'subcloud2']) {
    const after = await agent(name).describe()
    assert.not.ok(after.system?.kubernetes_dual_stack, `${name} is back to single-stack Kubernetes`)
    for (const type of ['oam', 'cluster-host', 'cluster-pod', 'cluster-service']) {
      assert.is(poolsOf(after, type).length, 1, `${name} ${type} has its primary pool only`)
    }
  }
  assert.is(poolsOf(await agent('subcloud3').describe(), 'oam').length, 2, 'subcloud3 is not in the group')
  await remove(controller)
})

test('network-strategy - a demoted controller: the agent refuses the step, naming both epochs', async (c) => {
  const { controller, agent } = started(c)
  await create(controller, { plan_yaml: ADD_PLAN, subcloud: 'subcloud1' })
  const held = await agent('subcloud1').describe()
  const newer = BigInt(held.epoch) + 1n
  await unary<ClaimResponse__Output>((o, cb) =>
    agent('subcloud1')
      .agent()
      .Claim({ epoch: String(newer), controller_id: 'controller-b' }, o, cb),
  )
  await apply(controller)
  const done = await ended(controller)
  assert.is(done.state, 'failed')
  const failed = await step(controller, 'subcloud1')
  assert.is(failed.state, 'failed')
  assert.ok(failed.details.includes(`Stale controller epoch ${held.epoch}`), failed.details)
  assert.ok(failed.details.includes(`epoch ${newer} held by 'controller-b'`), failed.details)
  const after = await agent('subcloud1').describe()
  assert.is(after.generation, held.generation, 'nothing changed on the agent')
})

test.run()
