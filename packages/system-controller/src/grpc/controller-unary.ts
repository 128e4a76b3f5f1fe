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
