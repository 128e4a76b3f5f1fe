import { ServerInterceptingCall } from '@grpc/grpc-js'
import type { Metadata, ServerInterceptingCallInterface } from '@grpc/grpc-js'

interface Step {
  readonly dueAt: number
  readonly run: () => void
}

/**
 * Everything one call does that a fault may hold back: the request's metadata, messages and
 * half-close on the way in, the response's metadata, messages and status on the way out, kept in
 * the order they happened.
 */
class CallGate {
  readonly #faults: Pick<SiteFaults, 'frozen' | 'latencyMs'>
  readonly #onEnd: (gate: CallGate) => void
  readonly #queue: Step[] = []
  #timer: NodeJS.Timeout | undefined
  #ended = false

  constructor(faults: Pick<SiteFaults, 'frozen' | 'latencyMs'>, onEnd: (gate: CallGate) => void) {
    this.#faults = faults
    this.#onEnd = onEnd
  }

  pass(run: () => void): void {
    if (this.#ended) return
    const { frozen, latencyMs } = this.#faults
    if (this.#queue.length === 0 && !frozen && latencyMs === 0) {
      run()
      return
    }
    this.#queue.push({ dueAt: performance.now() + latencyMs, run })
    this.pump()
  }

  /** Runs every step that is due, unless the site is frozen; sleeps until the next one is. */
  pump(): void {
    if (this.#timer !== undefined) return
    while (!this.#faults.frozen && !this.#ended) {
      const head = this.#queue[0]
      if (head === undefined) return
      const waitMs = head.dueAt - performance.now()
      if (waitMs > 0) {
        this.#timer = setTimeout(() => {
          this.#timer = undefined
          this.pump()
        }, waitMs)
        return
      }
      this.#queue.shift()
      head.run()
    }
  }

  /** The call is over (status sent or cancelled): whatever is still held is dropped. */
  end(): void {
    this.#ended = true
    this.#queue.length = 0
    clearTimeout(this.#timer)
    this.#timer = undefined
    this.#onEnd(this)
  }
}

/**
 * The faults of one simulated site, applied to every call on its connections by
 * {@link SiteFaults.intercept}:
 * - frozen: nothing of any call gets through in either direction (no answer, no heartbeat), yet
 *   every connection stays open, as with a hung process or a silent partition; thawing releases
 *   what was held, in order;
 * - latency: every step of a call, in either direction, is delayed by `latencyMs`.
 *
 * HTTP/2 itself (PING answers, flow control) is not held: a frozen site still answers keepalive
 * pings, so only the heartbeat rule of its controller can notice it.
 */
export class SiteFaults {
  #frozen = false
  #latencyMs = 0
  readonly #gates = new Set<CallGate>()

  get frozen(): boolean {
    return this.#frozen
  }

  get latencyMs(): number {
    return this.#latencyMs
  }

  freeze(): void {
    this.#frozen = true
  }

  thaw(): void {
    this.#frozen = false
    for (const gate of [...this.#gates]) gate.pump()
  }

  /** One-way delay added to every step of every call from now on; 0 removes it. */
  setLatency(ms: number): void {
    if (!Number.isSafeInteger(ms) || ms < 0)
      throw new RangeError(`latency ${ms} ms is not a whole number >= 0`)
    this.#latencyMs = ms
  }

  /**
   * Wraps a call arriving on this site's connections (a server interceptor's work): every step
   * goes through the site's faults, and `tag` may add to the request metadata first.
   */
  intercept(
    call: ServerInterceptingCallInterface,
    tag: (metadata: Metadata) => void,
  ): ServerInterceptingCall {
    const gate = new CallGate(this, (ended) => this.#gates.delete(ended))
    this.#gates.add(gate)
    return new ServerInterceptingCall(call, {
      start: (next) =>
        next({
          onReceiveMetadata: (metadata, forward) => {
            tag(metadata)
            gate.pass(() => forward(metadata))
          },
          onReceiveMessage: (message, forward) => gate.pass(() => forward(message)),
          onReceiveHalfClose: (forward) => gate.pass(forward),
          onCancel: () => gate.end(),
        }),
      sendMetadata: (metadata, forward) => gate.pass(() => forward(metadata)),
      sendMessage: (message, forward) => gate.pass(() => forward(message)),
      sendStatus: (status, forward) =>
        gate.pass(() => {
          gate.end()
          forward(status)
        }),
    })
  }
}
