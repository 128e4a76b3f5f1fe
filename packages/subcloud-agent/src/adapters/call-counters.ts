import { ServerInterceptingCall } from '@grpc/grpc-js'
import type { ServerInterceptor } from '@grpc/grpc-js'

/**
 * Calls served per local listen address. grpc-js does not tell a handler which local address a
 * call arrived on, so the agent binds one server per listen address and gives each server an
 * interceptor that counts into that address's slot.
 */
export class CallCounters {
  readonly #counts: Map<string, number>

  constructor(addresses: readonly string[]) {
    this.#counts = new Map(addresses.map((a) => [a, 0]))
  }

  /** Server interceptor counting every call (every service, health included) on `address`. */
  interceptorFor(address: string): ServerInterceptor {
    if (!this.#counts.has(address)) throw new Error(`unknown listen address ${address}`)
    return (_method, call) => {
      this.record(address)
      return new ServerInterceptingCall(call)
    }
  }

  /** Counts one call on `address`, for servers that learn the local address some other way. */
  record(address: string): void {
    const count = this.#counts.get(address)
    if (count === undefined) throw new Error(`unknown listen address ${address}`)
    this.#counts.set(address, count + 1)
  }

  /** One entry per listen address, in listen order, zero counts included. */
  snapshot(): { readonly address: string; readonly calls: number }[] {
    return [...this.#counts].map(([address, calls]) => ({ address, calls }))
  }
}
