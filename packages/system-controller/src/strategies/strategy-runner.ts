import { parseNetworkPlan } from '@dc/netmodel'
import type { Logger } from '@dc/runtime'
import type { StrategyStore } from '../ports/strategy-store.js'
import type { NetworkStrategy, StrategyStep } from './network-strategy.js'
import type { StepPlan, StepWriter } from './step-execution.js'
import { IN_FLIGHT_STEP_STATES } from './step-states.js'

/** Runs one step to its end; rejects only when `signal` aborts (shutdown) or a write fails. */
export type StepExecutor = (
  plan: StepPlan,
  step: StrategyStep,
  signal: AbortSignal,
) => Promise<'complete' | 'failed'>

/** What the runner reads and writes, and how it runs one step. */
export interface StrategyRunnerDeps {
  readonly store: Pick<StrategyStore, 'get' | 'steps' | 'moveState'>
  /** Marks never-started steps `aborted`; flushed before the strategy ends, as steps do not wait. */
  readonly writer: StepWriter & { flush(): Promise<void> }
  readonly execute: StepExecutor
  /** Reads the subclouds of steps about to start, so that their pre-checks need no query of their own. */
  readAhead?(subcloudNames: readonly string[]): void
  readonly log: Logger
}

/**
 * Steps whose subclouds are read in one query ahead of them, at most: a window is read as the one
 * before it starts, so it must start within the read's age limit even when steps are slow.
 */
const READ_AHEAD_STEPS = 64

/** The plan facts every step needs, from the stored plan file (parsed when it was created). */
export function stepPlanOf(strategy: NetworkStrategy): StepPlan {
  const plan = parseNetworkPlan(strategy.planYaml)
  return {
    strategyUuid: strategy.uuid,
    planKind: plan.kind,
    networks: plan.kind === 'add' ? [...plan.add.keys()] : plan.remove,
  }
}

interface Run {
  abortRequested: boolean
  /** Resolves the scheduler's wait for a free slot, when it waits. */
  waiting: (() => void) | undefined
  done: Promise<void>
}

function wake(run: Run | undefined): void {
  run?.waiting?.()
}

/**
 * Applies the network strategy: at most `maxParallel` steps in flight, a new one started as soon as
 * one ends (as dcmanager does since 2023), in subcloud-name order, steps a previous run left in
 * flight first. `--stop-on-failure` starts no step after the first failure. An abort starts no new
 * step, lets those in flight finish, marks the others `aborted`. The strategy ends `complete`,
 * `failed` or `aborted`. {@link close} (controller shutdown) stops starting steps and aborts their
 * waits, leaving every step as persisted for the next start to resume.
 */
export class StrategyRunner {
  readonly #deps: StrategyRunnerDeps
  readonly #lifetime = new AbortController()
  #run: Run | undefined

  constructor(deps: StrategyRunnerDeps) {
    this.#deps = deps
  }

  /** Whether a strategy is being applied by this runner now. */
  get running(): boolean {
    return this.#run !== undefined
  }

