import { escapeControlChars } from '@dc/netmodel'

/**
 * One value in a table cell, as the server sent it. Lists are lists of addresses or ranges; `null` is a
 * field the server left unset.
 */
export type CellValue = string | number | boolean | null | readonly (string | number)[]

// StarlingX's clients are Python: a cell is `str(value)`, so scripts written against them (awk on the
// table, `-f value`) see `True`/`False`, `None` and `['a', 'b']`. We print exactly that.
function pythonRepr(item: string | number): string {
  if (typeof item === 'number') return String(item)
  const quote = item.includes("'") && !item.includes('"') ? '"' : "'"
  const escaped = item.replaceAll('\\', '\\\\').replaceAll(quote, `\\${quote}`)
  return `${quote}${escaped}${quote}`
}

function pythonStr(value: CellValue): string {
  if (value === null) return 'None'
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') return value
  return `[${value.map(pythonRepr).join(', ')}]`
}

/**
 * Text of a cell the way Python's `str()` prints it in a StarlingX table or `-f value` line, with
 * any control character escaped (`\x0a`): a newline in a name must not forge a row, nor an escape
 * sequence reach the terminal.
 */
export function formatCell(value: CellValue): string {
  return escapeControlChars(pythonStr(value))
}
