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
import type { Clock } from './clock.js'
import { SubcloudAudit } from './subcloud-audit.js'
import { endpointStatuses, planStatusUpdate } from './status-update.js'
import type { PlannedUpdate } from './status-update.js'
import { aggregateSync } from './sync-status.js'
import type { WatchChannels } from './watch-channels.js'

/** What the audit reports as it goes, for logs and tests. */
export type AuditEvent =
  | { type: 'availability-changed'; name: string; availability: Availability; auditFailCount: number }
  | { type: 'stream-broken'; name: string; error: Error | undefined; reopenInMs: number }
  | { type: 'batch-written'; updates: readonly SubcloudStatusUpdate[] }
  | { type: 'batch-failed'; error: unknown; updates: readonly SubcloudStatusUpdate[] }

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
   * Reloads the targets from the store: call it after subcloud add (deploy complete), manage,
   * unmanage, update of the address or delete. Streams open and close to match.
   */
  refresh(signal?: AbortSignal): Promise<void>
  /**
   * Tells the audit the hash the controller now expects, right after it pushed a change, so the
   * agent's next status is judged against it without a reload. The caller persists it too.
   */
  expectConfigHash(name: string, configHash: string): void
  /** Audited subclouds, sorted by name. */
  snapshot(): SubcloudAuditSnapshot[]
  /** Ends every stream and timer, then writes what is still pending. Idempotent. */
  stop(): Promise<void>
}

/** How long stop() gives the final write: long enough for a busy store, short enough for Ctrl-C. */
const FINAL_FLUSH_TIMEOUT_MS = 5000

class AuditImpl implements Audit {
  private readonly subclouds = new Map<string, SubcloudAudit>()
  private readonly dirty = new Set<SubcloudAudit>()
  // Names the audit opened channels for, so that it forgets only its own once a subcloud is gone.
  private readonly channelNames = new Set<string>()
  private readonly lifetime = new AbortController()
  private readonly options: AuditOptionsWithDefaults
  private readonly clock: Clock
  // Refreshes and flushes run one at a time so that a reload never interleaves with a write
  // whose outcome it would overwrite.
  private tail: Promise<unknown> = Promise.resolve()
  private cancelFlush: (() => void) | undefined
  private stopping: Promise<void> | undefined

  constructor(private readonly params: StartAuditParams) {
    this.options = auditOptionsWithDefaults(params.options)
    this.clock = params.clock ?? systemClock
  }

  refresh(signal?: AbortSignal): Promise<void> {
    return this.serialized(async () => {
      if (this.stopping) throw new Error('audit stopped')
      const targets = await this.params.store.loadAuditTargets(this.withLifetime(signal))
      if (this.stopping) return
      this.applyTargets(targets)
    })
  }

  expectConfigHash(name: string, configHash: string): void {
    const audit = this.subclouds.get(name)
    if (audit === undefined || this.stopping) return
    audit.expect(configHash)
  }

  snapshot(): SubcloudAuditSnapshot[] {
    return [...this.subclouds.values()]
      .map((audit): SubcloudAuditSnapshot => {
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
      })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  }

  stop(): Promise<void> {
    this.stopping ??= this.shutDown()
    return this.stopping
  }

  private async shutDown(): Promise<void> {
    this.cancelFlush?.()
    this.cancelFlush = undefined
    for (const audit of this.subclouds.values()) audit.close()
    await this.serialized(() => this.flush(AbortSignal.timeout(FINAL_FLUSH_TIMEOUT_MS))).catch(() => {})
    this.lifetime.abort(new Error('audit stopped'))
  }

  private withLifetime(signal: AbortSignal | undefined): AbortSignal {
    return signal ? AbortSignal.any([signal, this.lifetime.signal]) : this.lifetime.signal
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task)
    this.tail = run.catch(() => {})
    return run
  }

  private applyTargets(targets: readonly AuditTarget[]): void {
    const audited = new Map<string, AuditTarget>()
    for (const target of targets) if (isAudited(target)) audited.set(target.name, target)
    for (const [name, audit] of this.subclouds) {
      const target = audited.get(name)
      // A different id under the same name is a deleted and re-added subcloud: start afresh.
      if (target === undefined || target.subcloudId !== audit.target.subcloudId) this.drop(name, audit)
    }
    for (const [name, target] of audited) {
      const existing = this.subclouds.get(name)
      if (existing) {
        existing.retarget(target)
        continue
      }
      const audit = new SubcloudAudit(target, {
        channels: this.params.channels,
        clock: this.clock,
        options: this.options,
        onDirty: (a) => this.markDirty(a),
        onAvailabilityChanged: (a) =>
          this.emit({
            type: 'availability-changed',
            name: a.target.name,
            availability: a.live.availability,
            auditFailCount: a.live.auditFailCount,
          }),
        onStreamBroken: (a, error, reopenInMs) =>
          this.emit({ type: 'stream-broken', name: a.target.name, error, reopenInMs }),
      })
      this.subclouds.set(name, audit)
      audit.start()
      // Reconciles what was stored with what the audit derives (alarms of an unmanaged subcloud, ...).
      this.markDirty(audit)
    }
    const names = new Set(targets.map((t) => t.name))
    for (const name of [...this.channelNames]) {
      if (!names.has(name)) {
        this.params.channels.forget(name)
        this.channelNames.delete(name)
      }
    }
    for (const name of audited.keys()) this.channelNames.add(name)
  }

  private drop(name: string, audit: SubcloudAudit): void {
    audit.close()
    this.subclouds.delete(name)
    this.dirty.delete(audit)
  }

  private markDirty(audit: SubcloudAudit): void {
    if (this.stopping) return
    this.dirty.add(audit)
    if (this.cancelFlush !== undefined) return
    this.cancelFlush = this.clock.setTimer(this.options.flushIntervalMs, () => {
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
      for (const { audit } of planned)
        if (this.subclouds.get(audit.target.name) === audit) this.markDirty(audit)
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
 * await audit.refresh() // after subcloud add / manage / unmanage / delete
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
