import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { amcheck } from '@electric-sql/pglite/contrib/amcheck'
import { pageinspect } from '@electric-sql/pglite/contrib/pageinspect'
import { Kysely, Migrator, PostgresDialect } from 'kysely'
import type { Dialect } from 'kysely'
import pg from 'pg'
import { StoreDamagedError } from '../../errors.js'
import { runPgTool } from '../postgres-tools.js'
import { ControllerMigrationProvider } from './migrations/migration-provider.js'
import type { Database } from './schema.js'
import { SerializedDriver } from './serialized-driver.js'
import { selfCheckStore } from './store-self-check.js'
import type { SelfCheckReport } from './store-self-check.js'

export type DatabaseKind = 'postgres' | 'pglite'

export interface OpenDatabaseOptions {
  /** A PostgreSQL URL; when absent, embedded PGlite is used in `dataDir`. */
  readonly databaseUrl?: string | undefined
  /** Directory for PGlite's files (`<dataDir>/pglite`). */
  readonly dataDir: string
  /**
   * Run the start-up self-check and `verify` before migrating, so that a damaged or foreign store
   * is refused before anything is written to it. @default false (a scratch store of a test)
   */
  readonly selfCheck?: boolean
  /** The data directory says a store exists: an empty PGlite directory is refused, never initialised. */
  readonly expectExisting?: boolean
  /** Called after the self-check and before the migrations; throwing refuses the store. */
  readonly verify?: (db: Kysely<Database>) => Promise<void>
  /**
   * PostgreSQL: called before each connection is lent out; throwing refuses the statement or
   * transaction that asked for it. The writer lock's fence: nothing is sent while it is lost.
   */
  readonly fence?: () => void
}

export interface OpenedDatabase {
  readonly db: Kysely<Database>
  readonly kind: DatabaseKind
  /** The last migration applied. */
  readonly schemaVersion: string
  /** What the start-up self-check could run; undefined when it was not asked for. */
  readonly selfCheck: SelfCheckReport | undefined
  /** Connections handed out right now (PGlite: its one session, 0 or 1). */
  connectionsInUse(): number
  /** A consistent copy of the store while it is in use: PGlite's data directory, or `pg_dump -Fc`. */
  backupTo(file: string, signal: AbortSignal): Promise<void>
}

/** The migrations this release has, oldest first. */
export async function knownSchemaVersions(): Promise<string[]> {
  return Object.keys(await new ControllerMigrationProvider().getMigrations()).sort()
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
  backupTo(file: string, signal: AbortSignal): Promise<void>
}

/** PGlite's files inside the data directory. */
export function pgliteDir(dataDir: string): string {
  return join(dataDir, 'pglite')
}

/** Extensions the self-check uses; PGlite ships both. */
export const PGLITE_EXTENSIONS = { amcheck, pageinspect }

/**
 * Open PGlite, refusing a directory with files but no database: PGlite would initialise a new one
 * over them and the controller would come up as a different, empty system.
 */
export async function openPglite(dataDir: string, expectExisting: boolean): Promise<PGlite> {
  const dir = pgliteDir(dataDir)
  mkdirSync(dir, { recursive: true })
  if (!existsSync(join(dir, 'PG_VERSION')) && (expectExisting || readdirSync(dir).length > 0)) {
    throw new StoreDamagedError(
      `The embedded database in ${dir} is missing or damaged (no PG_VERSION); refusing to initialise a new ` +
        'one over it (restore it with dc-controller restore, or move the directory away)',
    )
  }
  // Checksums only at creation (initdb); an older store keeps what it was made with.
  return PGlite.create({
    dataDir: dir,
    initDbStartParams: ['--data-checksums'],
    extensions: PGLITE_EXTENSIONS,
  })
}

/** PGlite's data directory, gzipped, into a new file (never over an existing one), synced. */
export async function dumpPglite(client: PGlite, file: string): Promise<void> {
  const dump = await client.dumpDataDir('gzip')
  await writeFile(file, new Uint8Array(await dump.arrayBuffer()), { flag: 'wx', flush: true })
}

async function pgliteDialect(dataDir: string, expectExisting: boolean): Promise<OpenedDialect> {
  const client = await openPglite(dataDir, expectExisting)
  // Loaded only here: kysely-pglite's entry also loads its code generator (kysely-codegen, jiti,
  // Babel), 0.67 s and 70 MB that a controller on PostgreSQL paid at every start for nothing.
  const { KyselyPGlite } = await import('kysely-pglite')
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
    // PGlite runs one statement at a time: the dump is taken between two of them, so it is consistent.
    backupTo: (file) => dumpPglite(client, file),
  }
}

function postgresDialect(url: string, fence: () => void): OpenedDialect {
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  // A client that loses its server must not crash the process, whether idle in the pool (the pool's
  // 'error') or checked out between two queries of a transaction (the client's own 'error', which
  // nothing else listens to then); the next query on it fails, and the pool drops it on release.
  pool.on('error', () => undefined)
  pool.on('connect', (client) => client.on('error', () => undefined))
  return {
    dialect: new PostgresDialect({
      pool: {
        connect: () => {
          fence()
          return pool.connect()
        },
        end: () => pool.end(),
      },
    }),
    connectionsInUse: () => pool.totalCount - pool.idleCount,
    // pg_dump takes one snapshot for the whole dump.
    backupTo: (file, signal) => runPgTool('pg_dump', ['-Fc', '--no-owner', '-f', file, url], signal),
  }
}

/** Open the store and bring its schema to the latest migration. The same migrations run on both kinds. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const kind: DatabaseKind = options.databaseUrl === undefined ? 'pglite' : 'postgres'
  const { dialect, connectionsInUse, backupTo } =
    options.databaseUrl === undefined
      ? await pgliteDialect(options.dataDir, options.expectExisting ?? false)
      : postgresDialect(options.databaseUrl, options.fence ?? (() => undefined))
  const db = new Kysely<Database>({ dialect })
  let selfCheck: SelfCheckReport | undefined
  if (options.selfCheck === true) {
    try {
      selfCheck = await selfCheckStore(db as Kysely<unknown>)
      await options.verify?.(db)
    } catch (err) {
      await db.destroy()
      throw err
    }
  }
  const migrator = new Migrator({ db, provider: new ControllerMigrationProvider() })
  const { error, results } = await migrator.migrateToLatest()
  if (error !== undefined) {
    await db.destroy()
    const failed = results?.find((r) => r.status === 'Error')
    throw new MigrationFailedError(failed?.migrationName, { cause: error })
  }
  const versions = await knownSchemaVersions()
  return { db, kind, schemaVersion: versions.at(-1) ?? '', selfCheck, connectionsInUse, backupTo }
}
