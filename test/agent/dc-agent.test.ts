import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { status } from '@grpc/grpc-js'
import type { ClientReadableStream, ServiceError } from '@grpc/grpc-js'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { Command } from '@dc/netmodel'
import { commandMessage } from '@dc/platform-service'
import type {
  AgentClient,
  ApplyResponse__Output,
  ClaimResponse__Output,
  DescribeResponse__Output,
  Effect__Output,
  ListNetworkAddrPoolsResponse__Output,
  NetworkAddrPoolMutation__Output,
  StateSummary__Output,
  WatchEvent__Output,
} from '@dc/protos'
import { makeTempDir, removeTempDir, waitFor } from '../support/index.js'
import { expectStatus, startAgent, unary } from './agent-process.js'
import type { AgentProcess } from './agent-process.js'
import { DUAL_STACK_VALUES, IPV6_SINGLE_STACK_VALUES, SEED_SECRETS } from './seed-values.js'

const CONTROLLER = { epoch: '1', controller_id: 'ctl-a' }

interface Ctx {
  dir: string
  agentProcess: AgentProcess | undefined
}

function bootstrap(client: AgentClient, values: string, owner = CONTROLLER): Promise<StateSummary__Output> {
  return unary<StateSummary__Output>((o, cb) => client.Bootstrap({ values_yaml: values, ...owner }, o, cb))
}

function describe(client: AgentClient): Promise<DescribeResponse__Output> {
  return unary<DescribeResponse__Output>((o, cb) => client.Describe({}, o, cb))
}

interface ChangeRequest {
  changeId: string
  commands: Command[]
  expectedGeneration?: string
  owner?: { epoch: string; controller_id: string }
}

function applyChange(client: AgentClient, change: ChangeRequest): Promise<ApplyResponse__Output> {
  const request = {
    change_id: change.changeId,
    commands: change.commands.map(commandMessage),
    ...(change.expectedGeneration === undefined ? {} : { expected_generation: change.expectedGeneration }),
    ...(change.owner ?? CONTROLLER),
  }
  return unary<ApplyResponse__Output>((o, cb) => client.Apply(request, o, cb))
}

function effectCases(effects: readonly Effect__Output[]): string[] {
  return effects.map((e) => e.effect ?? '')
}

function restarts(d: DescribeResponse__Output, component: string): number {
  return Number(d.component_restarts.find((r) => r.component === component)?.restarts ?? -1)
}

const DcAgent = suite<Ctx>('dc-agent', { dir: '', agentProcess: undefined })

DcAgent.before.each(async (ctx) => {
  ctx.dir = await makeTempDir('dc-agent-e2e-')
  ctx.agentProcess = undefined
})

DcAgent.after.each(async (ctx) => {
  await ctx.agentProcess?.close()
  await removeTempDir(ctx.dir)
})

DcAgent(
  'dc-agent - bootstraps with the seed dual-stack values on [::1] and 127.0.0.1 and persists them',
  async (ctx) => {
    const running = (ctx.agentProcess = await startAgent({ stateDir: ctx.dir }))
    const v6 = running.agent(running.v6)
    const before = await describe(v6)
    assert.is(before.bootstrapped, false)
    await expectStatus(
      unary((o, cb) => running.platform().GetSystem({}, o, cb)),
      status.FAILED_PRECONDITION,
    )

    const summary = await bootstrap(v6, DUAL_STACK_VALUES)
    assert.is(summary.bootstrapped, true)
    assert.is(summary.epoch, '1')
    assert.is(summary.controller_id, 'ctl-a')
    assert.equal(
      summary.hosts.map((h) => h.hostname),
      ['controller-0', 'controller-1'],
    )

    // Same values again: the same summary; other values: refused, nothing changed.
    const again = await bootstrap(running.agent(running.v4), DUAL_STACK_VALUES)
    assert.is(again.config_hash, summary.config_hash)
    assert.is(again.system_uuid, summary.system_uuid)
    await expectStatus(bootstrap(v6, IPV6_SINGLE_STACK_VALUES), status.ALREADY_EXISTS)

    const described = await describe(v6)
    assert.is(described.system?.system_mode, 'duplex')
    assert.is(described.system?.kubernetes_dual_stack, true)
    const oam = described.networks.find((n) => n.type === 'oam')
    assert.is(oam?.primary_pool_family, 'IPv6')
    const oamPools = described.network_addrpools.filter((a) => a.network_name === oam?.name)
    assert.is(oamPools.length, 2, 'oam is dual-stack')
    const apiserver = await readFile(join(ctx.dir, 'kubernetes', 'kube-apiserver.flags'), 'utf8')
    assert.match(apiserver, /aefd:aaa::\/112/)
    assert.match(apiserver, /10\.96\.0\.0\/12/)

    // Restart: the state, the ownership and the Kubernetes files come back as they were.
    assert.is(await running.close(), 0)
    const restarted = (ctx.agentProcess = await startAgent({ stateDir: ctx.dir }))
    const after = await describe(restarted.agent())
    assert.is(after.config_hash, described.config_hash)
    assert.is(after.generation, described.generation)
    assert.is(after.epoch, '1')
    assert.is(after.controller_id, 'ctl-a')

    const output = running.process.output() + restarted.process.output()
    for (const secret of SEED_SECRETS) assert.not.ok(output.includes(secret), 'no secret in the logs')
  },
)

