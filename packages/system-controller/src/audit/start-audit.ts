import { auditOptionsWithDefaults } from './audit-options.js'
import type { AuditOptions, AuditOptionsWithDefaults } from './audit-options.js'
import { isAudited } from './audit-eligibility.js'
import type {
  AuditStore,
  AuditTarget,
  Availability,
  EndpointType,
  SubcloudStatusUpdate,
  SyncStatus,
} from './audit-store.js'
import { systemClock } from './clock.js'
import { ConditionWaiters } from './condition-waiters.js'
import { DeadlineQueue } from './deadline-queue.js'
import type { Clock } from './clock.js'
import { compareNames } from '../subclouds/subcloud-name.js'
import { SubcloudAudit } from './subcloud-audit.js'
import type { SubcloudAuditDeps } from './subcloud-audit.js'
import { endpointStatuses, planStatusUpdate } from './status-update.js'
import type { PlannedUpdate } from './status-update.js'
import { aggregateSync, platformSync } from './sync-status.js'
import type { WatchChannels } from './watch-channels.js'

/** What the audit reports as it goes, for logs and tests. */
export type AuditEvent =
  | { type: 'availability-changed'; name: string; availability: Availability; auditFailCount: number }
  | { type: 'stream-broken'; name: string; error: Error | undefined; reopenInMs: number }
  | {
      type: 'foreign-agent'
      name: string
      address: string
      expectedSystemUuid: string
      reportedSystemUuid: string
    }
  | { type: 'batch-written'; updates: readonly SubcloudStatusUpdate[] }
  | { type: 'batch-failed'; error: unknown; updates: readonly SubcloudStatusUpdate[] }

/** What the audit measures as it goes: cheap calls on the hot path of every heartbeat. */
export interface AuditMetrics {
  /** A message (heartbeat or status) arrived from an agent. */
  heartbeat(): void
  /** A subcloud was judged offline `silentForMs` after its last message. */
  offlineVerdict(silentForMs: number): void
}

/** Arguments of {@link startAudit}. */
export interface StartAuditParams {
  readonly store: AuditStore
  /** The controller's agent channel pool (`AgentChannels`), shared with forwarding. */
  readonly channels: WatchChannels
  /** @default systemClock */
  readonly clock?: Clock
  readonly options?: AuditOptions
  /** Called synchronously; a listener that throws is ignored rather than stopping the audit. */
  readonly onEvent?: (event: AuditEvent) => void
  /** Counts heartbeats and times verdicts. @default nothing is counted */
  readonly metrics?: AuditMetrics
  /** Aborting it stops the audit as {@link Audit.stop} does. */
  readonly signal: AbortSignal
}

/** The audit's view of one subcloud. */
export interface SubcloudAuditSnapshot {
  readonly name: string
  readonly availability: Availability
  readonly auditFailCount: number
  readonly endpoints: Readonly<Record<EndpointType, SyncStatus>>
  /** The `sync` column: {@link aggregateSync} of the endpoints. */
  readonly sync: SyncStatus
  readonly expectedConfigHash: string | undefined
  readonly reportedConfigHash: string | undefined
  /** Epoch ms of the last message from the agent in this process's lifetime. */
  readonly lastHeartbeatAt: number | undefined
  /** Whether a `Watch` stream is currently open (it may still be silent). */
  readonly streaming: boolean
}

/** A running audit. */
export interface Audit {
  /**
   * Reloads every target from the store: streams open and close to match. Calls that arrive while
   * a reload waits its turn share it. For a change to one subcloud, {@link refreshSubcloud} is
   * far cheaper in a large fleet.
   */
  refresh(signal?: AbortSignal): Promise<void>
  /**
   * Reloads one subcloud (deploy complete, manage, unmanage, update of the address or name,
   * delete); ids asked for while a reload waits its turn are loaded together.
   */
  refreshSubcloud(subcloudId: number, signal?: AbortSignal): Promise<void>
  /**
   * Tells the audit the hash the controller now expects, right after it pushed a change, so the
   * agent's next status is judged against it without a reload. The caller persists it too.
   */
  expectConfigHash(name: string, configHash: string): void
  /** Audited subclouds, sorted by name. */
  snapshot(): SubcloudAuditSnapshot[]
  /** The audit's view of subcloud `name`; undefined when it is not audited. */
  snapshotOf(name: string): SubcloudAuditSnapshot | undefined
  /**
   * Resolves as soon as subcloud `name`'s platform endpoint is in-sync (at once when it is);
   * rejects with `signal`'s reason when it aborts first. A waiter is woken by the agent's status
   * or a new expected hash, so a strategy step learns it in the same tick, without polling.
   */
  whenInSync(name: string, signal: AbortSignal): Promise<void>
  /** Ends every stream and timer, then writes what is still pending. Idempotent. */
  stop(): Promise<void>
}

