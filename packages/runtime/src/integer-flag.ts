import { FlagValueError } from './flag-value-error.js'

/** Inclusive bounds of an integer flag. */
export interface IntegerRange {
  readonly min: number
  readonly max: number
}

/**
 * The value of an integer flag: decimal digits only (no sign, exponent or fraction, so `1e3` and
 * `-1` are refused rather than guessed at) within `range`. Throws {@link FlagValueError} naming
 * the flag and the range.
 *
 * @example
 * integerFlag('--heartbeat-interval-ms', '250', { min: 50, max: 60_000 }) // 250
 */
export function integerFlag(flag: string, text: string, range: IntegerRange): number {
  const { min, max } = range
  if (!/^\d+$/.test(text)) {
    throw new FlagValueError(
      flag,
      `must be an integer between ${min} and ${max}; '${text}' is not a whole number`,
    )
  }
  const value = Number(text)
  if (value < min || value > max) {
    throw new FlagValueError(flag, `must be between ${min} and ${max}; ${value} is outside that range`)
  }
  return value
}
