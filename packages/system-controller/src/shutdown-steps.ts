import type { Logger } from '@dc/runtime'

/** Cleanups run in reverse order of registration: the last thing started stops first. */
export class ShutdownSteps {
  readonly #steps: (() => Promise<void>)[] = []
  readonly #log: Logger

  constructor(log: Logger) {
    this.#log = log
  }

  add(step: () => Promise<void> | void): void {
    this.#steps.push(async () => step())
  }

  async run(): Promise<void> {
    for (const step of this.#steps.splice(0).reverse()) {
      await step().catch((err: unknown) => this.#log.error('shutdown step failed', { err }))
    }
  }
}