DcAgent('dc-agent - refuses invalid bootstrap values, naming every key at fault', async (ctx) => {
  const running = (ctx.agentProcess = await startAgent({ stateDir: ctx.dir }))
  const bad = `
system_mode: duplex
pxeboot_subnet: fd09::/64
external_oam_subnet: fd00::/64,fd05::/64
management_subnet: 10.0.0.0/24
cluster_host_subnet: fd02::/64
cluster_pod_subnet: fd03::/64
cluster_service_subnet: fd04::/112
`
  const err = await expectStatus(bootstrap(running.agent(), bad), status.INVALID_ARGUMENT)
  assert.match(err.details, /pxeboot_subnet/)
  assert.match(err.details, /external_oam_subnet/)
  await expectStatus(bootstrap(running.agent(), '- a\n- list'), status.INVALID_ARGUMENT)
  await expectStatus(bootstrap(running.agent(), 'a: [unclosed'), status.INVALID_ARGUMENT)
  assert.is((await describe(running.agent())).bootstrapped, false)
})

DcAgent('dc-agent - applies the seed runtime walkthrough on an AIO-DX IPv6 single-stack', async (ctx) => {
  const running = (ctx.agentProcess = await startAgent({ stateDir: ctx.dir }))
  const agent = running.agent()
  const platform = running.platform(running.v4)
  await bootstrap(agent, IPV6_SINGLE_STACK_VALUES)
  const initial = await describe(agent)
  assert.is(initial.system?.kubernetes_dual_stack, false)
  const apiserverRestarts = restarts(initial, 'kube-apiserver')

  // Secondary OAM pool: out-of-date configuration on both controllers of an AIO-DX.
  const oam = await applyChange(agent, {
    changeId: 'oam-ipv4',
    expectedGeneration: initial.generation,
    commands: [
      {
        kind: 'addrpool-add',
        name: 'oam-ipv4',
        network: '10.10.204.0',
        prefix: 24,
        order: 'random',
        ranges: [['10.10.204.1', '10.10.204.253']],
        floatingAddress: '10.10.204.1',
        controller0Address: '10.10.204.2',
        controller1Address: '10.10.204.3',
        gatewayAddress: '10.10.204.254',
      },
      { kind: 'network-addrpool-assign', network: 'oam', pool: 'oam-ipv4' },
    ],
  })
  assert.ok(effectCases(oam.effects).includes('oam_reconfigured'))
  const outOfDate = await describe(agent)
  assert.equal(
    outOfDate.hosts.map((h) => h.config_up_to_date),
    [false, false],
  )
  assert.is(outOfDate.alarms.filter((a) => a.alarm_id === '250.001').length, 2)

  // The retry of an acknowledged change is answered from memory.
  const retry = await applyChange(agent, {
    changeId: 'oam-ipv4',
    expectedGeneration: initial.generation,
    commands: [],
  }).catch((err: ServiceError) => err)
  assert.is((retry as ServiceError).code, status.INVALID_ARGUMENT, 'an empty command list is malformed')
  const replay = await applyChange(agent, {
    changeId: 'oam-ipv4',
    expectedGeneration: initial.generation,
    commands: [
      {
        kind: 'addrpool-add',
        name: 'oam-ipv4',
        network: '10.10.204.0',
        prefix: 24,
        order: 'random',
        ranges: [['10.10.204.1', '10.10.204.253']],
        floatingAddress: '10.10.204.1',
        controller0Address: '10.10.204.2',
        controller1Address: '10.10.204.3',
        gatewayAddress: '10.10.204.254',
      },
      { kind: 'network-addrpool-assign', network: 'oam', pool: 'oam-ipv4' },
    ],
  })
  assert.is(replay.replayed, true)
  assert.is(replay.generation, oam.generation)
  assert.is(replay.config_hash, oam.config_hash)
  assert.is((await describe(agent)).generation, oam.generation)

  // lock/unlock/swact cycle from the seed, one change per command.
  const cycle: Command[] = [
    { kind: 'host-lock', host: 'controller-1' },
    { kind: 'host-unlock', host: 'controller-1' },
    { kind: 'host-swact', host: 'controller-0' },
    { kind: 'host-lock', host: 'controller-0' },
    { kind: 'host-unlock', host: 'controller-0' },
    { kind: 'host-swact', host: 'controller-1' },
  ]
  for (const [i, command] of cycle.entries())
    await applyChange(agent, { changeId: `cycle-${i}`, commands: [command] })
  const cycled = await describe(agent)
  assert.equal(
    cycled.hosts.map((h) => [h.hostname, h.config_up_to_date, h.administrative]),
    [
      ['controller-0', true, 'unlocked'],
      ['controller-1', true, 'unlocked'],
    ],
  )
  assert.is(cycled.hosts.find((h) => h.active)?.hostname, 'controller-0')
  assert.is(cycled.alarms.filter((a) => a.alarm_id === '250.001').length, 0)

  // Cluster pools: dual-stack switches on only with the third assignment.
  await applyChange(agent, {
    changeId: 'cluster-pools',
    commands: [
      {
        kind: 'addrpool-add',
        name: 'cluster-pod-ipv4',
        network: '172.16.0.0',
        prefix: 16,
        order: 'random',
        ranges: [['172.16.0.1', '172.16.254.254']],
      },
      {
        kind: 'addrpool-add',
        name: 'cluster-service-ipv4',
        network: '10.96.0.0',
        prefix: 12,
        order: 'random',
        ranges: [['10.96.0.1', '10.96.254.254']],
      },
      {
        kind: 'addrpool-add',
        name: 'cluster-host-ipv4',
        network: '171.168.204.0',
        prefix: 24,
        order: 'random',
        ranges: [['171.168.204.1', '171.168.204.254']],
        floatingAddress: '171.168.204.1',
        controller0Address: '171.168.204.2',
        controller1Address: '171.168.204.3',
      },
    ],
  })
  const partial = await applyChange(agent, {
    changeId: 'assign-service-pod',
    commands: [
      { kind: 'network-addrpool-assign', network: 'cluster-service', pool: 'cluster-service-ipv4' },
      { kind: 'network-addrpool-assign', network: 'cluster-pod', pool: 'cluster-pod-ipv4' },
    ],
  })
  assert.not.ok(effectCases(partial.effects).includes('kubernetes_dual_stack'))
  assert.is((await describe(agent)).system?.kubernetes_dual_stack, false)
  const on = await applyChange(agent, {
    changeId: 'assign-host',
    commands: [{ kind: 'network-addrpool-assign', network: 'cluster-host', pool: 'cluster-host-ipv4' }],
  })
  assert.ok(effectCases(on.effects).includes('kubernetes_dual_stack'))
  assert.ok(effectCases(on.effects).includes('component_restart'))
  const dual = await describe(agent)
  assert.is(dual.system?.kubernetes_dual_stack, true)
  assert.ok(restarts(dual, 'kube-apiserver') > apiserverRestarts)
  assert.ok(restarts(dual, 'kube-controller-manager') > 0)
  const flags = await readFile(join(ctx.dir, 'kubernetes', 'kube-controller-manager.flags'), 'utf8')
  assert.match(flags, /fd03::\/64/)
  assert.match(flags, /172\.16\.0\.0\/16/)

  // Revert through the Platform service, as the seed's awk pipeline does it.
  for (const pool of ['cluster-pod-ipv4', 'cluster-service-ipv4', 'cluster-host-ipv4']) {
    const list = await unary<ListNetworkAddrPoolsResponse__Output>((o, cb) =>
      platform.ListNetworkAddrPools({}, o, cb),
    )
    const row = list.network_addrpools.find((a) => a.address_pool_name === pool)
    assert.ok(row, pool)
    const removed = await unary<NetworkAddrPoolMutation__Output>((o, cb) =>
      platform.RemoveNetworkAddrPool({ assignment: row.uuid }, o, cb),
    )
    assert.is(removed.network_addrpool?.address_pool_name, pool)
  }
  const single = await describe(agent)
  assert.is(single.system?.kubernetes_dual_stack, false)
  assert.ok(restarts(single, 'kube-apiserver') > restarts(dual, 'kube-apiserver'))
  const reverted = await readFile(join(ctx.dir, 'kubernetes', 'kube-controller-manager.flags'), 'utf8')
  assert.not.match(reverted, /172\.16\.0\.0/)
})

