import { randomUUID } from 'node:crypto'
import { NetworkPlanError, parseNetworkPlan } from '@dc/netmodel'
import type { NetworkPlan } from '@dc/netmodel'
import type { Logger } from '@dc/runtime'
import { InvalidFieldError, SubcloudGroupNotFoundError, SubcloudNotFoundError } from '../errors.js'
import type { StrategyStore } from '../ports/strategy-store.js'
import type { SubcloudGroupStore } from '../ports/subcloud-group-store.js'
import type { SubcloudStore } from '../ports/subcloud-store.js'
import { compareNames } from '../subclouds/subcloud-name.js'
import type { Subcloud } from '../subclouds/subcloud.js'
import { fleetDryRun, newStep } from './fleet-dry-run.js'
import type { FleetDryRunDeps } from './fleet-dry-run.js'
import type {
  NetworkStrategy,
  NewStrategyStep,
  StepCount,
  StrategyState,
  StrategyStep,
  SubcloudApplyType,
} from './network-strategy.js'
import { lookUpRefusal } from './step-eligibility.js'
import type { PeerGroupLead, PeerGroupLookup } from './step-eligibility.js'
import { STEP_STATES } from './step-states.js'
import {
  StrategyEmptyError,
  StrategyExistsError,
  StrategyNotFoundError,
  StrategyStateError,
  StrategyStepNotFoundError,
  StrategyStepsRefusedError,
} from './strategy-errors.js'
import type { StrategyRunner } from './strategy-runner.js'

/** Which subclouds a strategy is for. */
export type StrategyTarget =
  | { readonly kind: 'fleet' }
  | { readonly kind: 'group'; readonly ref: string }
  | { readonly kind: 'subcloud'; readonly ref: string }

/** `network-strategy create`, its fields checked for form. */
export interface CreateStrategyInput {
  readonly planYaml: string
  readonly target: StrategyTarget
  /** Absent: the group's, else parallel. */
  readonly applyType?: SubcloudApplyType
  /** Absent: the group's, else {@link DEFAULT_MAX_PARALLEL}. */
  readonly maxParallel?: number
  readonly stopOnFailure: boolean
}

/** The strategy with its steps counted by state. */
export interface StrategyView {
  readonly strategy: NetworkStrategy
  readonly counts: readonly StepCount[]
}

/** dcmanager's default `--max-parallel-subclouds`. */
export const DEFAULT_MAX_PARALLEL = 20

/** States a strategy cannot be deleted in: a run owns it. */
const RUNNING_STATES: readonly StrategyState[] = ['applying', 'abort requested', 'aborting']
const DELETABLE_STATES: readonly StrategyState[] = ['initial', 'complete', 'failed', 'aborted']
/** Refused subclouds named in the apply refusal; the rest are counted. */
const NAMED_REFUSALS = 5

/** The stores, agents and runner {@link NetworkStrategyService} works with. */
export interface NetworkStrategyServiceDeps {
  readonly store: StrategyStore
  readonly subclouds: Pick<SubcloudStore, 'list' | 'find' | 'fleetEntries'>
  readonly groups: Pick<SubcloudGroupStore, 'find'>
  readonly peerGroups: PeerGroupLookup
  /** This site's id: only members of peer groups it leads take part. */
  readonly siteId: string
  readonly dryRun: Omit<FleetDryRunDeps, 'fleetEntries'>
  readonly runner: Pick<StrategyRunner, 'start' | 'requestAbort'>
  readonly log: Logger
}

function parsePlan(text: string): NetworkPlan {
  try {
    return parseNetworkPlan(text)
  } catch (err) {
    if (err instanceof NetworkPlanError) throw new InvalidFieldError(`plan ${err.field}`, err.rule)
    throw err
  }
}

/**
 * `dcmanager network-strategy` and `strategy-step`: the one network strategy's create (a dry run
 * of the fleet), show, apply, abort and delete, and its steps. Applying is the
 * {@link StrategyRunner}'s.
 */
export class NetworkStrategyService {
  readonly #deps: NetworkStrategyServiceDeps

  constructor(deps: NetworkStrategyServiceDeps) {
    this.#deps = deps
  }

