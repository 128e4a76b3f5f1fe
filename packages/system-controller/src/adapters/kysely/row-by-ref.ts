import { sql } from 'kysely'
import type { Kysely, Selectable, Transaction } from 'kysely'
import { decimalId } from './locked-mutation.js'
import type { Database } from './schema.js'

type Db = Kysely<Database> | Transaction<Database>

/** The geo tables whose rows a request names by name, uuid or id. */
type NamedTable = 'system_peers' | 'subcloud_peer_groups'

const TEXT_KEYS = {
  system_peers: ['peer_name', 'peer_uuid'],
  subcloud_peer_groups: ['peer_group_name', 'uuid'],
} as const satisfies Record<NamedTable, readonly [string, string]>

/** A row by name, uuid or decimal id, in that order of preference; locked `FOR UPDATE` with `lock`. */
export async function rowByRef<T extends NamedTable>(
  db: Db,
  table: T,
  ref: string,
  lock: boolean,
): Promise<Selectable<Database[T]> | undefined> {
  const [name, uuid] = TEXT_KEYS[table]
  const id = decimalId(ref)
  let query = db
    .selectFrom(table as NamedTable)
    .selectAll()
    .where((eb) => {
      const byText = [eb(sql.ref(name), '=', ref), eb(sql.ref(uuid), '=', ref)]
      return eb.or(id === undefined ? byText : [...byText, eb(sql.ref('id'), '=', id)])
    })
    .orderBy(sql`case when ${sql.ref(name)} = ${ref} then 0 when ${sql.ref(uuid)} = ${ref} then 1 else 2 end`)
  if (lock) query = query.forUpdate()
  // Every named table selects its own row type; kysely cannot follow a table name held generically.
  return (await query.executeTakeFirst()) as Selectable<Database[T]> | undefined
}

/**
 * How many rows of `table` point at `id` through `column`, locked so that none is added (or
 * moved away) between the count and the decision taken on it.
 */
export async function countLocked(
  trx: Transaction<Database>,
  table: 'subclouds' | 'peer_group_associations',
  column: 'peer_group_id' | 'system_peer_id',
  id: number,
): Promise<number> {
  const rows = await trx
    .selectFrom(table)
    .select(sql.ref('id').as('id'))
    .where(sql.ref(column), '=', id)
    .forUpdate()
    .execute()
  return rows.length
}
