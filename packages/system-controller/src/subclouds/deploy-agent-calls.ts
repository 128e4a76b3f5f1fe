import { Metadata, status } from '@grpc/grpc-js'
import { describeGrpcError, unaryCall } from '@dc/protos'
import type {
  AgentClient,
  ClaimResponse__Output,
  DescribeResponse__Output,
  StateSummary__Output,
} from '@dc/protos'
import type { Logger } from '@dc/runtime'
import type { CaOnlyTlsFiles } from '@dc/tls'
import { agentHandshakeFailure } from '../adapters/describe-agent-link-failure.js'
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

export interface DeployAgentOptions {
  readonly channels: DeployChannels
  /** This controller's id and fencing epoch, as `Claim` and `Bootstrap` carry them. */
  readonly controllerId: string
  readonly epoch: number
  readonly log: Logger
  /**
   * How long pre-bootstrap waits for the agent to answer on its primary address.
   * @default 60000
   */
  readonly reachTimeoutMs?: number
  /** Deadline of each bootstrap RPC. @default 120000 */
  readonly callTimeoutMs?: number
  /** The TLS files the channels dial agents with, to explain a refused handshake; none: plaintext. */
  readonly tls?: CaOnlyTlsFiles | undefined
}

/** What bootstrapping does to the agent: `reset` drops its system first, no `bootstrap` only claims it. */
export interface AgentPlan {
  readonly reset: boolean
  readonly bootstrap: boolean
}

/** What the bootstrapped agent reports at `bootstrap-complete`. */
export interface ReportedSystem {
  readonly configHash: string
  readonly systemUuid: string
}

/** A deploy phase failed: the state it ends in, and why (its `error_description`). */
export class DeployFailure extends Error {
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
 * The calls a deploy makes to a subcloud's agent, on its primary address through the shared channel
 * pool, each failure turned into the {@link DeployFailure} of its phase.
 */
export class DeployAgentCalls {
  readonly #options: DeployAgentOptions

  constructor(options: DeployAgentOptions) {
    this.#options = options
  }

  #client(target: DeployTarget): AgentClient {
    return this.#options.channels.agent(target.name, target.primaryAddress)
  }

  #deadline(ms: number): Date {
    return new Date(Date.now() + ms)
  }

  /** pre-bootstrap: the agent answers on the primary address (the only one ever dialled). */
  async reach(target: DeployTarget, signal: AbortSignal): Promise<void> {
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
  async bootstrap(
    target: DeployTarget,
    plan: AgentPlan,
    bootstrapYaml: string,
    signal: AbortSignal,
  ): Promise<ReportedSystem | undefined> {
    const client = this.#client(target)
    const owner = { epoch: String(this.#options.epoch), controller_id: this.#options.controllerId }
    const options = () => ({ deadline: this.#deadline(this.#options.callTimeoutMs ?? 120_000) })
    try {
      if (plan.reset || !plan.bootstrap) {
        await unaryCall<ClaimResponse__Output>(
          (cb) => client.Claim(owner, new Metadata(), options(), cb),
          signal,
        )
      }
      if (plan.reset) {
        await unaryCall<StateSummary__Output>(
          (cb) => client.Reset(owner, new Metadata(), options(), cb),
          signal,
        )
      }
      if (!plan.bootstrap) return undefined
      const summary = await unaryCall<StateSummary__Output>(
        (cb) => client.Bootstrap({ values_yaml: bootstrapYaml, ...owner }, new Metadata(), options(), cb),
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
  async reportedSystem(target: DeployTarget, signal: AbortSignal): Promise<ReportedSystem> {
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
