import { systemClock } from '../audit/index.js'
import type { Clock } from '../audit/index.js'
import type { SubcloudStore } from '../ports/subcloud-store.js'
import type { Subcloud } from '../subclouds/subcloud.js'

/** Names asked for in one tick at most; a larger batch waits for the next. */
const MAX_NAMES_PER_QUERY = 1000

/**
 * How old a read made ahead may be when its step asks for it; an older one is read again. A
 * pre-check then sees its subcloud as it was at most this long before the step started, a window
 * of the same kind as the one between any pre-check and the Apply that follows it.
 */
export const READ_AHEAD_MAX_AGE_MS = 1_000

interface Pending {
  readonly resolve: (found: Subcloud | undefined) => void
  readonly reject: (err: unknown) => void
}

interface ReadAhead {
  readonly askedAtMs: number
  /** The subclouds found by name; undefined when the read failed (the step reads again). */
  readonly found: Promise<ReadonlyMap<string, Subcloud> | undefined>
}

/**
 * Finds subclouds by name for the steps of a strategy, answering every lookup asked for in the
 * same tick with one query: hundreds of steps starting together make one read, not hundreds,
 * which would queue behind each other in the connection pool and stretch every step. The runner
 * also reads the steps about to start ahead of them ({@link readAhead}), so that a pre-check
 * finds its subcloud already read instead of waiting for a query of its own.
 */
export class SubcloudLookup {
  readonly #store: Pick<SubcloudStore, 'findByNames'>
  readonly #clock: Pick<Clock, 'now'>
  #pending = new Map<string, Pending[]>()
  #scheduled = false
  readonly #ahead = new Map<string, ReadAhead>()

  constructor(store: Pick<SubcloudStore, 'findByNames'>, clock: Pick<Clock, 'now'> = systemClock) {
    this.#store = store
    this.#clock = clock
  }

  /**
   * Read `names` now, in one query, for lookups to come (at most {@link MAX_NAMES_PER_QUERY}; the
   * rest are left to their own lookups). Reads ahead that nobody used in time are dropped.
   */
  readAhead(names: readonly string[]): void {
    const askedAtMs = this.#clock.now()
    for (const [name, ahead] of this.#ahead) if (this.#expired(ahead, askedAtMs)) this.#ahead.delete(name)
    const batch = names.slice(0, MAX_NAMES_PER_QUERY)
    if (batch.length === 0) return
    const found = this.#store.findByNames(batch).then(
      (rows) => new Map(rows.map((s) => [s.name, s])),
      () => undefined,
    )
    for (const name of batch) this.#ahead.set(name, { askedAtMs, found })
  }

  /** The subcloud named exactly `name`, as stored now (or read ahead within the age limit). */
  async find(name: string): Promise<Subcloud | undefined> {
    const ahead = this.#ahead.get(name)
    if (ahead !== undefined) {
      this.#ahead.delete(name)
      if (!this.#expired(ahead, this.#clock.now())) {
        const found = await ahead.found
        if (found !== undefined) return found.get(name)
      }
    }
    return this.#findNow(name)
  }

  #expired(ahead: ReadAhead, nowMs: number): boolean {
    return nowMs - ahead.askedAtMs > READ_AHEAD_MAX_AGE_MS
  }

  #findNow(name: string): Promise<Subcloud | undefined> {
    return new Promise((resolve, reject) => {
      const waiting = this.#pending.get(name)
      if (waiting === undefined) this.#pending.set(name, [{ resolve, reject }])
      else waiting.push({ resolve, reject })
      if (this.#scheduled) return
      this.#scheduled = true
      setImmediate(() => this.#query())
    })
  }

  #query(): void {
    this.#scheduled = false
    const names = [...this.#pending.keys()].slice(0, MAX_NAMES_PER_QUERY)
    const batch = new Map(names.map((name) => [name, this.#pending.get(name) ?? []]))
    for (const name of names) this.#pending.delete(name)
    if (this.#pending.size > 0) {
      this.#scheduled = true
      setImmediate(() => this.#query())
    }
    this.#store.findByNames(names).then(
      (found) => {
        const byName = new Map(found.map((s) => [s.name, s]))
        for (const [name, waiting] of batch) for (const w of waiting) w.resolve(byName.get(name))
      },
      (err: unknown) => {
        for (const waiting of batch.values()) for (const w of waiting) w.reject(err)
      },
    )
  }
}
