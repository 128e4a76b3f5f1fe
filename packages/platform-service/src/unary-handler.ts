import type { ServerErrorResponse, ServerUnaryCall, handleUnaryCall } from '@grpc/grpc-js'
import type { Logger } from '@dc/runtime'
import { toGrpcStatus } from './grpc-status.js'
import { requireDecoded } from './malformed-request.js'

/** Maps a handler's failure to the status the caller gets (a server's one boundary mapper). */
export type StatusMapper = (err: unknown, log?: Logger) => ServerErrorResponse

/**
 * An abort signal that fires when the caller cancels or its deadline passes, unless `answered`
 * says the call was already answered: grpc-js reports every closed stream as cancelled, answered
 * ones included, and aborting then would only build an error nobody reads.
 */
export function callSignal(
  call: { on(event: 'cancelled', listener: () => void): unknown },
  answered: () => boolean = () => false,
): AbortSignal {
  const controller = new AbortController()
  call.on('cancelled', () => {
    if (!answered()) controller.abort()
  })
  return controller.signal
}

/**
 * Adapt an async function to a grpc-js unary handler: the callback is called exactly once, with
 * the result or with the status `toStatus` maps the failure to (a server with errors of its own
 * passes its mapper, which falls back to {@link toGrpcStatus}). A failure is never thrown into
 * grpc-js, which would report it as UNKNOWN with the raw message. A request that did not decode
 * (see `tolerantServiceDefinition`) is refused with INVALID_ARGUMENT.
 */
export function unaryHandler<Req, Res>(
  fn: (request: Req, signal: AbortSignal, call: ServerUnaryCall<Req, Res>) => Promise<Res>,
  log?: Logger,
  toStatus: StatusMapper = toGrpcStatus,
): handleUnaryCall<Req, Res> {
  return (call, callback) => {
    let answered = false
    const answer: typeof callback = (...args) => {
      answered = true
      callback(...args)
    }
    let result: Promise<Res>
    try {
      result = fn(
        requireDecoded(call.request),
        callSignal(call, () => answered),
        call,
      )
    } catch (err) {
      answer(toStatus(err, log))
      return
    }
    result.then(
      (response) => answer(null, response),
      (err: unknown) => answer(toStatus(err, log)),
    )
  }
}
