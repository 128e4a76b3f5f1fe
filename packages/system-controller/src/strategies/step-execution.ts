import { status } from '@grpc/grpc-js'
import { CONFIG_OUT_OF_DATE_ALARM } from '@dc/netmodel'
import type { Command, PlanNetwork } from '@dc/netmodel'
import { describeGrpcError } from '@dc/protos'
import type { ApplyResponse__Output, DescribeResponse__Output, Effect__Output } from '@dc/protos'
import type { Clock } from '../audit/index.js'
import type { SubcloudStore } from '../ports/subcloud-store.js'
import type { Subcloud, SyncStatus } from '../subclouds/subcloud.js'
import type { StepState, StepUpdate, StrategyStep } from './network-strategy.js'
import { lookUpRefusal } from './step-eligibility.js'
import type { PeerGroupLookup } from './step-eligibility.js'
import type { StrategyAgents, StrategyApply } from './strategy-agents.js'

/** Where step transitions go: the batcher, which resolves once the update is committed. */
export interface StepWriter {
  write(update: StepUpdate): Promise<void>
}

/** How long and how often a step retries and waits. */
export interface StepTiming {
  /** Attempts of one Apply whose agent is unreachable or slow. @default 4 */
  readonly applyAttempts?: number
  /** Wait before the first retry; doubled before each next one. @default 1000 */
  readonly retryBackoffMs?: number
  /** Describes made while waiting for the Kubernetes effect. @default 10 */
  readonly kubernetesPolls?: number
  /** Pause between two Describes while waiting for the Kubernetes effect. @default 1000 */
  readonly pollIntervalMs?: number
  /** How long the audit gets to report the subcloud in-sync. @default 60000 */
  readonly inSyncTimeoutMs?: number
}

/** {@link StepTiming} with every default filled in. */
export type StepTimingWithDefaults = Required<StepTiming>

/** Fill in the defaults of {@link StepTiming}. */
export function stepTimingWithDefaults(timing: StepTiming = {}): StepTimingWithDefaults {
  return {
    applyAttempts: timing.applyAttempts ?? 4,
    retryBackoffMs: timing.retryBackoffMs ?? 1_000,
    kubernetesPolls: timing.kubernetesPolls ?? 10,
    pollIntervalMs: timing.pollIntervalMs ?? 1_000,
    inSyncTimeoutMs: timing.inSyncTimeoutMs ?? 60_000,
  }
}

/** What running a step needs. */
export interface StepExecutionDeps {
  readonly agents: StrategyAgents
  readonly subclouds: Pick<SubcloudStore, 'find'>
  readonly peerGroups: PeerGroupLookup
  /** This site's id: members of peer groups it does not lead are not commanded. */
  readonly siteId: string
  /** This controller's id towards agents, sent with every Apply. */
  readonly controllerId: string
  /** Tells the audit the config hash the controller now expects of subcloud `name`. */
  expectConfigHash(name: string, configHash: string): void
  /** The audit's platform sync status of subcloud `name`; undefined when it is not audited. */
  platformSync(name: string): SyncStatus | undefined
  /** Resolves once the audit sees subcloud `name`'s platform in-sync; rejects when `signal` aborts. */
  whenInSync(name: string, signal: AbortSignal): Promise<void>
  readonly writer: StepWriter
  /** A queued transition that was not written: the step is redone from its stored state on resume. */
  onWriteFailed(update: StepUpdate, err: unknown): void
  readonly clock: Pick<Clock, 'now' | 'sleep'>
  readonly timing: StepTimingWithDefaults
}

/** What the strategy asks of every step. */
export interface StepPlan {
  readonly strategyUuid: string
  readonly planKind: 'add' | 'remove'
  /** The networks the plan adds a secondary pool to, or takes it from. */
  readonly networks: readonly PlanNetwork[]
}

const KUBERNETES_NETWORKS: readonly PlanNetwork[] = ['cluster-host', 'cluster-pod', 'cluster-service']

