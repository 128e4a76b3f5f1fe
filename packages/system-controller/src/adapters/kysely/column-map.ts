import type { Selectable, Updateable } from 'kysely'

/** A column whose selected value is already of type `V`, so the field is stored as it is. */
type SameColumn<Table, V> = {
  [C in keyof Selectable<Table> & string]: Selectable<Table>[C] extends V ? C : never
}[keyof Selectable<Table> & string]

/**
 * A field stored otherwise than as it is: `write` turns the value into the column's (seconds for
 * milliseconds, JSON), `read` turns the selected value back (an int8 pg selects as text).
 * Either defaults to the value as it is.
 */
export interface ConvertedColumn<Table, V> {
  readonly column: keyof Table & string
  readonly write?: (value: V) => unknown
  // `never`: each column selects its own type, which a map over all of them cannot name.
  readonly read?: (stored: never) => V
}

/**
 * The column of every field of a domain type, and how a value is stored where it is not stored
 * as it is: a field added to the domain type does not compile until it has its column. The one
 * map serves writes ({@link columnsOf}) and reads ({@link fieldsOf}).
 */
export type ColumnMap<Fields, Table> = {
  readonly [K in keyof Required<Fields>]: SameColumn<Table, Fields[K]> | ConvertedColumn<Table, Fields[K]>
}

type AnyColumn = string | ConvertedColumn<unknown, unknown>

/** The columns `values` sets; fields left out (undefined) are not touched. */
export function columnsOf<Fields extends object, Table>(
  map: ColumnMap<Fields, Table>,
  values: Partial<Fields>,
): Updateable<Table> {
  const set: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(values)) {
    const column = map[field as keyof Fields] as AnyColumn | undefined
    if (value === undefined || column === undefined) continue
    if (typeof column === 'string') set[column] = value
    else set[column.column] = column.write === undefined ? value : column.write(value)
  }
  return set as Updateable<Table>
}

/** Every field of `map` read from `row`. */
export function fieldsOf<Fields extends object, Table>(
  map: ColumnMap<Fields, Table>,
  row: Selectable<Table>,
): Fields {
  const stored = row as Record<string, unknown>
  const fields: Record<string, unknown> = {}
  for (const [field, entry] of Object.entries(map)) {
    const column = entry as AnyColumn
    if (typeof column === 'string') fields[field] = stored[column]
    else
      fields[field] =
        column.read === undefined ? stored[column.column] : column.read(stored[column.column] as never)
  }
  return fields as Fields
}

/** The id and timestamps every entity table has. */
interface EntityColumns {
  readonly id: number
  readonly created_at: Date
  readonly updated_at: Date
}

/** An entity as stored: its fields by `map`, with its id and timestamps. */
export function entityOf<Fields extends object, Table>(
  map: ColumnMap<Fields, Table>,
  row: Selectable<Table> & EntityColumns,
): Fields & { readonly id: number; readonly createdAt: Date; readonly updatedAt: Date } {
  return { id: row.id, ...fieldsOf(map, row), createdAt: row.created_at, updatedAt: row.updated_at }
}
