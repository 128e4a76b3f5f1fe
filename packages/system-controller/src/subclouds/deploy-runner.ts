import { describeGrpcError } from '@dc/protos'
import type { DeployMoveFields, SubcloudStore } from '../ports/subcloud-store.js'
import { DeployAgentCalls, DeployFailure } from './deploy-agent-calls.js'
import type { AgentPlan, DeployAgentOptions, DeployTarget, ReportedSystem } from './deploy-agent-calls.js'
import { failureOf } from './deploy-moves.js'
import type { ResumePoint } from './deploy-moves.js'
import type { DeployStatus } from './deploy-status.js'

export type { DeployChannels, DeployTarget } from './deploy-agent-calls.js'

export interface DeployRunnerOptions extends DeployAgentOptions {
  readonly store: Pick<SubcloudStore, 'moveDeploy'>
  /**
   * Called after a deploy reaches `complete` (the audit picks the subcloud up), once its turn is
   * passed on: the deploy is still running (`isRunning`, `settled`) until this settles.
   */
  readonly onComplete?: (target: DeployTarget) => Promise<void>
  /**
   * Deploys running at once; the others wait their turn in `not-deployed`. Bounds the agent
   * connections being set up and the database writes in flight when thousands are added at once.
   * @default 64
   */
  readonly maxConcurrentDeploys?: number
}

/**
 * How a deploy runs: from which stable state (a resume starts after the phase that succeeded), and
 * what bootstrapping does to the agent: `reset` drops its system first (redeploy), `bootstrap:
 * false` only claims an already deployed one (`add --migrate`).
 */
export interface DeployPlan extends AgentPlan {
  readonly from: ResumePoint
}

/** `subcloud add`: every phase, the agent bootstrapped as it is. */
export const ADD_PLAN: DeployPlan = { from: 'not-deployed', reset: false, bootstrap: true }

/** What a deploy that failed ran with, kept in memory so `deploy resume` carries on the same way. */
export interface RetainedDeploy {
  readonly bootstrapYaml: string
  readonly plan: DeployPlan
}

/** error_description holds at most this much (dcmanager's column size). */
const MAX_ERROR_DESCRIPTION = 2048

/** The reason a deploy's signal carries when the operator aborted it. */
class DeployAborted extends Error {}

/**
 * Runs `subcloud add`'s deploy in the background: `not-deployed -> creating -> create-complete ->
 * pre-bootstrap -> bootstrapping -> bootstrap-complete -> complete`, or the failure state of the
 * phase that failed with `error_description`. Every RPC goes to the subcloud's primary address
 * through the shared channel pool. Each transition is a conditional write, so a deploy never
 * overwrites a state someone else set meanwhile.
 */
export class DeployRunner {
  readonly #options: DeployRunnerOptions
  readonly #running = new Map<number, Promise<void>>()
  /**
   * One controller per deploy, aborted by `close()`: every step of a deploy listens on its own
   * signal, so a hundred deploys in flight never put a hundred listeners on one shared signal.
   */
  readonly #aborts = new Map<number, AbortController>()
  /** Subclouds whose abort is being recorded: a refused step of theirs is the abort, not a race lost. */
  readonly #aborting = new Set<number>()
  /** Failed deploys' values and plan, by subcloud id; the secrets they hold never reach the store. */
  readonly #failed = new Map<number, RetainedDeploy>()
  #closed = false
  #active = 0
  readonly #waiting: (() => void)[] = []

  readonly #agent: DeployAgentCalls

  constructor(options: DeployRunnerOptions) {
    this.#options = options
    this.#agent = new DeployAgentCalls(options)
  }

  /** Whether a deploy of subcloud `id` is in flight (or waiting its turn) in this process. */
  isRunning(id: number): boolean {
    return this.#running.has(id)
  }

  /** Start the deploy; `bootstrapYaml` carries the secrets and lives only in memory. */
  start(target: DeployTarget, bootstrapYaml: string, plan: DeployPlan = ADD_PLAN): void {
    if (this.#closed || this.#running.has(target.id)) return
    this.#failed.delete(target.id)
    const abort = new AbortController()
    this.#aborts.set(target.id, abort)
    let turnHeld = false
    const passTurn = (): void => {
      if (!turnHeld) return
      turnHeld = false
      this.#endTurn()
    }
    const run = this.#turn()
      .then(async () => {
        turnHeld = true
        const completed = await this.#deploy(target, { bootstrapYaml, plan }, abort.signal)
        // The turn bounds deploys, not what follows one: at 10,000 onboardings the audit's refresh
        // and the operational-address lookup held every slot for a share of its time.
        passTurn()
        if (completed) await this.#afterComplete(target)
      })
      .catch((err: unknown) =>
        this.#options.log.error('deploy failed unexpectedly', { subcloud: target.name, err }),
      )
      .finally(() => {
        this.#aborts.delete(target.id)
        this.#aborting.delete(target.id)
        this.#running.delete(target.id)
        passTurn()
      })
    this.#running.set(target.id, run)
  }

  /** Resolves when this deploy may run: at once below the limit, else when one ends. */
  #turn(): Promise<void> {
    if (this.#active < (this.#options.maxConcurrentDeploys ?? 64) || this.#closed) {
      this.#active += 1
      return Promise.resolve()
    }
    return new Promise((resolve) => this.#waiting.push(resolve))
  }

  #endTurn(): void {
    const next = this.#waiting.shift()
    // The slot passes straight to the next deploy waiting; otherwise it is free.
    if (next !== undefined) next()
    else this.#active -= 1
  }