/**
 * The reason a step's in-sync wait is ended with once it is decided: one shared value, as an abort
 * without a reason builds a DOMException and its stack trace for every step, read by nobody.
 */
const WAIT_DECIDED = new Error('the in-sync wait is decided')

/** Why a step failed; internal to a step's run, which writes it as the step's details. */
class StepFailed extends Error {}

/** The change id of a step's `index`th Apply: 0 the change, then each host action. */
export function stepChangeId(strategyUuid: string, subcloud: string, index: number): string {
  return `${strategyUuid}/${subcloud}/${index}`
}

/** A host action as the step's details name it, e.g. `swact controller-0`. */
export function describeHostAction(command: Command): string {
  switch (command.kind) {
    case 'host-lock':
      return `lock ${command.host}`
    case 'host-unlock':
      return `unlock ${command.host}`
    case 'host-swact':
      return `swact ${command.host}`
    default:
      return command.kind
  }
}

/** A failure of the link (or a slow agent), not the agent's answer: the same change may be sent again. */
export function isRetryable(err: unknown): boolean {
  const code = (err as { code?: unknown }).code
  return code === status.UNAVAILABLE || code === status.DEADLINE_EXCEEDED
}

/** The agent's own words for a refusal (stale epoch, stale generation), else the status in one line. */
export function refusalOf(err: unknown): string {
  const { code, details } = err as { code?: unknown; details?: unknown }
  if (code === status.FAILED_PRECONDITION && typeof details === 'string') return details
  return describeGrpcError(err)
}

/**
 * Whether the effects the agent reported for the whole step (the change and every host action, in
 * order) already show the plan's end state: the Kubernetes dual-stack switch the plan makes, and
 * every host marked out of date applied again (250.001 cleared). The agent applies a change
 * atomically and reports what it did, so a complete record needs no Describe; an incomplete one (a
 * resumed step, a plan that does not switch Kubernetes) falls back to looking.
 */
export function effectsReachPlan(effects: readonly Effect__Output[], plan: StepPlan): boolean {
  const switches =
    plan.planKind === 'add'
      ? KUBERNETES_NETWORKS.every((n) => plan.networks.includes(n))
      : KUBERNETES_NETWORKS.some((n) => plan.networks.includes(n))
  if (!switches) return false
  let dualStack: boolean | undefined
  const outOfDate = new Set<string>()
  for (const effect of effects) {
    if (effect.kubernetes_dual_stack) dualStack = effect.kubernetes_dual_stack.enabled
    if (effect.host_config_out_of_date) outOfDate.add(effect.host_config_out_of_date.hostname)
    if (effect.host_config_applied) outOfDate.delete(effect.host_config_applied.hostname)
  }
  return dualStack === (plan.planKind === 'add') && outOfDate.size === 0
}

/**
 * What still keeps `described` from the end state of the plan: a Kubernetes network with the wrong
 * number of pools, the dual-stack flag not (or still) set, or a host with 250.001. Undefined: done.
 */
export function kubernetesPending(described: DescribeResponse__Output, plan: StepPlan): string | undefined {
  const want = plan.planKind === 'add' ? 2 : 1
  for (const type of KUBERNETES_NETWORKS.filter((n) => plan.networks.includes(n))) {
    const network = described.networks.find((n) => n.type === type)
    const pools = described.network_addrpools.filter((a) => a.network_uuid === network?.uuid).length
    if (pools !== want) return `${type} has ${pools} pool(s), expected ${want}`
  }
  const all = KUBERNETES_NETWORKS.every((n) => plan.networks.includes(n))
  const dualStack = described.system?.kubernetes_dual_stack ?? false
  if (plan.planKind === 'add' && all && !dualStack) return 'Kubernetes dual-stack is not on yet'
  if (plan.planKind === 'remove' && plan.networks.some((n) => KUBERNETES_NETWORKS.includes(n)) && dualStack) {
    return 'Kubernetes dual-stack is still on'
  }
  const alarm = described.alarms.find((a) => a.alarm_id === CONFIG_OUT_OF_DATE_ALARM)
  return alarm === undefined
    ? undefined
    : `alarm ${CONFIG_OUT_OF_DATE_ALARM} active on ${alarm.entity_instance_id}`
}

