import { ConcurrentUpdateError, StoreUnavailableError } from '../../errors.js'

function codeOf(err: unknown): unknown {
  return typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined
}

/** Is `err` PostgreSQL's unique_violation (SQLSTATE 23505), from pg or PGlite alike? */
export function isUniqueViolation(err: unknown): boolean {
  return codeOf(err) === '23505'
}

/** Is `err` PostgreSQL's undefined_table (SQLSTATE 42P01): a store no migration has run in yet? */
export function isUndefinedTable(err: unknown): boolean {
  return codeOf(err) === '42P01'
}

/** Serialization failure or deadlock: a retryable race between transactions. */
function isSerializationFailure(err: unknown): boolean {
  const code = codeOf(err)
  return code === '40001' || code === '40P01'
}

/**
 * pg reports a connection lost mid-session, and any later query on that client, with a plain
 * Error and no code; its messages are the only way to tell them apart.
 */
const PG_CONNECTION_LOST =
  /^(Connection terminated|Client has encountered a connection error|Client was closed and is not queryable)/

/** Connection-level failures from pg (Node socket codes, SQLSTATE class 08 / 57P, or a lost session). */
function isConnectionFailure(err: unknown): boolean {
  const code = codeOf(err)
  if (code === undefined && err instanceof Error) return PG_CONNECTION_LOST.test(err.message)
  if (typeof code !== 'string') return false
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND'].includes(code) || /^(08|57P)/.test(code)
  )
}

/**
 * Turns driver failures into the controller's errors: races become ABORTED, a lost database
 * UNAVAILABLE. Anything else is rethrown untouched (the boundary maps it to INTERNAL and logs it).
 */
export function translateStoreError(err: unknown, what: string): unknown {
  if (isSerializationFailure(err)) return new ConcurrentUpdateError(what, { cause: err })
  if (isConnectionFailure(err)) return new StoreUnavailableError({ cause: err })
  return err
}

/** Runs a store operation with its driver failures translated (see {@link translateStoreError}). */
export async function guarded<T>(what: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation()
  } catch (err) {
    throw translateStoreError(err, what)
  }
}
