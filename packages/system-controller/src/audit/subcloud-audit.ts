import { status as grpcStatus } from '@grpc/grpc-js'
import type { ClientReadableStream } from '@grpc/grpc-js'
import type { WatchEvent__Output } from '@dc/protos'
import type { AuditOptionsWithDefaults } from './audit-options.js'
import type { AuditTarget } from './audit-store.js'
import { nextAvailability } from './availability.js'
import type { AuditOutcome } from './availability.js'
import type { Clock } from './clock.js'
import type { DeadlineQueue } from './deadline-queue.js'
import { persistedFromTarget } from './status-update.js'
import type { LiveStatus, PersistedStatus } from './status-update.js'
import type { WatchChannels } from './watch-channels.js'

/** Collaborators of one subcloud's audit. */
export interface SubcloudAuditDeps {
  readonly channels: WatchChannels
  readonly clock: Clock
  /** Every subcloud's miss deadline, on one timer; it calls {@link SubcloudAudit.missDue}. */
  readonly missDeadlines: DeadlineQueue<SubcloudAudit>
  readonly options: AuditOptionsWithDefaults
  /** The live status changed, or a coalesced value is due: the subcloud needs a flush. */
  readonly onDirty: (audit: SubcloudAudit) => void
  /** A message arrived (counted by the metrics). */
  readonly onHeartbeat: () => void
  readonly onAvailabilityChanged: (audit: SubcloudAudit) => void
  readonly onStreamBroken: (audit: SubcloudAudit, error: Error | undefined, reopenInMs: number) => void
  /** The agent at the address answered as another system (`''`: none bootstrapped) than deployed. */
  readonly onForeignAgent: (audit: SubcloudAudit, reportedSystemUuid: string) => void
}

/**
 * One subcloud's `Watch` stream, miss timer and live status. Every message is a success; one
 * heartbeat interval (plus grace) without any message is a miss, whether the stream is open but
 * silent, broken, or being re-opened.
 *
 * A stream that breaks is re-opened at once, then up to `quickReopenAttempts` times in all,
 * `quickReopenDelayMs` apart. If the agent is unreachable (UNAVAILABLE before any message) on
 * every attempt, the subcloud is `unreachable`: offline without waiting for the misses. Once the
 * quick attempts are spent, or after any other failure, re-opening backs off exponentially; an
 * offline subcloud is tried every `offlineReopenMs`.
 */
export class SubcloudAudit {
  target: AuditTarget
  persisted: PersistedStatus
  /**
   * The live status, except that a heartbeat only moves {@link heartbeatAt}: a new status object
   * per heartbeat would live until the next one and be promoted (see {@link live}).
   */
  private status: LiveStatus
  private heartbeatAt: number | undefined
  private call: ClientReadableStream<WatchEvent__Output> | undefined
  private reopenAttempts = 0
  /**
   * Refused quick attempts so far since the stream last broke, or undefined outside a quick
   * sequence (a message arrived, or the sequence ended in a verdict or an inconclusive failure).
   */
  private refusedQuickAttempts: number | undefined = 0
  private cancelReopen: (() => void) | undefined
  /** The miss deadline scheduled last; a call for any other is stale. */
  private missDueAt: number | undefined
  /** The zero-delay timer that judges a due miss after the sockets were read. */
  private cancelMissAfterReads: (() => void) | undefined
  private cancelSyncRecheck: (() => void) | undefined
  private lastAliveAt: number
  private closed = false
  /**
   * The system uuid last reported when it was not the deployed one: until a status with the
   * deployed identity, no message is a sign of this subcloud being alive, on any stream.
   */
  private foreignSystemUuid: string | undefined

  constructor(
    target: AuditTarget,
    private readonly deps: SubcloudAuditDeps,
  ) {
    this.target = target
    this.status = {
      availability: target.availability,
      auditFailCount: target.auditFailCount,
      reportedConfigHash: undefined,
      hostsConfigOutOfDate: [],
      lastHeartbeatAt: undefined,
      hashesChangedAt: 0,
    }
    this.persisted = persistedFromTarget(target)
    this.lastAliveAt = deps.clock.now()
  }

