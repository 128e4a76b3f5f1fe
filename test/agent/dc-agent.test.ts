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

/** One sample of the Prometheus text format: `name{labels} value`. */
interface Sample {
  readonly name: string
  readonly labels: Readonly<Record<string, string>>
  readonly value: number
}

async function scrape(address: string): Promise<Sample[]> {
  const response = await fetch(`http://${address}/metrics`, { signal: AbortSignal.timeout(10_000) })
  assert.is(response.status, 200)
  assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/)
  return (await response.text())
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-z_:][a-z0-9_:]*)(?:\{(.*)\})? (\S+)$/i.exec(line)
      if (match === null) throw new Error(`not a sample line: ${line}`)
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/([a-z_]+)="((?:[^"\\]|\\.)*)"/gi)].map((m) => [m[1], m[2]]),
      )
      return { name: match[1] ?? '', labels, value: Number(match[3]) }
    })
}

function value(samples: readonly Sample[], name: string): number | undefined {
  return samples.find((s) => s.name === name)?.value
}

function callsOn(samples: readonly Sample[], address: string): Sample[] {
  return samples.filter((s) => s.name === 'dc_agent_calls_total' && s.labels.local_address === address)
}

const sum = (samples: readonly Sample[]): number => samples.reduce((total, s) => total + s.value, 0)

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

DcAgent(
  'dc-agent - /metrics counts the calls on the primary address and none on the secondary',
  async (ctx) => {
    const values = join(ctx.dir, 'localhost.yml')
    await writeFile(values, DUAL_STACK_VALUES)
    const running = (ctx.agentProcess = await startAgent({
      stateDir: join(ctx.dir, 'state'),
      metrics: true,
      args: ['--bootstrap-values', values],
    }))
    const metrics = running.metrics ?? ''
    // Every call goes to the primary (IPv6) address, as the controller's do.
    const agent = running.agent(running.v6)
    const owner = { epoch: '7', controller_id: 'ctl-a' }
    await unary((o, cb) => agent.Claim(owner, o, cb))
    const lock: ChangeRequest = {
      changeId: 'lock-1',
      commands: [{ kind: 'host-lock', host: 'controller-1' }],
      owner,
    }
    await applyChange(agent, lock)
    await applyChange(agent, lock)
    for (let i = 0; i < 3; i++) await describe(agent)
    const stream = agent.Watch({})
    const { events } = collect(stream)
    await waitFor(() => events.length > 0, { message: 'first Watch status' })

    const samples = await scrape(metrics)
    const primary = callsOn(samples, running.v6)
    const secondary = callsOn(samples, running.v4)
    const method = (name: string): number | undefined =>
      primary.find((s) => s.labels.method === `/dc.agent.v1.Agent/${name}`)?.value
    assert.equal([method('Claim'), method('Apply'), method('Describe'), method('Watch')], [1, 2, 3, 1])
    assert.ok(secondary.length > 0, 'the secondary address has its series')
    assert.is(sum(secondary), 0, 'no call on the secondary address')
    assert.is(value(samples, 'dc_agent_applied_changes_total'), 1, 'the retry is not a new change')
    assert.is(value(samples, 'dc_agent_epoch'), 7)
    assert.is(value(samples, 'dc_agent_bootstrapped'), 1)
    assert.is(value(samples, 'dc_agent_watch_subscribers'), 1)
    assert.ok((value(samples, 'dc_agent_process_cpu_seconds_total') ?? -1) >= 0, 'process metrics')

    // Describe reports the same count (plus itself): one counter behind both.
    const described = await describe(agent)
    const reported = (address: string): number =>
      Number(described.address_calls.find((c) => c.local_address === address)?.calls)
    assert.is(reported(running.v6), sum(primary) + 1)
    assert.is(reported(running.v4), 0)
    assert.is(value(samples, 'dc_agent_generation'), Number(described.generation))

    stream.cancel()
    await waitFor(async () => value(await scrape(metrics), 'dc_agent_watch_subscribers') === 0, {
      message: 'the cancelled Watch stream is no longer counted',
    })
  },
)

DcAgent('dc-agent - logs JSON lines on stderr, with no secret of its bootstrap values', async (ctx) => {
  const values = join(ctx.dir, 'localhost.yml')
  await writeFile(values, DUAL_STACK_VALUES)
  const running = (ctx.agentProcess = await startAgent({
    stateDir: join(ctx.dir, 'state'),
    args: ['--bootstrap-values', values, '--log-level', 'debug'],
  }))
  await unary((o, cb) => running.agent().Describe({}, o, cb))
  assert.is(await running.close(), 0)

  const lines = running.process.stderrLines()
  assert.ok(lines.length >= 3, lines.join('\n'))
  const records = lines.map((line) => {
    let record: Record<string, unknown>
    try {
      record = JSON.parse(line) as Record<string, unknown>
    } catch {
      throw new Error(`not a JSON line: ${line}`)
    }
    for (const field of ['level', 'time', 'msg']) assert.type(record[field], 'string', `${field} in ${line}`)
    assert.ok(!Number.isNaN(Date.parse(String(record.time))), line)
    for (const secret of SEED_SECRETS) assert.not.ok(line.includes(secret), `a secret in ${line}`)
    return record
  })
  const logged = (msg: string): Record<string, unknown> | undefined => records.find((r) => r.msg === msg)
  const bootstrapping = logged('bootstrapping from the values file')
  assert.is((bootstrapping?.values as Record<string, unknown>).admin_password, '[REDACTED]')
  assert.is(logged('bootstrapped')?.component, 'agent')
  assert.is(logged('SIGTERM: shutting down')?.component, 'main')
  assert.ok(records.every((r) => r.service === 'dc-agent'))
})

DcAgent.run()
