import { createHash, randomUUID } from 'node:crypto'
import {
  applyAll,
  canonicalJson,
  configHash,
  initialState,
  parseBootstrapValues,
  redactBootstrapValues,
  stripBootstrapSecrets,
} from '@dc/netmodel'
import type { Command, Effect, SystemState } from '@dc/netmodel'
import {
  AlreadyBootstrappedError,
  ChangeIdConflictError,
  InvalidBootstrapValuesError,
  NotBootstrappedError,
  StaleGenerationError,
  given,
  platformReply,
} from '@dc/platform-service'
import type { ApplyResult } from '@dc/platform-service'
import type { PlatformReply } from '@dc/protos'
import type { Logger } from '@dc/runtime'
import { fence } from './fencing.js'
import type { Ownership } from './fencing.js'
import { APPLIED_CHANGE_WINDOW, emptyDocument } from './state-document.js'
import type { AgentStateDocument, AppliedChange, RestartCounts, StateStore } from './state-document.js'

/**
 * Port: where the Kubernetes flag files and Calico manifests of the current state are written.
 * It is given the state rather than the files so that a sink that keeps nothing (a simulated
 * site) renders nothing.
 */
export interface KubernetesSink {
  write(state: SystemState): Promise<void>
}

export interface AgentProps {
  readonly store: StateStore
  readonly kubernetes: KubernetesSink
  /** Its lines carry `component: 'agent'`; never given bootstrap secrets. */
  readonly log: Logger
}

/** A change requested by the controller through `Agent.Apply`. */
export interface ControllerChange {
  readonly commands: readonly Command[]
  readonly changeId: string
  readonly expectedGeneration: number | undefined
  readonly owner: Ownership
}

/** The answer to a controller change; `replayed` when it repeats an already applied change id. */
export interface ChangeOutcome {
  readonly generation: number
  readonly configHash: string
  readonly effects: readonly Effect[]
  /** Set for a change of exactly one command: the Platform service's reply to that mutation. */
  readonly platformReply?: PlatformReply
  readonly replayed: boolean
}

/** What the agent holds at one instant, for Describe and Watch. */
export interface AgentSnapshot {
  readonly state: SystemState | null
  readonly configHash: string
  readonly owner: Ownership
  readonly restarts: RestartCounts
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

function ownerFields(owner: Ownership): Pick<AgentStateDocument, 'epoch' | 'controllerId'> {
  return { epoch: owner.epoch.toString(), controllerId: owner.controllerId }
}

function countRestarts(restarts: RestartCounts, effects: readonly Effect[]): RestartCounts {
  const next = { ...restarts }
  for (const e of effects) if (e.type === 'component-restart') next[e.component] += 1
  return next
}

/**
 * One site's agent: owns the system state, the controller ownership (epoch) and the window of
 * applied change ids, and persists them together. Mutations run one at a time and resolve only
 * once the new document is durable, so an acknowledged change survives any crash.
 */
export class Agent {
  readonly #store: StateStore
  readonly #kubernetes: KubernetesSink
  readonly #log: Logger
  #doc: AgentStateDocument
  #configHash: string
  readonly #changes = new Map<string, AppliedChange>()
  readonly #listeners = new Set<() => void>()
  #queue: Promise<unknown> = Promise.resolve()

  private constructor(props: AgentProps, doc: AgentStateDocument) {
    this.#store = props.store
    this.#kubernetes = props.kubernetes
    this.#log = props.log.child({ component: 'agent' })
    this.#doc = doc
    this.#configHash = doc.state === null ? '' : configHash(doc.state)
    this.#indexChanges()
  }

  /** Load the persisted document (or start empty) and bring the Kubernetes files up to date. */
  static async open(props: AgentProps): Promise<Agent> {
    const agent = new Agent(props, (await props.store.load()) ?? emptyDocument())
    await agent.#writeKubernetes()
    return agent
  }

  snapshot(): AgentSnapshot {
    return {
      state: this.#doc.state,
      configHash: this.#configHash,
      owner: this.#owner(),
      restarts: this.#doc.restarts,
    }
  }

