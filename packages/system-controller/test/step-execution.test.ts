import { status } from '@grpc/grpc-js'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { Command } from '@dc/netmodel'
import type { ApplyResponse__Output, DescribeResponse__Output } from '@dc/protos'
import type { StepUpdate, StrategyStep } from '../src/strategies/network-strategy.js'
import { runStep, stepTimingWithDefaults } from '../src/strategies/step-execution.js'
import type { StepExecutionDeps, StepPlan } from '../src/strategies/step-execution.js'
import type { StrategyAgents, StrategyApply } from '../src/strategies/strategy-agents.js'
import type { Subcloud } from '../src/subclouds/subcloud.js'
import { subcloudFields } from './subcloud-fixtures.js'

const PLAN: StepPlan = { strategyUuid: 'u-1', planKind: 'remove', networks: ['oam'] }
const CHANGE: Command[] = [{ kind: 'addrpool-delete', pool: 'oam-ipv4' }]
const ACTIONS: Command[] = [
  { kind: 'host-lock', host: 'controller-0' },
  { kind: 'host-unlock', host: 'controller-0' },
]

function subcloud(fields: Partial<Subcloud> = {}): Subcloud {
  return {
    ...subcloudFields('subcloud1', 1, { epoch: 4 }),
    id: 1,
    deployStatus: 'complete',
    availability: 'online',
    managementState: 'managed',
    ...fields,
  } as Subcloud
}

function step(fields: Partial<StrategyStep> = {}): StrategyStep {
  return {
    subcloudId: 1,
    subcloudName: 'subcloud1',
    state: 'initial',
    details: '',
    commands: CHANGE,
    hostActions: ACTIONS,
    baseGeneration: 9,
    applied: 0,
    startedAt: null,
    finishedAt: null,
    createdAt: new Date(0),
    updatedAt: null,
    ...fields,
  }
}

const grpcError = (code: number, details: string): Error =>
  Object.assign(new Error(details), { code, details })

/** A site that reached the plan: OAM with one pool, nothing out of date. */
const DONE = {
  networks: [{ uuid: 'n', type: 'oam' }],
  network_addrpools: [{ network_uuid: 'n' }],
  alarms: [],
  system: { kubernetes_dual_stack: false },
  config_hash: 'final',
} as unknown as DescribeResponse__Output

/** Agents answering from a script: each Apply takes the next outcome (default: applied). */
class ScriptedAgents implements StrategyAgents {
  readonly applies: StrategyApply[] = []
  readonly outcomes: (Error | Partial<ApplyResponse__Output>)[] = []

  describe(): Promise<DescribeResponse__Output> {
    return Promise.resolve(DONE)
  }

  plan(): never {
    throw new Error('no plan in a run')
  }

  async apply(_target: unknown, change: StrategyApply): Promise<ApplyResponse__Output> {
    this.applies.push(change)
    const outcome = this.outcomes.shift() ?? {}
    if (outcome instanceof Error) throw outcome
    return {
      generation: '1',
      config_hash: `h${this.applies.length}`,
      effects: [],
      replayed: false,
      ...outcome,
    } as ApplyResponse__Output
  }
}

function setUp(found: Subcloud | undefined = subcloud()) {
  const agents = new ScriptedAgents()
  const writes: StepUpdate[] = []
  const stored: string[] = []
  const told: string[] = []
  let now = 0
  const deps: StepExecutionDeps = {
    agents,
    subclouds: {
      find: () => Promise.resolve(found),
      setExpectedConfigHash: (_id, hash) => {
        stored.push(hash)
        return Promise.resolve()
      },
    },
    peerGroups: () => Promise.resolve(undefined),
    siteId: 'site-a',
    controllerId: 'ctl-a',
    expectConfigHash: (_name, hash) => told.push(hash),
    platformSync: () => 'in-sync',
    writer: {
      write: (update) => {
        writes.push(update)
        return Promise.resolve()
      },
    },
    // Time moves only by the sleeps: no test waits for real.
    clock: {
      now: () => now,
      sleep: (ms, signal) => {
        signal?.throwIfAborted()
        now += ms
        return Promise.resolve()
      },
    },
    timing: stepTimingWithDefaults(),
  }
  return { agents, writes, stored, told, deps }
}

const test = suite('runStep')

