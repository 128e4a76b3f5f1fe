import type { Insertable, Kysely } from 'kysely'
import type { MemberFailure } from '../../geo/geo-event.js'
import type {
  AssociationChange,
  AssociationFilter,
  PeerGroupAssociation,
  PeerGroupAssociationFields,
} from '../../geo/peer-group-association.js'
import type { AssociationStore } from '../../ports/association-store.js'
import type { Decision, InsertResult, MutationResult } from '../../ports/mutation.js'
import { columnsOf, entityOf } from './column-map.js'
import type { ColumnMap } from './column-map.js'
import { insertRow } from './insert-row.js'
import { decimalId, noCounts, runLockedMutation } from './locked-mutation.js'
import { deleteRowById, findRow, updateLockedRow } from './row-by-id.js'
import type { Database, PeerGroupAssociationRow, PeerGroupAssociationTable } from './schema.js'
import { guarded } from './store-errors.js'

type Stored = Omit<PeerGroupAssociation, 'id' | 'createdAt' | 'updatedAt'>

/** The stored failure list (empty when unreadable: it is advice for the operator, not state). */
function failuresOf(json: string): MemberFailure[] {
  try {
    const parsed = JSON.parse(json) as unknown
    return Array.isArray(parsed) ? (parsed as MemberFailure[]) : []
  } catch {
    return []
  }
}

const COLUMNS: ColumnMap<Stored, PeerGroupAssociationTable> = {
  peerGroupId: 'peer_group_id',
  systemPeerId: 'system_peer_id',
  associationType: 'association_type',
  peerGroupPriority: 'peer_group_priority',
  syncStatus: 'sync_status',
  syncMessage: 'sync_message',
  // int8: text from pg, a number or bigint from PGlite.
  publishedSeq: { column: 'published_seq', read: Number },
  ackedSeq: { column: 'acked_seq', read: Number },
  pending: 'pending',
  failures: {
    column: 'failed_members_json',
    write: (failures) => JSON.stringify(failures),
    read: failuresOf,
  },
}

const associationOf = (row: PeerGroupAssociationRow): PeerGroupAssociation => entityOf(COLUMNS, row)

/** {@link AssociationStore} over kysely. */
export class KyselyAssociationStore implements AssociationStore {
  readonly #db: Kysely<Database>

  constructor(db: Kysely<Database>) {
    this.#db = db
  }

  list(filter: AssociationFilter = {}): Promise<PeerGroupAssociation[]> {
    return guarded('peer group associations', async () => {
      let query = this.#db.selectFrom('peer_group_associations').selectAll().orderBy('id')
      if (filter.peerGroupId !== undefined) query = query.where('peer_group_id', '=', filter.peerGroupId)
      if (filter.systemPeerId !== undefined) query = query.where('system_peer_id', '=', filter.systemPeerId)
      return (await query.execute()).map(associationOf)
    })
  }

  find(ref: string): Promise<PeerGroupAssociation | undefined> {
    const id = decimalId(ref)
    if (id === undefined) return Promise.resolve(undefined)
    return guarded('peer group associations', () =>
      findRow(this.#db, 'peer_group_associations', 'id', id, associationOf),
    )
  }

  insert(fields: PeerGroupAssociationFields): Promise<InsertResult<PeerGroupAssociation>> {
    const row = columnsOf(COLUMNS, fields) as Insertable<PeerGroupAssociationTable>
    return insertRow(this.#db, 'peer_group_associations', row, {
      what: 'peer group association',
      map: associationOf,
    })
  }

  mutate(
    id: number,
    decide: (current: PeerGroupAssociation) => Decision<AssociationChange>,
  ): Promise<MutationResult<PeerGroupAssociation>> {
    return runLockedMutation(this.#db, {
      what: `peer group association ${id}`,
      lock: async (trx) => {
        const row = await trx
          .selectFrom('peer_group_associations')
          .selectAll()
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst()
        return row === undefined ? undefined : associationOf(row)
      },
      count: noCounts,
      decide: (current) => decide(current),
      delete: (trx) => deleteRowById(trx, 'peer_group_associations', id),
      update: async (trx, _current, change) =>
        associationOf(await updateLockedRow(trx, 'peer_group_associations', id, columnsOf(COLUMNS, change))),
    })
  }
}
