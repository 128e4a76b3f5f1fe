import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { parseProcessFlags } from '@dc/runtime'
import pg from 'pg'
import { PGLITE_EXTENSIONS, dumpPglite, openPglite, pgliteDir } from '../adapters/kysely/open-database.js'
import type { DatabaseKind } from '../adapters/kysely/open-database.js'
import { runPgTool } from '../adapters/postgres-tools.js'
import { takeWriterLock } from '../adapters/postgres-writer-lock.js'
import { DEFAULT_DATA_DIR } from '../config.js'
import { ConfigError, StoreBackupError } from '../errors.js'
import { askHolder, lockDataDir, lockToken } from './data-dir-lock.js'
import { writeStoreIdentity } from './store-identity.js'

export type StoreCommandName = 'backup' | 'restore'

export const STORE_COMMAND_USAGE =
  'usage: dc-controller backup --out FILE [--data-dir DIR]\n' +
  '       dc-controller restore --from FILE [--data-dir DIR]\n' +
  '  With DATABASE_URL set, the PostgreSQL database is dumped (pg_dump -Fc) or restored into (it must be empty).'

export function isStoreCommand(word: string | undefined): word is StoreCommandName {
  return word === 'backup' || word === 'restore'
}

interface StoreCommandConfig {
  readonly dataDir: string
  readonly file: string
  readonly databaseUrl: string | undefined
}

function parseStoreCommand(
  name: StoreCommandName,
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): StoreCommandConfig {
  const fileFlag = name === 'backup' ? 'out' : 'from'
  const values = parseProcessFlags(
    argv,
    {
      'data-dir': { type: 'string', value: 'DIR', help: "the controller's data directory" },
      [fileFlag]: { type: 'string', value: 'FILE', help: 'the backup file' },
    },
    (message) => new ConfigError(message),
  ) as Record<string, string | undefined>
  const file = values[fileFlag]
  if (file === undefined || file === '') throw new ConfigError(`--${fileFlag} FILE is required`)
  const dataDir = values['data-dir']
  if (dataDir === '') throw new ConfigError('--data-dir must not be empty')
  const databaseUrl = env.DATABASE_URL !== undefined && env.DATABASE_URL !== '' ? env.DATABASE_URL : undefined
  return { dataDir: resolve(cwd, dataDir ?? DEFAULT_DATA_DIR), file: resolve(cwd, file), databaseUrl }
}

/** What the client of a store needs to read the identity of what was restored. */
interface Queryable {
  query<T>(text: string): Promise<{ rows: T[] }>
}

/** The restored system's identity, read from the store itself. */
async function writeRestoredIdentity(
  dataDir: string,
  kind: DatabaseKind,
  client: Queryable,
): Promise<string> {
  const system = await client.query<{ uuid: string }>('select uuid from system where id = 1')
  const migration = await client.query<{ name: string }>('select max(name) as name from kysely_migration')
  const systemUuid = system.rows[0]?.uuid
  const schemaVersion = migration.rows[0]?.name
  if (systemUuid === undefined || schemaVersion === undefined) {
    throw new StoreBackupError('The backup holds no dc-controller system; nothing restored')
  }
  writeStoreIdentity(dataDir, { systemUuid, storeKind: kind, schemaVersion })
  return systemUuid
}

async function backup(config: StoreCommandConfig, signal: AbortSignal): Promise<string> {
  if (existsSync(config.file)) throw new StoreBackupError(`--out ${config.file} exists; name a new file`)
  const temp = `${config.file}.partial`
  // Left by an interrupted backup; the controller never overwrites a file.
  rmSync(temp, { force: true })
  try {
    if (config.databaseUrl !== undefined) {
      await runPgTool('pg_dump', ['-Fc', '--no-owner', '-f', temp, config.databaseUrl], signal)
    } else if (
      !(await askHolder(
        config.dataDir,
        { op: 'backup', out: temp, token: lockToken(config.dataDir) },
        signal,
      ))
    ) {
      // Nobody runs on the directory: hold it while the copy is taken, so no controller starts meanwhile.
      if (!existsSync(resolve(pgliteDir(config.dataDir), 'PG_VERSION'))) {
        throw new StoreBackupError(`${config.dataDir} holds no embedded database`)
      }
      const lock = await lockDataDir(config.dataDir)
      try {
        const client = await openPglite(config.dataDir, true)
        try {
          await dumpPglite(client, temp)
        } finally {
          await client.close()
        }
      } finally {
        await lock.release()
      }
    }
    renameSync(temp, config.file)
  } catch (err) {
    rmSync(temp, { force: true })
    if (err instanceof StoreBackupError || err instanceof ConfigError) throw err
    throw new StoreBackupError(`Backup failed: ${err instanceof Error ? err.message : String(err)}`, {
      cause: err,
    })
  }
  return `backup of ${config.databaseUrl === undefined ? config.dataDir : 'the PostgreSQL database'} written to ${config.file} (${statSync(config.file).size} bytes)`
}

