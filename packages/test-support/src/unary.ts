import type { CallOptions, ClientUnaryCall, requestCallback } from '@grpc/grpc-js'
import { unaryCall } from '@dc/protos'

/**
 * A unary call as a promise (`unaryCall` of `@dc/protos`), with call options carrying a deadline
 * `timeoutMs` from now, so a test never hangs on a server that does not answer.
 *
 * @example
 * const summary = await unary<StateSummary__Output>((o, cb) => client.Bootstrap(request, o, cb))
 */
export function unary<Res>(
  invoke: (options: CallOptions, callback: requestCallback<Res>) => ClientUnaryCall,
  timeoutMs = 20_000,
): Promise<Res> {
  return unaryCall((callback) => invoke({ deadline: Date.now() + timeoutMs }, callback))
}
