import { sql } from 'kysely'
import type { Kysely, Selectable, Transaction, Updateable } from 'kysely'
import type { Database } from './schema.js'

type Db = Kysely<Database> | Transaction<Database>

/** The tables of the entities a service inserts, updates and deletes one at a time. */
export type EntityTable =
  'system_peers' | 'subcloud_peer_groups' | 'peer_group_associations' | 'subcloud_groups'

function updateQuery<T extends EntityTable>(db: Db, table: T, id: number, set: Updateable<Database[T]>) {
  return db
    .updateTable(table as EntityTable)
    .set({ ...(set as Updateable<Database[EntityTable]>), updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
}

/** Set `set` and a new `updated_at` on row `id`; the row as it is after, undefined when there is none. */
export async function updateRowById<T extends EntityTable>(
  db: Db,
  table: T,
  id: number,
  set: Updateable<Database[T]>,
): Promise<Selectable<Database[T]> | undefined> {
  // kysely cannot follow a table name held generically: the row is the table's, by `T`.
  return (await updateQuery(db, table, id, set).executeTakeFirst()) as Selectable<Database[T]> | undefined
}

/** {@link updateRowById} of a row the transaction holds locked, so it is there. */
export async function updateLockedRow<T extends EntityTable>(
  trx: Transaction<Database>,
  table: T,
  id: number,
  set: Updateable<Database[T]>,
): Promise<Selectable<Database[T]>> {
  return (await updateQuery(trx, table, id, set).executeTakeFirstOrThrow()) as Selectable<Database[T]>
}

/** Delete row `id` of `table`. */
export async function deleteRowById(
  trx: Transaction<Database>,
  table: EntityTable,
  id: number,
): Promise<void> {
  await trx.deleteFrom(table).where('id', '=', id).execute()
}

/** The entity of the row of `table` whose unique `column` is `value`; undefined when there is none. */
export async function findRow<T extends EntityTable, Entity>(
  db: Db,
  table: T,
  column: 'id' | 'uuid',
  value: number | string,
  map: (row: Selectable<Database[T]>) => Entity,
): Promise<Entity | undefined> {
  const row = await db
    .selectFrom(table as EntityTable)
    .selectAll()
    .where(sql.ref(column), '=', value)
    .executeTakeFirst()
  // kysely cannot follow a table name held generically: the row is the table's, by `T`.
  return row === undefined ? undefined : map(row as Selectable<Database[T]>)
}