  /**
   * Dry-run the plan over the target's subclouds and store the strategy with one step per
   * subcloud; those that cannot take part are `skipped` with the reason, those the dry run refused
   * `refused` with the refusal.
   */
  async create(input: CreateStrategyInput, signal: AbortSignal): Promise<StrategyView> {
    const { store, subclouds, dryRun } = this.#deps
    const existing = await store.get()
    if (existing !== undefined) throw new StrategyExistsError(existing.state)
    const plan = parsePlan(input.planYaml)
    const { candidates, applyType, maxParallel, groupName } = await this.#target(input)
    const skipped: NewStrategyStep[] = []
    const eligible: Subcloud[] = []
    // Many members share a few groups: each is read once.
    const groupsRead = new Map<number, Promise<PeerGroupLead | undefined>>()
    const lookup: PeerGroupLookup = (id) => {
      const read = groupsRead.get(id) ?? this.#deps.peerGroups(id)
      groupsRead.set(id, read)
      return read
    }
    for (const subcloud of candidates) {
      const refusal = await lookUpRefusal(subcloud, lookup, this.#deps.siteId, 'create')
      if (refusal === undefined) eligible.push(subcloud)
      else skipped.push(newStep(subcloud, 'skipped', refusal))
    }
    const planned = await fleetDryRun(
      plan,
      eligible,
      { ...dryRun, fleetEntries: () => subclouds.fleetEntries() },
      signal,
    )
    if (!planned.some((s) => s.state === 'initial' || s.state === 'refused')) throw new StrategyEmptyError()
    const steps = [...planned, ...skipped].sort((a, b) => compareNames(a.subcloudName, b.subcloudName))
    const result = await store.create(
      {
        uuid: randomUUID(),
        applyType,
        maxParallel: applyType === 'serial' ? 1 : maxParallel,
        stopOnFailure: input.stopOnFailure,
        planKind: plan.kind,
        planYaml: input.planYaml,
        groupName,
        subcloudName: input.target.kind === 'subcloud' ? (candidates[0]?.name ?? null) : null,
      },
      steps,
    )
    if (result.kind === 'taken') throw new StrategyExistsError('initial')
    this.#deps.log.info(`network strategy ${result.row.uuid}: created with ${steps.length} step(s)`)
    return this.#view(result.row)
  }

  async get(): Promise<StrategyView> {
    return this.#view(await this.#strategy())
  }

  /** Steps ordered by subcloud name; skipped ones only when asked. */
  async steps(includeSkipped: boolean): Promise<StrategyStep[]> {
    await this.#strategy()
    return this.#deps.store.steps(includeSkipped ? undefined : STEP_STATES.filter((s) => s !== 'skipped'))
  }

  /** One step by subcloud name, region name or id. */
  async step(ref: string): Promise<StrategyStep> {
    await this.#strategy()
    const direct = await this.#deps.store.step(ref)
    if (direct !== undefined) return direct
    const subcloud = await this.#deps.subclouds.find(ref)
    const found = subcloud === undefined ? undefined : await this.#deps.store.step(subcloud.name)
    if (found === undefined) throw new StrategyStepNotFoundError(ref)
    return found
  }

  /** Start applying an `initial` strategy with no refused step. */
  async apply(): Promise<StrategyView> {
    const { store, runner } = this.#deps
    const strategy = await this.#strategy()
    if (strategy.state !== 'initial') {
      throw new StrategyStateError(
        strategy.state,
        `Strategy is ${strategy.state}; only an initial strategy can be applied`,
      )
    }
    const refused = await store.steps(['refused'])
    if (refused.length > 0) {
      throw new StrategyStepsRefusedError(
        refused.length,
        refused.slice(0, NAMED_REFUSALS).map((s) => s.subcloudName),
      )
    }
    const applying = await store.moveState(['initial'], 'applying')
    if (applying === undefined) return this.apply()
    runner.start(applying)
    return this.#view(applying)
  }

  /** Ask the run to stop: in-flight steps finish, no other starts. */
  async abort(): Promise<StrategyView> {
    const strategy = await this.#strategy()
    const requested = await this.#deps.store.moveState(['applying'], 'abort requested')
    if (requested === undefined) {
      throw new StrategyStateError(
        strategy.state,
        `Strategy is ${strategy.state}; only an applying strategy can be aborted`,
      )
    }
    await this.#deps.runner.requestAbort(requested)
    return this.#view(requested)
  }

  /** Delete the strategy and its steps, unless it is being applied; the strategy as it was. */
  async delete(): Promise<StrategyView> {
    const strategy = await this.#strategy()
    if (RUNNING_STATES.includes(strategy.state)) {
      throw new StrategyStateError(strategy.state, `Strategy cannot be deleted while ${strategy.state}`)
    }
    const counts = await this.#deps.store.counts()
    const deleted = await this.#deps.store.delete(DELETABLE_STATES)
    if (deleted === undefined) return this.delete()
    this.#deps.log.info(`network strategy ${deleted.uuid}: deleted`)
    return { strategy: deleted, counts }
  }

  /** At controller start: a strategy a previous run was applying or aborting goes on. */
  async resume(signal: AbortSignal): Promise<void> {
    signal.throwIfAborted()
    const strategy = await this.#deps.store.get()
    if (strategy === undefined || !RUNNING_STATES.includes(strategy.state)) return
    this.#deps.log.info(`network strategy ${strategy.uuid}: resuming (${strategy.state})`)
    this.#deps.runner.start(strategy)
  }

  async #strategy(): Promise<NetworkStrategy> {
    const strategy = await this.#deps.store.get()
    if (strategy === undefined) throw new StrategyNotFoundError()
    return strategy
  }

  async #view(strategy: NetworkStrategy): Promise<StrategyView> {
    return { strategy, counts: await this.#deps.store.counts() }
  }

  async #target(input: CreateStrategyInput): Promise<{
    candidates: Subcloud[]
    applyType: SubcloudApplyType
    maxParallel: number
    groupName: string | null
  }> {
    const { subclouds, groups } = this.#deps
    const applyType = input.applyType ?? 'parallel'
    const maxParallel = input.maxParallel ?? DEFAULT_MAX_PARALLEL
    switch (input.target.kind) {
      case 'fleet':
        return { candidates: await subclouds.list(), applyType, maxParallel, groupName: null }
      case 'group': {
        const group = await groups.find(input.target.ref)
        if (group === undefined) throw new SubcloudGroupNotFoundError(input.target.ref)
        return {
          candidates: await subclouds.list({ groupId: group.id }),
          applyType: group.updateApplyType,
          maxParallel: group.maxParallelSubclouds,
          groupName: group.name,
        }
      }
      case 'subcloud': {
        const subcloud = await subclouds.find(input.target.ref)
        if (subcloud === undefined) throw new SubcloudNotFoundError(input.target.ref)
        return { candidates: [subcloud], applyType, maxParallel, groupName: null }
      }
      default:
        return input.target satisfies never
    }
  }
}
