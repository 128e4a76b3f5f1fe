import { escapeControlChars } from '@dc/netmodel'
import { Scalar, stringify } from 'yaml'

import type { CommandResult } from './command-spec.js'
import { CliError } from './errors.js'
import { formatCell, type CellValue } from './format-cell.js'
import { renderTable } from './render-table.js'

/** The cliff formatters StarlingX's clients offer with `-f`. */
export type OutputFormat = 'table' | 'json' | 'yaml' | 'value'

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json', 'yaml', 'value']

export interface OutputOptions {
  readonly format: OutputFormat
  /** `-c` columns in the order given; empty means every column. */
  readonly columns: readonly string[]
  readonly showHeader: 'Property' | 'Field'
}

/** `-c` named a column the result does not have; exit status 2 like any other usage error. */
export class UnknownColumnError extends CliError {
  readonly column: string

  constructor(column: string, known: readonly string[]) {
    super(`No column named '${column}'. Columns are: ${known.map((c) => `'${c}'`).join(', ')}`, 2)
    this.name = 'UnknownColumnError'
    this.column = column
  }
}

function pick(known: readonly string[], wanted: readonly string[]): number[] {
  if (wanted.length === 0) return known.map((_, i) => i)
  return wanted.map((column) => {
    const index = known.indexOf(column)
    if (index < 0) throw new UnknownColumnError(column, known)
    return index
  })
}

// JSON escapes C0 controls but leaves DEL, C1 and bidirectional controls raw; `\uNNNN` is an
// escape both JSON and YAML's double-quoted strings read back as the same character.
const asUnicodeEscape = (code: number): string => `\\u${code.toString(16).padStart(4, '0')}`

// YAML would print such a string plain or as a block; double-quoted, every character can be escaped.
function quoteControls(data: unknown): unknown {
  if (typeof data === 'string') {
    if (escapeControlChars(data) === data) return data
    const quoted = new Scalar(data)
    quoted.type = Scalar.QUOTE_DOUBLE
    return quoted
  }
  if (Array.isArray(data)) return data.map(quoteControls)
  if (data !== null && typeof data === 'object') {
    return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, quoteControls(v)]))
  }
  return data
}

function serialise(format: 'json' | 'yaml', data: unknown): string {
  const text =
    format === 'json'
      ? `${JSON.stringify(data, null, 2)}\n`
      : stringify(quoteControls(data), { doubleQuotedAsJSON: true })
  return escapeControlChars(text, { keep: '\n', as: asUnicodeEscape })
}

/**
 * Renders a command's result in the chosen format. Tables and `value` lines print cells as StarlingX
 * does (`True`, `None`, `['a-b']`); `json` and `yaml` keep native types (booleans, null, arrays).
 * Throws {@link UnknownColumnError} when `-c` names a missing column.
 */
export function renderOutput(result: CommandResult, options: OutputOptions): string {
  if (result.kind === 'text') {
    const text = escapeControlChars(result.text, { keep: '\n' })
    return text.endsWith('\n') || text === '' ? text : `${text}\n`
  }
  if (result.kind === 'list') {
    const indexes = pick(result.columns, options.columns)
    const columns = indexes.map((i) => result.columns[i] ?? '')
    const rows = result.rows.map((row) => indexes.map((i): CellValue => row[i] ?? null))
    switch (options.format) {
      case 'table':
        return renderTable(
          columns,
          rows.map((row) => row.map(formatCell)),
        )
      case 'value':
        return rows.map((row) => `${row.map(formatCell).join(' ')}\n`).join('')
      case 'json':
      case 'yaml':
        return serialise(
          options.format,
          rows.map((row) => Object.fromEntries(row.map((cell, i) => [columns[i], cell]))),
        )
      default:
        return options.format satisfies never
    }
  }
  const names = result.fields.map(([name]) => name)
  const fields = pick(names, options.columns).map(
    (i): readonly [string, CellValue] => result.fields[i] ?? ['', null],
  )
  switch (options.format) {
    case 'table':
      return renderTable(
        [options.showHeader, 'Value'],
        fields.map(([name, value]) => [name, formatCell(value)]),
      )
    case 'value':
      return fields.map(([, value]) => `${formatCell(value)}\n`).join('')
    case 'json':
    case 'yaml':
      return serialise(options.format, Object.fromEntries(fields))
    default:
      return options.format satisfies never
  }
}
