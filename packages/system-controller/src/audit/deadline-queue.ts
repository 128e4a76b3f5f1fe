import type { Clock } from './clock.js'

/**
 * Many deadlines on one timer: a binary heap of due times, and one clock timer armed for the
 * earliest. The audit's miss checks use it instead of a timer per subcloud. A Node timer armed for
 * a heartbeat window outlives two young-generation collections, so at 10,000 subclouds each
 * window's timer, its callback and its cancel function reached the old generation: a third of
 * what filled it between full collections, and every full collection holds the event loop for
 * most of a second (docs/performance.md, "What holds the controller's loop"). Here a deadline is
 * two array slots that are reused, and the one timer lives only until the next deadline.
 *
 * There is no cancel. An owner remembers the due time it scheduled last and ignores a call for any
 * other; such a stale entry only costs its slots until it falls due.
 */
export class DeadlineQueue<T> {
  // Parallel arrays, not an array of pairs: a due time in its own array of doubles is no object.
  readonly #dues: number[] = []
  readonly #items: T[] = []
  readonly #clock: Clock
  readonly #fire: (item: T, dueAt: number) => void
  readonly #run = (): void => this.#runDue()
  #cancelTimer: (() => void) | undefined
  #timerAt = Number.POSITIVE_INFINITY
  #stopped = false

  /** `fire` is called once for each deadline, on or after its due time, in due-time order. */
  constructor(clock: Clock, fire: (item: T, dueAt: number) => void) {
    this.#clock = clock
    this.#fire = fire
  }

  /** Calls `fire(item, dueAt)` once the clock reaches `dueAt` (epoch ms). Ignored after stop(). */
  schedule(item: T, dueAt: number): void {
    if (this.#stopped) return
    let i = this.#dues.length
    this.#dues.push(dueAt)
    this.#items.push(item)
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (this.#dues[parent]! <= dueAt) break
      this.#move(parent, i)
      i = parent
    }
    this.#dues[i] = dueAt
    this.#items[i] = item
    if (dueAt < this.#timerAt) this.#arm(dueAt)
  }

  /** Forgets every deadline and cancels the timer; nothing fires afterwards. */
  stop(): void {
    this.#stopped = true
    this.#cancelTimer?.()
    this.#cancelTimer = undefined
    this.#dues.length = 0
    this.#items.length = 0
  }

  #arm(at: number): void {
    this.#cancelTimer?.()
    this.#timerAt = at
    this.#cancelTimer = this.#clock.setTimer(Math.max(0, at - this.#clock.now()), this.#run)
  }

  #runDue(): void {
    this.#cancelTimer = undefined
    this.#timerAt = Number.POSITIVE_INFINITY
    const now = this.#clock.now()
    // A callback may schedule again at once; bounding the pass by the entries it started with
    // keeps one that always does from spinning here.
    let budget = this.#dues.length
    while (budget > 0 && !this.#stopped && this.#dues.length > 0 && this.#dues[0]! <= now) {
      budget -= 1
      const dueAt = this.#dues[0]!
      const item = this.#items[0]!
      this.#removeFirst()
      this.#fire(item, dueAt)
    }
    // A deadline scheduled by a callback may already have armed the timer, for a later time than
    // an entry the budget left due.
    const first = this.#dues[0]
    if (!this.#stopped && first !== undefined && first < this.#timerAt) this.#arm(first)
  }

  #removeFirst(): void {
    const lastDue = this.#dues.pop()!
    const lastItem = this.#items.pop()!
    const n = this.#dues.length
    if (n === 0) return
    let i = 0
    for (;;) {
      const left = 2 * i + 1
      if (left >= n) break
      const right = left + 1
      const child = right < n && this.#dues[right]! < this.#dues[left]! ? right : left
      if (this.#dues[child]! >= lastDue) break
      this.#move(child, i)
      i = child
    }
    this.#dues[i] = lastDue
    this.#items[i] = lastItem
  }

  #move(from: number, to: number): void {
    this.#dues[to] = this.#dues[from]!
    this.#items[to] = this.#items[from]!
  }
}
