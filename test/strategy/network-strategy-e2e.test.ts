// The fleet rollout end to end: `dcmanager network-strategy` moves an IPv6 single-stack
// simplex and an IPv6 single-stack duplex subcloud to dual-stack and back, skips the dual-stack
// one, and a demoted controller's step is refused by the agent. Real dc-controller (PostgreSQL),
// real dc-agents, the real CLI.
import { status } from '@grpc/grpc-js'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { ClaimResponse__Output, DescribeResponse__Output } from '@dc/protos'
import { failure, unary } from '../controller/controller-harness.js'
import {
  DUAL,
  DUPLEX,
  PLAN_NETWORKS,
  SIMPLEX,
  StrategyFleet,
  expectedChangeIds,
  networkPools,
  outOfDateAlarms,
} from './strategy-fleet.js'

interface Ctx {
  fleet: StrategyFleet | undefined
  /** Each agent's Describe before the first strategy. */
  before: Map<string, DescribeResponse__Output>
}

const test = suite<Ctx>('network strategy end to end', { fleet: undefined, before: new Map() })

function started(c: Ctx): StrategyFleet {
  if (c.fleet === undefined) throw new Error('the suite did not start')
  return c.fleet
}

/** `-f json` rows of a list command. */
function jsonRows(stdout: string): Record<string, unknown>[] {
  return JSON.parse(stdout) as Record<string, unknown>[]
}

/** Runs dcmanager and fails the test, with its stderr, unless it exits 0. */
async function ok(fleet: StrategyFleet, args: readonly string[]): Promise<string> {
  const result = await fleet.dcmanager(args)
  assert.is(result.code, 0, `dcmanager ${args.join(' ')}: exit status; stderr: ${result.stderr}`)
  return result.stdout
}

/** The network's pools on the site as `network/prefix` per family. */
function subnets(described: DescribeResponse__Output, network: string): Record<string, string> {
  return Object.fromEntries(
    networkPools(described, network).map((p) => [p.family, `${p.network}/${p.prefix}`]),
  )
}

test.before(async (c) => {
  c.fleet = await StrategyFleet.start({ prefix: 'dct-strategy-' })
  for (const name of [SIMPLEX, DUPLEX, DUAL]) c.before.set(name, await c.fleet.describe(name))
})

test.after(async (c) => {
  await c.fleet?.stop()
})

test('network-strategy create - one step per single-stack subcloud, the dual-stack one skipped with its reason', async (c) => {
  const fleet = started(c)
  await ok(fleet, ['network-strategy', 'create', '--plan', fleet.addPlan])
  const strategy = await fleet.strategy()
  assert.is(strategy.state, 'initial')
  assert.is(strategy.plan_kind, 'add')
  assert.is(strategy.total_steps, 2)
  assert.is(strategy.skipped_subclouds, 1)
  assert.is(strategy.refused_steps, 0)

  const listed = jsonRows(
    await ok(fleet, [
      'strategy-step',
      'list',
      '--include-skipped',
      '-f',
      'json',
      '-c',
      'cloud',
      '-c',
      'state',
      '-c',
      'details',
    ]),
  )
  const byCloud = new Map(listed.map((row) => [String(row['cloud']), row]))
  assert.equal([...byCloud.keys()].sort(), [SIMPLEX, DUPLEX, DUAL])
  assert.is(byCloud.get(DUAL)?.['state'], 'skipped')
  assert.match(String(byCloud.get(DUAL)?.['details']), /dual-stack/i, 'the reason says why')
  assert.is(byCloud.get(SIMPLEX)?.['state'], 'initial')
  assert.is(byCloud.get(DUPLEX)?.['state'], 'initial')
  const taking = jsonRows(await ok(fleet, ['strategy-step', 'list', '-f', 'json', '-c', 'cloud']))
  assert.equal(taking.map((row) => row['cloud']).sort(), [SIMPLEX, DUPLEX], 'skipped ones only on request')

  // The dry run planned every command against each subcloud's state, the duplex one's host dance included.
  const simplex = await fleet.step(SIMPLEX)
  assert.ok(
    simplex.commands.some((line) => /addrpool-add oam-ipv4 10\.6\d\.\d+\.0 24/.test(line)),
    simplex.commands.join('\n'),
  )
  assert.is(Number(simplex.base_generation), Number(c.before.get(SIMPLEX)?.generation))
  const duplex = await fleet.step(DUPLEX)
  assert.ok(
    duplex.host_actions.some((line) => /swact/.test(line)),
    `host actions: ${duplex.host_actions.join('; ')}`,
  )
})

