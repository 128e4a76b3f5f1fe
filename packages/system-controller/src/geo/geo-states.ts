/**
 * Every closed set of geo-redundancy values (spec distcloud 4.1-4.3), defined once: the domain
 * types, the kysely schema and the dc.geo.v1 codec all take them from here.
 */

/** Administrative state of a system peer or a subcloud peer group. */
export type AdministrativeState = 'enabled' | 'disabled'

export const ADMINISTRATIVE_STATES: readonly AdministrativeState[] = ['enabled', 'disabled']

/** What the peer monitor does once a peer's heartbeats failed (`delegate` acts as `alarm`). */
export type HeartbeatFailurePolicy = 'alarm' | 'rehome' | 'delegate'

export const HEARTBEAT_FAILURE_POLICIES: readonly HeartbeatFailurePolicy[] = ['alarm', 'rehome', 'delegate']

/** A system peer's `availability_state`: `created` until its first heartbeat. */
export type PeerAvailability = 'created' | 'available' | 'unavailable'

/** Migration status of a subcloud peer group. */
export type MigrationStatus = 'none' | 'migrating' | 'complete'

/** `primary` on the site whose peer group has priority 0; the peer holds the `non-primary` one. */
export type AssociationType = 'primary' | 'non-primary'

/** A peer group association's `sync_status`. */
export type AssociationSyncStatus = 'syncing' | 'in-sync' | 'out-of-sync' | 'failed' | 'unknown'
