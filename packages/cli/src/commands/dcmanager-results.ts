import type { CommandResult } from '../command-spec.js'
import type { CellValue } from '../format-cell.js'

/** Empty text from the server where dcmanager's API would hold None. */
export function orNone(value: string): string | null {
  return value === '' ? null : value
}

/** A dcmanager list; cliff-based dcmanager prints one `<none>` row rather than an empty table. */
export function listResult(
  columns: readonly string[],
  rows: readonly (readonly CellValue[])[],
): CommandResult {
  return { kind: 'list', columns, rows: rows.length > 0 ? rows : [columns.map(() => '<none>')] }
}

/** A `Field | Value` show result from parallel column names and cells. */
export function showResult(columns: readonly string[], cells: readonly CellValue[]): CommandResult {
  return { kind: 'show', fields: columns.map((column, i) => [column, cells[i] ?? null] as const) }
}
