/**
 * The one shape of a change decided under a row lock, for every entity: the store reads the row
 * (and what the rules count about it), hands it to a pure `decide`, applies the decision in the
 * same transaction, and reports what happened. Refusals are data, so a refused change rolls back
 * like any other outcome and nothing is half-written.
 */

/** What `decide` chose for the locked row. */
export type Decision<Change> =
  | { readonly kind: 'update'; readonly change: Change }
  | { readonly kind: 'delete' }
  | { readonly kind: 'keep' }
  | { readonly kind: 'refuse'; readonly error: Error }

/** What a locked change did. */
export type MutationResult<Row> =
  | { readonly kind: 'updated'; readonly before: Row; readonly after: Row }
  | { readonly kind: 'deleted'; readonly before: Row }
  | { readonly kind: 'kept'; readonly before: Row }
  | { readonly kind: 'refused'; readonly error: Error }
  | { readonly kind: 'not-found' }
  /** A unique key (a name) is held by another row. */
  | { readonly kind: 'taken' }

/** What an insert did. */
export type InsertResult<Row> = { readonly kind: 'created'; readonly row: Row } | { readonly kind: 'taken' }

export const update = <Change>(change: Change): Decision<Change> => ({ kind: 'update', change })
export const keep: Decision<never> = { kind: 'keep' }
export const remove: Decision<never> = { kind: 'delete' }
export const refuse = (error: Error): Decision<never> => ({ kind: 'refuse', error })

/** How a service names the failures of a locked change. */
export interface MutationErrors {
  notFound(): Error
  taken(): Error
}

/**
 * The row before and after a change that happened (after is undefined for a delete); throws the
 * refusal, or the service's own error for a missing row or a taken name.
 */
export function settle<Row>(
  result: MutationResult<Row>,
  errors: MutationErrors,
): { readonly before: Row; readonly after: Row | undefined } {
  switch (result.kind) {
    case 'updated':
      return { before: result.before, after: result.after }
    case 'kept':
      return { before: result.before, after: result.before }
    case 'deleted':
      return { before: result.before, after: undefined }
    case 'refused':
      throw result.error
    case 'not-found':
      throw errors.notFound()
    case 'taken':
      throw errors.taken()
    default:
      return result satisfies never
  }
}

/** The row an insert created; throws the service's error for a taken name. */
export function created<Row>(result: InsertResult<Row>, taken: () => Error): Row {
  if (result.kind === 'taken') throw taken()
  return result.row
}
