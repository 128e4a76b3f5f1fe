import type { Kysely } from 'kysely'
import type { GeoStores } from '../../geo/geo-link.js'
import type { SubcloudStore } from '../../ports/subcloud-store.js'
import { KyselyAlarmStore } from './kysely-alarm-store.js'
import { KyselyAssociationStore } from './kysely-association-store.js'
import { KyselyPeerGroupStore } from './kysely-peer-group-store.js'
import { KyselySecondaryCopyStore } from './kysely-secondary-copy-store.js'
import { KyselySystemPeerStore } from './kysely-system-peer-store.js'
import type { Database } from './schema.js'

/** Every store geo-redundancy works with, over one database; `subclouds` is shared with the rest. */
export function kyselyGeoStores(db: Kysely<Database>, subclouds: SubcloudStore): GeoStores {
  return {
    peers: new KyselySystemPeerStore(db),
    groups: new KyselyPeerGroupStore(db),
    associations: new KyselyAssociationStore(db),
    copies: new KyselySecondaryCopyStore(db),
    subclouds,
    alarms: new KyselyAlarmStore(db),
  }
}
