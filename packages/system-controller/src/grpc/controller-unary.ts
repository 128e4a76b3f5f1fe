import type { ServerUnaryCall, handleUnaryCall } from '@grpc/grpc-js'
import { unaryHandler } from '@dc/platform-service'
import type { Logger } from '@dc/runtime'
import { toStatus } from './status.js'

/** The shared unary adapter with the controller's boundary mapper, {@link toStatus}. */
export function controllerUnary<Req, Res>(
  fn: (request: Req, signal: AbortSignal, call: ServerUnaryCall<Req, Res>) => Promise<Res>,
  log: Logger,
): handleUnaryCall<Req, Res> {
  return unaryHandler(fn, log, toStatus)
}

/** A unary RPC as a plain call: the request in, the response out, a refusal thrown as the domain error. */
export type UnaryCall<Req, Res> = (request: Req, signal: AbortSignal) => Promise<Res>

/** The plain calls behind grpc-js handlers `H`, one per RPC. */
export type UnaryCalls<H> = {
  [K in keyof H]: H[K] extends handleUnaryCall<infer Req, infer Res> ? UnaryCall<Req, Res> : never
}

/** The grpc-js handler of every call of `calls`, each through {@link controllerUnary}. */
export function unaryHandlers<H>(calls: UnaryCalls<H>, log: Logger): H {
  const handlers: Record<string, unknown> = {}
  for (const [name, call] of Object.entries(calls)) {
    handlers[name] = controllerUnary(call as UnaryCall<unknown, unknown>, log)
  }
  return handlers as H
}
