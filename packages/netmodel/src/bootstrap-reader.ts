import type { Family } from './address.js'
import { BootstrapValueError } from './bootstrap-value-error.js'
import type { BootstrapErrorCode } from './bootstrap-value-error.js'
import { NetModelError } from './net-model-error.js'
import { textProblem } from './text-problem.js'

/** Keys read as scalars by `parseBootstrapValues`, so never passed through. */
const SCALAR_KEYS = ['name', 'system_mode', 'distributed_cloud_role', 'software_version', 'release']

/** Collects errors, warnings and which keys the file set, while values are read. */
export class BootstrapReader {
  readonly errors: BootstrapValueError[] = []
  readonly warnings: string[] = []
  readonly explicit = new Set<string>()
  readonly consumed = new Set<string>(SCALAR_KEYS)

  constructor(readonly raw: Readonly<Record<string, unknown>>) {}

  fail(code: BootstrapErrorCode, key: string, message: string): void {
    this.errors.push(new BootstrapValueError(code, key, message))
  }

  /** The trimmed text of `key`; undefined when absent, null or `derived` (ansible's "not provided"). */
  text(key: string): string | undefined {
    this.consumed.add(key)
    const value = this.raw[key]
    if (value === undefined || value === null) return undefined
    if (typeof value !== 'string') {
      // YAML turns an unquoted 24.10 into the number 24.1, so refuse instead of guessing.
      this.fail('BOOTSTRAP_INVALID_VALUE', key, `${key}: expected a string, got ${JSON.stringify(value)}`)
      return undefined
    }
    const problem = textProblem(value)
    if (problem !== undefined) {
      this.fail('BOOTSTRAP_INVALID_VALUE', key, `${key}: ${problem.reason}`)
      return undefined
    }
    const text = value.trim()
    if (text === 'derived') return undefined
    this.explicit.add(key)
    return text
  }

  /** Warnings are per key, not per family: a dual-stack value must not say the same thing twice. */
  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message)
  }

  choice<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
    const text = this.text(key)
    if (text === undefined) return fallback
    const found = allowed.find((a) => a === text)
    if (found !== undefined) return found
    this.fail('BOOTSTRAP_INVALID_VALUE', key, `${key}: '${text}' is not one of ${allowed.join(', ')}`)
    return fallback
  }
}

/**
 * Parse a comma-separated dual-stack value (`parse_dual_stack.py`): one or two items of distinct
 * families, all subnets or all addresses, the first one primary.
 */
export function parseDualStack<T extends { readonly family: Family }>(
  r: BootstrapReader,
  key: string,
  text: string,
  kind: 'subnet' | 'address',
  parse: (item: string) => T,
): T[] | undefined {
  const items = text.split(',').map((s) => s.trim())
  if (items.length > 2) {
    r.fail('BOOTSTRAP_TOO_MANY_VALUES', key, `${key}: More than two IPs not supported: '${text}'`)
    return undefined
  }
  const subnets = items.filter((i) => i.includes('/')).length
  const allSubnets = subnets === items.length
  if (subnets !== 0 && !allSubnets) {
    r.fail(
      'BOOTSTRAP_MIXED_SUBNET_AND_ADDRESS',
      key,
      `${key}: Value should be both either Subnet or Address: '${text}'`,
    )
    return undefined
  }
  if ((kind === 'subnet') !== allSubnets) {
    const expected = kind === 'subnet' ? 'a subnet <network>/<prefix>' : 'an address, not a subnet'
    r.fail('BOOTSTRAP_INVALID_ADDRESS', key, `${key}: expected ${expected}, got '${text}'`)
    return undefined
  }
  const parsed: T[] = []
  for (const item of items) {
    try {
      parsed.push(parse(item))
    } catch (e) {
      if (!(e instanceof NetModelError)) throw e
      r.fail('BOOTSTRAP_INVALID_ADDRESS', key, `${key}: ${e.message}`)
      return undefined
    }
  }
  const [first, second] = parsed
  if (first !== undefined && second !== undefined && first.family === second.family) {
    r.fail(
      'BOOTSTRAP_SAME_FAMILY_DUAL_STACK',
      key,
      `${key}: Dual-stack of same IP family not supported: '${text}' is ${first.family} twice`,
    )
    return undefined
  }
  return parsed
}
