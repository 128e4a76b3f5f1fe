import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import type { DatabaseKind } from '../adapters/kysely/open-database.js'
import { StoreDamagedError } from '../errors.js'

/** Beside the store: which system's store this data directory holds, of which kind, at which schema. */
export const IDENTITY_FILE = 'store-identity.json'

export interface StoreIdentity {
  readonly systemUuid: string
  readonly storeKind: DatabaseKind
  /** The last migration applied. */
  readonly schemaVersion: string
}

function isIdentity(value: unknown): value is StoreIdentity {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return (
    typeof v.systemUuid === 'string' &&
    (v.storeKind === 'pglite' || v.storeKind === 'postgres') &&
    typeof v.schemaVersion === 'string'
  )
}

/** The identity file of `dataDir`; undefined when there is none; a damaged one is refused. */
export function readStoreIdentity(dataDir: string): StoreIdentity | undefined {
  const file = join(dataDir, IDENTITY_FILE)
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new StoreDamagedError(`Cannot read ${file}: ${(err as Error).message}`)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = undefined
  }
  if (!isIdentity(parsed)) {
    throw new StoreDamagedError(
      `${file} is not a store identity (systemUuid, storeKind pglite|postgres, schemaVersion); refusing to start`,
    )
  }
  return parsed
}

/** Written whole or not at all: a crash leaves the previous identity or the new one. */
export function writeStoreIdentity(dataDir: string, identity: StoreIdentity): void {
  const file = join(dataDir, IDENTITY_FILE)
  const temp = `${file}.tmp`
  const fd = openSync(temp, 'w', 0o644)
  try {
    writeSync(fd, `${JSON.stringify(identity, null, 2)}\n`)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(temp, file)
  const dir = openSync(dataDir, 'r')
  try {
    fsyncSync(dir)
  } finally {
    closeSync(dir)
  }
}

/** What the store itself says, read after it is opened. */
export interface FoundStore {
  readonly kind: DatabaseKind
  /** The system uuid in the store; undefined for a store no system was created in yet. */
  readonly systemUuid: string | undefined
}

/**
 * Refuse a store that is not the one `identity` recorded: another kind, another system, or an
 * empty one where a system was (a store initialised over, or a DATABASE_URL naming a fresh
 * database). `knownVersions` are the migrations this release has.
 */
export function checkStoreIdentity(
  identity: StoreIdentity | undefined,
  found: FoundStore,
  knownVersions: readonly string[],
): void {
  if (identity === undefined) return
  const refuse = (why: string): never => {
    throw new StoreDamagedError(`${why}; refusing to start (see ${IDENTITY_FILE} in the data directory)`)
  }
  if (identity.storeKind !== found.kind) {
    refuse(
      `This data directory belongs to a ${identity.storeKind} store, but a ${found.kind} store was given`,
    )
  }
  if (found.systemUuid === undefined) {
    refuse(`The store is empty, but this data directory belongs to system ${identity.systemUuid}`)
  }
  if (found.systemUuid !== identity.systemUuid) {
    refuse(
      `The store holds system ${found.systemUuid}, but this data directory belongs to ${identity.systemUuid}`,
    )
  }
  if (!knownVersions.includes(identity.schemaVersion)) {
    refuse(`The store is at schema ${identity.schemaVersion}, which this release does not know`)
  }
}
