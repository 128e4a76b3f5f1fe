import type { Insertable, Kysely } from 'kysely'
import { SECOND_MS } from '../../geo/geo-limits.js'
import type { PeerAvailability } from '../../geo/geo-states.js'
import type { SystemPeer, SystemPeerFields } from '../../geo/system-peer.js'
import type { Decision, InsertResult, MutationResult } from '../../ports/mutation.js'
import type { SystemPeerStore } from '../../ports/system-peer-store.js'
import { columnsOf } from './column-map.js'
import type { ColumnMap } from './column-map.js'
import { insertRow } from './insert-row.js'
import { runLockedMutation } from './locked-mutation.js'
import { countLocked, rowByRef } from './row-by-ref.js'
import type { Database, SystemPeerRow, SystemPeerTable } from './schema.js'
import { guarded } from './store-errors.js'

/** The API's (and the table's) seconds. */
const seconds = (ms: number): number => Math.round(ms / SECOND_MS)

const COLUMNS: ColumnMap<SystemPeerFields, SystemPeerTable> = {
  peerUuid: 'peer_uuid',
  peerName: 'peer_name',
  managerEndpoint: 'manager_endpoint',
  managerUsername: 'manager_username',
  peerControllerGatewayIp: 'peer_controller_gateway_ip',
  administrativeState: 'administrative_state',
  heartbeatIntervalMs: ['heartbeat_interval', seconds],
  heartbeatFailureThreshold: 'heartbeat_failure_threshold',
  heartbeatFailurePolicy: 'heartbeat_failure_policy',
  heartbeatMaintenanceTimeoutMs: ['heartbeat_maintenance_timeout', seconds],
}

function systemPeerOf(row: SystemPeerRow): SystemPeer {
  return {
    id: row.id,
    peerUuid: row.peer_uuid,
    peerName: row.peer_name,
    managerEndpoint: row.manager_endpoint,
    managerUsername: row.manager_username,
    peerControllerGatewayIp: row.peer_controller_gateway_ip,
    administrativeState: row.administrative_state,
    heartbeatIntervalMs: row.heartbeat_interval * SECOND_MS,
    heartbeatFailureThreshold: row.heartbeat_failure_threshold,
    heartbeatFailurePolicy: row.heartbeat_failure_policy,
    heartbeatMaintenanceTimeoutMs: row.heartbeat_maintenance_timeout * SECOND_MS,
    availability: row.availability_state,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** {@link SystemPeerStore} over kysely. */
export class KyselySystemPeerStore implements SystemPeerStore {
  readonly #db: Kysely<Database>

  constructor(db: Kysely<Database>) {
    this.#db = db
  }

  list(): Promise<SystemPeer[]> {
    return guarded('system peers', async () =>
      (await this.#db.selectFrom('system_peers').selectAll().orderBy('id').execute()).map(systemPeerOf),
    )
  }

  find(ref: string): Promise<SystemPeer | undefined> {
    return guarded('system peers', async () => {
      const row = await rowByRef(this.#db, 'system_peers', ref, false)
      return row === undefined ? undefined : systemPeerOf(row)
    })
  }

  insert(fields: SystemPeerFields): Promise<InsertResult<SystemPeer>> {
    const row = { ...columnsOf(COLUMNS, fields), availability_state: 'created' as const }
    return insertRow(this.#db, 'system_peers', row as Insertable<SystemPeerTable>, {
      what: `system peer ${fields.peerName}`,
      map: systemPeerOf,
    })
  }

  mutate(
    ref: string,
    decide: (current: SystemPeer, associations: number) => Decision<Partial<SystemPeerFields>>,
  ): Promise<MutationResult<SystemPeer>> {
    return runLockedMutation(this.#db, {
      what: `system peer ${ref}`,
      lock: async (trx) => {
        const row = await rowByRef(trx, 'system_peers', ref, true)
        return row === undefined ? undefined : systemPeerOf(row)
      },
      count: (trx, peer) => countLocked(trx, 'peer_group_associations', 'system_peer_id', peer.id),
      decide,
      delete: async (trx, peer) => {
        await trx.deleteFrom('system_peers').where('id', '=', peer.id).execute()
      },
      update: async (trx, peer, change) =>
        systemPeerOf(
          await trx
            .updateTable('system_peers')
            .set({ ...columnsOf(COLUMNS, change), updated_at: new Date() })
            .where('id', '=', peer.id)
            .returningAll()
            .executeTakeFirstOrThrow(),
        ),
    })
  }

  async setAvailability(id: number, availability: PeerAvailability): Promise<void> {
    await guarded(`system peer ${id}`, () =>
      this.#db
        .updateTable('system_peers')
        .set({ availability_state: availability, updated_at: new Date() })
        .where('id', '=', id)
        .execute(),
    )
  }
}