/** One step's run, from its persisted state to `complete` or `failed`. */
class StepRun {
  /** The hash of the last Apply, told to the audit but not yet stored. */
  unsaved: string | undefined
  /** The effects of every Apply of this run, in order; complete only when the run sent the change. */
  readonly effects: Effect__Output[] = []
  /** The config hash of the last Apply of this run; undefined after a replay (it may be stale). */
  lastHash: string | undefined

  constructor(
    readonly deps: StepExecutionDeps,
    readonly plan: StepPlan,
    readonly step: StrategyStep,
    readonly signal: AbortSignal,
  ) {}

  /**
   * Queue a transition without waiting for its commit: a step is redone safely from any earlier
   * persisted state (its Applies are replayed by change id), so waiting would only add a batch
   * interval per transition to every step. The runner flushes before it ends the strategy.
   */
  write(state: StepState, extra: Omit<StepUpdate, 'subcloudName' | 'state'> = {}): void {
    const update = { subcloudName: this.step.subcloudName, state, details: '', ...extra }
    this.deps.writer.write(update).catch((err: unknown) => this.deps.onWriteFailed(update, err))
  }

  async preCheck(): Promise<Subcloud> {
    const { deps, step } = this
    this.write('pre-check', step.startedAt === null ? { startedAt: new Date(deps.clock.now()) } : {})
    const subcloud = await deps.subclouds.find(step.subcloudName)
    if (subcloud === undefined || subcloud.name !== step.subcloudName)
      throw new StepFailed('subcloud was deleted')
    const refusal = await lookUpRefusal(subcloud, deps.peerGroups, deps.siteId, 'pre-check')
    if (refusal !== undefined) throw new StepFailed(refusal)
    return subcloud
  }

  async apply(subcloud: Subcloud, index: number, commands: readonly Command[], expectedGeneration?: number) {
    const { deps, signal } = this
    const change: StrategyApply = {
      commands,
      changeId: stepChangeId(this.plan.strategyUuid, subcloud.name, index),
      epoch: subcloud.epoch,
      controllerId: deps.controllerId,
      ...(expectedGeneration === undefined ? {} : { expectedGeneration }),
    }
    let applied: ApplyResponse__Output | undefined
    for (let attempt = 1; applied === undefined; attempt++) {
      try {
        applied = await deps.agents.apply(subcloud, change, signal)
      } catch (err) {
        signal.throwIfAborted()
        if (!isRetryable(err) || attempt >= deps.timing.applyAttempts) throw new StepFailed(refusalOf(err))
        // The same change id again: an Apply that did reach the agent is answered, not redone.
        await deps.clock.sleep(deps.timing.retryBackoffMs * 2 ** (attempt - 1), signal)
      }
    }
    this.effects.push(...applied.effects)
    this.lastHash = applied.replayed ? undefined : applied.config_hash
    // A replay's hash may be stale; the final Describe records the one that holds.
    if (applied.replayed) return
    // The audit learns each hash at once (no out-of-sync alarm between two Applies); the store
    // gets the final one with the step's last transition: no write of its own.
    this.deps.expectConfigHash(subcloud.name, applied.config_hash)
    this.unsaved = applied.config_hash
  }

  /** The final hash when this run's Applies reported the plan's end state; undefined: go and look. */
  reportedEnd(): string | undefined {
    if (this.lastHash === undefined || !effectsReachPlan(this.effects, this.plan)) return undefined
    return this.lastHash
  }

