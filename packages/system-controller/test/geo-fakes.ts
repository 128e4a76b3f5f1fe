// Test doubles for geo-redundancy: an in-memory NATS (subjects with wildcards, streams with durable
// consumers, a KV bucket with revisions, per-client publish permissions) and agents that fence by
// epoch the way dc-agent does.
import { status as grpcStatus } from '@grpc/grpc-js'
import type { ServiceError } from '@grpc/grpc-js'
import type { AgentClient } from '@dc/protos'
import { waitFor } from '@dc/test-support'
import type { BusSubscription, ConsumeOptions, KvEntry, PeerBus } from '../src/geo/peer-bus.js'

/** NATS subject matching: `*` one token, `>` the rest. */
export function subjectMatches(pattern: string, subject: string): boolean {
  const p = pattern.split('.')
  const s = subject.split('.')
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '>') return s.length > i
    if (i >= s.length || (p[i] !== '*' && p[i] !== s[i])) return false
  }
  return p.length === s.length
}

interface StoredMessage {
  readonly seq: number
  readonly subject: string
  readonly data: Uint8Array
}

interface Stream {
  subjects: readonly string[]
  readonly messages: StoredMessage[]
  seq: number
  readonly wake: Set<() => void>
}

/** One in-memory NATS server shared by the fake clients of a test. */
export class FakeNats {
  readonly #subs = new Set<{ pattern: string; fn: (data: Uint8Array) => void }>()
  readonly #streams = new Map<string, Stream>()
  readonly #ackFloors = new Map<string, number>()
  readonly #kv = new Map<string, KvEntry>()
  readonly #watchers = new Set<(key: string, entry: KvEntry) => void>()
  #revision = 0
  /** Every publish refused by permissions, as `<client>: <subject>`. */
  readonly refused: string[] = []
  /**
   * Clients cut off from a replicated bucket's majority: their KV writes fail (reads are still
   * served, as a replica's direct get is).
   */
  readonly minority = new Set<string>()
  /**
   * Clients whose KV writes go unanswered, as on a real partition before the request times out:
   * they settle (refused) only once the client leaves the set and {@link answerHungWrites} runs.
   */
  readonly unanswered = new Set<string>()
  readonly #hung: (() => void)[] = []

