import type { Logger } from '@dc/runtime'
import { storedSystemUuid } from '../adapters/kysely/kysely-system-store.js'
import { knownSchemaVersions, openDatabase } from '../adapters/kysely/open-database.js'
import type { OpenedDatabase } from '../adapters/kysely/open-database.js'
import { takeWriterLock } from '../adapters/postgres-writer-lock.js'
import type { WriterLockOptions } from '../adapters/postgres-writer-lock.js'
import type { ControllerConfig } from '../config.js'
import { ControllerError, StoreFenceLostError, StoreOpenError, StoreUnavailableError } from '../errors.js'
import type { ShutdownSteps } from '../shutdown-steps.js'
import { lockDataDir } from './data-dir-lock.js'
import { checkStoreIdentity, readStoreIdentity } from './store-identity.js'

// The controller's start phase 3, the store (see start-controller.ts for the phases).

/** Anything but the controller's own refusals is a store that could not be opened. */
async function opening<T>(what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step()
  } catch (err) {
    if (err instanceof ControllerError) throw err
    throw new StoreOpenError(what, { cause: err })
  }
}

/** The PostgreSQL writer lock's state, as the store sees it: no statement while it is lost. */
export interface WriterFence extends WriterLockOptions {
  readonly check: () => void
}

/**
 * While the writer lock is lost (the database restarted, or its session was cut) every store call
 * fails with UNAVAILABLE; once it is taken again they go through. If another controller took it
 * in the meantime this one stops for good: `stop` gets the reason.
 */
export function writerFence(log: Logger, stop: (err: ControllerError) => void): WriterFence {
  let lost: string | undefined
  return {
    check: () => {
      if (lost !== undefined) throw new StoreUnavailableError({ cause: new Error(lost) })
    },
    onLost: (reason) => {
      lost = reason
      log.warn(`lost the PostgreSQL writer lock (${reason}); store calls are refused until it is taken again`)
    },
    onRetaken: () => {
      lost = undefined
      log.info('took the PostgreSQL writer lock again; store calls resume')
    },
    onTaken: (err) => {
      const fenced = new StoreFenceLostError(err.message)
      log.error(fenced.message)
      stop(fenced)
    },
  }
}

/**
 * One writer per store: the data directory's lock, and on PostgreSQL the database's advisory lock,
 * before the store is read. Then the store is checked against the data directory's identity and
 * self-checked before a migration writes to it.
 */
export async function openStore(
  config: ControllerConfig,
  context: {
    readonly log: Logger
    readonly steps: ShutdownSteps
    readonly fence: WriterFence
  },
): Promise<OpenedDatabase> {
  const { log, steps } = context
  const what =
    config.databaseUrl === undefined
      ? `the embedded database in ${config.dataDir}`
      : 'the PostgreSQL database'
  const lock = await opening(`the data directory ${config.dataDir}`, () => lockDataDir(config.dataDir))
  steps.add(() => lock.release())
  const { databaseUrl } = config
  if (databaseUrl !== undefined) {
    const writer = await opening(what, () => takeWriterLock(databaseUrl, context.fence))
    steps.add(() => writer.release())
  }
  const identity = readStoreIdentity(config.dataDir)
  const known = await knownSchemaVersions()
  const opened = await opening(what, () =>
    openDatabase({
      databaseUrl,
      dataDir: config.dataDir,
      selfCheck: true,
      expectExisting: identity !== undefined,
      fence: context.fence.check,
      verify: async (db) =>
        checkStoreIdentity(
          identity,
          { kind: databaseUrl === undefined ? 'pglite' : 'postgres', systemUuid: await storedSystemUuid(db) },
          known,
        ),
    }),
  )
  steps.add(() => opened.db.destroy())
  const backups = new AbortController()
  steps.add(() => backups.abort())
  lock.serve((request) => opened.backupTo(request.out, backups.signal))
  const check = opened.selfCheck
  if (check !== undefined) {
    log.info(
      `store self-check passed: ${check.tables} tables, ${check.indexes} indexes` +
        `${check.amcheck ? ', amcheck' : ''}${check.indexReferences ? ', primary-key references' : ''}`,
    )
  }
  return opened
}
