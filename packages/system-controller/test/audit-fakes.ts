// Test doubles for the audit: a manual clock, an in-memory AuditStore and a channel pool whose
// Watch streams the test drives by hand.
import { Readable } from 'node:stream'
import { status as grpcStatus } from '@grpc/grpc-js'
import type { ClientReadableStream, ServiceError } from '@grpc/grpc-js'
import type { WatchEvent__Output, WatchRequest } from '@dc/protos'
import type {
  AlarmKey,
  AlarmRaise,
  AuditStore,
  AuditTarget,
  ChannelReadiness,
  SubcloudStatusUpdate,
  WatchChannels,
} from '../src/audit/index.js'
import { sleepWith } from '../src/audit/index.js'
import type { Clock } from '../src/audit/index.js'

interface FakeTimer {
  readonly at: number
  readonly seq: number
  readonly fn: () => void
}

/** Far more timers than an audit test fires within one {@link FakeClock.advance} (ten at most). */
const MAX_TIMERS_PER_ADVANCE = 10_000

/** A clock that moves only when told to, firing due timers in time order. */
export class FakeClock implements Clock {
  private time = 1_700_000_000_000
  private seq = 0
  private timers: FakeTimer[] = []

  now(): number {
    return this.time
  }

  setTimer(delayMs: number, fn: () => void): () => void {
    const timer: FakeTimer = { at: this.time + Math.max(0, delayMs), seq: this.seq++, fn }
    this.timers.push(timer)
    return () => {
      this.timers = this.timers.filter((t) => t !== timer)
    }
  }

  sleep(delayMs: number, signal?: AbortSignal): Promise<void> {
    return sleepWith((ms, fn) => this.setTimer(ms, fn), delayMs, signal)
  }

  /** Timers not yet fired. */
  get pending(): number {
    return this.timers.length
  }

  /**
   * Moves time forward by `ms`, firing every timer that falls due on the way, and lets promise
   * callbacks (store writes) settle after each one.
   */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms
    for (let fired = 0; ; fired++) {
      // A timer that keeps setting another due at once would spin here forever.
      if (fired === MAX_TIMERS_PER_ADVANCE) {
        throw new Error(
          `advance(${ms}) fired ${fired} timers and more are due: a timer loop that lets no time pass?`,
        )
      }
      const next = [...this.timers].sort((a, b) => a.at - b.at || a.seq - b.seq)[0]
      if (next === undefined || next.at > end) break
      this.timers = this.timers.filter((t) => t !== next)
      this.time = next.at
      next.fn()
      await settle()
    }
    this.time = end
    await settle()
  }
}

/** Lets queued promise callbacks and I/O callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve))
}

/** A stored subcloud row plus its active alarms, as the kysely adapter would keep them. */
export interface StoredSubcloud {
  target: AuditTarget
  lastHeartbeatAt: Date | undefined
}

/** An AuditStore in memory, counting its calls. */
export class FakeAuditStore implements AuditStore {
  readonly rows = new Map<number, StoredSubcloud>()
  readonly alarms = new Map<string, AlarmRaise>()
  readonly batches: (readonly SubcloudStatusUpdate[])[] = []
  loads = 0
  /** What each load asked for: every subcloud, or these ids. */
  readonly loadedIds: ('all' | number[])[] = []
  failWrites = false

  add(target: Partial<AuditTarget> & Pick<AuditTarget, 'subcloudId' | 'name'>): AuditTarget {
    const full: AuditTarget = {
      region: `region-${target.name}`,
      primaryAddress: `[fd00::${target.subcloudId}]:50051`,
      managementState: 'managed',
      deployStatus: 'complete',
      availability: 'offline',
      auditFailCount: 0,
      endpoints: { platform: 'unknown' },
      expectedConfigHash: 'hash-A',
      agentSystemUuid: 'sys',
      activeAlarms: [],
      ...target,
    }
    this.rows.set(full.subcloudId, { target: full, lastHeartbeatAt: undefined })
    return full
  }

  update(subcloudId: number, change: Partial<AuditTarget>): void {
    const row = this.rows.get(subcloudId)
    if (row === undefined) throw new Error(`no subcloud ${subcloudId}`)
    row.target = { ...row.target, ...change }
  }

  row(name: string): StoredSubcloud {
    const row = [...this.rows.values()].find((r) => r.target.name === name)
    if (row === undefined) throw new Error(`no subcloud ${name}`)
    return row
  }

  /** Active alarms as `<region> <id> <entity>` lines, sorted. */
  alarmLines(): string[] {
    return [...this.alarms.values()].map((a) => `${a.region} ${a.alarmId} ${a.entityInstanceId}`).sort()
  }

  loadAuditTargets(_signal: AbortSignal, subcloudIds?: readonly number[]): Promise<AuditTarget[]> {
    this.loads += 1
    this.loadedIds.push(subcloudIds === undefined ? 'all' : [...subcloudIds])
    return Promise.resolve(
      [...this.rows.values()]
        .filter(({ target }) => subcloudIds === undefined || subcloudIds.includes(target.subcloudId))
        .map(({ target }) => ({
          ...target,
          activeAlarms: [...this.alarms.values()]
            .filter(
              (a) => a.entityInstanceId.startsWith(`subcloud=${target.name}`) || a.region === target.region,
            )
            .map(({ alarmId, region, entityInstanceId }): AlarmKey => ({
              alarmId,
              region,
              entityInstanceId,
            })),
        })),
    )
  }

