import { sql } from 'kysely'
import type { Kysely, Transaction } from 'kysely'
import type { Decision, MutationResult } from '../../ports/mutation.js'
import type { Subcloud, SubcloudChange } from '../../subclouds/subcloud.js'
import { GroupCommit } from './group-commit.js'
import { noCounts, runLockedMutation } from './locked-mutation.js'
import type { Database, SubcloudRow } from './schema.js'
import { deleteSubclouds, subcloudsByRefs, updateSubcloud } from './subcloud-queries.js'
import { subcloudOf, subcloudUpdateOf } from './subcloud-rows.js'

/** One locked change of a subcloud, waiting for its batch. */
export interface PendingSubcloudMutation {
  readonly ref: string
  readonly decide: (current: Subcloud) => Decision<SubcloudChange>
}

/** A change with no side statement and no new name or group: rows of one shape share an UPDATE. */
function setsColumnsOnly(change: SubcloudChange): boolean {
  const { set } = change
  return (
    change.resetEndpoints !== true &&
    (change.clearAlarms?.length ?? 0) === 0 &&
    set.name === undefined &&
    set.groupId === undefined &&
    set.peerGroupId === undefined
  )
}

interface ColumnsUpdate {
  readonly index: number
  readonly before: Subcloud
  readonly columns: Record<string, unknown>
}

/**
 * The column-only updates of a batch, one UPDATE per set of columns (every `manage` of an
 * onboarding is one shape). `jsonb_populate_recordset` over the table's own row type casts each
 * value to its column's type. Group, peer group and endpoints cannot have changed, so each row's
 * joined values are the locked row's.
 */
async function updateColumns(
  trx: Transaction<Database>,
  updates: readonly ColumnsUpdate[],
): Promise<Map<number, { readonly before: Subcloud; readonly after: Subcloud }>> {
  const shapes = new Map<string, ColumnsUpdate[]>()
  for (const u of updates) {
    const shape = Object.keys(u.columns).sort().join(',')
    const same = shapes.get(shape)
    if (same === undefined) shapes.set(shape, [u])
    else same.push(u)
  }
  const written = new Map<number, { readonly before: Subcloud; readonly after: Subcloud }>()
  const now = new Date()
  for (const [shape, rows] of shapes) {
    const assignments = shape
      .split(',')
      .filter((column) => column !== '')
      .map((column) => sql`${sql.ref(column)} = v.${sql.ref(column)}`)
    const values = JSON.stringify(rows.map((u) => ({ ...u.columns, id: u.before.id })))
    const { rows: returned } = await sql<SubcloudRow>`update subclouds as s
      set ${sql.join([...assignments, sql`updated_at = ${now}`])}
      from jsonb_populate_recordset(null::subclouds, ${values}::jsonb) as v
      where s.id = v.id
      returning s.*`.execute(trx)
    const byId = new Map(returned.map((row) => [row.id, row]))
    for (const u of rows) {
      const row = byId.get(u.before.id)
      if (row === undefined) throw new Error(`subcloud ${u.before.name}: its locked row was not updated`)
      written.set(u.index, { before: u.before, after: subcloudOf(row, u.before) })
    }
  }
  return written
}

/** The single change: its own transaction, as every entity's locked change runs. */
function mutateOne(
  db: Kysely<Database>,
  pending: PendingSubcloudMutation,
): Promise<MutationResult<Subcloud>> {
  return runLockedMutation(db, {
    what: `subcloud ${pending.ref}`,
    lock: async (trx) => (await subcloudsByRefs(trx, [pending.ref], true)).get(pending.ref),
    count: noCounts,
    decide: (current) => pending.decide(current),
    delete: (trx, current) => deleteSubclouds(trx, [current]),
    update: (trx, current, change) => updateSubcloud(trx, current, change),
  })
}

/**
 * Locked subcloud changes, group-committed: the changes asked for while a batch is in flight (the
 * `manage` of every subcloud an onboarding completes, a few hundred a second) are decided under one
 * `SELECT ... FOR UPDATE` and written by one UPDATE per shape, in one transaction. Each change is
 * decided on its own row by its own rules, and a refused one writes nothing, exactly as alone.
 * A batch the database fails (a name taken by a rename, a deadlock) is run again change by change,
 * so the failure is only its own change's. A change naming a row an earlier change of the batch
 * took (by another of its names) runs alone after the batch, and sees that change.
 */
export class BatchedSubcloudMutations {
  readonly #db: Kysely<Database>
  readonly #commit: GroupCommit<PendingSubcloudMutation, MutationResult<Subcloud>>

  constructor(db: Kysely<Database>) {
    this.#db = db
    this.#commit = new GroupCommit({ write: (batch) => this.#write(batch), key: (m) => m.ref, maxBatch: 200 })
  }

  mutate(pending: PendingSubcloudMutation): Promise<MutationResult<Subcloud>> {
    return this.#commit.submit(pending)
  }

  async #write(batch: readonly PendingSubcloudMutation[]): Promise<MutationResult<Subcloud>[]> {
    const [only] = batch
    if (batch.length === 1 && only !== undefined) return [await mutateOne(this.#db, only)]
    const results = new Map<number, MutationResult<Subcloud>>()
    const later: number[] = []
    await this.#db.transaction().execute(async (trx) => {
      const locked = await subcloudsByRefs(
        trx,
        batch.map((m) => m.ref),
        true,
      )
      const decided = new Set<number>()
      const columnsOnly: ColumnsUpdate[] = []
      for (const [index, pending] of batch.entries()) {
        const row = locked.get(pending.ref)
        if (row === undefined) {
          results.set(index, { kind: 'not-found' })
          continue
        }
        if (decided.has(row.id)) {
          later.push(index)
          continue
        }
        decided.add(row.id)
        const decision = pending.decide(row)
        switch (decision.kind) {
          case 'refuse':
            results.set(index, { kind: 'refused', error: decision.error })
            break
          case 'keep':
            results.set(index, { kind: 'kept', before: row })
            break
          case 'delete':
            await deleteSubclouds(trx, [row])
            results.set(index, { kind: 'deleted', before: row })
            break
          case 'update':
            if (setsColumnsOnly(decision.change)) {
              columnsOnly.push({ index, before: row, columns: subcloudUpdateOf(decision.change.set) })
            } else {
              const after = await updateSubcloud(trx, row, decision.change)
              results.set(index, { kind: 'updated', before: row, after })
            }
            break
          default:
            decision satisfies never
        }
      }
      for (const [index, { before, after }] of await updateColumns(trx, columnsOnly)) {
        results.set(index, { kind: 'updated', before, after })
      }
    })
    for (const index of later) {
      const pending = batch[index]
      if (pending !== undefined) results.set(index, await mutateOne(this.#db, pending))
    }
    return batch.map((pending, index) => {
      const result = results.get(index)
      if (result === undefined) throw new Error(`subcloud ${pending.ref}: its change was not decided`)
      return result
    })
  }
}