/** How long stop() gives the final write: long enough for a busy store, short enough for Ctrl-C. */
const FINAL_FLUSH_TIMEOUT_MS = 5000

/** Settles like `promise`, or rejects as soon as `signal` aborts (the shared work goes on). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error)
      return
    }
    const onAbort = (): void => reject(signal.reason as Error)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

/** Which subclouds a load covers: all of them, or these ids. */
type LoadScope = 'all' | ReadonlySet<number>

class AuditImpl implements Audit {
  private readonly byId = new Map<number, SubcloudAudit>()
  private readonly byName = new Map<string, SubcloudAudit>()
  private readonly dirty = new Set<SubcloudAudit>()
  /** {@link whenInSync} callers by subcloud name, each checking its own condition. */
  private readonly syncWaiters = new ConditionWaiters()
  // Channels the audit opened, by subcloud id, so that it forgets only its own once a subcloud is gone.
  private readonly channelNames = new Map<number, string>()
  private readonly lifetime = new AbortController()
  private readonly options: AuditOptionsWithDefaults
  private readonly clock: Clock
  private readonly subcloudDeps: SubcloudAuditDeps
  private readonly missDeadlines: DeadlineQueue<SubcloudAudit>
  // Reloads and flushes run one at a time so that a reload never interleaves with a write
  // whose outcome it would overwrite.
  private tail: Promise<unknown> = Promise.resolve()
  private pendingFullLoad: Promise<void> | undefined
  private pendingIds = new Set<number>()
  private pendingIdsLoad: Promise<void> | undefined
  private cancelFlush: (() => void) | undefined
  private flushDueAt = 0
  private stopping: Promise<void> | undefined

  constructor(private readonly params: StartAuditParams) {
    this.options = auditOptionsWithDefaults(params.options)
    this.clock = params.clock ?? systemClock
    this.missDeadlines = new DeadlineQueue(this.clock, (audit, dueAt) => audit.missDue(dueAt))
    // One set of collaborators for every subcloud: the audit of 10,000 keeps no closures per site.
    this.subcloudDeps = {
      channels: params.channels,
      clock: this.clock,
      missDeadlines: this.missDeadlines,
      options: this.options,
      onDirty: (a) => this.markDirty(a, false),
      onHeartbeat: () => params.metrics?.heartbeat(),
      onAvailabilityChanged: (a) => {
        this.markDirty(a, true)
        const { availability, lastHeartbeatAt } = a.live
        if (availability === 'offline' && lastHeartbeatAt !== undefined) {
          params.metrics?.offlineVerdict(this.clock.now() - lastHeartbeatAt)
        }
        this.emit({
          type: 'availability-changed',
          name: a.target.name,
          availability: a.live.availability,
          auditFailCount: a.live.auditFailCount,
        })
      },
      onStreamBroken: (a, error, reopenInMs) =>
        this.emit({ type: 'stream-broken', name: a.target.name, error, reopenInMs }),
      onForeignAgent: (a, reportedSystemUuid) =>
        this.emit({
          type: 'foreign-agent',
          name: a.target.name,
          address: a.target.primaryAddress,
          expectedSystemUuid: a.target.agentSystemUuid ?? '',
          reportedSystemUuid,
        }),
    }
  }

  refresh(signal?: AbortSignal): Promise<void> {
    if (this.stopping) return Promise.reject(new Error('audit stopped'))
    this.pendingFullLoad ??= this.serialized(async () => {
      // Taken off before loading: a change made from now on may be missed by this load.
      this.pendingFullLoad = undefined
      await this.load('all')
    })
    return abortable(this.pendingFullLoad, signal)
  }

