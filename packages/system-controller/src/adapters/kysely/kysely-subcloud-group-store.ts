import type { Insertable, Kysely } from 'kysely'
import type { Decision, InsertResult, MutationResult } from '../../ports/mutation.js'
import type { SubcloudGroupStore } from '../../ports/subcloud-group-store.js'
import type { SubcloudGroup, SubcloudGroupFields } from '../../subcloud-groups/subcloud-group.js'
import { columnsOf, entityOf } from './column-map.js'
import type { ColumnMap } from './column-map.js'
import { insertRow } from './insert-row.js'
import { NamedRowStore } from './named-row-store.js'
import { countLocked } from './row-by-ref.js'
import type { Database, SubcloudGroupRow, SubcloudGroupTable } from './schema.js'

const COLUMNS: ColumnMap<SubcloudGroupFields, SubcloudGroupTable> = {
  name: 'name',
  description: 'description',
  updateApplyType: 'update_apply_type',
  maxParallelSubclouds: 'max_parallel_subclouds',
}

const groupOf = (row: SubcloudGroupRow): SubcloudGroup => entityOf(COLUMNS, row)

/** {@link SubcloudGroupStore} over kysely. */
export class KyselySubcloudGroupStore
  extends NamedRowStore<'subcloud_groups', SubcloudGroup>
  implements SubcloudGroupStore
{
  constructor(db: Kysely<Database>) {
    super(db, { table: 'subcloud_groups', what: 'subcloud group', map: groupOf })
  }

  insert(fields: SubcloudGroupFields): Promise<InsertResult<SubcloudGroup>> {
    const row = columnsOf(COLUMNS, fields) as Insertable<SubcloudGroupTable>
    return insertRow(this.db, 'subcloud_groups', row, { what: `subcloud group ${fields.name}`, map: groupOf })
  }

  mutate(
    ref: string,
    decide: (current: SubcloudGroup, members: number) => Decision<Partial<SubcloudGroupFields>>,
  ): Promise<MutationResult<SubcloudGroup>> {
    return this.mutateByRef(
      ref,
      // The members are locked too, so no subcloud joins the group between the count and a delete.
      (trx, group) => countLocked(trx, 'subclouds', 'group_id', group.id),
      decide,
      (change) => columnsOf(COLUMNS, change),
    )
  }
}