  /** Start (or resume) applying `strategy`; nothing when a run is under way or the runner closed. */
  start(strategy: NetworkStrategy): void {
    if (this.#run !== undefined || this.#lifetime.signal.aborted) return
    const run: Run = {
      abortRequested: strategy.state === 'abort requested' || strategy.state === 'aborting',
      waiting: undefined,
      done: Promise.resolve(),
    }
    run.done = this.#apply(strategy, run)
      .catch((err: unknown) => {
        if (!this.#lifetime.signal.aborted) this.#deps.log.error('network strategy: run failed', { err })
      })
      .finally(() => {
        if (this.#run === run) this.#run = undefined
      })
    this.#run = run
  }

  /**
   * The operator asked to abort (`strategy` is in `abort requested`): no new step starts, `aborting`
   * follows. Without a run under way (it ended as the abort arrived), one starts to end it.
   */
  async requestAbort(strategy: NetworkStrategy): Promise<void> {
    const run = this.#run
    if (run === undefined) {
      this.start(strategy)
      return
    }
    run.abortRequested = true
    wake(run)
    await this.#deps.store.moveState(['abort requested'], 'aborting')
  }

  /** Stop starting steps, abort the waits of those in flight, and wait for the run to stop. */
  async close(): Promise<void> {
    this.#lifetime.abort(new Error('the controller is stopping'))
    wake(this.#run)
    await this.#run?.done
  }

  async #apply(strategy: NetworkStrategy, run: Run): Promise<void> {
    const { store, execute, log } = this.#deps
    const signal = this.#lifetime.signal
    if (strategy.state === 'abort requested') await store.moveState(['abort requested'], 'aborting')
    const plan = stepPlanOf(strategy)
    const steps = await store.steps()
    let failures = steps.filter((s) => s.state === 'failed').length
    const tasks = new Set<Promise<void>>()
    const stopped = (): boolean =>
      signal.aborted || run.abortRequested || (strategy.stopOnFailure && failures > 0)
    const launch = (step: StrategyStep): void => {
      const task = execute(plan, step, signal)
        .then(
          (outcome) => {
            if (outcome !== 'failed') return
            failures++
            log.warn(`network strategy ${strategy.uuid}: step ${step.subcloudName} failed`, {
              strategy: strategy.uuid,
              subcloud: step.subcloudName,
            })
          },
          (err: unknown) => {
            if (signal.aborted) return
            failures++
            log.error(`network strategy: step ${step.subcloudName} stopped: ${String(err)}`, { err })
          },
        )
        .finally(() => {
          tasks.delete(task)
          wake(run)
        })
      tasks.add(task)
    }
    log.info(`network strategy ${strategy.uuid}: applying`, { strategy: strategy.uuid })
    // Steps in flight when the controller stopped finish even under an abort, like any in flight.
    for (const step of steps.filter((s) => IN_FLIGHT_STEP_STATES.includes(s.state))) launch(step)
    const initial = steps.filter((s) => s.state === 'initial')
    const window = Math.min(strategy.maxParallel, READ_AHEAD_STEPS)
    const readAhead = (from: number): void => {
      const names = initial.slice(from, from + window).map((s) => s.subcloudName)
      if (names.length > 0) this.#deps.readAhead?.(names)
    }
    readAhead(0)
    for (const [index, step] of initial.entries()) {
      while (tasks.size >= strategy.maxParallel && !stopped()) {
        await new Promise<void>((resolve) => (run.waiting = resolve))
        run.waiting = undefined
      }
      if (stopped()) break
      // The next window is read while this one starts: a pre-check then finds its subcloud read.
      if (index % window === 0) readAhead(index + window)
      launch(step)
    }
    await Promise.all([...tasks])
    if (signal.aborted) return
    // Every step's last transition committed before the strategy's state says it ended.
    await this.#deps.writer.flush()
    await this.#finish(strategy, failures)
  }

  async #finish(strategy: NetworkStrategy, failures: number): Promise<void> {
    const { store, writer, log } = this.#deps
    const current = await store.get()
    if (current?.uuid !== strategy.uuid) return
    if (current.state === 'applying') {
      const notStarted = (await store.steps(['initial'])).length
      const details =
        failures === 0
          ? ''
          : `${failures} step(s) failed` +
            (notStarted > 0 ? `; stopped on failure, ${notStarted} step(s) not started` : '')
      const ended = await store.moveState(['applying'], failures === 0 ? 'complete' : 'failed', details)
      if (ended !== undefined) {
        log.info(`network strategy ${strategy.uuid}: ${ended.state}${details === '' ? '' : ` (${details})`}`)
        return
      }
    }
    // Aborted: an abort arrived while the run ended, or the run was one.
    const never = await store.steps(['initial'])
    await Promise.all(
      never.map((s) =>
        writer.write({
          subcloudName: s.subcloudName,
          state: 'aborted',
          details: 'aborted before it started',
        }),
      ),
    )
    const details = `aborted by request; ${never.length} step(s) not started`
    const ended = await store.moveState(['abort requested', 'aborting'], 'aborted', details)
    if (ended !== undefined) log.info(`network strategy ${strategy.uuid}: aborted (${details})`)
  }
}
