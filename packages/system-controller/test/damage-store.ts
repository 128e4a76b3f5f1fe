import { randomBytes } from 'node:crypto'
import { open, truncate } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { PGlite } from '@electric-sql/pglite'

/** The ways the probe of issue 11 damaged a store. */
export type Damage =
  'truncate-table' | 'zero-table-page' | 'garbage-table-page' | 'truncate-primary-key' | 'zero-index-page'

export const DAMAGES: readonly Damage[] = [
  'truncate-table',
  'zero-table-page',
  'garbage-table-page',
  'truncate-primary-key',
  'zero-index-page',
]

const PAGE = 8192

/** The files of `table` and of its primary key, inside the stopped store in `dataDir`. */
export async function relationFiles(
  dataDir: string,
  table: string,
): Promise<{ table: string; primaryKey: string }> {
  const dir = join(dataDir, 'pglite')
  const pg = await PGlite.create({ dataDir: dir })
  try {
    const { rows } = await pg.query<{ heap: string; pkey: string }>(
      `select pg_relation_filepath($1::regclass) as heap, pg_relation_filepath(indexrelid) as pkey
       from pg_index where indrelid = $1::regclass and indisprimary`,
      [table],
    )
    const row = rows[0]
    if (row === undefined) throw new Error(`table ${table} has no primary key`)
    return { table: join(dir, row.heap), primaryKey: join(dir, row.pkey) }
  } finally {
    await pg.close()
  }
}

async function overwritePage(file: string, page: number, bytes: Uint8Array): Promise<void> {
  const handle = await open(file, 'r+')
  try {
    await handle.write(bytes, 0, PAGE, page * PAGE)
  } finally {
    await handle.close()
  }
}

/** Damage `table` of the stopped store in `dataDir` the way `damage` says. */
export async function damageStore(dataDir: string, table: string, damage: Damage): Promise<void> {
  const files = await relationFiles(dataDir, table)
  switch (damage) {
    case 'truncate-table':
      return truncate(files.table, PAGE)
    case 'zero-table-page':
      return overwritePage(files.table, 1, new Uint8Array(PAGE))
    case 'garbage-table-page':
      return overwritePage(files.table, 1, randomBytes(PAGE))
    case 'truncate-primary-key':
      return truncate(files.primaryKey, PAGE)
    case 'zero-index-page':
      return overwritePage(files.primaryKey, 1, new Uint8Array(PAGE))
    default:
      damage satisfies never
  }
}

// Process-level tests run it as a script: damage-store.ts DATA_DIR TABLE DAMAGE
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dataDir, table, damage] = process.argv.slice(2)
  if (dataDir === undefined || table === undefined || !DAMAGES.includes(damage as Damage)) {
    process.stderr.write(`usage: damage-store.ts DATA_DIR TABLE ${DAMAGES.join('|')}\n`)
    process.exitCode = 2
  } else {
    await damageStore(dataDir, table, damage as Damage)
  }
}
