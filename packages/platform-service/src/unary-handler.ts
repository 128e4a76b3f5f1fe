import type { ServerUnaryCall, handleUnaryCall } from '@grpc/grpc-js'
import { toGrpcStatus } from './grpc-status.js'
import type { ErrorLogger } from './grpc-status.js'
import { requireDecoded } from './malformed-request.js'

/** An abort signal that fires when the caller cancels or its deadline passes. */
export function callSignal(call: { on(event: 'cancelled', listener: () => void): unknown }): AbortSignal {
  const controller = new AbortController()
  call.on('cancelled', () => controller.abort())
  return controller.signal
}

/**
 * Adapt an async function to a grpc-js unary handler: the callback is called exactly once, with
 * the result or with the status {@link toGrpcStatus} maps the failure to. A failure is never
 * thrown into grpc-js, which would report it as UNKNOWN with the raw message. A request that did
 * not decode (see `tolerantServiceDefinition`) is refused with INVALID_ARGUMENT.
 */
export function unaryHandler<Req, Res>(
  fn: (request: Req, signal: AbortSignal, call: ServerUnaryCall<Req, Res>) => Promise<Res>,
  log?: ErrorLogger,
): handleUnaryCall<Req, Res> {
  return (call, callback) => {
    let result: Promise<Res>
    try {
      result = fn(requireDecoded(call.request), callSignal(call), call)
    } catch (err) {
      callback(toGrpcStatus(err, log))
      return
    }
    result.then(
      (response) => callback(null, response),
      (err: unknown) => callback(toGrpcStatus(err, log)),
    )
  }
}
