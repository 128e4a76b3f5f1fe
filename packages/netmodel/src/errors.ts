/**
 * How a failure maps onto the gRPC status space. The boundary mappers in the agent and the
 * controller switch on this, never on message text.
 * - `invalid-argument`: wrong regardless of state (syntax, family of a literal, size).
 * - `failed-precondition`: the rule depends on the current state (locks, primaries, overlaps).
 * - `not-found` / `already-exists`: as named.
 */
export type ErrorCategory = 'invalid-argument' | 'failed-precondition' | 'not-found' | 'already-exists'

/** Base of every netmodel error: a stable `code`, a category, and a StarlingX-like message. */
export abstract class NetModelError extends Error {
  abstract readonly code: string
  abstract readonly category: ErrorCategory
  /** The command field or bootstrap key the error is about, when there is one. */
  readonly field: string | undefined

  constructor(message: string, field?: string, options?: ErrorOptions) {
    super(message, options)
    this.name = new.target.name
    this.field = field
  }
}

/** Text that is not an address, subnet, range or host:port. */
export class AddressSyntaxError extends NetModelError {
  readonly code = 'ADDRESS_SYNTAX'
  readonly category = 'invalid-argument'
  readonly input: string

  constructor(input: string, reason: string, field?: string) {
    super(`Invalid address '${input}': ${reason}`, field)
    this.input = input
  }
}
