import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, Migrator, PostgresDialect } from 'kysely'
import type { Dialect } from 'kysely'
import { KyselyPGlite } from 'kysely-pglite'
import pg from 'pg'
import { ControllerMigrationProvider } from './migrations/migration-provider.js'
import type { Database } from './schema.js'
import { SerializedDriver } from './serialized-driver.js'

export type DatabaseKind = 'postgres' | 'pglite'

export interface OpenDatabaseOptions {
  /** A PostgreSQL URL; when absent, embedded PGlite is used in `dataDir`. */
  readonly databaseUrl?: string | undefined
  /** Directory for PGlite's files (`<dataDir>/pglite`). */
  readonly dataDir: string
}

export interface OpenedDatabase {
  readonly db: Kysely<Database>
  readonly kind: DatabaseKind
  /** Connections handed out right now (PGlite: its one session, 0 or 1). */
  connectionsInUse(): number
}

/** A driver error in one line: pg's connection errors are AggregateErrors with an empty message. */
function describeCause(cause: unknown): string {
  if (cause instanceof AggregateError && cause.errors.length > 0) return describeCause(cause.errors[0])
  if (cause instanceof Error) return cause.message !== '' ? cause.message : cause.name
  return String(cause)
}

/** Raised when the schema migrations fail; the database is closed again. */
export class MigrationFailedError extends Error {
  constructor(migration: string | undefined, options: ErrorOptions) {
    super(
      migration === undefined
        ? `Database migrations could not run: ${describeCause(options.cause)}`
        : `Database migration ${migration} failed: ${describeCause(options.cause)}`,
      options,
    )
    this.name = 'MigrationFailedError'
  }
}

interface OpenedDialect {
  readonly dialect: Dialect
  connectionsInUse(): number
}

async function pgliteDialect(dataDir: string): Promise<OpenedDialect> {
  const dir = join(dataDir, 'pglite')
  mkdirSync(dir, { recursive: true })
  const client = await PGlite.create({ dataDir: dir })
  const base = new KyselyPGlite(client).dialect
  let driver: SerializedDriver | undefined
  return {
    dialect: {
      createAdapter: () => base.createAdapter(),
      createDriver: () => (driver = new SerializedDriver(base.createDriver())),
      createIntrospector: (db) => base.createIntrospector(db),
      createQueryCompiler: () => base.createQueryCompiler(),
    },
    connectionsInUse: () => driver?.inUse ?? 0,
  }
}

function postgresDialect(url: string): OpenedDialect {
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  // A client that loses its server must not crash the process, whether idle in the pool (the pool's
  // 'error') or checked out between two queries of a transaction (the client's own 'error', which
  // nothing else listens to then); the next query on it fails, and the pool drops it on release.
  pool.on('error', () => undefined)
  pool.on('connect', (client) => client.on('error', () => undefined))
  return { dialect: new PostgresDialect({ pool }), connectionsInUse: () => pool.totalCount - pool.idleCount }
}

/** Open the store and bring its schema to the latest migration. The same migrations run on both kinds. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const kind: DatabaseKind = options.databaseUrl === undefined ? 'pglite' : 'postgres'
  const { dialect, connectionsInUse } =
    options.databaseUrl === undefined
      ? await pgliteDialect(options.dataDir)
      : postgresDialect(options.databaseUrl)
  const db = new Kysely<Database>({ dialect })
  const migrator = new Migrator({ db, provider: new ControllerMigrationProvider() })
  const { error, results } = await migrator.migrateToLatest()
  if (error !== undefined) {
    await db.destroy()
    const failed = results?.find((r) => r.status === 'Error')
    throw new MigrationFailedError(failed?.migrationName, { cause: error })
  }
  return { db, kind, connectionsInUse }
}
