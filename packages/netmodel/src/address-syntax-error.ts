import { NetModelError } from './net-model-error.js'

/** Text that is not an address, subnet, range or host:port. */
export class AddressSyntaxError extends NetModelError {
  readonly code = 'ADDRESS_SYNTAX'
  readonly category = 'invalid-argument'
  readonly input: string
  readonly reason: string

  constructor(input: string, reason: string, field?: string, options?: ErrorOptions) {
    super(`Invalid address '${input}': ${reason}`, field, options)
    this.input = input
    this.reason = reason
  }
}