  /** What the audit knows from the agent, with the time of its last message. */
  get live(): LiveStatus {
    if (this.status.lastHeartbeatAt !== this.heartbeatAt) {
      this.status = { ...this.status, lastHeartbeatAt: this.heartbeatAt }
    }
    return this.status
  }

  private set live(next: LiveStatus) {
    this.status = next
    this.heartbeatAt = next.lastHeartbeatAt
  }

  get streaming(): boolean {
    return this.call !== undefined
  }

  start(): void {
    this.armMissTimer(this.missWindowMs())
    this.open()
  }

  /** Takes a reloaded target; a new primary address re-opens the stream on the new channel. */
  retarget(target: AuditTarget): void {
    const moved = target.primaryAddress !== this.target.primaryAddress
    const newHash = target.expectedConfigHash !== this.target.expectedConfigHash
    this.target = target
    if (newHash) this.hashesChanged()
    this.persisted = persistedFromTarget(target, this.persisted)
    if (moved && !this.closed) {
      this.closeStream()
      this.clearReopen()
      this.reopenAttempts = 0
      this.refusedQuickAttempts = 0
      this.open()
    }
    this.deps.onDirty(this)
  }

  /** The controller now expects `configHash` (it just pushed a change). */
  expect(configHash: string): void {
    if (configHash === this.target.expectedConfigHash) return
    this.target = { ...this.target, expectedConfigHash: configHash }
    this.hashesChanged()
    this.deps.onDirty(this)
  }

  /** Ends the stream and every timer; nothing fires afterwards. */
  close(): void {
    this.closed = true
    this.missDueAt = undefined
    this.cancelMissAfterReads?.()
    this.cancelMissAfterReads = undefined
    this.cancelSyncRecheck?.()
    this.cancelSyncRecheck = undefined
    this.clearReopen()
    this.closeStream()
  }

  private missWindowMs(): number {
    return this.deps.options.heartbeatIntervalMs + this.deps.options.missGraceMs
  }

  private open(): void {
    if (this.closed) return
    const { channels } = this.deps
    const { name, primaryAddress } = this.target
    const readiness = channels.readiness(name, primaryAddress)
    if (readiness === 'refused') {
      this.broken(REFUSED_BY_CHANNEL, false)
      return
    }
    // The stream waits on its channel rather than being called on it: a call to an agent that
    // turns out to be dead costs a call, an error and its stack trace, and in a site-wide outage
    // 10,000 of them at once were a fifth of the controller's work. The wait is a re-open in
    // progress: close() and retarget() end it as they end a re-open timer.
    if (readiness === 'connecting') {
      this.cancelReopen = channels.whenSettled(name, primaryAddress, () => {
        this.cancelReopen = undefined
        this.open()
      })
      return
    }
    let call: ClientReadableStream<WatchEvent__Output>
    try {
      call = channels
        .agent(name, primaryAddress)
        .Watch({ heartbeat_interval_ms: this.deps.options.heartbeatIntervalMs })
    } catch (error) {
      this.broken(error instanceof Error ? error : new Error(String(error)), false)
      return
    }
    this.call = call
    let delivered = false
    call.on('data', (event: WatchEvent__Output) => {
      if (this.call !== call) return
      delivered = true
      this.onMessage(event)
    })
    // grpc-js may report a failed stream with both 'error' and 'end': the identity check makes
    // the first one win and ignores everything from a stream already replaced or cancelled.
    call.on('error', (error: Error) => {
      if (this.call !== call) return
      this.call = undefined
      this.broken(error, delivered)
    })
    call.on('end', () => {
      if (this.call !== call) return
      this.call = undefined
      this.broken(undefined, delivered)
    })
  }