DcAgent('dc-agent - refuses stale generations and stale epochs, and the highest claim wins', async (ctx) => {
  const running = (ctx.agentProcess = await startAgent({ stateDir: ctx.dir }))
  const agent = running.agent()
  const summary = await bootstrap(agent, IPV6_SINGLE_STACK_VALUES)
  const lock: Command[] = [{ kind: 'host-lock', host: 'controller-1' }]
  const first = await applyChange(agent, {
    changeId: 'a',
    commands: lock,
    expectedGeneration: summary.generation,
  })

  const stale = await expectStatus(
    applyChange(agent, {
      changeId: 'b',
      commands: [{ kind: 'host-unlock', host: 'controller-1' }],
      expectedGeneration: summary.generation,
    }),
    status.FAILED_PRECONDITION,
  )
  assert.match(stale.details, new RegExp(`expected ${summary.generation}.*generation ${first.generation}`))

  const claim = await unary<ClaimResponse__Output>((o, cb) =>
    agent.Claim({ epoch: '2', controller_id: 'ctl-b' }, o, cb),
  )
  assert.equal(claim, { epoch: '2', controller_id: 'ctl-b' })
  const fenced = await expectStatus(
    applyChange(agent, { changeId: 'c', commands: [{ kind: 'host-unlock', host: 'controller-1' }] }),
    status.FAILED_PRECONDITION,
  )
  assert.match(fenced.details, /epoch 1/)
  assert.match(fenced.details, /ctl-b/)
  await expectStatus(
    unary((o, cb) => agent.Claim({ epoch: '1', controller_id: 'ctl-a' }, o, cb)),
    status.FAILED_PRECONDITION,
  )
  await expectStatus(
    unary((o, cb) => agent.Claim({ epoch: '2', controller_id: 'ctl-a' }, o, cb)),
    status.FAILED_PRECONDITION,
  )
  const taken = await applyChange(agent, {
    changeId: 'c',
    commands: [{ kind: 'host-unlock', host: 'controller-1' }],
    owner: { epoch: '2', controller_id: 'ctl-b' },
  })
  assert.is(Number(taken.generation), Number(first.generation) + 1)
  const d = await describe(agent)
  assert.equal([d.epoch, d.controller_id, d.generation], ['2', 'ctl-b', taken.generation])

  // Local administration needs no epoch: the operator's change makes the site drift.
  await unary((o, cb) => running.platform().LockHost({ host: 'controller-1' }, o, cb))
  const drifted = await describe(agent)
  assert.is(Number(drifted.generation), Number(taken.generation) + 1)
})

