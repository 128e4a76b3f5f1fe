import type { Insertable, Kysely } from 'kysely'
import { SECOND_MS } from '../../geo/geo-limits.js'
import type { PeerAvailability } from '../../geo/geo-states.js'
import type { SystemPeer, SystemPeerFields } from '../../geo/system-peer.js'
import type { Decision, InsertResult, MutationResult } from '../../ports/mutation.js'
import type { SystemPeerStore } from '../../ports/system-peer-store.js'
import { columnsOf, entityOf } from './column-map.js'
import type { ColumnMap } from './column-map.js'
import { insertRow } from './insert-row.js'
import { NamedRowStore } from './named-row-store.js'
import { updateRowById } from './row-by-id.js'
import { countLocked } from './row-by-ref.js'
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
  heartbeatIntervalMs: { column: 'heartbeat_interval', write: seconds, read: (s: number) => s * SECOND_MS },
  heartbeatFailureThreshold: 'heartbeat_failure_threshold',
  heartbeatFailurePolicy: 'heartbeat_failure_policy',
  heartbeatMaintenanceTimeoutMs: {
    column: 'heartbeat_maintenance_timeout',
    write: seconds,
    read: (s: number) => s * SECOND_MS,
  },
}

function systemPeerOf(row: SystemPeerRow): SystemPeer {
  return { ...entityOf(COLUMNS, row), availability: row.availability_state }
}

/** {@link SystemPeerStore} over kysely. */
export class KyselySystemPeerStore
  extends NamedRowStore<'system_peers', SystemPeer>
  implements SystemPeerStore
{
  constructor(db: Kysely<Database>) {
    super(db, { table: 'system_peers', what: 'system peer', map: systemPeerOf })
  }

  insert(fields: SystemPeerFields): Promise<InsertResult<SystemPeer>> {
    const row = { ...columnsOf(COLUMNS, fields), availability_state: 'created' as const }
    return insertRow(this.db, 'system_peers', row as Insertable<SystemPeerTable>, {
      what: `system peer ${fields.peerName}`,
      map: systemPeerOf,
    })
  }

  mutate(
    ref: string,
    decide: (current: SystemPeer, associations: number) => Decision<Partial<SystemPeerFields>>,
  ): Promise<MutationResult<SystemPeer>> {
    return this.mutateByRef(
      ref,
      (trx, peer) => countLocked(trx, 'peer_group_associations', 'system_peer_id', peer.id),
      decide,
      (change) => columnsOf(COLUMNS, change),
    )
  }

  async setAvailability(id: number, availability: PeerAvailability): Promise<void> {
    await guarded(`system peer ${id}`, () =>
      updateRowById(this.db, 'system_peers', id, { availability_state: availability }),
    )
  }
}
