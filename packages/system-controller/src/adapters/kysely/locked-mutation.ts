import type { Kysely, Transaction } from 'kysely'
import type { Decision, MutationResult } from '../../ports/mutation.js'
import type { Database } from './schema.js'
import { isUniqueViolation, translateStoreError } from './store-errors.js'

/** The parts of one entity's locked change; {@link runLockedMutation} is the transaction around them. */
export interface LockedMutation<Row, Counts, Change> {
  /** Names the rows in a translated error (`subcloud sc1`). */
  readonly what: string
  /** Select the row `FOR UPDATE`; undefined when none matches. */
  lock(trx: Transaction<Database>): Promise<Row | undefined>
  /** What the rules count about the row (members, associations), read under the same lock. */
  count(trx: Transaction<Database>, row: Row): Promise<Counts>
  decide(row: Row, counts: Counts): Decision<Change>
  update(trx: Transaction<Database>, row: Row, change: Change): Promise<Row>
  delete(trx: Transaction<Database>, row: Row): Promise<void>
}

/** Unwinds the transaction of a refused change; never leaves this module. */
class Refusal {
  constructor(readonly error: Error) {}
}

/**
 * Lock the row, count what the rules need, decide, apply: one transaction for every entity. A
 * refusal rolls back; a unique key taken by another row is `taken`; driver failures are
 * translated to the controller's errors.
 */
export async function runLockedMutation<Row, Counts, Change>(
  db: Kysely<Database>,
  mutation: LockedMutation<Row, Counts, Change>,
): Promise<MutationResult<Row>> {
  try {
    return await db.transaction().execute(async (trx): Promise<MutationResult<Row>> => {
      const row = await mutation.lock(trx)
      if (row === undefined) return { kind: 'not-found' }
      const decision = mutation.decide(row, await mutation.count(trx, row))
      switch (decision.kind) {
        case 'refuse':
          throw new Refusal(decision.error)
        case 'keep':
          return { kind: 'kept', before: row }
        case 'delete':
          await mutation.delete(trx, row)
          return { kind: 'deleted', before: row }
        case 'update':
          return { kind: 'updated', before: row, after: await mutation.update(trx, row, decision.change) }
        default:
          return decision satisfies never
      }
    })
  } catch (err) {
    if (err instanceof Refusal) return { kind: 'refused', error: err.error }
    if (isUniqueViolation(err)) return { kind: 'taken' }
    throw translateStoreError(err, mutation.what)
  }
}

/** A reference that is all digits (at most 9) may also be an id. */
export function decimalId(ref: string): number | undefined {
  return /^\d{1,9}$/.test(ref) ? Number(ref) : undefined
}

/** Nothing to count. */
export const noCounts = (): Promise<undefined> => Promise.resolve(undefined)
