import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import type { Test } from 'uvu'
import { openDatabase } from '../src/adapters/kysely/open-database.js'
import type { Database } from '../src/adapters/kysely/schema.js'

/** What a suite's context holds of its database. */
export interface DatabaseCtx {
  db: Kysely<Database> | undefined
}

/** The suite's open database. */
export function openedDb(ctx: DatabaseCtx): Kysely<Database> {
  if (ctx.db === undefined) throw new Error('database not open')
  return ctx.db
}

/**
 * Give the suite a fresh database (embedded PGlite, migrated) in a temporary directory of its
 * own: opened as `ctx.db` before its first test, closed and deleted after its last. Register it
 * before the suite's own hooks that use the database.
 */
export function useTempDatabase<C extends DatabaseCtx>(test: Test<C>, prefix: string): void {
  let dir: string | undefined
  test.before(async (ctx) => {
    dir = await mkdtemp(join(tmpdir(), prefix))
    ctx.db = (await openDatabase({ dataDir: dir })).db
  })
  test.after(async (ctx) => {
    await ctx.db?.destroy()
    if (dir !== undefined) await rm(dir, { recursive: true, force: true })
  })
}
