import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import { StoreDamagedError } from '../../errors.js'

/** Which checks the engine allowed; the README says what each one finds. */
export interface SelfCheckReport {
  readonly tables: number
  readonly indexes: number
  /** amcheck: every btree index verified, every heap tuple found in its indexes, heap pages verified. */
  readonly amcheck: boolean
  /** pageinspect: every heap block a primary key points into exists and is not a zeroed page. */
  readonly indexReferences: boolean
}

interface Relation {
  readonly table: string
  readonly index: string | null
  readonly primary: boolean
  /** The index's first key column. */
  readonly key: string | null
}

function messageOf(err: unknown): string {
  return err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err)
}

/** An extension the store needs for a check; false when the engine or the role does not allow it. */
async function tryExtension(db: Kysely<unknown>, name: 'amcheck' | 'pageinspect'): Promise<boolean> {
  try {
    await sql`create extension if not exists ${sql.id(name)}`.execute(db)
    return true
  } catch {
    return false
  }
}

async function relations(db: Kysely<unknown>): Promise<Relation[]> {
  const { rows } = await sql<Relation>`
    select t.relname as "table", i.relname as "index", coalesce(x.indisprimary, false) as "primary",
      (select attname from pg_attribute where attrelid = t.oid and attnum = x.indkey[0]) as "key"
    from pg_class t
    join pg_namespace n on n.oid = t.relnamespace
    left join pg_index x on x.indrelid = t.oid
    left join pg_class i on i.oid = x.indexrelid
    left join pg_am a on a.oid = i.relam
    where n.nspname = 'public' and t.relkind = 'r' and (i.oid is null or a.amname = 'btree')
    order by t.relname, i.relname`.execute(db)
  return rows
}

/**
 * Primary-key entries pointing past the end of the table or into an all-zero page: rows whose
 * table page was truncated or zeroed, which neither PostgreSQL's checksums (a zeroed page passes
 * them) nor amcheck's heap-to-index direction see.
 */
async function danglingReferences(db: Kysely<unknown>, table: string, index: string): Promise<number> {
  const { rows } = await sql<{ dangling: number }>`
    with leaf as (
      select b, s.btpo_next
      from generate_series(1, greatest(pg_relation_size(${index}::regclass) / 8192 - 1, 0)) b,
        lateral bt_page_stats(${index}, b) s
      where s.btpo_level = 0 and s.type not in ('d', 'e')),
    blocks as (
      select distinct ((t.tid)::text::point)[0]::bigint as blk
      from leaf,
        lateral bt_page_items(${index}, leaf.b) i,
        lateral unnest(coalesce(i.tids, array[i.htid])) t(tid)
      -- the first item of a page with a right sibling is its high key, not a row
      where i.htid is not null and not (i.itemoffset = 1 and leaf.btpo_next <> 0))
    select count(*)::int as dangling from blocks
    where blk >= pg_relation_size(${table}::regclass) / 8192
      or (page_header(get_raw_page(${table}, blk))).upper = 0`.execute(db)
  return rows[0]?.dangling ?? 0
}

/** Rows counted through the table and through its primary key; they differ when one lost pages. */
async function countsAgree(db: Kysely<unknown>, table: string, key: string): Promise<[number, number]> {
  return db.transaction().execute(async (tx) => {
    const bySeq = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(tx)
    await sql`set local enable_seqscan = off`.execute(tx)
    await sql`set local enable_bitmapscan = off`.execute(tx)
    await sql`set local enable_indexonlyscan = off`.execute(tx)
    const byIndex = await sql<{ n: number }>`
      select count(*)::int as n from (select * from ${sql.table(table)} order by ${sql.ref(key)} offset 0) s`.execute(
      tx,
    )
    return [bySeq.rows[0]?.n ?? 0, byIndex.rows[0]?.n ?? 0]
  })
}

/**
 * Verify the store before anything is served; throws {@link StoreDamagedError} naming the first
 * table or index that disagrees. Runs before migrations, so a damaged store is never written.
 */
export async function selfCheckStore(db: Kysely<unknown>): Promise<SelfCheckReport> {
  const amcheck = await tryExtension(db, 'amcheck')
  const pageinspect = await tryExtension(db, 'pageinspect')
  const rels = await relations(db)
  const tables = [...new Set(rels.map((r) => r.table))]
  const indexes = rels.filter((r): r is Relation & { index: string } => r.index !== null)
  const damaged = (what: string, detail: string): StoreDamagedError =>
    new StoreDamagedError(
      `The store is damaged: ${what}: ${detail}; refusing to start (restore it with dc-controller restore)`,
    )
  const run = async (what: string, check: () => Promise<string | undefined>): Promise<void> => {
    let problem: string | undefined
    try {
      problem = await check()
    } catch (err) {
      problem = messageOf(err)
    }
    if (problem !== undefined) throw damaged(what, problem)
  }
  for (const { table, index, primary, key } of indexes) {
    if (amcheck) {
      await run(`index ${index} of table ${table}`, async () => {
        await sql`select bt_index_check(${index}::regclass, true)`.execute(db)
        return undefined
      })
    }
    if (primary && key !== null) {
      await run(`table ${table}`, async () => {
        const [bySeq, byIndex] = await countsAgree(db, table, key)
        return bySeq === byIndex ? undefined : `${bySeq} rows in the table, ${byIndex} through ${index}`
      })
      if (pageinspect) {
        await run(`table ${table}`, async () => {
          const dangling = await danglingReferences(db, table, index)
          return dangling === 0 ? undefined : `${index} points into ${dangling} missing or zeroed page(s)`
        })
      }
    }
  }
  if (amcheck) {
    for (const table of tables) {
      await run(`table ${table}`, async () => {
        const { rows } = await sql<{ msg: string }>`
          select msg from verify_heapam(${table}::regclass) limit 1`.execute(db)
        return rows[0]?.msg
      })
    }
  }
  return { tables: tables.length, indexes: indexes.length, amcheck, indexReferences: pageinspect }
}
