import type { Insertable, Kysely } from 'kysely'
import type { Decision, InsertResult, MutationResult } from '../../ports/mutation.js'
import type { SubcloudGroupStore } from '../../ports/subcloud-group-store.js'
import type { SubcloudGroup, SubcloudGroupFields } from '../../subcloud-groups/subcloud-group.js'
import { columnsOf, entityOf } from './column-map.js'
import type { ColumnMap } from './column-map.js'
import { insertRow } from './insert-row.js'
import { runLockedMutation } from './locked-mutation.js'
import { deleteRowById, updateLockedRow } from './row-by-id.js'
import { countLocked, rowByRef } from './row-by-ref.js'
import type { Database, SubcloudGroupRow, SubcloudGroupTable } from './schema.js'
import { guarded } from './store-errors.js'

const COLUMNS: ColumnMap<SubcloudGroupFields, SubcloudGroupTable> = {
  name: 'name',
  description: 'description',
  updateApplyType: 'update_apply_type',
  maxParallelSubclouds: 'max_parallel_subclouds',
}

const groupOf = (row: SubcloudGroupRow): SubcloudGroup => entityOf(COLUMNS, row)

/** {@link SubcloudGroupStore} over kysely. */
export class KyselySubcloudGroupStore implements SubcloudGroupStore {
  readonly #db: Kysely<Database>

  constructor(db: Kysely<Database>) {
    this.#db = db
  }

  list(): Promise<SubcloudGroup[]> {
    return guarded('subcloud groups', async () =>
      (await this.#db.selectFrom('subcloud_groups').selectAll().orderBy('id').execute()).map(groupOf),
    )
  }

  find(ref: string): Promise<SubcloudGroup | undefined> {
    return guarded('subcloud groups', async () => {
      const row = await rowByRef(this.#db, 'subcloud_groups', ref, false)
      return row === undefined ? undefined : groupOf(row)
    })
  }

  insert(fields: SubcloudGroupFields): Promise<InsertResult<SubcloudGroup>> {
    const row = columnsOf(COLUMNS, fields) as Insertable<SubcloudGroupTable>
    return insertRow(this.#db, 'subcloud_groups', row, {
      what: `subcloud group ${fields.name}`,
      map: groupOf,
    })
  }

  mutate(
    ref: string,
    decide: (current: SubcloudGroup, members: number) => Decision<Partial<SubcloudGroupFields>>,
  ): Promise<MutationResult<SubcloudGroup>> {
    return runLockedMutation(this.#db, {
      what: `subcloud group ${ref}`,
      lock: async (trx) => {
        const row = await rowByRef(trx, 'subcloud_groups', ref, true)
        return row === undefined ? undefined : groupOf(row)
      },
      // The members are locked too, so no subcloud joins the group between the count and a delete.
      count: (trx, group) => countLocked(trx, 'subclouds', 'group_id', group.id),
      decide,
      delete: (trx, group) => deleteRowById(trx, 'subcloud_groups', group.id),
      update: async (trx, group, change) =>
        groupOf(await updateLockedRow(trx, 'subcloud_groups', group.id, columnsOf(COLUMNS, change))),
    })
  }
}
