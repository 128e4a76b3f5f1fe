import { TopologyError } from './topology-error.js'

/** A mapping of the topology file at `key`, read field by field with errors naming the field. */
export class MappingReader {
  private readonly mapping: Readonly<Record<string, unknown>>

  constructor(
    readonly key: string,
    value: unknown,
    allowed: readonly string[],
  ) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new TopologyError(key, 'must be a mapping')
    }
    this.mapping = value as Record<string, unknown>
    const unknown = Object.keys(this.mapping).find((k) => !allowed.includes(k))
    if (unknown !== undefined) {
      throw new TopologyError(this.at(unknown), `unknown key; expected one of ${allowed.join(', ')}`)
    }
  }

  at(field: string): string {
    return this.key === '' ? field : `${this.key}.${field}`
  }

  has(field: string): boolean {
    return this.mapping[field] !== undefined
  }

  raw(field: string): unknown {
    const value = this.mapping[field]
    if (value === undefined || value === null) throw new TopologyError(this.at(field), 'is required')
    return value
  }

  mappingAt(field: string, allowed: readonly string[]): MappingReader {
    return new MappingReader(this.at(field), this.raw(field), allowed)
  }

  string(field: string, pattern?: RegExp): string {
    const value = this.raw(field)
    if (typeof value !== 'string' || value === '')
      throw new TopologyError(this.at(field), 'must be a non-empty string')
    if (pattern !== undefined && !pattern.test(value)) {
      throw new TopologyError(this.at(field), `must match ${pattern.source}, got '${value}'`)
    }
    return value
  }

  oneOf<T extends string>(field: string, choices: readonly T[]): T {
    const value = this.raw(field)
    if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
      throw new TopologyError(
        this.at(field),
        `must be one of ${choices.join(', ')}, got ${JSON.stringify(value)}`,
      )
    }
    return value as T
  }

  integer(field: string, min: number, max: number): number {
    const value = this.raw(field)
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new TopologyError(
        this.at(field),
        `must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`,
      )
    }
    return value
  }

  boolean(field: string): boolean {
    const value = this.raw(field)
    if (typeof value !== 'boolean') throw new TopologyError(this.at(field), 'must be true or false')
    return value
  }

  list(field: string): readonly unknown[] {
    const value = this.raw(field)
    if (!Array.isArray(value) || value.length === 0)
      throw new TopologyError(this.at(field), 'must be a non-empty list')
    return value
  }

  /** A flat mapping of strings, as bootstrap values are. */
  strings(field: string): Readonly<Record<string, string>> {
    const value = this.raw(field)
    if (typeof value !== 'object' || Array.isArray(value))
      throw new TopologyError(this.at(field), 'must be a mapping')
    const out: Record<string, string> = {}
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (typeof v !== 'string') {
        throw new TopologyError(`${this.at(field)}.${k}`, 'must be a string (quote numbers such as "24.09")')
      }
      out[k] = v
    }
    return out
  }
}