test('network-strategy apply --wait - exits 0 once every step is complete', async (c) => {
  const fleet = started(c)
  const applied = await fleet.dcmanager(['network-strategy', 'apply', '--wait'])
  assert.is(applied.code, 0, `exit status; stderr: ${applied.stderr}`)
  assert.match(applied.stdout, /complete/)
  // Not a terminal: progress comes as plain lines on stderr, never a bar redrawn in place.
  assert.ok(applied.stderr.length > 0 && !applied.stderr.includes('\r'), `progress: ${applied.stderr}`)
  const strategy = await fleet.strategy()
  assert.is(strategy.state, 'complete')
  for (const step of await fleet.steps()) assert.is(step.state, 'complete', `${step.cloud}: ${step.details}`)
})

test('the single-stack subclouds are dual-stack, in their Kubernetes files too, with distinct OAM subnets', async (c) => {
  const fleet = started(c)
  const oam = new Set<string>()
  for (const name of [SIMPLEX, DUPLEX]) {
    const described = await fleet.describe(name)
    assert.is(described.system?.kubernetes_dual_stack, true, `${name} Kubernetes dual-stack`)
    for (const network of PLAN_NETWORKS) {
      assert.equal(
        Object.keys(subnets(described, network)),
        ['IPv6', 'IPv4'],
        `${name} ${network}: IPv6 primary, IPv4 second`,
      )
    }
    const oamV4 = subnets(described, 'oam')['IPv4'] ?? ''
    assert.match(oamV4, /^10\.(6[4-9]|7[0-9])\.\d+\.0\/24$/, `${name} OAM from 10.64.0.0/12`)
    oam.add(oamV4)
    assert.is(subnets(described, 'cluster-pod')['IPv4'], '172.16.0.0/16')
    assert.is(subnets(described, 'cluster-service')['IPv4'], '10.96.0.0/12')
    assert.is(outOfDateAlarms(described), 0, `${name}: no 250.001 left`)

    const apiserver = await fleet.kubernetesFile(name, 'kube-apiserver.flags')
    assert.match(apiserver, /--service-cluster-ip-range=fd04:[0-9a-f:]+\/112,10\.96\.0\.0\/12\n/)
    const manager = await fleet.kubernetesFile(name, 'kube-controller-manager.flags')
    assert.match(manager, /--cluster-cidr=fd03:[0-9a-f:]+\/64,172\.16\.0\.0\/16\n/)
    const kubelet = await fleet.kubernetesFile(name, 'kubelet-controller-0.flags')
    assert.match(kubelet, /--node-ip=[0-9a-f:]+,10\.1[2-4]\d\.\d+\.\d+\n/, 'node IPs of both families')
    const calico = await fleet.kubernetesFile(name, 'calico-ippools.yaml')
    assert.match(calico, /cidr: fd03:/)
    assert.match(calico, /cidr: 172\.16\.0\.0\/16/)
  }
  assert.is(oam.size, 2, `distinct OAM subnets: ${[...oam].join(', ')}`)
  const dual = await fleet.describe(DUAL)
  assert.is(dual.generation, c.before.get(DUAL)?.generation, 'the skipped subcloud was not touched')
})

test('the duplex subcloud - 250.001 raised by the change and cleared by the host actions of its step', async (c) => {
  const fleet = started(c)
  const { uuid } = await fleet.strategy()
  const step = await fleet.step(DUPLEX)
  const applied = await fleet.appliedChanges(DUPLEX, uuid)
  assert.equal(
    applied.map((a) => a.changeId),
    expectedChangeIds(uuid, step),
    'the change, then each host action',
  )
  const [change, ...actions] = applied
  assert.ok(
    change?.effects.some((e) => e.type === 'alarm-raised' && e.alarm?.alarmId === '250.001'),
    'the change left the hosts out of date',
  )
  assert.ok(
    actions.some((a) => a.effects.some((e) => e.type === 'alarm-cleared' && e.alarmId === '250.001')),
    'a host action of the step cleared it',
  )
  const described = await fleet.describe(DUPLEX)
  assert.equal(
    described.hosts.map((h) => [h.hostname, h.administrative, h.config_up_to_date]),
    [
      ['controller-0', 'unlocked', true],
      ['controller-1', 'unlocked', true],
    ],
    'both hosts unlocked again with their configuration applied',
  )
  assert.is(described.hosts.find((h) => h.active)?.hostname, 'controller-0', 'swacted back')
})

