import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, realpathSync } from 'node:fs'
import { chown, mkdir, readFile, readdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import pg from 'pg'
import { waitFor } from '@dc/test-support'
import { onProcessExit } from './exit-cleanup.js'
import { findExecutable } from './find-executable.js'
import { freePort } from './free-port.js'
import { installDebianPackage } from './install-debian-package.js'
import { runChecked, runCommand } from './processes.js'
import { makeTempDir, removeTempDir } from './temp-dir.js'

export interface StartPostgresOptions {
  /**
   * Server to create databases on. `undefined` reads `DATABASE_URL`; `null`, or an unset
   * `DATABASE_URL`, starts a private cluster instead.
   * @default process.env.DATABASE_URL
   */
  databaseUrl?: string | null
  signal?: AbortSignal
}

/** A PostgreSQL server handing out a fresh database per call. */
export interface PostgresServer {
  /** `external`: the server at DATABASE_URL; `private`: a cluster started for this run. */
  readonly mode: 'external' | 'private'
  /** URL of the server's maintenance database (`postgres`), for administrative connections. */
  readonly url: string
  /**
   * Creates a new, empty database and resolves with its URL. `hint` (lowercase letters, digits,
   * underscores) ends the generated unique name, to tell databases apart in logs.
   */
  createDatabase(hint?: string): Promise<string>
  /** Drops the databases it created (external) or stops and deletes the cluster (private). */
  stop(): Promise<void>
  /**
   * Private cluster only: SIGKILLs the postmaster and every backend at once, as a crash would, and
   * resolves once they are gone. Create the databases a test needs before the first kill.
   */
  kill9(): Promise<void>
  /** Private cluster only: starts the server again on the same port and data, after {@link kill9}. */
  restart(): Promise<void>
}

interface DatabaseFactory {
  create(hint?: string): Promise<string>
  close(dropCreated: boolean): Promise<void>
}

interface PrivateCluster {
  url: string
  stop(): Promise<void>
  kill9(): Promise<void>
  restart(): Promise<void>
}

const runId = randomBytes(3).toString('hex')
let databaseCount = 0
const START_ATTEMPTS = 3
const VERSIONS_DIR = '/usr/lib/postgresql'

async function databaseFactory(adminUrl: string): Promise<DatabaseFactory> {
  const admin = new pg.Client({ connectionString: adminUrl })
  // A server going away must surface on the next query, not as an unhandled 'error' event.
  admin.on('error', () => {})
  await admin.connect()
  const created: string[] = []
  return {
    create: async (hint) => {
      if (hint !== undefined && !/^[a-z0-9_]{1,30}$/.test(hint)) {
        throw new Error(`database name hint must match [a-z0-9_]{1,30}, got ${JSON.stringify(hint)}`)
      }
      // pid and a per-process random id keep parallel runs, and a crashed earlier run, apart.
      const name = [`dct_${process.pid}_${runId}_${++databaseCount}`, hint].filter(Boolean).join('_')
      await admin.query(`CREATE DATABASE "${name}"`)
      created.push(name)
      const url = new URL(adminUrl)
      url.pathname = `/${name}`
      return url.toString()
    },
    close: async (dropCreated) => {
      try {
        // FORCE (PostgreSQL 13+) ends sessions a test forgot to close instead of failing the drop.
        if (dropCreated) {
          for (const name of created.splice(0))
            await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
        }
      } finally {
        await admin.end()
      }
    },
  }
}

function postgresBinDir(): string | undefined {
  const versions = existsSync(VERSIONS_DIR) ? readdirSync(VERSIONS_DIR) : []
  const versionedDirs = versions
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => join(VERSIONS_DIR, v, 'bin'))
  const initdb = findExecutable('initdb', versionedDirs)
  if (initdb === undefined) return undefined
  // PATH often holds symlinks into the versioned directory; pg_ctl and postgres live beside the target.
  const dir = dirname(realpathSync(initdb))
  return existsSync(join(dir, 'pg_ctl')) && existsSync(join(dir, 'postgres')) ? dir : undefined
}

async function ensurePostgresBinDir(signal: AbortSignal | undefined): Promise<string> {
  const found = postgresBinDir()
  if (found !== undefined) return found
  await installDebianPackage('postgresql', { purpose: 'PostgreSQL (initdb, pg_ctl, postgres)', signal })
  const installed = postgresBinDir()
  if (installed === undefined)
    throw new Error('installed Debian package postgresql but found no initdb/pg_ctl')
  return installed
}

async function postgresUserId(flag: '-u' | '-g'): Promise<number> {
  const result = await runCommand('id', [flag, 'postgres'])
  if (result.code !== 0) {
    throw new Error(
      'PostgreSQL refuses to run as root and there is no postgres user to run it as: ' +
        'install the Debian package postgresql (it creates the user) or run the tests as another user',
    )
  }
  return Number(result.stdout.trim())
}

/**
 * The command line running a PostgreSQL program as the cluster's owner. PostgreSQL refuses to run
 * as root, so as root that is the `postgres` user (through runuser, or su where util-linux's runuser
 * is missing); as anyone else it is that user.
 */