function collect(stream: ClientReadableStream<WatchEvent__Output>): {
  events: WatchEvent__Output[]
  ended: Promise<unknown>
} {
  const events: WatchEvent__Output[] = []
  stream.on('data', (e: WatchEvent__Output) => events.push(e))
  const ended = new Promise((resolve) => {
    stream.on('error', resolve)
    stream.on('end', () => resolve(undefined))
  })
  return { events, ended }
}

DcAgent('dc-agent - Watch streams a status first, heartbeats, and a status per change', async (ctx) => {
  const running = (ctx.agentProcess = await startAgent({
    stateDir: ctx.dir,
    args: ['--heartbeat-interval-ms', '2000'],
  }))
  const agent = running.agent()
  await bootstrap(agent, IPV6_SINGLE_STACK_VALUES)
  const stream = agent.Watch({ heartbeat_interval_ms: 100 })
  const { events, ended } = collect(stream)
  await waitFor(() => events.filter((e) => e.event === 'heartbeat').length >= 2, {
    message: 'two heartbeats',
  })
  const first = events[0]
  assert.is(first?.event, 'status')
  const generation = Number(first?.status?.generation)
  const heartbeats = events.filter((e) => e.event === 'heartbeat').map((e) => Number(e.heartbeat?.sequence))
  assert.equal(heartbeats.slice(0, 2), [1, 2])

  await applyChange(agent, { changeId: 'w1', commands: [{ kind: 'host-lock', host: 'controller-1' }] })
  const changed = await waitFor(
    () => events.find((e) => e.event === 'status' && Number(e.status?.generation) === generation + 1),
    { message: 'status after the change' },
  )
  assert.is(changed.status?.hosts.find((h) => h.hostname === 'controller-1')?.administrative, 'locked')
  assert.is(changed.status?.epoch, '1')

  stream.cancel()
  const end = (await ended) as ServiceError | undefined
  assert.is(end?.code, status.CANCELLED)

  await expectStatus(
    new Promise((resolve, reject) => {
      const bad = agent.Watch({ heartbeat_interval_ms: 1 })
      bad.on('data', () => {})
      bad.on('error', reject)
      bad.on('end', resolve)
    }),
    status.INVALID_ARGUMENT,
  )
})

