import type { Insertable, Kysely, Selectable } from 'kysely'
import type { InsertResult } from '../../ports/mutation.js'
import type { EntityTable } from './row-by-id.js'
import type { Database } from './schema.js'
import { isUniqueViolation, translateStoreError } from './store-errors.js'

/**
 * Insert one row and map it to its domain type: `taken` when a unique key (a name, a uuid, a
 * pair) is held by another row, driver failures translated.
 */
export async function insertRow<T extends EntityTable, Row>(
  db: Kysely<Database>,
  table: T,
  values: Insertable<Database[T]>,
  props: { readonly what: string; readonly map: (row: Selectable<Database[T]>) => Row },
): Promise<InsertResult<Row>> {
  try {
    // kysely cannot follow a table name held generically: the row is the table's, by `T`.
    const row = await db
      .insertInto(table as EntityTable)
      .values(values as Insertable<Database[EntityTable]>)
      .returningAll()
      .executeTakeFirstOrThrow()
    return { kind: 'created', row: props.map(row as Selectable<Database[T]>) }
  } catch (err) {
    if (isUniqueViolation(err)) return { kind: 'taken' }
    throw translateStoreError(err, props.what)
  }
}
