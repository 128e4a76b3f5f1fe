/**
 * Runs tasks one at a time, in the order they were queued; a task that fails does not stop the
 * ones after it. The link's status and ownership bookkeeping goes through one queue, so its
 * read-modify-writes never interleave.
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve()

  /** Queue `task`; settles as it does. A task must not queue (and await) another on this queue. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(task)
    this.#tail = run.catch(() => undefined)
    return run
  }

  /** Resolves once every task queued so far has settled. */
  async idle(): Promise<void> {
    await this.#tail
  }
}
