import { ServerInterceptingCall } from '@grpc/grpc-js'
import type { ServerInterceptor } from '@grpc/grpc-js'

/** Calls served on one local address by one method. */
export interface MethodCalls {
  /** `host:port`, IPv6 bracketed */
  readonly address: string
  /** The gRPC path, e.g. `/dc.agent.v1.Agent/Describe` */
  readonly method: string
  readonly calls: number
}

/**
 * Calls served per local listen address and method. grpc-js does not tell a handler which local
 * address a call arrived on, so the agent binds one server per listen address and gives each
 * server an interceptor that counts into that address's slot. The one count behind both
 * `Agent/Describe` (per address) and the `dc_agent_calls_total` metric (per address and method).
 */
export class CallCounters {
  readonly #counts: Map<string, Map<string, number>>

  constructor(addresses: readonly string[]) {
    this.#counts = new Map(addresses.map((a) => [a, new Map()]))
  }

  /** Server interceptor counting every call (every service, health included) on `address`. */
  interceptorFor(address: string): ServerInterceptor {
    if (!this.#counts.has(address)) throw new Error(`unknown listen address ${address}`)
    return (method, call) => {
      this.record(address, method.path)
      return new ServerInterceptingCall(call)
    }
  }

  /**
   * Counts one call of `method` on `address`, for servers that learn the local address some
   * other way. grpc-js refuses unknown methods before any interceptor runs, so the methods
   * counted are those served: a bounded set.
   */
  record(address: string, method: string): void {
    const methods = this.#counts.get(address)
    if (methods === undefined) throw new Error(`unknown listen address ${address}`)
    methods.set(method, (methods.get(method) ?? 0) + 1)
  }

  /** One entry per listen address, in listen order, zero counts included. */
  snapshot(): { readonly address: string; readonly calls: number }[] {
    return [...this.#counts].map(([address, methods]) => ({
      address,
      calls: [...methods.values()].reduce((sum, n) => sum + n, 0),
    }))
  }

  /**
   * Counts per address and method: every method called on any address, on every address (zero
   * where it was not called), so the series of an address that serves nothing read 0, not absent.
   */
  byMethod(): MethodCalls[] {
    const methods = new Set([...this.#counts.values()].flatMap((m) => [...m.keys()]))
    return [...this.#counts].flatMap(([address, counts]) =>
      [...methods].sort().map((method) => ({ address, method, calls: counts.get(method) ?? 0 })),
    )
  }
}
