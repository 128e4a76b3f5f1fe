import { stringify } from 'yaml'

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

function serialise(format: 'json' | 'yaml', data: unknown): string {
  return format === 'json' ? `${JSON.stringify(data, null, 2)}\n` : stringify(data)
}

/**
 * Renders a command's result in the chosen format. Tables and `value` lines print cells as StarlingX
 * does (`True`, `None`, `['a-b']`); `json` and `yaml` keep native types (booleans, null, arrays).
 * Throws {@link UnknownColumnError} when `-c` names a missing column.
 */
export function renderOutput(result: CommandResult, options: OutputOptions): string {
  if (result.kind === 'text')
    return result.text.endsWith('\n') || result.text === '' ? result.text : `${result.text}\n`
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
