/**
 * A PKI failure an operator can act on: the message is one complete line (what failed, on which
 * file or value), so `dc-pki` prints it as is.
 */
export class PkiError extends Error {
  override readonly name = 'PkiError'
}