  writeStatusBatch(updates: readonly SubcloudStatusUpdate[]): Promise<void> {
    if (this.failWrites) return Promise.reject(new Error('database is down'))
    this.batches.push(updates)
    for (const u of updates) {
      const row = this.rows.get(u.subcloudId)
      if (row === undefined) continue
      const endpoints = { ...row.target.endpoints }
      for (const [endpoint, status] of Object.entries(u.endpoints ?? {})) {
        if (status === 'in-sync' && row.target.managementState !== 'managed') continue
        endpoints[endpoint as keyof typeof endpoints] = status
      }
      row.target = {
        ...row.target,
        ...(u.availability !== undefined ? { availability: u.availability } : {}),
        ...(u.auditFailCount !== undefined ? { auditFailCount: u.auditFailCount } : {}),
        endpoints,
      }
      if (u.lastHeartbeatAt !== undefined) row.lastHeartbeatAt = u.lastHeartbeatAt
      for (const a of u.clearAlarms) this.alarms.delete(alarmKey(a))
      for (const a of u.raiseAlarms) this.alarms.set(alarmKey(a), a)
    }
    return Promise.resolve()
  }
}

function alarmKey(a: AlarmKey): string {
  return `${a.region}|${a.alarmId}|${a.entityInstanceId}`
}

/** A Watch stream the test feeds: `push` events, `fail` with a status, or see it cancelled. */
export class FakeWatchCall extends Readable {
  cancelled = false
  failed = false

  constructor(
    readonly name: string,
    readonly address: string,
    readonly request: WatchRequest,
  ) {
    super({ objectMode: true, read() {} })
  }

  cancel(): void {
    if (this.cancelled) return
    this.cancelled = true
    this.fail(grpcStatus.CANCELLED, 'Cancelled on client')
  }

  heartbeat(): void {
    this.push({ event: 'heartbeat', heartbeat: { sequence: '1', generation: '1', sent_at_unix_ms: '0' } })
  }

  status(configHash: string, hostsOutOfDate: readonly string[] = [], systemUuid = 'sys'): void {
    const event: WatchEvent__Output = {
      event: 'status',
      status: {
        bootstrapped: true,
        generation: '1',
        config_hash: configHash,
        epoch: '1',
        controller_id: 'c',
        software_version: '25.09',
        alarms: null,
        hosts: ['controller-0', 'controller-1'].map((hostname, i) => ({
          id: i + 1,
          uuid: `u${i}`,
          hostname,
          personality: 'controller',
          administrative: 'unlocked',
          operational: 'enabled',
          availability: 'available',
          active: i === 0,
          config_up_to_date: !hostsOutOfDate.includes(hostname),
        })),
        system_uuid: systemUuid,
        system_name: this.name,
      },
    }
    this.push(event)
  }

  fail(code: grpcStatus, details: string): void {
    this.failed = true
    const error = Object.assign(new Error(`${code} ${details}`), { code, details }) as ServiceError
    this.emit('error', error)
  }
}

/** A WatchChannels whose streams are FakeWatchCalls; `refuse` and `failWith` make new streams fail at once. */
export class FakeChannels implements WatchChannels {
  readonly calls: FakeWatchCall[] = []
  readonly forgotten: string[] = []
  refuse = new Set<string>()
  /** New streams of these names fail at once with this status code, as an agent refusing them. */
  readonly failWith = new Map<string, grpcStatus>()

  agent(
    name: string,
    primaryAddress: string,
  ): { Watch(request: WatchRequest): ClientReadableStream<WatchEvent__Output> } {
    return {
      Watch: (request) => {
        const call = new FakeWatchCall(name, primaryAddress, request)
        this.calls.push(call)
        if (this.refuse.has(name)) {
          // grpc-js reports a refused connection asynchronously, as UNAVAILABLE.
          setImmediate(() => call.fail(grpcStatus.UNAVAILABLE, 'connect ECONNREFUSED'))
        }
        const code = this.failWith.get(name)
        if (code !== undefined) setImmediate(() => call.fail(code, 'refused by the agent'))
        return call as unknown as ClientReadableStream<WatchEvent__Output>
      },
    }
  }

  forget(name: string): void {
    this.forgotten.push(name)
  }

  /** Names whose channel reports transient failure: the audit makes no call to them. */
  readonly failingFast = new Set<string>()
  /** Names whose channel is connecting: the audit waits for {@link settle} before calling. */
  readonly connecting = new Set<string>()
  readonly #settleWaiters = new Map<string, Set<() => void>>()

  readiness(name: string): ChannelReadiness {
    if (this.failingFast.has(name)) return 'refused'
    return this.connecting.has(name) ? 'connecting' : 'ready'
  }

  whenSettled(name: string, _primaryAddress: string, settled: () => void): () => void {
    if (!this.connecting.has(name)) {
      settled()
      return () => {}
    }
    const waiters = this.#settleWaiters.get(name) ?? new Set<() => void>()
    this.#settleWaiters.set(name, waiters)
    waiters.add(settled)
    return () => waiters.delete(settled)
  }

  /** The channel of `name` stops connecting: refused when `refused`, else ready. */
  settle(name: string, outcome: 'ready' | 'refused'): void {
    this.connecting.delete(name)
    if (outcome === 'refused') this.failingFast.add(name)
    const waiters = [...(this.#settleWaiters.get(name) ?? [])]
    this.#settleWaiters.delete(name)
    for (const settled of waiters) settled()
  }

  /** Audits waiting for the channel of `name` to settle. */
  waiting(name: string): number {
    return this.#settleWaiters.get(name)?.size ?? 0
  }

  /** The newest stream of `name`. */
  last(name: string): FakeWatchCall {
    const call = this.calls.filter((c) => c.name === name).at(-1)
    if (call === undefined) throw new Error(`no Watch call for ${name}`)
    return call
  }

  /** Streams of `name` neither cancelled nor failed. */
  open(name: string): FakeWatchCall[] {
    return this.calls.filter((c) => c.name === name && !c.failed)
  }
}