  /** A write of `client` that waits while it is unanswered, then goes through `write`. */
  hold<T>(client: string, write: () => Promise<T>): Promise<T> {
    if (!this.unanswered.has(client)) return write()
    return new Promise<T>((_, reject) => this.#hung.push(() => reject(new Error('timeout'))))
  }

  /** Every write left hanging fails now, as its request timing out would. */
  answerHungWrites(): void {
    for (const fail of this.#hung.splice(0)) fail()
  }

  /** A client that may publish only on subjects matching `allow` (all when absent). */
  client(name: string, allow?: readonly string[]): PeerBus {
    return new FakeBus(this, name, allow)
  }

  check(client: string, subject: string, allow: readonly string[] | undefined): void {
    if (allow === undefined || allow.some((a) => subjectMatches(a, subject))) return
    this.refused.push(`${client}: ${subject}`)
    throw new Error(`Permissions Violation for Publish to "${subject}"`)
  }

  deliver(subject: string, data: Uint8Array): void {
    for (const sub of [...this.#subs]) {
      if (subjectMatches(sub.pattern, subject)) setImmediate(() => sub.fn(data))
    }
  }

  subscribe(pattern: string, fn: (data: Uint8Array) => void): () => void {
    const sub = { pattern, fn }
    this.#subs.add(sub)
    return () => this.#subs.delete(sub)
  }

  ensureStream(name: string, subjects: readonly string[]): void {
    const existing = this.#streams.get(name)
    if (existing !== undefined) existing.subjects = subjects
    else this.#streams.set(name, { subjects, messages: [], seq: 0, wake: new Set() })
  }

  streamPublish(subject: string, data: Uint8Array): number {
    const stream = [...this.#streams.values()].find((s) => s.subjects.some((p) => subjectMatches(p, subject)))
    if (stream === undefined) throw new Error(`no stream for ${subject}`)
    stream.seq += 1
    stream.messages.push({ seq: stream.seq, subject, data })
    for (const wake of [...stream.wake]) wake()
    return stream.seq
  }

  /** Messages a stream holds, for assertions. */
  streamMessages(name: string): readonly StoredMessage[] {
    return this.#streams.get(name)?.messages ?? []
  }

  consume(options: ConsumeOptions): BusSubscription {
    let stopped = false
    let wake: (() => void) | undefined
    const key = `${options.stream}/${options.durable}`
    const pump = async (): Promise<void> => {
      while (!stopped) {
        const stream = this.#streams.get(options.stream)
        const floor = this.#ackFloors.get(key) ?? 0
        const next = stream?.messages.find(
          (m) => m.seq > floor && subjectMatches(options.filterSubject, m.subject),
        )
        if (stream === undefined || next === undefined) {
          await new Promise<void>((resolve) => {
            wake = resolve
            stream?.wake.add(resolve)
            if (stream === undefined) setTimeout(resolve, 20)
          })
          if (wake !== undefined) stream?.wake.delete(wake)
          continue
        }
        try {
          await options.onMessage({ subject: next.subject, seq: next.seq, data: next.data })
          if (!stopped) this.#ackFloors.set(key, next.seq)
        } catch (err) {
          options.onError(err)
          await new Promise((resolve) => setTimeout(resolve, 20))
        }
      }
    }
    void pump()
    return {
      stop: () => {
        stopped = true
        wake?.()
      },
    }
  }

  kvGet(key: string): KvEntry | undefined {
    return this.#kv.get(key)
  }

  kvWrite(key: string, value: Uint8Array, expected: number | 'absent'): number | 'exists' | 'conflict' {
    const current = this.#kv.get(key)
    if (expected === 'absent' && current !== undefined) return 'exists'
    if (expected !== 'absent' && current?.revision !== expected) return 'conflict'
    this.#revision += 1
    const entry = { value, revision: this.#revision }
    this.#kv.set(key, entry)
    for (const w of [...this.#watchers]) setImmediate(() => w(key, entry))
    return this.#revision
  }

  kvWatch(fn: (key: string, entry: KvEntry) => void): () => void {
    for (const [key, entry] of this.#kv) setImmediate(() => fn(key, entry))
    this.#watchers.add(fn)
    return () => this.#watchers.delete(fn)
  }
}

class FakeBus implements PeerBus {
  readonly #server: FakeNats
  readonly #name: string
  readonly #allow: readonly string[] | undefined
  readonly #stops = new Set<() => void>()
  #closed = false

  constructor(server: FakeNats, name: string, allow: readonly string[] | undefined) {
    this.#server = server
    this.#name = name
    this.#allow = allow
  }

  #open(): void {
    if (this.#closed) throw new Error('connection closed')
  }

  publish(subject: string, data: Uint8Array): Promise<void> {
    try {
      this.#open()
      this.#server.check(this.#name, subject, this.#allow)
      this.#server.deliver(subject, data)
      return Promise.resolve()
    } catch (err) {
      return Promise.reject(err as Error)
    }
  }

  subscribe(subject: string, onMessage: (data: Uint8Array) => void): BusSubscription {
    const stop = this.#server.subscribe(subject, (data) => {
      if (!this.#closed) onMessage(data)
    })
    this.#stops.add(stop)
    return { stop }
  }

  ensureStream(name: string, subjects: readonly string[]): Promise<void> {
    this.#server.ensureStream(name, subjects)
    return Promise.resolve()
  }

  streamPublish(subject: string, data: Uint8Array): Promise<number> {
    try {
      this.#open()
      this.#server.check(this.#name, subject, this.#allow)
      return Promise.resolve(this.#server.streamPublish(subject, data))
    } catch (err) {
      return Promise.reject(err as Error)
    }
  }

  consume(options: ConsumeOptions): BusSubscription {
    const sub = this.#server.consume(options)
    this.#stops.add(() => sub.stop())
    return sub
  }

  kvGet(key: string): Promise<KvEntry | undefined> {
    return Promise.resolve(this.#server.kvGet(key))
  }

  kvCreate(key: string, value: Uint8Array): Promise<number | 'exists'> {
    return this.#server.hold(this.#name, () => {
      if (this.#server.minority.has(this.#name)) return Promise.reject(new Error('no JetStream quorum'))
      return Promise.resolve(this.#server.kvWrite(key, value, 'absent') as number | 'exists')
    })
  }

  kvUpdate(key: string, value: Uint8Array, revision: number): Promise<number | 'conflict'> {
    return this.#server.hold(this.#name, () => {
      if (this.#server.minority.has(this.#name)) return Promise.reject(new Error('no JetStream quorum'))
      return Promise.resolve(this.#server.kvWrite(key, value, revision) as number | 'conflict')
    })
  }

  kvWatch(onChange: (key: string, entry: KvEntry) => void): BusSubscription {
    const stop = this.#server.kvWatch(onChange)
    this.#stops.add(stop)
    return { stop }
  }

  close(): Promise<void> {
    this.#closed = true
    for (const stop of this.#stops) stop()
    return Promise.resolve()
  }
}

/** What a fake agent holds: the fencing epoch and its holder. */
export interface FakeAgentState {
  epoch: bigint
  controllerId: string
  readonly configHash: string
  claims: number
}

function refusal(message: string): ServiceError {
  return Object.assign(new Error(message), {
    code: grpcStatus.FAILED_PRECONDITION,
    details: message,
    metadata: undefined as never,
  })
}

/**
 * Agents by address with dc-agent's fencing rule (a lower epoch, or the same epoch from another
 * controller, is refused), answering `Claim` and `Describe`: the channel pool of both controllers.
 */
export class FakeAgents {
  readonly agents = new Map<string, FakeAgentState>()

  add(address: string, configHash = `hash-${address}`): FakeAgentState {
    const state: FakeAgentState = { epoch: 0n, controllerId: '', configHash, claims: 0 }
    this.agents.set(address, state)
    return state
  }

  /** Claim as dc-agent decides it: the state after, or a FAILED_PRECONDITION error. */
  claim(address: string, epoch: bigint, controllerId: string): FakeAgentState | ServiceError {
    const state = this.agents.get(address)
    if (state === undefined)
      return Object.assign(refusal(`no agent at ${address}`), { code: grpcStatus.UNAVAILABLE })
    if (epoch < state.epoch || (epoch === state.epoch && controllerId !== state.controllerId)) {
      return refusal(`epoch ${epoch} of ${controllerId} is stale: ${state.controllerId} holds ${state.epoch}`)
    }
    state.epoch = epoch
    state.controllerId = controllerId
    state.claims += 1
    return state
  }

  /** A channel pool over these agents. */
  channels(): { agent(name: string, address: string): AgentClient } {
    return {
      agent: (_name, address) =>
        ({
          Claim: (
            req: { epoch: string; controller_id: string },
            _md: unknown,
            _opts: unknown,
            cb: (e: ServiceError | null, r?: unknown) => void,
          ) => {
            const result = this.claim(address, BigInt(req.epoch), req.controller_id)
            setImmediate(() =>
              result instanceof Error
                ? cb(result)
                : cb(null, { epoch: String(result.epoch), controller_id: result.controllerId }),
            )
            return { cancel: () => undefined }
          },
          Describe: (
            _req: unknown,
            _md: unknown,
            _opts: unknown,
            cb: (e: ServiceError | null, r?: unknown) => void,
          ) => {
            const state = this.agents.get(address)
            setImmediate(() =>
              state === undefined
                ? cb(Object.assign(refusal(`no agent at ${address}`), { code: grpcStatus.UNAVAILABLE }))
                : cb(null, {
                    bootstrapped: true,
                    system: { uuid: `system-at-${address}` },
                    config_hash: state.configHash,
                    generation: '1',
                    alarms: [],
                    networks: [],
                    address_pools: [],
                  }),
            )
            return { cancel: () => undefined }
          },
        }) as unknown as AgentClient,
    }
  }
}

/** Polls `check` until it returns a value other than undefined (or false); fails after `timeoutMs`. */
export async function until<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  // Boxed, so that a found value that is falsy (0, '') still ends the wait.
  const found = await waitFor(
    async () => {
      const value = await check()
      return value === undefined || value === false ? undefined : { value }
    },
    { timeoutMs, intervalMs: 20, message: what },
  )
  return found.value
}

/** Expects `run` to reject with a message matching `pattern`; returns the error. */
export async function rejects(run: () => Promise<unknown>, pattern: RegExp): Promise<Error> {
  try {
    await run()
  } catch (err) {
    if (!(err instanceof Error) || !pattern.test(err.message)) {
      throw new Error(`expected a rejection matching ${pattern}, got ${String(err)}`, { cause: err })
    }
    return err
  }
  throw new Error(`expected a rejection matching ${pattern}, but it resolved`)
}
