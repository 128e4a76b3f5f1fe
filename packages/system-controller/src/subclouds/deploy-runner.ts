import { Metadata, status } from '@grpc/grpc-js'
import { describeGrpcError, unaryCall } from '@dc/protos'
import type {
  AgentClient,
  ClaimResponse__Output,
  DescribeResponse__Output,
  StateSummary__Output,
} from '@dc/protos'
import type { CaOnlyTlsFiles } from '@dc/tls'
import { agentHandshakeFailure } from '../adapters/describe-agent-link-failure.js'
import type { Logger } from '@dc/runtime'
import type { DeployMoveFields, SubcloudStore } from '../ports/subcloud-store.js'
import { failureOf } from './deploy-moves.js'
import type { ResumePoint } from './deploy-moves.js'
import type { DeployStatus } from './deploy-status.js'

/** The part of the agent channel pool a deploy needs. */
export interface DeployChannels {
  agent(name: string, primaryAddress: string): AgentClient
}

/** A subcloud to deploy: its row id, name and primary agent address. */
export interface DeployTarget {
  readonly id: number
  readonly name: string
  readonly primaryAddress: string
}

export interface DeployRunnerOptions {
  readonly store: Pick<SubcloudStore, 'moveDeploy'>
  readonly channels: DeployChannels
  /** This controller's id and fencing epoch, as `Claim` and `Bootstrap` carry them. */
  readonly controllerId: string
  readonly epoch: number
  /**
   * Called after a deploy reaches `complete` (the audit picks the subcloud up), once its turn is
   * passed on: the deploy is still running (`isRunning`, `settled`) until this settles.
   */
  readonly onComplete?: (target: DeployTarget) => Promise<void>
  readonly log: Logger
  /**
   * How long pre-bootstrap waits for the agent to answer on its primary address.
   * @default 60000
   */
  readonly reachTimeoutMs?: number
  /** Deadline of each bootstrap RPC. @default 120000 */
  readonly callTimeoutMs?: number
  /**
   * Deploys running at once; the others wait their turn in `not-deployed`. Bounds the agent
   * connections being set up and the database writes in flight when thousands are added at once.
   * @default 64
   */
  readonly maxConcurrentDeploys?: number
  /** The TLS files the channels dial agents with, to explain a refused handshake; none: plaintext. */
  readonly tls?: CaOnlyTlsFiles | undefined
}

/**
 * How a deploy runs: from which stable state (a resume starts after the phase that succeeded), and
 * what bootstrapping does to the agent: `reset` drops its system first (redeploy), `bootstrap:
 * false` only claims an already deployed one (`add --migrate`).
 */
export interface DeployPlan {
  readonly from: ResumePoint
  readonly reset: boolean
  readonly bootstrap: boolean
}

/** `subcloud add`: every phase, the agent bootstrapped as it is. */
export const ADD_PLAN: DeployPlan = { from: 'not-deployed', reset: false, bootstrap: true }

/** What a deploy that failed ran with, kept in memory so `deploy resume` carries on the same way. */
export interface RetainedDeploy {
  readonly bootstrapYaml: string
  readonly plan: DeployPlan
}

/** What the bootstrapped agent reports at `bootstrap-complete`. */
interface ReportedSystem {
  readonly configHash: string
  readonly systemUuid: string
}

/** error_description holds at most this much (dcmanager's column size). */
const MAX_ERROR_DESCRIPTION = 2048

/** The reason a deploy's signal carries when the operator aborted it. */
class DeployAborted extends Error {}

class DeployFailure extends Error {
  constructor(
    readonly failedState: DeployStatus,
    reason: string,
  ) {
    super(reason)
  }
}

