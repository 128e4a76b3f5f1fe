import type { ServerErrorResponse, ServiceDefinition } from '@grpc/grpc-js'
import { peerIdentity } from '@dc/tls'
import type { AuthContextSource, PeerIdentity } from '@dc/tls'
import { PermissionDeniedError } from './errors.js'
import { toGrpcStatus } from './grpc-status.js'

/**
 * Who may make a call: undefined lets it through, otherwise the credential it lacks, phrased to
 * follow "<Method> needs ", e.g. `a controller certificate` or `the admin role`. `caller` is the
 * identity of the verified client certificate, undefined when it names none.
 */
export type CallPolicy = (method: string, caller: PeerIdentity | undefined) => string | undefined

export interface AuthorizeCallsOptions {
  /** Told about every refusal (one line, the caller's message), for the server's log. */
  readonly onDenied?: ((message: string) => void) | undefined
}

// Our services name every call that changes nothing Get*, List*, Describe*, Watch* or Plan; any
// other name (including one added later) counts as a change, so a new RPC starts out restricted.
const READ_ONLY_METHOD = /^(Get|List|Describe|Watch|Plan)([A-Z]|$)/

/** True for an RPC of ours that only reads (by the naming rule above). */
export function isReadOnlyMethod(method: string): boolean {
  return READ_ONLY_METHOD.test(method)
}

/** `operator 'alice' (role admin)`, `controller 'central'`, or what a certificate without identity is. */
export function describeCaller(caller: PeerIdentity | undefined): string {
  if (caller === undefined)
    return 'a certificate that names no dc identity (URI SAN spiffe://dc/<kind>/<name>)'
  if (caller.kind !== 'operator') return `${caller.kind} '${caller.name}'`
  return `operator '${caller.name}' (${caller.role === undefined ? 'no role' : `role ${caller.role}`})`
}

type AnyCall = AuthContextSource & { emit(event: 'error', error: ServerErrorResponse): boolean }
type AnyHandler = (call: AnyCall, callback?: (error: ServerErrorResponse) => void) => void

/**
 * `handlers` of `service` with `policy` checked before each call runs: a refused call fails with
 * PERMISSION_DENIED (`Apply needs a controller certificate; the client presented operator
 * 'alice' (role admin)`) and never reaches its handler, so a refused mutation cannot change
 * anything and a refused forwarded call is never forwarded. Only for servers that require client
 * certificates: the identity is read from the verified certificate, and a plaintext server has
 * none to read.
 */
export function authorizeCalls<H extends object>(
  service: ServiceDefinition,
  handlers: H,
  policy: CallPolicy,
  options: AuthorizeCallsOptions = {},
): H {
  const guarded = Object.entries(handlers as Record<string, AnyHandler>).map(([method, handler]) => {
    // Streaming responses have no callback: grpc-js takes their status from an 'error' event.
    const streamsResponses = service[method]?.responseStream === true
    const guard: AnyHandler = (call, callback) => {
      const caller = peerIdentity(call)
      const needs = policy(method, caller)
      if (needs === undefined) {
        handler(call, callback)
        return
      }
      const message = `${method} needs ${needs}; the client presented ${describeCaller(caller)}`
      options.onDenied?.(message)
      const status = toGrpcStatus(new PermissionDeniedError(message))
      if (streamsResponses || callback === undefined) call.emit('error', status)
      else callback(status)
    }
    return [method, guard]
  })
  return Object.fromEntries(guarded) as H
}
