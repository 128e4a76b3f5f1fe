import { PkiError } from './pki-error.js'

/** The period a certificate is valid for (X.509 notBefore and notAfter). */
export interface Validity {
  readonly notBefore: Date
  readonly notAfter: Date
}

/**
 * How far `notBefore` is set in the past: a peer whose clock runs a little behind the issuer's
 * would otherwise reject a freshly issued certificate as not yet valid.
 */
export const CLOCK_SKEW_ALLOWANCE_MS = 5 * 60_000

const DAY_MS = 24 * 60 * 60_000

/** A validity of `days` whole days from `now`, back-dated by {@link CLOCK_SKEW_ALLOWANCE_MS}. */
export function validityForDays(days: number, now: Date = new Date()): Validity {
  if (!Number.isInteger(days) || days < 1) {
    throw new PkiError(`invalid validity "${days}" days: expected a whole number of days, at least 1`)
  }
  return {
    notBefore: new Date(now.getTime() - CLOCK_SKEW_ALLOWANCE_MS),
    notAfter: new Date(now.getTime() + days * DAY_MS),
  }
}

/** Rejects an empty or reversed period, which no verifier would ever accept. */
export function checkValidity(validity: Validity): Validity {
  const { notBefore, notAfter } = validity
  if (Number.isNaN(notBefore.getTime()) || Number.isNaN(notAfter.getTime())) {
    throw new PkiError('invalid validity: notBefore and notAfter must be valid dates')
  }
  if (notAfter.getTime() <= notBefore.getTime()) {
    throw new PkiError(
      `invalid validity: notAfter ${notAfter.toISOString()} is not after notBefore ${notBefore.toISOString()}`,
    )
  }
  return validity
}
