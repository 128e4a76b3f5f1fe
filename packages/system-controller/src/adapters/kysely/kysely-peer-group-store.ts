import type { Insertable, Kysely } from 'kysely'
import type {
  PeerGroupChange,
  PeerGroupCounts,
  SubcloudPeerGroup,
  SubcloudPeerGroupFields,
} from '../../geo/subcloud-peer-group.js'
import type { Decision, InsertResult, MutationResult } from '../../ports/mutation.js'
import type { PeerGroupStore } from '../../ports/peer-group-store.js'
import { columnsOf, entityOf } from './column-map.js'
import type { ColumnMap } from './column-map.js'
import { insertRow } from './insert-row.js'
import { NamedRowStore } from './named-row-store.js'
import { findRow, updateRowById } from './row-by-id.js'
import { countLocked } from './row-by-ref.js'
import type { Database, SubcloudPeerGroupRow, SubcloudPeerGroupTable } from './schema.js'
import { guarded } from './store-errors.js'

const COLUMNS: ColumnMap<SubcloudPeerGroupFields, SubcloudPeerGroupTable> = {
  uuid: 'uuid',
  name: 'peer_group_name',
  priority: 'group_priority',
  state: 'group_state',
  maxSubcloudRehoming: 'max_subcloud_rehoming',
  leaderId: 'system_leader_id',
  leaderName: 'system_leader_name',
  migrationStatus: 'migration_status',
  // int8: text from pg, a number or bigint from PGlite.
  epoch: { column: 'epoch', read: Number },
}

const peerGroupOf = (row: SubcloudPeerGroupRow): SubcloudPeerGroup => entityOf(COLUMNS, row)

/** {@link PeerGroupStore} over kysely. */
export class KyselyPeerGroupStore
  extends NamedRowStore<'subcloud_peer_groups', SubcloudPeerGroup>
  implements PeerGroupStore
{
  constructor(db: Kysely<Database>) {
    super(db, { table: 'subcloud_peer_groups', what: 'subcloud peer group', map: peerGroupOf })
  }

  findByUuid(uuid: string): Promise<SubcloudPeerGroup | undefined> {
    return guarded('subcloud peer groups', () =>
      findRow(this.db, 'subcloud_peer_groups', 'uuid', uuid, peerGroupOf),
    )
  }

  insert(fields: SubcloudPeerGroupFields): Promise<InsertResult<SubcloudPeerGroup>> {
    const row = columnsOf(COLUMNS, fields) as Insertable<SubcloudPeerGroupTable>
    return insertRow(this.db, 'subcloud_peer_groups', row, {
      what: `subcloud peer group ${fields.name}`,
      map: peerGroupOf,
    })
  }

  mutate(
    ref: string,
    decide: (current: SubcloudPeerGroup, counts: PeerGroupCounts) => Decision<PeerGroupChange>,
  ): Promise<MutationResult<SubcloudPeerGroup>> {
    return this.mutateByRef(
      ref,
      async (trx, group) => {
        const [members, associations] = await Promise.all([
          countLocked(trx, 'subclouds', 'peer_group_id', group.id),
          countLocked(trx, 'peer_group_associations', 'peer_group_id', group.id),
        ])
        return { members, associations }
      },
      decide,
      (change) => columnsOf(COLUMNS, change),
    )
  }

  set(id: number, change: PeerGroupChange): Promise<SubcloudPeerGroup | undefined> {
    return guarded(`subcloud peer group ${id}`, async () => {
      const row = await updateRowById(this.db, 'subcloud_peer_groups', id, columnsOf(COLUMNS, change))
      return row === undefined ? undefined : peerGroupOf(row)
    })
  }
}
