import { setImmediate as tick } from 'node:timers/promises'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { StrategyStore } from '../src/ports/strategy-store.js'
import type {
  NetworkStrategy,
  StepState,
  StepUpdate,
  StrategyState,
  StrategyStep,
} from '../src/strategies/network-strategy.js'
import { StrategyRunner } from '../src/strategies/strategy-runner.js'
import type { StepExecutor } from '../src/strategies/strategy-runner.js'
import { recordingLogger } from './recording-logger.js'

const PLAN = 'remove: [oam]\n'

function strategy(fields: Partial<NetworkStrategy> = {}): NetworkStrategy {
  return {
    uuid: 'u-1',
    state: 'applying',
    applyType: 'parallel',
    maxParallel: 2,
    stopOnFailure: false,
    planKind: 'remove',
    planYaml: PLAN,
    groupName: null,
    subcloudName: null,
    details: '',
    createdAt: new Date(0),
    updatedAt: null,
    ...fields,
  }
}

function step(subcloudName: string, state: StepState = 'initial'): StrategyStep {
  return {
    subcloudId: Number(subcloudName.replace(/\D/g, '')),
    subcloudName,
    state,
    details: '',
    commands: [],
    hostActions: [],
    baseGeneration: 1,
    applied: 0,
    startedAt: null,
    finishedAt: null,
    createdAt: new Date(0),
    updatedAt: null,
  }
}

/** The strategy and its steps in memory, with the store's state rules. */
class FakeStore implements Pick<StrategyStore, 'get' | 'steps' | 'moveState'> {
  constructor(
    public strategy: NetworkStrategy,
    public rows: StrategyStep[],
  ) {}

  async get(): Promise<NetworkStrategy | undefined> {
    return this.strategy
  }

  async steps(states?: readonly StepState[]): Promise<StrategyStep[]> {
    return this.rows.filter((s) => states === undefined || states.includes(s.state))
  }

  async moveState(
    from: readonly StrategyState[],
    to: StrategyState,
    details = '',
  ): Promise<NetworkStrategy | undefined> {
    if (!from.includes(this.strategy.state)) return undefined
    this.strategy = { ...this.strategy, state: to, details }
    return this.strategy
  }

  write(update: StepUpdate): Promise<void> {
    this.rows = this.rows.map((s) =>
      s.subcloudName === update.subcloudName ? { ...s, state: update.state } : s,
    )
    return Promise.resolve()
  }

  /** Every write above is applied at once: nothing is ever queued. */
  flush(): Promise<void> {
    return Promise.resolve()
  }
}

/** Steps that run until the test ends them; records the order they started in. */
class HeldSteps {
  readonly started: string[] = []
  readonly #ends = new Map<string, (outcome: 'complete' | 'failed') => void>()
  constructor(readonly store: FakeStore) {}

  readonly execute: StepExecutor = (_plan, s, signal) => {
    this.started.push(s.subcloudName)
    return new Promise((resolve, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true })
      this.#ends.set(s.subcloudName, (outcome) => {
        void this.store.write({ subcloudName: s.subcloudName, state: outcome }).then(() => resolve(outcome))
      })
    })
  }

  get inFlight(): string[] {
    return [...this.#ends.keys()]
  }

  async end(name: string, outcome: 'complete' | 'failed' = 'complete'): Promise<void> {
    const end = this.#ends.get(name)
    if (end === undefined) throw new Error(`${name} is not in flight`)
    this.#ends.delete(name)
    end(outcome)
    await settle()
  }
}

/** Lets every pending promise chain run (no timers involved). */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await tick()
}

function setUp(s: NetworkStrategy, rows: StrategyStep[]) {
  const store = new FakeStore(s, rows)
  const held = new HeldSteps(store)
  const readsAhead: string[][] = []
  const runner = new StrategyRunner({
    store,
    writer: store,
    execute: held.execute,
    readAhead: (names) => readsAhead.push([...names]),
    log: recordingLogger([]),
  })
  return { store, held, runner, readsAhead }
}

const test = suite('StrategyRunner')

test('StrategyRunner - keeps max parallel steps in flight, starting the next in name order as one ends', async () => {
  const { store, held, runner } = setUp(
    strategy({ maxParallel: 2 }),
    ['s1', 's2', 's3', 's4'].map((n) => step(n)),
  )
  runner.start(store.strategy)
  await settle()
  assert.equal(held.started, ['s1', 's2'])
  await held.end('s2')
  assert.equal(held.started, ['s1', 's2', 's3'], 'a slot freed starts the next at once')
  await held.end('s1')
  await held.end('s3')
  await held.end('s4')
  assert.is(store.strategy.state, 'complete')
  assert.not.ok(runner.running)
})