function waitForReady(client: AgentClient, deadline: Date, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error)
    signal.addEventListener('abort', onAbort, { once: true })
    client.waitForReady(deadline, (err) => {
      signal.removeEventListener('abort', onAbort)
      if (err) reject(err)
      else resolve()
    })
  })
}

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

  constructor(options: DeployRunnerOptions) {
    this.#options = options
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
        ['pre-bootstrap', () => this.#reach(target, signal)],
        [
          'bootstrapping',
          async () => {
            reported = await this.#bootstrap(target, run, signal)
          },
        ],
        [
          'bootstrap-complete',
          async () => {
            reported ??= await this.#reportedSystem(target, signal)
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

  #client(target: DeployTarget): AgentClient {
    return this.#options.channels.agent(target.name, target.primaryAddress)
  }

  #deadline(ms: number): Date {
    return new Date(Date.now() + ms)
  }

  /** pre-bootstrap: the agent answers on the primary address (the only one ever dialled). */
  async #reach(target: DeployTarget, signal: AbortSignal): Promise<void> {
    const timeoutMs = this.#options.reachTimeoutMs ?? 60_000
    try {
      await waitForReady(this.#client(target), this.#deadline(timeoutMs), signal)
    } catch (err) {
      if (signal.aborted) throw err
      const handshake = await this.#handshakeFailure(target, signal)
      throw new DeployFailure(
        'pre-bootstrap-failed',
        `pre-bootstrap: the subcloud agent at ${target.primaryAddress} did not answer within ${timeoutMs} ms` +
          (handshake === undefined ? '' : `: ${handshake}`),
      )
    }
  }

  /**
   * A channel that never became ready keeps no reason; one call on it fails with the last
   * connection error, which tells a refused TLS handshake (an agent that does not trust this
   * controller's CA, a certificate without the agent's address) from an agent that is not there.
   */
  async #handshakeFailure(target: DeployTarget, signal: AbortSignal): Promise<string | undefined> {
    try {
      await unaryCall<DescribeResponse__Output>(
        (cb) => this.#client(target).Describe({}, new Metadata(), { deadline: this.#deadline(5_000) }, cb),
        signal,
      )
      return undefined
    } catch (err) {
      return agentHandshakeFailure(err, target.primaryAddress, this.#options.tls)
    }
  }

  /**
   * bootstrapping: fence the agent to this controller's epoch, then (per the plan) reset it and
   * bootstrap it; a migrated agent is only claimed. Bootstrap fences on its own, so a plain
   * bootstrap skips the separate Claim, and its answer names the system it made: what the agent
   * reports, or undefined when `bootstrap-complete` has to ask.
   */
  async #bootstrap(
    target: DeployTarget,
    run: RetainedDeploy,
    signal: AbortSignal,
  ): Promise<ReportedSystem | undefined> {
    const client = this.#client(target)
    const owner = { epoch: String(this.#options.epoch), controller_id: this.#options.controllerId }
    const options = () => ({ deadline: this.#deadline(this.#options.callTimeoutMs ?? 120_000) })
    try {
      if (run.plan.reset || !run.plan.bootstrap) {
        await unaryCall<ClaimResponse__Output>(
          (cb) => client.Claim(owner, new Metadata(), options(), cb),
          signal,
        )
      }
      if (run.plan.reset) {
        await unaryCall<StateSummary__Output>(
          (cb) => client.Reset(owner, new Metadata(), options(), cb),
          signal,
        )
      }
      if (!run.plan.bootstrap) return undefined
      const summary = await unaryCall<StateSummary__Output>(
        (cb) => client.Bootstrap({ values_yaml: run.bootstrapYaml, ...owner }, new Metadata(), options(), cb),
        signal,
      )
      return summary.bootstrapped && summary.config_hash !== '' && summary.system_uuid !== ''
        ? { configHash: summary.config_hash, systemUuid: summary.system_uuid }
        : undefined
    } catch (err) {
      if (signal.aborted) throw err
      throw new DeployFailure('bootstrap-failed', `bootstrapping: ${describeGrpcError(err)}`)
    }
  }

  /**
   * `subcloud delete`: the agent forgets this controller's claim, so this or another controller can
   * add it again. Resolves false when the agent cannot be asked (stopped, gone); a refusal (another
   * controller holds it now) resolves true, since there is nothing of ours left to release.
   */
  async release(target: DeployTarget, epoch: number, signal: AbortSignal): Promise<boolean> {
    const owner = { epoch: String(epoch), controller_id: this.#options.controllerId }
    try {
      await unaryCall<ClaimResponse__Output>(
        (cb) => this.#client(target).Release(owner, new Metadata(), { deadline: this.#deadline(5_000) }, cb),
        signal,
      )
      this.#options.log.info(`subcloud ${target.name}: agent released`, { subcloud: target.name })
      return true
    } catch (err) {
      return (err as { code?: number }).code === status.FAILED_PRECONDITION
    }
  }

  /**
   * bootstrap-complete: what the agent now reports is the configuration the controller expects,
   * and its system uuid the identity the audit checks from then on.
   */
  async #reportedSystem(target: DeployTarget, signal: AbortSignal): Promise<ReportedSystem> {
    const client = this.#client(target)
    try {
      const deadline = this.#deadline(this.#options.callTimeoutMs ?? 120_000)
      const described = await unaryCall<DescribeResponse__Output>(
        (cb) => client.Describe({}, new Metadata(), { deadline }, cb),
        signal,
      )
      const systemUuid = described.system?.uuid ?? ''
      if (!described.bootstrapped || described.config_hash === '' || systemUuid === '') {
        throw new Error('the agent reports no bootstrapped system')
      }
      return { configHash: described.config_hash, systemUuid }
    } catch (err) {
      if (signal.aborted) throw err
      throw new DeployFailure('bootstrap-failed', `bootstrap-complete: ${describeGrpcError(err)}`)
    }
  }
}