  refreshSubcloud(subcloudId: number, signal?: AbortSignal): Promise<void> {
    if (this.stopping) return Promise.reject(new Error('audit stopped'))
    this.pendingIds.add(subcloudId)
    this.pendingIdsLoad ??= this.serialized(async () => {
      const ids = this.pendingIds
      this.pendingIds = new Set()
      this.pendingIdsLoad = undefined
      await this.load(ids)
    })
    return abortable(this.pendingIdsLoad, signal)
  }

  expectConfigHash(name: string, configHash: string): void {
    const audit = this.byName.get(name)
    if (audit === undefined || this.stopping) return
    audit.expect(configHash)
  }

  snapshot(): SubcloudAuditSnapshot[] {
    return [...this.byName.values()]
      .map((audit) => this.snapshotOfAudit(audit))
      .sort((a, b) => compareNames(a.name, b.name))
  }

  snapshotOf(name: string): SubcloudAuditSnapshot | undefined {
    const audit = this.byName.get(name)
    return audit === undefined ? undefined : this.snapshotOfAudit(audit)
  }

  whenInSync(name: string, signal: AbortSignal): Promise<void> {
    return this.syncWaiters.wait(name, () => this.hashesMatch(name), signal)
  }

  /**
   * In-sync judged on the hashes alone: the endpoint's status keeps its previous value for a grace
   * period after a change, which must not answer a waiter before the agent reported the new hash.
   */
  private hashesMatch(name: string): boolean {
    const audit = this.byName.get(name)
    if (audit === undefined) return false
    const sync = platformSync({
      availability: audit.live.availability,
      managementState: audit.target.managementState,
      expectedConfigHash: audit.target.expectedConfigHash,
      reportedConfigHash: audit.live.reportedConfigHash,
    })
    return sync === 'in-sync'
  }

  stop(): Promise<void> {
    this.stopping ??= this.shutDown()
    return this.stopping
  }

  private snapshotOfAudit(audit: SubcloudAudit): SubcloudAuditSnapshot {
    const endpoints = endpointStatuses(audit.target, audit.live, audit.persisted, {
      now: this.clock.now(),
      outOfSyncGraceMs: this.options.outOfSyncGraceMs,
    })
    return {
      name: audit.target.name,
      availability: audit.live.availability,
      auditFailCount: audit.live.auditFailCount,
      endpoints,
      sync: aggregateSync(Object.values(endpoints)),
      expectedConfigHash: audit.target.expectedConfigHash,
      reportedConfigHash: audit.live.reportedConfigHash,
      lastHeartbeatAt: audit.live.lastHeartbeatAt,
      streaming: audit.streaming,
    }
  }

