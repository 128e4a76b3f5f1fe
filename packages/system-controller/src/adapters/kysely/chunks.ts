/**
 * Rows per set-based statement: at ten bind parameters a row this stays well below PostgreSQL's
 * 65,535 per statement, and a statement of this size is still quick for PGlite.
 */
export const CHUNK_ROWS = 1000

/** `items` in consecutive slices of at most `size`. */
export function chunks<T>(items: readonly T[], size: number = CHUNK_ROWS): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
