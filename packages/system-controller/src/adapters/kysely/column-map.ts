import type { Updateable } from 'kysely'

/**
 * The column of every field of a domain type, and how a value is stored where it is not stored
 * as it is: a field added to the domain type does not compile until it has its column.
 */
export type ColumnMap<Fields, Table> = {
  readonly [K in keyof Required<Fields>]:
    (keyof Table & string) | readonly [keyof Table & string, (value: Fields[K]) => unknown]
}

/** The columns `values` sets; fields left out (undefined) are not touched. */
export function columnsOf<Fields extends object, Table>(
  map: ColumnMap<Fields, Table>,
  values: Partial<Fields>,
): Updateable<Table> {
  const set: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(values)) {
    const column = map[field as keyof Fields] as string | readonly [string, (value: unknown) => unknown]
    if (value === undefined || column === undefined) continue
    if (typeof column === 'string') set[column] = value
    else set[column[0]] = column[1](value)
  }
  return set as Updateable<Table>
}
