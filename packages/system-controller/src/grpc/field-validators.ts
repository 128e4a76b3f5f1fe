import { MAX_TEXT, canonicalIp, formatHostPort, parseHostPort, textProblem } from '@dc/netmodel'
import { InvalidFieldError } from '../errors.js'

/**
 * The one place request fields are checked for their form, whatever the state: references, names,
 * free text, choices, numbers, addresses. Each throws {@link InvalidFieldError} naming the field
 * and the rule; the services then apply the rules that depend on state.
 */

/** Free text (description, location): any printable text, possibly empty. */
export function freeText(field: string, value: string, max = MAX_TEXT): string {
  const problem = textProblem(value, max)
  if (problem !== undefined) throw new InvalidFieldError(field, problem.reason)
  return value
}

/**
 * A reference to a row (a name, an id, a region name): printable, then trimmed of spaces, non-empty.
 * Checked before trimming, so that a control character at either end is refused, not dropped.
 */
export function reference(field: string, value: string): string {
  const text = freeText(field, value).trim()
  if (text.length === 0) throw new InvalidFieldError(field, 'must not be empty')
  return text
}

/** A name other rows are referenced by: a reference that is not all digits, which would read as an id. */
export function entityName(field: string, value: string): string {
  const name = reference(field, value)
  if (/^\d+$/.test(name)) throw new InvalidFieldError(field, 'must not be all digits')
  return name
}

/** One of a closed set of values. */
export function choice<T extends string>(field: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === value)
  if (found === undefined) throw new InvalidFieldError(field, `must be one of ${allowed.join(', ')}`)
  return found
}

/** A whole number within a range. */
export function integerIn(
  field: string,
  value: number,
  range: { readonly min: number; readonly max: number },
): number {
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new InvalidFieldError(field, `must be between ${range.min} and ${range.max}`)
  }
  return value
}

/** An IP address, in canonical text (RFC 5952 for IPv6). */
export function ipAddress(field: string, value: string): string {
  try {
    return canonicalIp(freeText(field, value).trim())
  } catch (err) {
    if (err instanceof InvalidFieldError) throw err
    throw new InvalidFieldError(field, `${JSON.stringify(value.slice(0, 60))} is not an IP address`)
  }
}

/** An agent address, `ADDR`, `ADDR:PORT` or `[V6]:PORT`, as `host:port` text with IPv6 bracketed. */
export function agentAddress(field: string, value: string, defaultPort: number): string {
  try {
    const hp = parseHostPort(freeText(field, value).trim(), defaultPort)
    return formatHostPort(hp.host.toString(), hp.port)
  } catch (err) {
    if (err instanceof InvalidFieldError) throw err
    throw new InvalidFieldError(field, err instanceof Error ? err.message : 'not an address')
  }
}
