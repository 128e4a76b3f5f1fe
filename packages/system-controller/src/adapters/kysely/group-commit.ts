/**
 * Runs one set-based statement for many callers: the items submitted while the previous statement
 * is in flight (or in the same turn of the event loop) are written (or read) together, and each
 * caller's promise settles only once the statement that carried its item has committed.
 */
export interface GroupCommitOptions<In> {
  /**
   * Writes `batch` in one statement (one transaction) and answers each item, in order. Items of
   * one batch never share a key.
   */
  readonly write: (batch: readonly In[]) => Promise<unknown[]>
  /** Items with the same key are written in the order submitted, never in the same statement. */
  readonly key: (item: In) => number | string
  /** At most this many items a statement. @default 500 */
  readonly maxBatch?: number
}

interface Waiting<In> {
  readonly item: In
  resolve(value: unknown): void
  reject(err: unknown): void
}

/**
 * Group commit over one statement kind. A failed batch of several is written again item by item,
 * so one item the database refuses fails only its own caller.
 */
export class GroupCommit<In, Out> {
  readonly #options: GroupCommitOptions<In>
  #queue: Waiting<In>[] = []
  #writing = false
  #scheduled = false

  constructor(options: GroupCommitOptions<In>) {
    this.#options = options
  }

  submit(item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.#queue.push({ item, resolve: resolve as (value: unknown) => void, reject })
      this.#schedule()
    })
  }

  #schedule(): void {
    if (this.#writing || this.#scheduled || this.#queue.length === 0) return
    this.#scheduled = true
    // The callers of this turn (several gRPC calls read from one socket) join the same batch.
    setImmediate(() => {
      this.#scheduled = false
      void this.#flush()
    })
  }

  /** The oldest items with distinct keys, up to the batch size; the rest keep their order. */
  #take(): Waiting<In>[] {
    const max = this.#options.maxBatch ?? 500
    const keys = new Set<number | string>()
    const batch: Waiting<In>[] = []
    const rest: Waiting<In>[] = []
    for (const waiting of this.#queue) {
      const key = this.#options.key(waiting.item)
      if (batch.length < max && !keys.has(key)) {
        keys.add(key)
        batch.push(waiting)
      } else {
        rest.push(waiting)
      }
    }
    this.#queue = rest
    return batch
  }

  async #flush(): Promise<void> {
    if (this.#writing) return
    this.#writing = true
    try {
      const batch = this.#take()
      try {
        const answers = await this.#options.write(batch.map((w) => w.item))
        batch.forEach((w, i) => w.resolve(answers[i]))
      } catch (err) {
        if (batch.length === 1) batch[0]?.reject(err)
        else await Promise.all(batch.map((w) => this.#alone(w)))
      }
    } finally {
      this.#writing = false
      this.#schedule()
    }
  }

  async #alone(waiting: Waiting<In>): Promise<void> {
    try {
      const [answer] = await this.#options.write([waiting.item])
      waiting.resolve(answer)
    } catch (err) {
      waiting.reject(err)
    }
  }
}