DcAgent('dc-agent - counts calls per local address', async (ctx) => {
  const running = (ctx.agentProcess = await startAgent({ stateDir: ctx.dir }))
  const v4 = running.agent(running.v4)
  const v6 = running.agent(running.v6)
  const count = (d: DescribeResponse__Output, address: string): number =>
    Number(d.address_calls.find((c) => c.local_address === address)?.calls ?? -1)
  const before = await describe(v4)
  assert.equal(
    before.address_calls.map((c) => c.local_address),
    [running.v6, running.v4],
  )
  for (let i = 0; i < 5; i++) await describe(v6)
  const after = await describe(v4)
  assert.is(count(after, running.v6) - count(before, running.v6), 5)
  assert.is(count(after, running.v4) - count(before, running.v4), 1)
})

DcAgent('dc-agent - SIGTERM ends Watch streams and exits 0', async (ctx) => {
  const running = (ctx.agentProcess = await startAgent({ stateDir: ctx.dir }))
  const agent = running.agent()
  const { events, ended } = collect(agent.Watch({}))
  await waitFor(() => events.length >= 1, { message: 'first status' })
  assert.is(await running.close(), 0)
  const end = (await ended) as ServiceError | undefined
  assert.ok(
    end === undefined || end.code === status.UNAVAILABLE,
    `stream ended cleanly (${String(end?.code)})`,
  )
  assert.match(running.process.output(), /SIGTERM: shutting down/)
})

DcAgent('dc-agent - bootstraps at start from --bootstrap-values', async (ctx) => {
  const file = join(ctx.dir, 'localhost.yml')
  await writeFile(file, DUAL_STACK_VALUES)
  const stateDir = join(ctx.dir, 'state')
  const running = (ctx.agentProcess = await startAgent({ stateDir, args: ['--bootstrap-values', file] }))
  const d = await describe(running.agent())
  assert.is(d.bootstrapped, true)
  assert.is(d.epoch, '0')
  // A controller may claim it afterwards; a restart with the same file is not refused.
  await unary((o, cb) => running.agent().Claim({ epoch: '3', controller_id: 'ctl-a' }, o, cb))
  await running.close()
  const again = (ctx.agentProcess = await startAgent({ stateDir, args: ['--bootstrap-values', file] }))
  const d2 = await describe(again.agent())
  assert.equal([d2.epoch, d2.config_hash], ['3', d.config_hash])
  for (const secret of SEED_SECRETS) assert.not.ok(again.process.output().includes(secret))
})

DcAgent.run()
