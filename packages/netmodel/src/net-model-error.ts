/**
 * How a failure maps onto the gRPC status space. The boundary mappers in the agent and the
 * controller switch on this, never on message text.
 * - `invalid-argument`: wrong regardless of state (syntax, family of a literal, size).
 * - `failed-precondition`: the rule depends on the current state (locks, primaries, overlaps).
 * - `not-found` / `already-exists`: as named.
 */
export type ErrorCategory = 'invalid-argument' | 'failed-precondition' | 'not-found' | 'already-exists'

/**
 * Base of every netmodel error: a stable `code`, a category, and a StarlingX-like message.
 * Subclasses are one per failure; their messages follow sysinv's wording
 * (spec/dual-stack-rules.md) so that an operator who knows StarlingX recognises them, and the
 * `code` is what programs switch on.
 */
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
