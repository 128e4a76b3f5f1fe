import type { ServerUnaryCall, handleUnaryCall } from '@grpc/grpc-js'
import { callSignal } from '@dc/platform-service'
import type { ErrorLogger } from '@dc/platform-service'
import { toStatus } from './status.js'

/**
 * Adapt an async function to a grpc-js unary handler answered exactly once: the result, or the
 * status {@link toStatus} maps the failure to. Nothing is ever thrown into grpc-js (which would
 * send UNKNOWN with the raw message).
 */
export function controllerUnary<Req, Res>(
  fn: (request: Req, signal: AbortSignal, call: ServerUnaryCall<Req, Res>) => Promise<Res>,
  log?: ErrorLogger,
): handleUnaryCall<Req, Res> {
  return (call, callback) => {
    let result: Promise<Res>
    try {
      result = fn(call.request, callSignal(call), call)
    } catch (err) {
      callback(toStatus(err, log))
      return
    }
    result.then(
      (response) => callback(null, response),
      (err: unknown) => callback(toStatus(err, log)),
    )
  }
}
