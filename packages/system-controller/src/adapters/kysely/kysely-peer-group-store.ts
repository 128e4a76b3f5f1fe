import type { Insertable, Kysely } from 'kysely'
import type {
  PeerGroupChange,
  PeerGroupCounts,
  SubcloudPeerGroup,
  SubcloudPeerGroupFields,
} from '../../geo/subcloud-peer-group.js'
import type { Decision, InsertResult, MutationResult } from '../../ports/mutation.js'
import type { PeerGroupStore } from '../../ports/peer-group-store.js'
import { columnsOf } from './column-map.js'
import type { ColumnMap } from './column-map.js'
import { insertRow } from './insert-row.js'
import { runLockedMutation } from './locked-mutation.js'
import { countLocked, rowByRef } from './row-by-ref.js'
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
  epoch: 'epoch',
}

function peerGroupOf(row: SubcloudPeerGroupRow): SubcloudPeerGroup {
  return {
    id: row.id,
    uuid: row.uuid,
    name: row.peer_group_name,
    priority: row.group_priority,
    state: row.group_state,
    maxSubcloudRehoming: row.max_subcloud_rehoming,
    leaderId: row.system_leader_id,
    leaderName: row.system_leader_name,
    migrationStatus: row.migration_status,
    // int8: text from pg, a number or bigint from PGlite.
    epoch: Number(row.epoch),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** The update of one group, returning the row as it is after. */
function updated(db: Kysely<Database>, id: number, change: PeerGroupChange) {
  return db
    .updateTable('subcloud_peer_groups')
    .set({ ...columnsOf(COLUMNS, change), updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
}

/** {@link PeerGroupStore} over kysely. */
export class KyselyPeerGroupStore implements PeerGroupStore {
  readonly #db: Kysely<Database>

  constructor(db: Kysely<Database>) {
    this.#db = db
  }

  list(): Promise<SubcloudPeerGroup[]> {
    return guarded('subcloud peer groups', async () =>
      (await this.#db.selectFrom('subcloud_peer_groups').selectAll().orderBy('id').execute()).map(
        peerGroupOf,
      ),
    )
  }

  find(ref: string): Promise<SubcloudPeerGroup | undefined> {
    return guarded('subcloud peer groups', async () => {
      const row = await rowByRef(this.#db, 'subcloud_peer_groups', ref, false)
      return row === undefined ? undefined : peerGroupOf(row)
    })
  }

  findByUuid(uuid: string): Promise<SubcloudPeerGroup | undefined> {
    return guarded('subcloud peer groups', async () => {
      const row = await this.#db
        .selectFrom('subcloud_peer_groups')
        .selectAll()
        .where('uuid', '=', uuid)
        .executeTakeFirst()
      return row === undefined ? undefined : peerGroupOf(row)
    })
  }

  insert(fields: SubcloudPeerGroupFields): Promise<InsertResult<SubcloudPeerGroup>> {
    const row = columnsOf(COLUMNS, fields) as Insertable<SubcloudPeerGroupTable>
    return insertRow(this.#db, 'subcloud_peer_groups', row, {
      what: `subcloud peer group ${fields.name}`,
      map: peerGroupOf,
    })
  }

  mutate(
    ref: string,
    decide: (current: SubcloudPeerGroup, counts: PeerGroupCounts) => Decision<PeerGroupChange>,
  ): Promise<MutationResult<SubcloudPeerGroup>> {
    return runLockedMutation(this.#db, {
      what: `subcloud peer group ${ref}`,
      lock: async (trx) => {
        const row = await rowByRef(trx, 'subcloud_peer_groups', ref, true)
        return row === undefined ? undefined : peerGroupOf(row)
      },
      count: async (trx, group) => {
        const [members, associations] = await Promise.all([
          countLocked(trx, 'subclouds', 'peer_group_id', group.id),
          countLocked(trx, 'peer_group_associations', 'peer_group_id', group.id),
        ])
        return { members, associations }
      },
      decide,
      delete: async (trx, group) => {
        await trx.deleteFrom('subcloud_peer_groups').where('id', '=', group.id).execute()
      },
      update: async (trx, group, change) =>
        peerGroupOf(await updated(trx, group.id, change).executeTakeFirstOrThrow()),
    })
  }

  set(id: number, change: PeerGroupChange): Promise<SubcloudPeerGroup | undefined> {
    return guarded(`subcloud peer group ${id}`, async () => {
      const row = await updated(this.#db, id, change).executeTakeFirst()
      return row === undefined ? undefined : peerGroupOf(row)
    })
  }
}
