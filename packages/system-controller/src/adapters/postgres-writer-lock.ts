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
/** How often a lost lock is tried again while the database is unreachable. */
const RETAKE_INTERVAL_MS = 1_000

export interface WriterLockOptions {
  /** The session holding the lock is gone: the caller must stop writing until `onRetaken`. */
  readonly onLost: (reason: string) => void
  /** The lock is held again, by a new session of this process: writing may resume. */
  readonly onRetaken?: () => void
  /** Another process took the lock while it was lost: this process must never write again. */
  readonly onTaken?: (err: StoreLockedError) => void
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

/**
 * The holder is a session of this very process: the lost one, which the server has not ended yet
 * (a terminated backend exits at its own pace; one whose client vanished lasts until TCP keepalive
 * gives up). Nobody else can take the lock meanwhile, so the retake waits for it to go.
 */
function isThisProcess(holder: StoreHolder): boolean {
  return holder.pid === process.pid && holder.host === hostname()
}

function lockSession(url: string): pg.Client {
  return new pg.Client({
    connectionString: url,
    application_name: `dc-controller pid ${process.pid} on ${hostname()}`,
    keepAlive: true,
  })
}

/**
 * Connect and try the lock once. Resolves with the session holding it, or rejects with
 * {@link StoreLockedError} naming the holder (or with the connection's own failure).
 */
async function tryLock(url: string): Promise<pg.Client> {
  const client = lockSession(url)
  // Until the caller listens, a failing session must not crash the process; the query reports it.
  client.on('error', () => undefined)
  try {
    await client.connect()
    const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1, $2) as ok', [
      LOCK_CLASS,
      LOCK_OBJECT,
    ])
    if (rows[0]?.ok === true) return client
    throw new StoreLockedError(`PostgreSQL database ${client.database ?? ''}`, await holderOf(client))
  } catch (err) {
    await client.end().catch(() => undefined)
    throw err
  }
}

/**
 * Take the writer lock of the database at `url`, or throw {@link StoreLockedError} naming its holder.
 *
 * A lost session (the server restarted, or the session was terminated) fences this process at once
 * (`onLost`) and the lock is taken again in the background: a database restart is ridden out
 * without a controller restart. Should another process hold it by then, `onTaken` says this one
 * lost its place for good. Writes that were already on their way to the server when the session
 * died may still land; nothing after `onLost` is sent until `onRetaken`.
 */
export async function takeWriterLock(url: string, options: WriterLockOptions): Promise<WriterLock> {
  let session: pg.Client | undefined
  let released = false
  let probe: NodeJS.Timeout | undefined
  let retake: NodeJS.Timeout | undefined
  const lose = (client: pg.Client, reason: string): void => {
    if (session !== client || released) return
    session = undefined
    clearInterval(probe)
    void client.end().catch(() => undefined)
    options.onLost(reason)
    retake = setTimeout(retakeOnce, RETAKE_INTERVAL_MS)
    retake.unref()
  }
  const hold = (client: pg.Client): void => {
    session = client
    client.on('error', (err) => lose(client, err.message))
    client.on('end', () => lose(client, 'the session ended'))
    probe = setInterval(() => {
      client
        .query('select 1')
        .catch((err: unknown) => lose(client, err instanceof Error ? err.message : String(err)))
    }, PROBE_INTERVAL_MS)
    probe.unref()
  }
  const retakeOnce = (): void => {
    tryLock(url).then(
      (client) => {
        if (released) {
          void client.end().catch(() => undefined)
          return
        }
        hold(client)
        options.onRetaken?.()
      },
      (err: unknown) => {
        if (released) return
        if (err instanceof StoreLockedError && !isThisProcess(err.holder)) {
          options.onTaken?.(err)
          return
        }
        retake = setTimeout(retakeOnce, RETAKE_INTERVAL_MS)
        retake.unref()
      },
    )
  }
  hold(await tryLock(url))
  return {
    release: async () => {
      released = true
      clearInterval(probe)
      clearTimeout(retake)
      await session?.end().catch(() => undefined)
    },
  }
}