function asClusterOwner(asRoot: boolean, program: string, args: readonly string[]): [string, string[]] {
  if (!asRoot) return [program, [...args]]
  if (findExecutable('runuser', ['/usr/sbin', '/sbin']) !== undefined) {
    return ['runuser', ['-u', 'postgres', '--', program, ...args]]
  }
  const quote = (word: string): string => `'${word.replaceAll("'", `'\\''`)}'`
  return ['su', ['postgres', '-s', '/bin/sh', '-c', [program, ...args].map(quote).join(' ')]]
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** The postmaster's pid (first line of postmaster.pid) and its children's, read from /proc. */
async function serverPids(dataDir: string): Promise<number[]> {
  const pidFile = await readFile(join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '')
  const postmaster = Number(pidFile.split('\n')[0])
  if (!Number.isSafeInteger(postmaster) || postmaster <= 0) return []
  const children: number[] = []
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '')
    // The fields after the parenthesised command: state, then the parent's pid.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    if (ppid === postmaster) children.push(Number(entry))
  }
  return [postmaster, ...children]
}

async function startPrivateCluster(signal: AbortSignal | undefined): Promise<PrivateCluster> {
  const binDir = await ensurePostgresBinDir(signal)
  const initdb = join(binDir, 'initdb')
  const pgCtl = join(binDir, 'pg_ctl')
  const asRoot = process.getuid?.() === 0
  const dir = await makeTempDir('dct-pg-')
  const dataDir = join(dir, 'data')
  const socketDir = join(dir, 'sock')
  const logFile = join(dir, 'postgres.log')
  try {
    await mkdir(socketDir)
    if (asRoot) {
      const [uid, gid] = [await postgresUserId('-u'), await postgresUserId('-g')]
      await Promise.all([dir, socketDir].map((path) => chown(path, uid, gid)))
    }
    const run = (program: string, args: string[]): Promise<unknown> =>
      runChecked(...asClusterOwner(asRoot, program, args), { cwd: dir, signal })
    await run(initdb, [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ])
    for (let attempt = 1; ; attempt++) {
      const port = await freePort('127.0.0.1')
      // fsync off: a test cluster must survive its server process dying, not the machine losing power.
      const serverOptions = `-c listen_addresses=127.0.0.1 -p ${port} -k ${socketDir} -c fsync=off`
      const start = (): Promise<unknown> =>
        run(pgCtl, ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '120', '-s', '-o', serverOptions])
      try {
        await start()
      } catch (error) {
        const log = await readFile(logFile, 'utf8').catch(() => '')
        if (attempt < START_ATTEMPTS && /could not bind|address already in use/i.test(log)) continue
        throw new Error(`PostgreSQL did not start; its log:\n${log}`, { cause: error })
      }
      const unregister = onProcessExit(() => {
        const [file, argv] = asClusterOwner(asRoot, pgCtl, ['stop', '-D', dataDir, '-m', 'immediate'])
        spawnSync(file, argv, { stdio: 'ignore', timeout: 30_000 })
      })
      return {
        url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
        stop: async () => {
          await run(pgCtl, ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '120', '-s'])
          unregister()
          await removeTempDir(dir)
        },
        kill9: async () => {
          const pids = await serverPids(dataDir)
          if (pids.length === 0) throw new Error('PostgreSQL is not running: no postmaster.pid')
          for (const pid of pids) {
            try {
              process.kill(pid, 'SIGKILL')
            } catch {
              // ESRCH: a backend that ended on its own.
            }
          }
          await waitFor(() => pids.every((pid) => !isRunning(pid)), {
            timeoutMs: 30_000,
            message: 'the killed PostgreSQL processes to be gone',
          })
        },
        restart: async () => {
          try {
            await start()
          } catch (error) {
            const log = await readFile(logFile, 'utf8').catch(() => '')
            throw new Error(`PostgreSQL did not restart; its log:\n${log}`, { cause: error })
          }
        },
      }
    }
  } catch (error) {
    await removeTempDir(dir)
    throw error
  }
}

/**
 * Gives a test run its own PostgreSQL databases: on the server at `DATABASE_URL` when set (fresh
 * uniquely named databases, dropped on stop), otherwise on a private cluster in a temp dir
 * (initdb as the `postgres` user when root, trust auth, 127.0.0.1 on a free port), installing
 * Debian's `postgresql` if missing and root.
 *
 * @example
 * const postgres = await startPostgres()
 * const url = await postgres.createDatabase('store')
 * ...
 * await postgres.stop()
 */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<PostgresServer> {
  const { signal } = options
  const externalUrl = options.databaseUrl === undefined ? process.env['DATABASE_URL'] : options.databaseUrl
  if (externalUrl) {
    const factory = await databaseFactory(externalUrl)
    return {
      mode: 'external',
      url: externalUrl,
      createDatabase: (hint) => factory.create(hint),
      stop: () => factory.close(true),
      kill9: () => Promise.reject(new Error("the server at DATABASE_URL is not this run's to kill")),
      restart: () => Promise.reject(new Error("the server at DATABASE_URL is not this run's to restart")),
    }
  }
  const cluster = await startPrivateCluster(signal)
  let factory: DatabaseFactory
  try {
    factory = await databaseFactory(cluster.url)
  } catch (error) {
    await cluster.stop()
    throw error
  }
  return {
    mode: 'private',
    url: cluster.url,
    createDatabase: (hint) => factory.create(hint),
    stop: async () => {
      // The cluster is deleted whole, so its databases need no dropping.
      await factory.close(false)
      await cluster.stop()
    },
    kill9: () => cluster.kill9(),
    restart: () => cluster.restart(),
  }
}