/** A PGlite backup is PGlite's gzipped data directory; a PostgreSQL one is pg_dump's custom format. */
function backupKind(file: string): DatabaseKind {
  const head = readFileSync(file).subarray(0, 5)
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite'
  if (head.toString('latin1') === 'PGDMP') return 'postgres'
  throw new StoreBackupError(
    `${file} is neither a dc-controller PGlite backup nor a pg_dump custom-format file`,
  )
}

async function restore(config: StoreCommandConfig, signal: AbortSignal): Promise<string> {
  if (!existsSync(config.file)) throw new StoreBackupError(`--from ${config.file} does not exist`)
  const kind = backupKind(config.file)
  if (kind === 'pglite' && config.databaseUrl !== undefined) {
    throw new StoreBackupError(`${config.file} is a PGlite backup; unset DATABASE_URL to restore it`)
  }
  if (kind === 'postgres' && config.databaseUrl === undefined) {
    throw new StoreBackupError(
      `${config.file} is a PostgreSQL backup; set DATABASE_URL to the (empty) database`,
    )
  }
  if (existsSync(config.dataDir) && readdirSync(config.dataDir).length > 0) {
    throw new StoreBackupError(`--data-dir ${config.dataDir} is not empty; restore into a new directory`)
  }
  const lock = await lockDataDir(config.dataDir)
  try {
    const uuid =
      config.databaseUrl === undefined
        ? await restorePglite(config)
        : await restorePostgres(config, config.databaseUrl, signal)
    return `restored system ${uuid} into ${config.databaseUrl === undefined ? config.dataDir : 'the PostgreSQL database'}; start dc-controller with --data-dir ${config.dataDir}`
  } catch (err) {
    // A failed restore leaves the directory as empty as it was found, so it can be tried again.
    for (const entry of readdirSync(config.dataDir))
      rmSync(resolve(config.dataDir, entry), { recursive: true, force: true })
    throw err
  } finally {
    await lock.release()
  }
}

async function restorePglite(config: StoreCommandConfig): Promise<string> {
  const client = await PGlite.create({
    dataDir: pgliteDir(config.dataDir),
    loadDataDir: new Blob([readFileSync(config.file)]),
    extensions: PGLITE_EXTENSIONS,
  })
  try {
    return await writeRestoredIdentity(config.dataDir, 'pglite', client)
  } finally {
    await client.close()
  }
}

async function restorePostgres(
  config: StoreCommandConfig,
  url: string,
  signal: AbortSignal,
): Promise<string> {
  // Held while restoring, so no controller starts on a half-restored database.
  const writer = await takeWriterLock(url, { onLost: () => undefined })
  const client = new pg.Client({ connectionString: url })
  client.on('error', () => undefined)
  await client.connect()
  try {
    const { rows } = await client.query<{ n: number }>(
      "select count(*)::int as n from pg_tables where schemaname = 'public'",
    )
    if ((rows[0]?.n ?? 0) > 0) {
      throw new StoreBackupError('The PostgreSQL database is not empty; restore into a new database')
    }
    await runPgTool('pg_restore', ['--no-owner', '--exit-on-error', '-d', url, config.file], signal)
    return await writeRestoredIdentity(config.dataDir, 'postgres', client)
  } finally {
    await client.end()
    await writer.release()
  }
}

/** `dc-controller backup|restore`: resolves with the line to print; throws ConfigError or StoreBackupError. */
export async function runStoreCommand(
  name: StoreCommandName,
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  options: { readonly cwd: string; readonly signal: AbortSignal },
): Promise<string> {
  const config = parseStoreCommand(name, argv, env, options.cwd)
  return name === 'backup' ? backup(config, options.signal) : restore(config, options.signal)
}
