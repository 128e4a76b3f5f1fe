import type { ServerUnaryCall, handleUnaryCall } from '@grpc/grpc-js'
import { unaryHandler } from '@dc/platform-service'
import type { ErrorLogger } from '@dc/platform-service'
import { toStatus } from './status.js'

/** The shared unary adapter with the controller's boundary mapper, {@link toStatus}. */
export function controllerUnary<Req, Res>(
  fn: (request: Req, signal: AbortSignal, call: ServerUnaryCall<Req, Res>) => Promise<Res>,
  log?: ErrorLogger,
): handleUnaryCall<Req, Res> {
  return unaryHandler(fn, log, toStatus)
}
