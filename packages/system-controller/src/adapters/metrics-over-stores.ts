import { createMetricsRegistry } from '@dc/runtime'
import type { MetricsRegistry } from '@dc/runtime'
import type { GeoStores } from '../geo/geo-link.js'
import { ControllerMetrics } from './controller-metrics.js'
import { geoCensus } from './geo-census.js'
import type { KyselySubcloudStore } from './kysely/kysely-subcloud-store.js'
import type { OpenedDatabase } from './kysely/open-database.js'

/** The controller's metrics over the stores it reads at scrape time. */
export function metricsOverStores(
  openAgentChannels: () => number,
  opened: OpenedDatabase,
  subclouds: KyselySubcloudStore,
  geoStores: GeoStores,
): { registry: MetricsRegistry; controller: ControllerMetrics } {
  const registry = createMetricsRegistry({ prefix: 'dc_controller_' })
  const controller = new ControllerMetrics(registry, {
    subclouds: () => subclouds.census(),
    openAgentChannels,
    databasePoolInUse: () => opened.connectionsInUse(),
    peers: async () => (await geoCensus(geoStores)).peers,
    associations: async () => (await geoCensus(geoStores)).associations,
  })
  return { registry, controller }
}