  async waitForKubernetes(subcloud: Subcloud): Promise<DescribeResponse__Output> {
    const { deps, signal } = this
    this.write('wait for kubernetes', { applied: this.step.hostActions.length + 1 })
    let pending = 'not described yet'
    for (let poll = 1; poll <= deps.timing.kubernetesPolls; poll++) {
      try {
        const described = await deps.agents.describe(subcloud, signal)
        const left = kubernetesPending(described, this.plan)
        if (left === undefined) return described
        pending = left
      } catch (err) {
        signal.throwIfAborted()
        pending = `cannot describe the subcloud: ${describeGrpcError(err)}`
      }
      if (poll < deps.timing.kubernetesPolls) await deps.clock.sleep(deps.timing.pollIntervalMs, signal)
    }
    throw new StepFailed(
      `Kubernetes did not reach the plan after ${deps.timing.kubernetesPolls} checks: ${pending}`,
    )
  }

  async waitForInSync(subcloud: Subcloud, configHash: string): Promise<void> {
    const { deps, signal } = this
    deps.expectConfigHash(subcloud.name, configHash)
    this.unsaved = undefined
    this.write('wait for in-sync', {
      applied: this.step.hostActions.length + 1,
      expectedConfigHash: configHash,
    })
    // Told by the audit the moment the agent's status matches, not found by polling.
    const wait = new AbortController()
    const stop = (): void => wait.abort(signal.reason)
    signal.addEventListener('abort', stop, { once: true })
    const inSync = deps.whenInSync(subcloud.name, wait.signal).then(() => true)
    const timeout = deps.clock.sleep(deps.timing.inSyncTimeoutMs, wait.signal).then(() => false)
    try {
      if (await Promise.race([inSync, timeout])) return
    } catch (err) {
      signal.throwIfAborted()
      throw err
    } finally {
      signal.removeEventListener('abort', stop)
      wait.abort(WAIT_DECIDED)
      // The loser settles by rejecting on the abort above; nothing waits for it.
      inSync.catch(() => undefined)
      timeout.catch(() => undefined)
    }
    const sync = deps.platformSync(subcloud.name)
    throw new StepFailed(
      `platform not in-sync ${Math.round(deps.timing.inSyncTimeoutMs / 1000)} s after the change (${sync ?? 'not audited'})`,
    )
  }

  async run(): Promise<'complete' | 'failed'> {
    const { step, deps } = this
    try {
      const subcloud = await this.preCheck()
      let applied = step.applied
      if (applied === 0) {
        this.write('applying change')
        await this.apply(subcloud, 0, step.commands, step.baseGeneration)
        applied = 1
      }
      const total = step.hostActions.length
      for (let i = applied; i <= total; i++) {
        const action = step.hostActions[i - 1] as Command
        this.write('host actions', {
          details: `${describeHostAction(action)} (${i} of ${total})`,
          applied: i,
        })
        await this.apply(subcloud, i, [action])
      }
      // The agent's own report of the whole step saves a Describe per subcloud at scale.
      const reported = step.applied === 0 ? this.reportedEnd() : undefined
      const finalHash = reported ?? (await this.waitForKubernetes(subcloud)).config_hash
      await this.waitForInSync(subcloud, finalHash)
      this.write('complete', { finishedAt: new Date(deps.clock.now()) })
      return 'complete'
    } catch (err) {
      // On shutdown the step stays in its persisted state, to be resumed.
      this.signal.throwIfAborted()
      if (!(err instanceof StepFailed)) throw err
      this.write('failed', {
        details: err.message,
        finishedAt: new Date(deps.clock.now()),
        ...(this.unsaved === undefined ? {} : { expectedConfigHash: this.unsaved }),
      })
      return 'failed'
    }
  }
}

/**
 * Run one step of a network strategy from where it was persisted: pre-check (still managed,
 * online, deployed and led by this site), the change as one fenced Apply (skipped when already
 * applied), each host action as its own Apply, the wait for the Kubernetes effect and for 250.001
 * to clear, then for the platform to be in-sync. Every transition goes through the writer. A
 * failure of the subcloud ends the step `failed` with the reason; an abort of `signal` (shutdown)
 * rejects and leaves the step as persisted.
 */
export function runStep(
  deps: StepExecutionDeps,
  plan: StepPlan,
  step: StrategyStep,
  signal: AbortSignal,
): Promise<'complete' | 'failed'> {
  return new StepRun(deps, plan, step, signal).run()
}
