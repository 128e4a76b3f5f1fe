/**
 * The web console's wire types: what dc-controller's event stream and JSON API carry. The front
 * end itself is a bundle (`@dc/console/assets/*`), not an import.
 *
 * @example
 * import type { SnapshotEvent } from '@dc/console'
 */
export type {
  AlarmView,
  ConsoleDelta,
  ConsoleView,
  Counts,
  FleetSummary,
  GeoView,
  KeyedDelta,
  NetworkMode,
  NetworkView,
  PackedRows,
  PoolView,
  SiteView,
  SnapshotEvent,
  StepRow,
  StrategyHeader,
  SubcloudDetail,
  SubcloudRow,
  Viewer,
} from './console-wire.js'