  private closeStream(): void {
    const call = this.call
    this.call = undefined
    call?.cancel()
  }

  private clearReopen(): void {
    this.cancelReopen?.()
    this.cancelReopen = undefined
  }

  /** `delivered`: the call had brought at least one message, so it was a working stream. */
  private broken(error: Error | undefined, delivered: boolean): void {
    if (this.closed) return
    this.clearReopen()
    if (delivered) {
      this.refusedQuickAttempts = 0
      this.reopenIn(0, error)
      return
    }
    const { quickReopenAttempts, quickReopenDelayMs } = this.deps.options
    if (this.refusedQuickAttempts !== undefined && isUnreachable(error)) {
      this.refusedQuickAttempts += 1
      if (this.refusedQuickAttempts < quickReopenAttempts) {
        this.reopenIn(quickReopenDelayMs, error)
        return
      }
      this.refusedQuickAttempts = undefined
      this.record('unreachable', this.live)
    } else {
      // Another failure (the agent answered with an error, or the stream ended cleanly) proves
      // nothing about reachability: the misses decide.
      this.refusedQuickAttempts = undefined
    }
    const { reopenBackoffMs, maxReopenBackoffMs, reopenJitterPercent, offlineReopenMs } = this.deps.options
    const backoffMs =
      this.status.availability === 'offline'
        ? offlineReopenMs
        : Math.min(reopenBackoffMs * 2 ** Math.min(this.reopenAttempts, 30), maxReopenBackoffMs)
    const delayMs = Math.round(backoffMs * (1 - (Math.random() * reopenJitterPercent) / 100))
    this.reopenAttempts += 1
    this.reopenIn(delayMs, error)
  }

  private reopenIn(delayMs: number, error: Error | undefined): void {
    this.cancelReopen = this.deps.clock.setTimer(delayMs, () => {
      this.cancelReopen = undefined
      this.open()
    })
    this.deps.onStreamBroken(this, error, delayMs)
  }

  private onMessage(event: WatchEvent__Output): void {
    if (event.event === 'status' && event.status) {
      const expected = this.target.agentSystemUuid
      const reported = event.status.system_uuid
      if (expected !== undefined && reported !== expected) {
        const first = this.foreignSystemUuid !== reported
        this.foreignSystemUuid = reported
        if (first) this.deps.onForeignAgent(this, reported)
        this.record('unreachable', this.live)
        return
      }
      this.foreignSystemUuid = undefined
    }
    if (this.foreignSystemUuid !== undefined) return
    this.deps.onHeartbeat()
    const now = this.deps.clock.now()
    this.lastAliveAt = now
    this.reopenAttempts = 0
    this.refusedQuickAttempts = undefined
    // The steady case, a heartbeat of an online subcloud, changes no verdict: only the slow write
    // may be due. It allocates nothing that outlives the message.
    if (
      event.event !== 'status' &&
      this.status.availability === 'online' &&
      this.status.auditFailCount === 0
    ) {
      this.heartbeatAt = now
      if (now - this.persisted.slowWrittenAt >= this.deps.options.slowWriteIntervalMs) this.deps.onDirty(this)
      return
    }
    let live: LiveStatus = { ...this.live, lastHeartbeatAt: now }
    if (event.event === 'status' && event.status) {
      live = {
        ...live,
        reportedConfigHash: event.status.config_hash,
        hostsConfigOutOfDate: event.status.hosts.filter((h) => !h.config_up_to_date).map((h) => h.hostname),
      }
    }
    const newHash = live.reportedConfigHash !== this.live.reportedConfigHash
    this.record('success', live)
    if (newHash) this.hashesChanged()
  }

  // A mismatch is only judged once it has lasted the grace period, so the audit looks again then.
  private hashesChanged(): void {
    this.live = { ...this.live, hashesChangedAt: this.deps.clock.now() }
    this.cancelSyncRecheck?.()
    this.cancelSyncRecheck = this.deps.clock.setTimer(this.deps.options.outOfSyncGraceMs, () => {
      this.cancelSyncRecheck = undefined
      this.deps.onDirty(this)
    })
  }

