/**
 * @internal What the repository's own end-to-end tests need beyond the public entry: opening a
 * store directly, to run the same store tests on PGlite and on a PostgreSQL server they start.
 * Not an API: it changes with the controller.
 */
export { openDatabase } from './adapters/kysely/open-database.js'
export type { OpenDatabaseOptions, OpenedDatabase } from './adapters/kysely/open-database.js'
export { KyselyStrategyStore } from './adapters/kysely/kysely-strategy-store.js'
export type { StrategyStore } from './ports/strategy-store.js'
export type {
  NetworkStrategy,
  NewNetworkStrategy,
  NewStrategyStep,
  StepCount,
  StepState,
  StepUpdate,
  StrategyState,
  StrategyStep,
} from './strategies/network-strategy.js'
export { connectNatsPeerBus } from './adapters/nats-peer-bus.js'
export type { NatsPeerBusOptions } from './adapters/nats-peer-bus.js'
export type { PeerBus } from './geo/peer-bus.js'
export { KyselyAlarmStore } from './adapters/kysely/kysely-alarm-store.js'
export { KyselyAlarmEventStore } from './adapters/kysely/kysely-alarm-event-store.js'
export type { ActiveAlarm, AlarmRaise } from './alarms/alarm.js'
export type { AlarmEvent, EventRetention } from './alarms/alarm-event.js'
export { KyselySubcloudStore } from './adapters/kysely/kysely-subcloud-store.js'
export { NEW_SUBCLOUD_STATE } from './subclouds/subcloud.js'
export type { SubcloudFields } from './subclouds/subcloud.js'
