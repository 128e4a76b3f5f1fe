import type { CellValue } from './format-cell.js'

function compare(a: CellValue | undefined, b: CellValue | undefined): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  const x = a === null || a === undefined ? '' : String(a)
  const y = b === null || b === undefined ? '' : String(b)
  return x < y ? -1 : x > y ? 1 : 0
}

/**
 * Rows sorted on one column, as StarlingX's clients sort their tables client-side (`sortby`): numbers
 * numerically, text by code point. Stable, so equal keys keep the server's order.
 */
export function sortRows(
  rows: readonly (readonly CellValue[])[],
  column: number,
  order: 'ascending' | 'descending' = 'ascending',
): (readonly CellValue[])[] {
  const sign = order === 'ascending' ? 1 : -1
  return [...rows].sort((a, b) => sign * compare(a[column], b[column]))
}
