import type { ServiceDefinition } from '@grpc/grpc-js'
import { InvalidRequestError } from './errors.js'

/** Stands in for a request whose bytes did not decode as the method's message type. */
export class MalformedRequest {
  readonly reason: string

  constructor(reason: string) {
    this.reason = reason
  }
}

/**
 * A copy of `service` whose request decoders never throw: undecodable bytes become a
 * {@link MalformedRequest}, which the handlers refuse with INVALID_ARGUMENT. grpc-js would answer
 * a decoding failure itself with INTERNAL, which tells a caller that sent garbage that the server
 * is at fault.
 */
export function tolerantServiceDefinition(service: ServiceDefinition): ServiceDefinition {
  return Object.fromEntries(
    Object.entries(service).map(([name, method]) => [
      name,
      {
        ...method,
        requestDeserialize: (bytes: Buffer): unknown => {
          try {
            return method.requestDeserialize(bytes)
          } catch (err) {
            return new MalformedRequest(err instanceof Error ? err.message : 'undecodable')
          }
        },
      },
    ]),
  )
}

/** Throws INVALID_ARGUMENT for a request that did not decode; narrows it otherwise. */
export function requireDecoded<T>(request: T | MalformedRequest): T {
  if (request instanceof MalformedRequest) {
    throw new InvalidRequestError('request', `not a valid protobuf message (${request.reason})`)
  }
  return request
}