test('StrategyRunner - reads the next window of subclouds ahead as each window starts', async () => {
  const names = ['s1', 's2', 's3', 's4', 's5']
  const { store, held, runner, readsAhead } = setUp(
    strategy({ maxParallel: 2 }),
    names.map((n) => step(n)),
  )
  runner.start(store.strategy)
  await settle()
  assert.equal(
    readsAhead,
    [
      ['s1', 's2'],
      ['s3', 's4'],
    ],
    'the first two windows before any step runs',
  )
  await held.end('s1')
  assert.equal(readsAhead.length, 3, 'the third window as the second starts')
  assert.equal(readsAhead[2], ['s5'])
  for (const name of ['s2', 's3', 's4']) await held.end(name)
  assert.equal(readsAhead.length, 3, 'nothing read ahead past the last step')
  await held.end('s5')
  assert.is(store.strategy.state, 'complete')
})

test('StrategyRunner - a failed step fails the strategy; the others still run', async () => {
  const { store, held, runner } = setUp(
    strategy({ maxParallel: 1 }),
    ['s1', 's2'].map((n) => step(n)),
  )
  runner.start(store.strategy)
  await settle()
  await held.end('s1', 'failed')
  await held.end('s2')
  assert.is(store.strategy.state, 'failed')
  assert.is(store.strategy.details, '1 step(s) failed')
})

test('StrategyRunner - stop on failure: no step starts after the first failure, in-flight ones finish', async () => {
  const rows = ['s1', 's2', 's3', 's4'].map((n) => step(n))
  const { store, held, runner } = setUp(strategy({ maxParallel: 2, stopOnFailure: true }), rows)
  runner.start(store.strategy)
  await settle()
  await held.end('s1', 'failed')
  assert.equal(held.started, ['s1', 's2'], 'nothing new after the failure')
  assert.is(store.strategy.state, 'applying', 'the step in flight finishes first')
  await held.end('s2')
  assert.is(store.strategy.state, 'failed')
  assert.is(store.strategy.details, '1 step(s) failed; stopped on failure, 2 step(s) not started')
})

test('StrategyRunner - abort: in-flight steps finish, the others end aborted, the strategy aborted', async () => {
  const rows = ['s1', 's2', 's3'].map((n) => step(n))
  const { store, held, runner } = setUp(strategy({ maxParallel: 1 }), rows)
  runner.start(store.strategy)
  await settle()
  await store.moveState(['applying'], 'abort requested')
  await runner.requestAbort(store.strategy)
  assert.is(store.strategy.state, 'aborting')
  await held.end('s1')
  assert.equal(held.started, ['s1'])
  assert.is(store.strategy.state, 'aborted')
  assert.equal(
    store.rows.map((s) => s.state),
    ['complete', 'aborted', 'aborted'],
  )
})

test('StrategyRunner - resume: steps left in flight go first, even beyond an abort', async () => {
  const rows = [step('s1'), step('s2', 'host actions'), step('s3', 'complete'), step('s4')]
  const { store, held, runner } = setUp(strategy({ maxParallel: 2 }), rows)
  runner.start(store.strategy)
  await settle()
  assert.equal(held.started, ['s2', 's1'])
  await held.end('s1')
  await held.end('s2')
  await held.end('s4')
  assert.is(store.strategy.state, 'complete')

  const again = setUp(strategy({ state: 'abort requested' }), [step('s1', 'pre-check'), step('s2')])
  again.runner.start(again.store.strategy)
  await settle()
  assert.is(again.store.strategy.state, 'aborting')
  assert.equal(again.held.started, ['s1'], 'the resumed step finishes, no new one starts')
  await again.held.end('s1')
  assert.is(again.store.strategy.state, 'aborted')
})

test('StrategyRunner - close: steps are left as persisted and the strategy stays applying', async () => {
  const { store, held, runner } = setUp(
    strategy({ maxParallel: 2 }),
    ['s1', 's2', 's3'].map((n) => step(n)),
  )
  runner.start(store.strategy)
  await settle()
  await runner.close()
  assert.equal(held.started, ['s1', 's2'])
  assert.is(store.strategy.state, 'applying', 'resumed at the next start')
  assert.equal(
    store.rows.map((s) => s.state),
    ['initial', 'initial', 'initial'],
  )
  runner.start(store.strategy)
  await settle()
  assert.equal(held.started, ['s1', 's2'], 'a closed runner starts nothing')
  assert.is(held.inFlight.length, 2)
})

test.run()
