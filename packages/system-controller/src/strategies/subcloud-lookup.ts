import type { SubcloudStore } from '../ports/subcloud-store.js'
import type { Subcloud } from '../subclouds/subcloud.js'

/** Names asked for in one tick at most; a larger batch waits for the next. */
const MAX_NAMES_PER_QUERY = 1000

interface Pending {
  readonly resolve: (found: Subcloud | undefined) => void
  readonly reject: (err: unknown) => void
}

/**
 * Finds subclouds by name for the steps of a strategy, answering every lookup asked for in the
 * same tick with one query: hundreds of steps starting together make one read, not hundreds,
 * which would queue behind each other in the connection pool and stretch every step.
 */
export class SubcloudLookup {
  readonly #store: Pick<SubcloudStore, 'findByNames'>
  #pending = new Map<string, Pending[]>()
  #scheduled = false

  constructor(store: Pick<SubcloudStore, 'findByNames'>) {
    this.#store = store
  }

  /** The subcloud named exactly `name`, as stored now. */
  find(name: string): Promise<Subcloud | undefined> {
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
