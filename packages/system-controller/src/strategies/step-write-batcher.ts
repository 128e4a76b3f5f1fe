import { StepWriterClosedError } from '../errors.js'
import type { StrategyStore } from '../ports/strategy-store.js'
import { mergeStepUpdate } from './merge-step-updates.js'
import type { StepUpdate } from './network-strategy.js'

export interface StepWriteBatcherOptions {
  /** Subclouds per batch: a batch is written as soon as this many have an update queued. @default 500 */
  readonly maxBatch?: number
  /** A batch is written at most this long after its first update was queued. @default 10 */
  readonly flushIntervalMs?: number
}

/** One subcloud's queued update and the promise its writers wait on. */
interface Entry {
  update: StepUpdate
  readonly settled: Promise<void>
  readonly resolve: () => void
  readonly reject: (err: unknown) => void
}

function entryOf(update: StepUpdate): Entry {
  let resolve!: () => void
  let reject!: (err: unknown) => void
  const settled = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { update, settled, resolve, reject }
}

function positiveInteger(name: string, value: number, mayBeZero: boolean): number {
  if (!Number.isSafeInteger(value) || value < (mayBeZero ? 0 : 1)) {
    throw new TypeError(
      `step write batcher option ${name} must be a ${mayBeZero ? 'non-negative' : 'positive'} integer, got ${value}`,
    )
  }
  return value
}

/**
 * Gathers the strategy runner's step transitions into few large transactions: thousands of steps
 * moving at once would otherwise be thousands of commits. A batch goes out when `maxBatch`
 * subclouds have an update queued or `flushIntervalMs` after its first one; one batch is in
 * flight at a time, so a subcloud's updates reach the database in the order they were written.
 * Updates of one subcloud queued together are merged (the last state, every field given).
 */
export class StepWriteBatcher {
  readonly #store: Pick<StrategyStore, 'updateSteps'>
  readonly #maxBatch: number
  readonly #flushIntervalMs: number
  /** Queued, not yet in flight; one entry per subcloud, in the order they were first queued. */
  readonly #pending = new Map<string, Entry>()
  /** The batch being written; empty when none is. */
  #inFlight: readonly Entry[] = []
  /** The pending entries are to go out without waiting for more. */
  #due = false
  #timer: ReturnType<typeof setTimeout> | undefined
  #closed = false

  constructor(store: Pick<StrategyStore, 'updateSteps'>, options: StepWriteBatcherOptions = {}) {
    this.#store = store
    this.#maxBatch = positiveInteger('maxBatch', options.maxBatch ?? 500, false)
    this.#flushIntervalMs = positiveInteger('flushIntervalMs', options.flushIntervalMs ?? 10, true)
  }

  /**
   * Queue `update`; resolves once the batch holding it is committed, rejects with that batch's
   * failure, or with {@link StepWriterClosedError} after {@link close}.
   */
  write(update: StepUpdate): Promise<void> {
    if (this.#closed) return Promise.reject(new StepWriterClosedError(update.subcloudName))
    const queued = this.#pending.get(update.subcloudName)
    if (queued !== undefined) {
      queued.update = mergeStepUpdate(queued.update, update)
      return queued.settled
    }
    const entry = entryOf(update)
    this.#pending.set(update.subcloudName, entry)
    if (!this.#due && this.#timer === undefined) {
      this.#timer = setTimeout(() => {
        this.#timer = undefined
        this.#due = true
        this.#next()
      }, this.#flushIntervalMs)
    }
    this.#next()
    return entry.settled
  }

  /** Write everything queued now; resolves when it is committed, rejects if a batch of it failed. */
  async flush(): Promise<void> {
    const waits = [...this.#inFlight, ...this.#pending.values()].map((e) => e.settled)
    if (this.#pending.size > 0) {
      this.#due = true
      this.#stopTimer()
      this.#next()
    }
    await Promise.all(waits)
  }

  /** Refuse further writes and write what is queued ({@link flush}). */
  close(): Promise<void> {
    this.#closed = true
    return this.flush()
  }

  #stopTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer)
    this.#timer = undefined
  }

  /** Send the next batch if none is in flight and one is ready. */
  #next(): void {
    if (this.#inFlight.length > 0 || this.#pending.size === 0) return
    if (!this.#due && this.#pending.size < this.#maxBatch) return
    const batch: Entry[] = []
    for (const [name, entry] of this.#pending) {
      if (batch.length === this.#maxBatch) break
      batch.push(entry)
      this.#pending.delete(name)
    }
    if (this.#pending.size === 0) {
      this.#due = false
      this.#stopTimer()
    }
    this.#inFlight = batch
    void this.#write(batch)
  }

  async #write(batch: readonly Entry[]): Promise<void> {
    try {
      await this.#store.updateSteps(batch.map((e) => e.update))
      for (const entry of batch) entry.resolve()
    } catch (err) {
      for (const entry of batch) entry.reject(err)
    } finally {
      this.#inFlight = []
      this.#next()
    }
  }
}