test('runStep - the change with its expected generation, then each host action, then complete', async () => {
  const { agents, writes, stored, told, deps } = setUp()
  const outcome = await runStep(deps, PLAN, step(), new AbortController().signal)
  assert.is(outcome, 'complete')
  assert.equal(
    agents.applies.map((a) => [a.changeId, a.expectedGeneration, a.epoch, a.controllerId]),
    [
      ['u-1/subcloud1/0', 9, 4, 'ctl-a'],
      ['u-1/subcloud1/1', undefined, 4, 'ctl-a'],
      ['u-1/subcloud1/2', undefined, 4, 'ctl-a'],
    ],
  )
  assert.equal(
    writes.map((w) => [w.state, w.details, w.applied]),
    [
      ['pre-check', '', undefined],
      ['applying change', '', undefined],
      ['host actions', 'lock controller-0 (1 of 2)', 1],
      ['host actions', 'unlock controller-0 (2 of 2)', 2],
      ['wait for kubernetes', '', 3],
      ['wait for in-sync', '', undefined],
      ['complete', '', undefined],
    ],
  )
  assert.equal(told, ['h1', 'h2', 'h3', 'final'], 'the audit learns every hash')
  assert.equal(stored, ['final'], 'the store only the final one')
})

test('runStep - a resumed step sends only what is not known applied, with the same change id', async () => {
  const { agents, writes, deps } = setUp()
  agents.outcomes.push({ replayed: true })
  const outcome = await runStep(
    deps,
    PLAN,
    step({ state: 'host actions', applied: 2, startedAt: new Date(0) }),
    new AbortController().signal,
  )
  assert.is(outcome, 'complete')
  assert.equal(
    agents.applies.map((a) => a.changeId),
    ['u-1/subcloud1/2'],
  )
  assert.is(writes.find((w) => w.state === 'pre-check')?.startedAt, undefined, 'started once, not again')
})

test('runStep - an unreachable agent is retried with the same change id, then the step fails', async () => {
  const { agents, deps } = setUp()
  agents.outcomes.push(grpcError(status.UNAVAILABLE, 'connection refused'))
  assert.is(await runStep(deps, PLAN, step({ hostActions: [] }), new AbortController().signal), 'complete')
  assert.equal(
    agents.applies.map((a) => a.changeId),
    ['u-1/subcloud1/0', 'u-1/subcloud1/0'],
  )

  const again = setUp()
  for (let i = 0; i < 4; i++)
    again.agents.outcomes.push(grpcError(status.DEADLINE_EXCEEDED, 'deadline exceeded'))
  assert.is(await runStep(again.deps, PLAN, step(), new AbortController().signal), 'failed')
  assert.is(again.agents.applies.length, 4)
  const failed = again.writes.at(-1)
  assert.is(failed?.state, 'failed')
  assert.ok(failed?.details?.includes('deadline exceeded'), failed?.details)
})

test('runStep - the agent refusing a stale epoch fails the step with its words, the last hash stored', async () => {
  const { agents, writes, stored, deps } = setUp()
  const refusal = "Stale controller epoch 4 from 'ctl-a': the agent obeys epoch 5 held by 'controller-b'"
  agents.outcomes.push({}, grpcError(status.FAILED_PRECONDITION, refusal))
  assert.is(await runStep(deps, PLAN, step(), new AbortController().signal), 'failed')
  assert.is(agents.applies.length, 2, 'never retried')
  assert.equal(writes.at(-1)?.details, refusal)
  assert.equal(stored, ['h1'], 'the change that went through is what the controller expects')
})

test('runStep - the pre-check fails a subcloud gone offline; nothing is sent', async () => {
  const { agents, writes, deps } = setUp(subcloud({ availability: 'offline' }))
  assert.is(await runStep(deps, PLAN, step(), new AbortController().signal), 'failed')
  assert.is(agents.applies.length, 0)
  assert.is(writes.at(-1)?.details, 'subcloud is offline')
})

test('runStep - on shutdown the step rejects and writes nothing more', async () => {
  const { agents, writes, deps } = setUp()
  const stop = new AbortController()
  agents.outcomes.push(grpcError(status.UNAVAILABLE, 'connection refused'))
  const sleep = deps.clock.sleep
  const stopping: StepExecutionDeps = {
    ...deps,
    clock: {
      ...deps.clock,
      sleep: (ms, signal) => {
        stop.abort(new Error('stopping'))
        return sleep(ms, signal)
      },
    },
  }
  const stopped = await runStep(stopping, PLAN, step(), stop.signal).then(
    () => undefined,
    (err: unknown) => err,
  )
  assert.instance(stopped, Error)
  assert.is((stopped as Error).message, 'stopping')
  assert.is(writes.at(-1)?.state, 'applying change', 'left as persisted, to be resumed')
})

test.run()
