import { sql } from 'kysely'
import type { Kysely, Selectable, Transaction } from 'kysely'
import { decimalId } from './locked-mutation.js'
import type { Database } from './schema.js'

type Db = Kysely<Database> | Transaction<Database>

/** The tables whose rows a request names by name (or uuid) or id. */
export type NamedTable = 'system_peers' | 'subcloud_peer_groups' | 'subcloud_groups'

/** The text keys a reference may match, in order of preference. */
const TEXT_KEYS = {
  system_peers: ['peer_name', 'peer_uuid'],
  subcloud_peer_groups: ['peer_group_name', 'uuid'],
  subcloud_groups: ['name'],
} as const satisfies Record<NamedTable, readonly string[]>

/** A row by its text keys or decimal id, in that order of preference; locked `FOR UPDATE` with `lock`. */
export async function rowByRef<T extends NamedTable>(
  db: Db,
  table: T,
  ref: string,
  lock: boolean,
): Promise<Selectable<Database[T]> | undefined> {
  const keys: readonly string[] = TEXT_KEYS[table]
  const id = decimalId(ref)
  const preference = keys.map((key, i) => sql`when ${sql.ref(key)} = ${ref} then ${sql.lit(i)}`)
  let query = db
    .selectFrom(table as NamedTable)
    .selectAll()
    .where((eb) => {
      const byText = keys.map((key) => eb(sql.ref(key), '=', ref))
      return eb.or(id === undefined ? byText : [...byText, eb(sql.ref('id'), '=', id)])
    })
    .orderBy(sql`case ${sql.join(preference, sql` `)} else ${sql.lit(keys.length)} end`)
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
  column: 'group_id' | 'peer_group_id' | 'system_peer_id',
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
