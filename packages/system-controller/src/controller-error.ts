/**
 * How a controller failure maps onto gRPC. The boundary mapper (`grpc/status.ts`) switches on this,
 * never on message text.
 * - `invalid-argument`: wrong whatever the state (syntax, missing field, malformed values).
 * - `failed-precondition`: the rule depends on the current state (deploy state, availability, fleet).
 */
export type ControllerErrorCategory =
  | 'invalid-argument'
  | 'failed-precondition'
  | 'not-found'
  | 'already-exists'
  | 'unavailable'
  | 'aborted'
  | 'unimplemented'

/** Base of every failure the controller itself reports: a stable `code`, a category, a message. */
export abstract class ControllerError extends Error {
  abstract readonly code: string
  abstract readonly category: ControllerErrorCategory

  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = new.target.name
  }
}