test('invariant 1 - no call reached any agent on its IPv4 (secondary) address', async (c) => {
  const fleet = started(c)
  for (const name of [SIMPLEX, DUPLEX, DUAL]) assert.is(await fleet.secondaryCalls(name), 0, name)
})

test('network-strategy delete, then the remove plan brings both back to single stack', async (c) => {
  const fleet = started(c)
  await ok(fleet, ['network-strategy', 'delete'])
  const gone = await failure(fleet.strategy())
  assert.is(gone.code, status.NOT_FOUND)

  // The plan alone would take every subcloud back, the one that was dual-stack before too: a
  // group holds the two the strategy above converted.
  await ok(fleet, ['subcloud-group', 'add', '--name', 'converted', '--max_parallel_subclouds', '2'])
  for (const name of [SIMPLEX, DUPLEX]) await ok(fleet, ['subcloud', 'update', '--group', 'converted', name])
  await ok(fleet, ['network-strategy', 'create', '--plan', fleet.removePlan, '--group', 'converted'])
  const strategy = await fleet.strategy()
  assert.is(strategy.plan_kind, 'remove')
  assert.is(strategy.group, 'converted')
  assert.is(strategy.max_parallel_subclouds, 2, "the group's max parallel")
  assert.is(strategy.total_steps, 2)
  const applied = await fleet.dcmanager(['network-strategy', 'apply', '--wait'])
  assert.is(applied.code, 0, `exit status; stderr: ${applied.stderr}`)
  for (const name of [SIMPLEX, DUPLEX]) {
    const described = await fleet.describe(name)
    assert.is(described.system?.kubernetes_dual_stack, false, `${name} Kubernetes single-stack`)
    for (const network of PLAN_NETWORKS) {
      assert.equal(Object.keys(subnets(described, network)), ['IPv6'], `${name} ${network}: IPv6 only`)
    }
    assert.is(outOfDateAlarms(described), 0, `${name}: no 250.001 left`)
    const manager = await fleet.kubernetesFile(name, 'kube-controller-manager.flags')
    assert.match(manager, /--cluster-cidr=fd03:[0-9a-f:]+\/64\n/)
    assert.not.match(await fleet.kubernetesFile(name, 'calico-ippools.yaml'), /172\.16\.0\.0/)
  }
  const dual = await fleet.describe(DUAL)
  assert.is(dual.generation, c.before.get(DUAL)?.generation, 'the subcloud outside the group was not touched')
  for (const name of [SIMPLEX, DUPLEX, DUAL])
    assert.is(await fleet.secondaryCalls(name), 0, `${name} secondary calls`)
  await ok(fleet, ['network-strategy', 'delete'])
})

test('a demoted controller - its strategy step is refused by the agent, naming both epochs', async (c) => {
  const fleet = started(c)
  await ok(fleet, ['network-strategy', 'create', '--plan', fleet.addPlan, SIMPLEX])
  const agent = fleet.agent(SIMPLEX)
  const held = await agent.describe()
  const newerEpoch = BigInt(held.epoch) + 1n
  // Another controller takes the subcloud over; this one's database does not know.
  const claimed = await unary<ClaimResponse__Output>((o, cb) =>
    agent.agent().Claim({ epoch: String(newerEpoch), controller_id: 'controller-b' }, o, cb),
  )
  assert.is(claimed.epoch, String(newerEpoch))

  const applied = await fleet.dcmanager(['network-strategy', 'apply', '--wait'])
  assert.is(applied.code, 1, `exit status; stdout: ${applied.stdout}`)
  const refusal = `Stale controller epoch ${held.epoch} from '${held.controller_id}': the agent obeys epoch ${newerEpoch} held by 'controller-b'`
  assert.ok(applied.stderr.includes(SIMPLEX) && applied.stderr.includes(refusal), `stderr: ${applied.stderr}`)
  const step = await fleet.step(SIMPLEX)
  assert.is(step.state, 'failed')
  assert.ok(step.details.includes(refusal), `details: ${step.details}`)
  assert.is((await fleet.strategy()).state, 'failed')
  const after = await agent.describe()
  assert.is(after.generation, held.generation, 'nothing changed on the agent')
  assert.is(after.controller_id, 'controller-b')
})

test.run()
