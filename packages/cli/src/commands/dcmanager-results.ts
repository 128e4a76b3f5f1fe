import type { CommandArgs, CommandResult } from '../command-spec.js'
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

/** An update request (the object's reference and the changes given), or a usage error without changes. */
export function withChanges<T extends object>(args: CommandArgs, request: T): T {
  if (Object.keys(request).length === 1) throw args.usageError('Nothing to update')
  return request
}
