import type { Kysely, Selectable, Transaction, Updateable } from 'kysely'
import type { Decision, MutationResult } from '../../ports/mutation.js'
import { runLockedMutation } from './locked-mutation.js'
import { deleteRowById, updateLockedRow } from './row-by-id.js'
import { rowByRef } from './row-by-ref.js'
import type { NamedTable } from './row-by-ref.js'
import type { Database } from './schema.js'
import { guarded } from './store-errors.js'

export interface NamedRowStoreProps<T extends NamedTable, Entity> {
  readonly table: T
  /** Names the entity in a translated error: `system peer` (`system peer p1`, `system peers`). */
  readonly what: string
  readonly map: (row: Selectable<Database[T]>) => Entity
}

/**
 * What the stores of named entities (system peers, subcloud peer groups, subcloud groups) share:
 * their rows in id order, one found by reference, and the locked change that deletes it or
 * updates it by id. Each store adds its insert and what its rules count.
 */
export abstract class NamedRowStore<T extends NamedTable, Entity extends { readonly id: number }> {
  protected readonly db: Kysely<Database>
  readonly #props: NamedRowStoreProps<T, Entity>

  protected constructor(db: Kysely<Database>, props: NamedRowStoreProps<T, Entity>) {
    this.db = db
    this.#props = props
  }

  list(): Promise<Entity[]> {
    const { table, what, map } = this.#props
    return guarded(`${what}s`, async () => {
      const rows = await this.db
        .selectFrom(table as NamedTable)
        .selectAll()
        .orderBy('id')
        .execute()
      // kysely cannot follow a table name held generically: the rows are the table's, by `T`.
      return (rows as Selectable<Database[T]>[]).map(map)
    })
  }

  find(ref: string): Promise<Entity | undefined> {
    return guarded(`${this.#props.what}s`, () => this.#byRef(this.db, ref, false))
  }

  /**
   * Lock the entity `ref` names, count what the rules need, decide, apply: a delete or an update
   * of its row (`columns` the update's columns), in one transaction.
   */
  protected mutateByRef<Counts, Change>(
    ref: string,
    count: (trx: Transaction<Database>, current: Entity) => Promise<Counts>,
    decide: (current: Entity, counts: Counts) => Decision<Change>,
    columns: (change: Change) => Updateable<Database[T]>,
  ): Promise<MutationResult<Entity>> {
    const { table, what, map } = this.#props
    return runLockedMutation(this.db, {
      what: `${what} ${ref}`,
      lock: (trx) => this.#byRef(trx, ref, true),
      count,
      decide,
      delete: (trx, current) => deleteRowById(trx, table, current.id),
      update: async (trx, current, change) =>
        map(await updateLockedRow(trx, table, current.id, columns(change))),
    })
  }

  async #byRef(db: Kysely<Database> | Transaction<Database>, ref: string, lock: boolean) {
    const row = await rowByRef(db, this.#props.table, ref, lock)
    return row === undefined ? undefined : this.#props.map(row)
  }
}