  private async shutDown(): Promise<void> {
    this.cancelFlush?.()
    this.cancelFlush = undefined
    for (const audit of this.byId.values()) audit.close()
    this.missDeadlines.stop()
    await this.serialized(() => this.flush(AbortSignal.timeout(FINAL_FLUSH_TIMEOUT_MS))).catch(() => {})
    this.lifetime.abort(new Error('audit stopped'))
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task)
    this.tail = run.catch(() => {})
    return run
  }

  private async load(scope: LoadScope): Promise<void> {
    if (this.stopping) throw new Error('audit stopped')
    const signal = this.lifetime.signal
    const targets = await (scope === 'all'
      ? this.params.store.loadAuditTargets(signal)
      : this.params.store.loadAuditTargets(signal, [...scope]))
    if (this.stopping) return
    this.applyTargets(targets, scope)
  }

  /**
   * Makes the audits within `scope` match `targets`, the store's rows within it. A scoped load
   * touches only its own ids, so reloading one subcloud costs the same in a fleet of 10,000.
   */
  private applyTargets(targets: readonly AuditTarget[], scope: LoadScope): void {
    const loaded = new Map<number, AuditTarget>()
    const loadedNames = new Set<string>()
    for (const target of targets) {
      loaded.set(target.subcloudId, target)
      loadedNames.add(target.name)
    }
    const scopeIds =
      scope === 'all' ? [...new Set([...this.byId.keys(), ...this.channelNames.keys()])] : [...scope]
    for (const id of scopeIds) {
      const audit = this.byId.get(id)
      if (audit === undefined) continue
      const target = loaded.get(id)
      // Renamed, or no longer audited (deleted, or in a deploy state without an agent to watch).
      if (target === undefined || !isAudited(target) || target.name !== audit.target.name) this.drop(audit)
    }
    for (const target of targets) {
      if (!isAudited(target)) continue
      const existing = this.byId.get(target.subcloudId)
      if (existing) {
        existing.retarget(target)
        continue
      }
      // The name still held by another id: that subcloud was deleted and this one added since.
      const stale = this.byName.get(target.name)
      if (stale !== undefined) this.drop(stale)
      const audit = new SubcloudAudit(target, this.subcloudDeps)
      this.byId.set(target.subcloudId, audit)
      this.byName.set(target.name, audit)
      audit.start()
      // Reconciles what was stored with what the audit derives (alarms of an unmanaged subcloud, ...).
      this.markDirty(audit, false)
    }
    for (const id of scopeIds) {
      const name = this.channelNames.get(id)
      if (name === undefined || loaded.get(id)?.name === name) continue
      this.channelNames.delete(id)
      if (!loadedNames.has(name)) this.params.channels.forget(name)
    }
    for (const target of targets) {
      if (this.byId.has(target.subcloudId)) this.channelNames.set(target.subcloudId, target.name)
    }
  }

  private drop(audit: SubcloudAudit): void {
    audit.close()
    this.byId.delete(audit.target.subcloudId)
    if (this.byName.get(audit.target.name) === audit) this.byName.delete(audit.target.name)
    this.dirty.delete(audit)
  }

  private isCurrent(audit: SubcloudAudit): boolean {
    return this.byId.get(audit.target.subcloudId) === audit
  }

  /**
   * Queues `audit` for the next batched write: within `flushIntervalMs`, or within
   * `verdictFlushDelayMs` for an availability verdict, whichever timer is due first.
   */
  private markDirty(audit: SubcloudAudit, verdict: boolean): void {
    // Every new reported or expected hash passes here.
    this.syncWaiters.wake(audit.target.name)
    if (this.stopping) return
    this.dirty.add(audit)
    const delayMs = verdict ? this.options.verdictFlushDelayMs : this.options.flushIntervalMs
    const dueAt = this.clock.now() + delayMs
    if (this.cancelFlush !== undefined) {
      if (this.flushDueAt <= dueAt) return
      this.cancelFlush()
    }
    this.flushDueAt = dueAt
    this.cancelFlush = this.clock.setTimer(delayMs, () => {
      this.cancelFlush = undefined
      void this.serialized(() => this.flush(this.lifetime.signal)).catch((error: unknown) =>
        this.emit({ type: 'batch-failed', error, updates: [] }),
      )
    })
  }

  private async flush(signal: AbortSignal): Promise<void> {
    const now = this.clock.now()
    const planned: { audit: SubcloudAudit; plan: PlannedUpdate }[] = []
    for (const audit of this.dirty) {
      const plan = planStatusUpdate(audit.target, audit.live, audit.persisted, now, this.options)
      if (plan) planned.push({ audit, plan })
    }
    this.dirty.clear()
    if (planned.length === 0) return
    const updates = planned.map(({ plan }) => plan.update)
    try {
      await this.params.store.writeStatusBatch(updates, signal)
    } catch (error) {
      // Nothing was written (one transaction): the same changes are planned again next time.
      this.emit({ type: 'batch-failed', error, updates })
      for (const { audit } of planned) if (this.isCurrent(audit)) this.markDirty(audit, false)
      return
    }
    for (const { audit, plan } of planned) audit.persisted = plan.next
    this.emit({ type: 'batch-written', updates })
  }

  private emit(event: AuditEvent): void {
    try {
      this.params.onEvent?.(event)
    } catch {
      // A listener's bug must not stop the audit of every subcloud.
    }
  }
}

/**
 * Starts the audit: loads the targets, opens one `Watch` stream per audited subcloud and keeps the
 * store's availability, sync status and alarms up to date in batched writes. Resolves once the
 * first load is done; rejects if it fails.
 *
 * @example
 * const audit = await startAudit({ store, channels, options: { heartbeatIntervalMs: 1000 }, signal })
 * await audit.refreshSubcloud(id) // after one subcloud's deploy completes, manage, unmanage, delete
 * await audit.stop()
 */
export async function startAudit(params: StartAuditParams): Promise<Audit> {
  const audit = new AuditImpl(params)
  if (params.signal.aborted) throw params.signal.reason
  params.signal.addEventListener('abort', () => void audit.stop(), { once: true })
  try {
    await audit.refresh(params.signal)
  } catch (error) {
    await audit.stop()
    throw error
  }
  return audit
}
