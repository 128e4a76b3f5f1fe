/**
 * A prettytable-style table as StarlingX's `system`, `fm` and `dcmanager` print it: `+---+` frame,
 * a header row, one space of padding, every column left-aligned. Cells may span several lines.
 *
 * @example
 * renderTable(['id', 'name'], [['1', 'oam']])
 * // +----+------+
 * // | id | name |
 * // +----+------+
 * // | 1  | oam  |
 * // +----+------+
 */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const split = (rows: readonly (readonly string[])[]) =>
    rows.map((row) => headers.map((_, i) => (row[i] ?? '').split('\n')))
  const head = split([headers])
  const body = split(rows)
  const widths = headers.map((_, i) =>
    Math.max(...[...head, ...body].flatMap((row) => (row[i] ?? []).map((line) => line.length))),
  )
  const rule = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`
  const lines = (row: string[][]): string[] => {
    const height = Math.max(1, ...row.map((cell) => cell.length))
    return Array.from(
      { length: height },
      (_, n) => `|${widths.map((w, i) => ` ${(row[i]?.[n] ?? '').padEnd(w)} `).join('|')}|`,
    )
  }
  // An empty list still shows its header between two rules, as prettytable does.
  return [rule, ...head.flatMap(lines), rule, ...body.flatMap(lines), rule].join('\n') + '\n'
}
