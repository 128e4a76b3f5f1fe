import type { CallOptions, Client, ClientUnaryCall, Metadata, requestCallback } from '@grpc/grpc-js'
import { unaryCall } from '@dc/protos'

// The generated client interfaces overload every method; the last overload is `(argument, callback)`,
// which is the one a conditional type infers from.
type Unary<F> = F extends (argument: infer Req, callback: requestCallback<infer Res>) => ClientUnaryCall
  ? (request: Req) => Promise<Res>
  : never

/**
 * The unary methods of a generated gRPC client as promise-returning functions, under their proto
 * names (`ListNetworks`), each call carrying the given metadata and a fresh deadline.
 */
export type PromiseClient<C> = {
  readonly [K in keyof C as K extends string ? (K extends Capitalize<K> ? K : never) : never]: Unary<C[K]>
}

type RawUnary = (
  request: unknown,
  metadata: Metadata,
  options: CallOptions,
  callback: requestCallback<unknown>,
) => ClientUnaryCall

/**
 * Wraps `client` so each method of `service` returns a promise. Every call gets its own absolute
 * deadline `timeoutMs` from when it starts, so a slow server never hangs the CLI, and is cancelled
 * when `signal` aborts (a call in flight then fails with CANCELLED, one not yet started with the
 * signal's AbortError).
 */
export function promiseClient<C extends Client>(
  client: C,
  service: Readonly<Record<string, unknown>>,
  options: {
    readonly metadata: Metadata
    readonly timeoutMs: number
    readonly signal?: AbortSignal | undefined
  },
): PromiseClient<C> {
  const { metadata, timeoutMs, signal } = options
  const methods = client as unknown as Readonly<Record<string, RawUnary>>
  const wrapped = Object.fromEntries(
    Object.keys(service).map((name) => [
      name,
      (request: unknown) =>
        unaryCall((callback) => {
          const method = methods[name]
          if (method === undefined) throw new Error(`client has no method ${name}`)
          return method.call(client, request, metadata, { deadline: Date.now() + timeoutMs }, callback)
        }, signal),
    ]),
  )
  return wrapped as PromiseClient<C>
}
