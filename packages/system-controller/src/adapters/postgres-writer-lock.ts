import { hostname } from 'node:os'
import pg from 'pg'
import { StoreLockedError } from '../errors.js'
import type { StoreHolder } from '../errors.js'

/**
 * The advisory lock key, `(classid, objid)`: advisory locks are per database, and one database
 * holds one system's store, so a fixed key is the system's key.
 */
const LOCK_CLASS = 0x44_43_43_54 // 'DCCT'
const LOCK_OBJECT = 1
/** How often the lock's session is probed, so a silently dropped connection is noticed. */
const PROBE_INTERVAL_MS = 2_000

export interface WriterLockOptions {
  /** Called once when the session holding the lock is gone: the caller must stop writing. */
  readonly onLost: (reason: string) => void
}

/** The session advisory lock that makes this process the one writer of a PostgreSQL store. */
export interface WriterLock {
  release(): Promise<void>
}

/** Our own sessions name their process; anybody else's holder is named by what the server knows. */
const APPLICATION_NAME = /^dc-controller pid (\d+) on (.+)$/

interface HolderRow {
  readonly pid: number
  readonly application_name: string | null
  readonly client: string | null
  readonly backend_start: Date | null
}

async function holderOf(client: pg.Client): Promise<StoreHolder> {
  const { rows } = await client.query<HolderRow>(
    `select a.pid, a.application_name, coalesce(a.client_hostname, host(a.client_addr), 'local socket') as client,
       a.backend_start
     from pg_locks l join pg_stat_activity a on a.pid = l.pid
     where l.locktype = 'advisory' and l.granted and l.classid = $1 and l.objid = $2 and l.objsubid = 2
       and l.database = (select oid from pg_database where datname = current_database())`,
    [LOCK_CLASS, LOCK_OBJECT],
  )
  const row = rows[0]
  if (row === undefined) return {}
  const named = APPLICATION_NAME.exec(row.application_name ?? '')
  return {
    pid: named === null ? undefined : Number(named[1]),
    host: named === null ? `PostgreSQL backend ${row.pid} from ${row.client ?? 'unknown'}` : named[2],
    since: row.backend_start?.toISOString(),
  }
}

/** Take the writer lock of the database at `url`, or throw {@link StoreLockedError} naming its holder. */
export async function takeWriterLock(url: string, options: WriterLockOptions): Promise<WriterLock> {
  const client = new pg.Client({
    connectionString: url,
    application_name: `dc-controller pid ${process.pid} on ${hostname()}`,
    keepAlive: true,
  })
  // Only a lock once held can be lost; a failure before that is the start's failure.
  let held = false
  const probing: { timer?: NodeJS.Timeout } = {}
  const lose = (reason: string): void => {
    if (!held) return
    held = false
    clearInterval(probing.timer)
    options.onLost(reason)
  }
  client.on('error', (err) => lose(err.message))
  client.on('end', () => lose('the session ended'))
  await client.connect()
  const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1, $2) as ok', [
    LOCK_CLASS,
    LOCK_OBJECT,
  ])
  if (rows[0]?.ok !== true) {
    const holder = await holderOf(client).finally(() => client.end())
    throw new StoreLockedError(`PostgreSQL database ${client.database ?? ''}`, holder)
  }
  held = true
  probing.timer = setInterval(() => {
    client.query('select 1').catch((err: unknown) => lose(err instanceof Error ? err.message : String(err)))
  }, PROBE_INTERVAL_MS)
  probing.timer.unref()
  return {
    release: async () => {
      held = false
      clearInterval(probing.timer)
      await client.end().catch(() => undefined)
    },
  }
}