  /** The system state; {@link NotBootstrappedError} before bootstrap. */
  requireState(): SystemState {
    if (this.#doc.state === null) throw new NotBootstrappedError()
    return this.#doc.state
  }

  /** Called after every durable change. Returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /**
   * Bootstrap from a values document. Identical values again are a no-op; other values on a
   * bootstrapped site are refused. Epoch 0 with no controller id (a local operator) passes the
   * fence only while no controller holds the agent.
   */
  bootstrap(
    raw: Readonly<Record<string, unknown>>,
    owner: Ownership,
    signal?: AbortSignal,
  ): Promise<AgentSnapshot> {
    return this.#exclusive(signal, async () => {
      const parsed = parseBootstrapValues(raw)
      if (!parsed.ok) throw new InvalidBootstrapValuesError(parsed.errors)
      // Secrets do not count: the digest is persisted and must not help guess them, and a controller
      // resuming a deploy sends the values it kept, which have none. An agent bootstrapped by an
      // earlier release kept the digest of the values with their secrets masked instead.
      const bootstrapDigest = digest(canonicalJson(stripBootstrapSecrets(raw)))
      const held = this.#owner()
      if (this.#doc.state !== null) {
        const legacyDigest = digest(canonicalJson(redactBootstrapValues(raw)))
        if (this.#doc.bootstrapDigest !== bootstrapDigest && this.#doc.bootstrapDigest !== legacyDigest) {
          throw new AlreadyBootstrappedError()
        }
        // The same values again change nothing; a local restart with --bootstrap-values is not a claim.
        if (owner.epoch === 0n && owner.controllerId === '') return this.snapshot()
        const next = fence(held, owner)
        if (next.epoch !== held.epoch) await this.#commit({ ...this.#doc, ...ownerFields(next) })
        return this.snapshot()
      }
      const next = fence(held, owner)
      const state = initialState(parsed.values, { uuid: randomUUID() })
      await this.#commit({ ...this.#doc, state, bootstrapDigest, ...ownerFields(next) })
      this.#log.info('bootstrapped', {
        controllerId: next.controllerId,
        system: state.uuid,
        systemMode: state.systemMode,
        generation: state.generation,
        epoch: next.epoch.toString(),
      })
      return this.snapshot()
    })
  }

  /** Take or confirm ownership (fencing); refused for a lower epoch or another holder of the same one. */
  claim(owner: Ownership, signal?: AbortSignal): Promise<Ownership> {
    return this.#exclusive(signal, async () => {
      const next = fence(this.#owner(), owner)
      if (next.epoch !== this.#owner().epoch) {
        await this.#commit({ ...this.#doc, ...ownerFields(next) })
        this.#log.info('claimed by a controller', {
          controllerId: next.controllerId,
          epoch: next.epoch.toString(),
        })
      }
      return this.#owner()
    })
  }

  /**
   * Forget the caller's claim: the agent is unclaimed again (epoch 0), so a controller that deleted
   * the subcloud lets this or another controller add it again without anyone touching the site.
   */
  release(owner: Ownership, signal?: AbortSignal): Promise<Ownership> {
    return this.#exclusive(signal, async () => {
      fence(this.#owner(), owner)
      const unclaimed: Ownership = { epoch: 0n, controllerId: '' }
      await this.#commit({ ...this.#doc, ...ownerFields(unclaimed) })
      this.#log.info('released by its controller', { controllerId: owner.controllerId })
      return unclaimed
    })
  }

  /**
   * Drop the system state for a redeploy: the next Bootstrap starts over with new values. The claim
   * stays (the caller's, fenced), and so do the restart counts of the site.
   */
  reset(owner: Ownership, signal?: AbortSignal): Promise<AgentSnapshot> {
    return this.#exclusive(signal, async () => {
      const next = fence(this.#owner(), owner)
      await this.#commit({
        ...this.#doc,
        ...ownerFields(next),
        state: null,
        bootstrapDigest: null,
        appliedChanges: [],
      })
      this.#log.info('reset for a redeploy', { controllerId: next.controllerId })
      return this.snapshot()
    })
  }

  /**
   * Apply a controller's change: fenced by epoch, idempotent on the change id, all commands or
   * none, checked against the expected generation, durable before it resolves.
   */
  applyChange(change: ControllerChange, signal?: AbortSignal): Promise<ChangeOutcome> {
    return this.#exclusive(signal, async () => {
      const state = this.requireState()
      const owner = fence(this.#owner(), change.owner)
      const requestDigest = digest(canonicalJson(change.commands))
      const previous = this.#changes.get(change.changeId)
      if (previous !== undefined) {
        if (previous.requestDigest !== requestDigest) throw new ChangeIdConflictError(change.changeId)
        this.#log.debug('answered a retried change from memory', { changeId: change.changeId })
        return { ...previous, replayed: true }
      }
      if (change.expectedGeneration !== undefined && change.expectedGeneration !== state.generation) {
        throw new StaleGenerationError(change.expectedGeneration, state.generation)
      }
      const result = applyAll(state, change.commands)
      if (!result.ok) throw result.error
      const [only, ...more] = change.commands
      const reply =
        only === undefined || more.length > 0
          ? undefined
          : platformReply(only, { previous: state, state: result.state, effects: result.effects })
      const hash = configHash(result.state)
      const applied: AppliedChange = {
        changeId: change.changeId,
        requestDigest,
        generation: result.state.generation,
        configHash: hash,
        effects: result.effects,
        ...given('platformReply', reply),
      }
      const window = [...this.#doc.appliedChanges, applied].slice(-APPLIED_CHANGE_WINDOW)
      await this.#commit(
        {
          ...this.#doc,
          ...ownerFields(owner),
          state: result.state,
          appliedChanges: window,
          restarts: countRestarts(this.#doc.restarts, result.effects),
        },
        hash,
      )
      // With the claims above, the agent's own record of whom it obeyed in which epoch.
      this.#log.info('applied a controller change', {
        changeId: change.changeId,
        controllerId: owner.controllerId,
        epoch: owner.epoch.toString(),
        generation: applied.generation,
        commands: change.commands.length,
      })
      return { ...applied, replayed: false }
    })
  }

  /**
   * Local administration (the `system` commands on the site itself): no epoch, no change id. This
   * is how an operator makes a subcloud drift from what its controller expects.
   */
  applyLocal(commands: readonly Command[], signal?: AbortSignal): Promise<ApplyResult> {
    return this.#exclusive(signal, async () => {
      const previous = this.requireState()
      const result = applyAll(previous, commands)
      if (!result.ok) throw result.error
      await this.#commit({
        ...this.#doc,
        state: result.state,
        restarts: countRestarts(this.#doc.restarts, result.effects),
      })
      this.#log.info('applied a local change', {
        generation: result.state.generation,
        commands: commands.length,
      })
      return { previous, state: result.state, effects: result.effects }
    })
  }

  #owner(): Ownership {
    return { epoch: BigInt(this.#doc.epoch), controllerId: this.#doc.controllerId }
  }

  /** Run mutations one at a time, in arrival order: the single writer of the state document. */
  #exclusive<T>(signal: AbortSignal | undefined, fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(() => {
      signal?.throwIfAborted()
      return fn()
    })
    this.#queue = run.catch(() => undefined)
    return run
  }

  /** `hash`: the new state's config hash when the caller computed it already (hashing is not cheap). */
  async #commit(doc: AgentStateDocument, hash?: string): Promise<void> {
    await this.#store.save(doc)
    const stateChanged = doc.state !== this.#doc.state
    const changesChanged = doc.appliedChanges !== this.#doc.appliedChanges
    this.#doc = doc
    if (stateChanged && doc.state === null) this.#configHash = ''
    else if (stateChanged && doc.state !== null) {
      this.#configHash = hash ?? configHash(doc.state)
      await this.#writeKubernetes()
    }
    // Rebuilt only when the window moved: it holds up to a thousand change ids.
    if (changesChanged) this.#indexChanges()
    for (const listener of this.#listeners) listener()
  }

  #indexChanges(): void {
    this.#changes.clear()
    for (const change of this.#doc.appliedChanges) this.#changes.set(change.changeId, change)
  }

  /** Derived files: a failure is logged and repaired by the next change or restart, never fails a change. */
  async #writeKubernetes(): Promise<void> {
    if (this.#doc.state === null) return
    try {
      await this.#kubernetes.write(this.#doc.state)
    } catch (err) {
      this.#log.warn('writing the kubernetes files failed; the next change or restart writes them again', {
        err,
      })
    }
  }
}
