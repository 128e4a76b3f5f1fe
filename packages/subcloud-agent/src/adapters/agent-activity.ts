import { CallCounters } from './call-counters.js'

/**
 * What one agent's gRPC front has done since the process started: calls per local address and
 * method, controller changes applied, Watch streams open. `Agent/Describe` reports the calls and
 * the metrics read all of it, so both always tell the same numbers.
 */
export class AgentActivity {
  readonly calls: CallCounters
  #appliedChanges = 0
  #openWatches = 0

  constructor(addresses: readonly string[]) {
    this.calls = new CallCounters(addresses)
  }

  /** Controller changes applied (`Agent/Apply`), replays of an applied change id not included. */
  get appliedChanges(): number {
    return this.#appliedChanges
  }

  /** Watch streams open now. */
  get openWatches(): number {
    return this.#openWatches
  }

  changeApplied(): void {
    this.#appliedChanges += 1
  }

  /** Counts a Watch stream as open until the returned function is called (once). */
  watchOpened(): () => void {
    this.#openWatches += 1
    let open = true
    return () => {
      if (open) this.#openWatches -= 1
      open = false
    }
  }
}
