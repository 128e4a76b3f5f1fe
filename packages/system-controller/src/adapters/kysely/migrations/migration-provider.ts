import type { Migration, MigrationProvider } from 'kysely'
import * as initialSchema from './0001-initial-schema.js'
import * as geoRedundancy from './0002-geo-redundancy.js'
import * as agentIdentity from './0003-agent-identity.js'
import * as networkStrategy from './0004-network-strategy.js'
import * as alarmEvents from './0005-alarm-events.js'
import * as operationalAddress from './0007-operational-address.js'
import * as alarmEventsPerStatement from './0009-alarm-events-per-statement.js'
import * as subcloudChangeXid from './0010-subcloud-change-xid.js'

/**
 * The controller's migrations, listed in code rather than read from a folder so that they run the
 * same from the TypeScript sources and from `dist/`. Names sort in the order they must run.
 */
export class ControllerMigrationProvider implements MigrationProvider {
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve({
      '0001-initial-schema': initialSchema,
      '0002-geo-redundancy': geoRedundancy,
      '0003-agent-identity': agentIdentity,
      '0004-network-strategy': networkStrategy,
      '0005-alarm-events': alarmEvents,
      '0007-operational-address': operationalAddress,
      '0009-alarm-events-per-statement': alarmEventsPerStatement,
      '0010-subcloud-change-xid': subcloudChangeXid,
    })
  }
}