  private armMissTimer(delayMs: number): void {
    this.missDueAt = this.deps.clock.now() + delayMs
    this.deps.missDeadlines.schedule(this, this.missDueAt)
  }

  /** The deadline queue's call: `dueAt` has passed. */
  missDue(dueAt: number): void {
    if (dueAt !== this.missDueAt) return
    this.missDueAt = undefined
    this.checkMiss(false)
  }

  // One deadline per subcloud that is set again for the rest of the window when it falls due,
  // rather than moved on every heartbeat.
  private checkMiss(afterReads: boolean): void {
    if (this.closed) return
    const window = this.missWindowMs()
    const elapsed = this.deps.clock.now() - this.lastAliveAt
    if (elapsed < window) {
      this.armMissTimer(window - elapsed)
      return
    }
    // Node runs the timers that fell due while its event loop was blocked before it reads the
    // sockets, so a heartbeat that arrived meanwhile is not seen yet: after a stall of the
    // controller, every due subcloud would count a miss it did not have. A zero-delay timer runs
    // after that read, and the miss is judged then. An offline subcloud's miss only raises a count
    // written with the slow values, so it is not worth a second timer across a dead fleet.
    if (!afterReads && this.status.availability !== 'offline') {
      this.cancelMissAfterReads = this.deps.clock.setTimer(0, () => {
        this.cancelMissAfterReads = undefined
        this.checkMiss(true)
      })
      return
    }
    this.lastAliveAt = this.deps.clock.now()
    this.armMissTimer(window)
    this.record('miss', this.live)
    // A stream that is open yet silent for a whole verdict may be wedged on the agent's side; a
    // fresh call on the same channel costs nothing and recovers from that.
    if (this.call !== undefined && this.live.auditFailCount % this.deps.options.offlineAfterMisses === 0) {
      this.closeStream()
      this.open()
    }
  }

  private record(outcome: AuditOutcome, base: LiveStatus): void {
    const before = this.live
    // The config hash and host states survive going offline: sync already reads `unknown` then, and
    // a stream that comes back without being re-opened still carries the latest status.
    this.live = { ...base, ...nextAvailability(before, outcome, this.deps.options.offlineAfterMisses) }
    if (this.live.availability !== before.availability) this.deps.onAvailabilityChanged(this)
    if (this.isDirty(before)) this.deps.onDirty(this)
  }

  private isDirty(before: LiveStatus): boolean {
    const live = this.live
    // Past the threshold the count only grows with each miss of an offline subcloud: a slow value.
    const countLeadsToVerdict =
      live.auditFailCount !== before.auditFailCount &&
      Math.min(live.auditFailCount, before.auditFailCount) < this.deps.options.offlineAfterMisses
    if (
      live.availability !== before.availability ||
      countLeadsToVerdict ||
      live.reportedConfigHash !== before.reportedConfigHash ||
      !sameHosts(live.hostsConfigOutOfDate, before.hostsConfigOutOfDate)
    ) {
      return true
    }
    return this.deps.clock.now() - this.persisted.slowWrittenAt >= this.deps.options.slowWriteIntervalMs
  }
}

// Runs on every heartbeat: a heartbeat keeps the very array of the last status, so no copy is made.
function sameHosts(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((host, i) => host === b[i]))
}

/** What a call on a channel whose connection was refused would end with, without making it. */
const REFUSED_BY_CHANNEL: Error = Object.assign(new Error('the channel is in transient failure'), {
  code: grpcStatus.UNAVAILABLE,
})

/** grpc-js reports a refused, reset or unroutable connection as UNAVAILABLE before any message. */
function isUnreachable(error: Error | undefined): boolean {
  return (error as { code?: unknown } | undefined)?.code === grpcStatus.UNAVAILABLE
}