  /** The values and plan of subcloud `id`'s failed deploy, while this process remembers them. */
  retained(id: number): RetainedDeploy | undefined {
    return this.#failed.get(id)
  }

  /** Subcloud `id` was deleted: its failed deploy's values go. */
  forget(id: number): void {
    this.#failed.delete(id)
  }

  /**
   * `deploy abort`: records `aborting-bootstrap` (only from a state `abort` may leave), then stops
   * the deploy, which settles in `bootstrap-aborted`. False when no deploy of `id` runs here or it
   * has left those states.
   */
  async abort(id: number): Promise<boolean> {
    const running = this.#aborts.get(id)
    if (running === undefined) return false
    this.#aborting.add(id)
    if (!(await this.#options.store.moveDeploy(id, 'aborting-bootstrap', 'abort'))) {
      this.#aborting.delete(id)
      return false
    }
    running.abort(new DeployAborted('aborted by the operator'))
    return true
  }

  /** Wait for every deploy in flight (tests and shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.#running.values()])
  }

  /** Abort every deploy in flight; each ends in its phase's failure state ("interrupted ..."). */
  async close(): Promise<void> {
    this.#closed = true
    const reason = new Error('controller shutting down')
    for (const abort of this.#aborts.values()) abort.abort(reason)
    // Those still waiting run now, and stop at their first step with "interrupted".
    for (const next of this.#waiting.splice(0)) {
      this.#active += 1
      next()
    }
    await this.settled()
  }

  async #step(target: DeployTarget, to: DeployStatus, fields: DeployMoveFields = {}): Promise<boolean> {
    const moved = await this.#options.store.moveDeploy(target.id, to, 'deploy', fields)
    if (moved)
      this.#options.log.info(`subcloud ${target.name}: ${to}`, { subcloud: target.name, deployStatus: to })
    return moved
  }

  async #afterComplete(target: DeployTarget): Promise<void> {
    try {
      await this.#options.onComplete?.(target)
    } catch (err) {
      this.#options.log.warn(
        `subcloud ${target.name}: complete, but not yet audited: ${describeGrpcError(err)}`,
        {
          subcloud: target.name,
        },
      )
    }
  }

  /** Runs the deploy's phases; true when it reached `complete`. */
  async #deploy(target: DeployTarget, run: RetainedDeploy, signal: AbortSignal): Promise<boolean> {
    const { plan } = run
    let phase: DeployStatus = plan.from
    try {
      let reported: ReportedSystem | undefined
      const path: [DeployStatus, () => Promise<void>][] = [
        ['creating', () => Promise.resolve()],
        ['create-complete', () => Promise.resolve()],
        ['pre-bootstrap', () => this.#agent.reach(target, signal)],
        [
          'bootstrapping',
          async () => {
            reported = await this.#agent.bootstrap(target, plan, run.bootstrapYaml, signal)
          },
        ],
        [
          'bootstrap-complete',
          async () => {
            reported ??= await this.#agent.reportedSystem(target, signal)
          },
        ],
        ['complete', () => Promise.resolve()],
      ]
      // From not-deployed every phase runs (findIndex is -1); from create-complete, those after it.
      for (const [next, work] of path.slice(path.findIndex(([s]) => s === plan.from) + 1)) {
        // The expected hash and the agent's identity are written with `complete`, so a complete
        // subcloud always has them.
        const fields =
          next === 'complete'
            ? {
                expectedConfigHash: reported?.configHash ?? null,
                ...(reported === undefined ? {} : { agentSystemUuid: reported.systemUuid }),
              }
            : {}
        if (!(await this.#step(target, next, fields))) {
          // The abort moved the row first; its signal follows.
          if (this.#aborting.has(target.id)) throw new DeployAborted('aborted by the operator')
          return false
        }
        phase = next
        signal.throwIfAborted()
        await work()
      }
      return true
    } catch (err) {
      if (this.#aborting.has(target.id)) {
        await this.#settleAbort(target, phase)
        return false
      }
      this.#failed.set(target.id, run)
      const failedState =
        err instanceof DeployFailure
          ? err.failedState
          : (failureOf(phase, 'deploy-failure') ?? 'create-failed')
      const reason = signal.aborted
        ? `${phase}: interrupted by a controller shutdown`
        : err instanceof DeployFailure
          ? err.message
          : `${phase}: ${describeGrpcError(err)}`
      const { log } = this.#options
      log.warn(`subcloud ${target.name}: ${failedState}: ${reason}`, {
        subcloud: target.name,
        deployStatus: failedState,
      })
      await this.#options.store
        .moveDeploy(target.id, failedState, 'deploy-failure', {
          errorDescription: reason.slice(0, MAX_ERROR_DESCRIPTION),
        })
        .catch((err: unknown) =>
          log.error(`subcloud ${target.name}: cannot record ${failedState}`, { subcloud: target.name, err }),
        )
      return false
    }
  }

  async #settleAbort(target: DeployTarget, phase: DeployStatus): Promise<void> {
    const { log } = this.#options
    log.warn(`subcloud ${target.name}: bootstrap-aborted during ${phase}`, { subcloud: target.name })
    await this.#options.store
      .moveDeploy(target.id, 'bootstrap-aborted', 'abort', {
        errorDescription: `${phase}: aborted by the operator`,
      })
      .catch((err: unknown) =>
        log.error(`subcloud ${target.name}: cannot record bootstrap-aborted`, { subcloud: target.name, err }),
      )
  }

  /** `subcloud delete`: see {@link DeployAgentCalls.release}. */
  release(target: DeployTarget, epoch: number, signal: AbortSignal): Promise<boolean> {
    return this.#agent.release(target, epoch, signal)
  }
}
