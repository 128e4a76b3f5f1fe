import type { SystemState } from '@dc/netmodel'
import type { Logger } from '@dc/runtime'
import { systemClock } from '../audit/index.js'
import type { Audit, Clock } from '../audit/index.js'
import type { AlarmStore } from '../ports/alarm-store.js'
import type { AssociationStore } from '../ports/association-store.js'
import type { PeerGroupStore } from '../ports/peer-group-store.js'
import type { SecondaryCopyStore } from '../ports/secondary-copy-store.js'
import type { SubcloudStore } from '../ports/subcloud-store.js'
import type { SystemPeerStore } from '../ports/system-peer-store.js'
import type { DeployChannels } from '../subclouds/deploy-runner.js'
import { FleetRegistry } from '../subclouds/fleet-registry.js'
import { GeoRuleError } from '../errors.js'
import { EventApplier } from './event-applier.js'
import { GeoPublisher } from './geo-publisher.js'
import { GeoSubjects } from './geo-subjects.js'
import { GroupOwnership } from './group-ownership.js'
import { LinkedPeers } from './linked-peers.js'
import type { BusSubscription, PeerBus } from './peer-bus.js'
import type { PeerGroupAssociation } from './peer-group-association.js'
import { PeerGroupMigration } from './peer-group-migration.js'
import { PeerMonitor } from './peer-monitor.js'
import { PeerStreamConsumer } from './peer-stream-consumer.js'
import { RehomePolicy } from './rehome-policy.js'
import { SerialQueue } from './serial-queue.js'
import type { SubcloudPeerGroup } from './subcloud-peer-group.js'
import { SyncStatusTracker } from './sync-status-tracker.js'

/** Timing knobs of the link; StarlingX's per-peer seconds apply unless overridden. */
export interface GeoLinkOptions {
  /**
   * Replaces every peer's `heartbeat_interval` (seconds, 10..600): sub-second heartbeats for tests
   * and benchmarks, which StarlingX's range does not allow.
   */
  readonly heartbeatIntervalMs?: number | undefined
  /** Replaces every peer's `heartbeat_maintenance_timeout` (seconds, 300..36000), as above. */
  readonly maintenanceTimeoutMs?: number | undefined
  /** How long a rehomed subcloud may take to come online before it is rehome-failed. @default 900000 */
  readonly rehomeOnlineTimeoutMs?: number
  /** How long the site's stream keeps events for a peer that is away. @default 7 days */
  readonly streamMaxAgeMs?: number
  /** Members per snapshot message. @default 200 */
  readonly snapshotChunk?: number
}

/** The stores the link reads and writes. */
export interface GeoStores {
  readonly peers: SystemPeerStore
  readonly groups: PeerGroupStore
  readonly associations: AssociationStore
  readonly copies: SecondaryCopyStore
  readonly subclouds: SubcloudStore
  readonly alarms: AlarmStore
}

/** Everything the link works with. */
export interface GeoLinkDeps {
  readonly bus: PeerBus
  /** This site's id on the link (its system uuid unless `--site-id`). */
  readonly siteId: string
  readonly siteName: string
  /** The controller's id towards agents (its system uuid): the id it claims members with. */
  readonly controllerId: string
  readonly ownState: () => SystemState
  readonly stores: GeoStores
  readonly channels: DeployChannels
  readonly audit: Pick<Audit, 'refresh' | 'expectConfigHash'>
  /** The fleet registry `subcloud add` reserves in, so copies and adds see each other. @default a new one */
  readonly fleet?: FleetRegistry | undefined
  readonly log: Logger
  readonly clock?: Clock
  readonly options?: GeoLinkOptions
}

const DEFAULT_STREAM_MAX_AGE_MS = 7 * 86_400_000
const DEFAULT_REHOME_ONLINE_TIMEOUT_MS = 900_000

/**
 * The geo-redundant link of one controller over a {@link PeerBus}, wired from its parts: the
 * peer monitor (heartbeats, 280.004) and the rehome policy, the publisher of the groups this site
 * leads, the consumer of each peer's stream, the association sync status, peer group ownership
 * (fenced epochs, 280.005) and migrate. Status and ownership bookkeeping of every part runs on one
 * queue, one step at a time.
 */
export class GeoLink {
  readonly #deps: GeoLinkDeps
  readonly #queue = new SerialQueue()
  readonly #peers: LinkedPeers
  readonly #ownership: GroupOwnership
  readonly #publisher: GeoPublisher
  readonly #consumer: PeerStreamConsumer
  readonly #rehome: RehomePolicy
  readonly #monitor: PeerMonitor
  readonly #migration: PeerGroupMigration
  #watch: BusSubscription | undefined
  /** The publisher's retry of pending associations, while one runs. */
  #retrying: Promise<void> | undefined
  #closed = false

  private constructor(deps: GeoLinkDeps) {
    this.#deps = deps
    const { bus, siteId, siteName, stores, log, options } = deps
    const { peers, groups, associations, copies, subclouds, alarms } = stores
    const clock = deps.clock ?? systemClock
    const queue = this.#queue
    this.#peers = new LinkedPeers({
      peers,
      clock,
      follow: (linked) => [...this.#monitor.follow(linked), this.#consumer.consume(linked)],
      forget: (peerId) => this.#rehome.cancel(peerId),
    })
    const sync = new SyncStatusTracker({ siteId, associations, groups, peers: this.#peers })
    const ownership = new GroupOwnership({
      bus,
      siteId,
      siteName,
      groups,
      associations,
      copies,
      alarms,
      sync,
      queue,
      clock,
      log,
      audit: deps.audit,
    })
    this.#ownership = ownership
    const publisher = new GeoPublisher({
      bus,
      siteId,
      groups,
      associations,
      subclouds,
      sync,
      ownership,
      queue,
      log,
      peers: this.#peers,
      snapshotChunk: options?.snapshotChunk,
    })
    this.#publisher = publisher
    const applier = new EventApplier({
      siteId,
      fleet: deps.fleet ?? new FleetRegistry(subclouds),
      groups,
      associations,
      copies,
      log,
      ownState: deps.ownState,
      adopt: (group, owner) => ownership.adopt(group, owner),
    })
    this.#consumer = new PeerStreamConsumer({
      bus,
      siteId,
      clock,
      applier,
      peers,
      groups,
      sync,
      ownership,
      queue,
      log,
    })
    this.#migration = new PeerGroupMigration({
      siteId,
      groups,
      associations,
      subclouds,
      ownership,
      publisher,
      log,
      rehome: {
        subclouds,
        clock,
        log,
        channels: deps.channels,
        audit: deps.audit,
        controllerId: deps.controllerId,
        onlineTimeoutMs: options?.rehomeOnlineTimeoutMs ?? DEFAULT_REHOME_ONLINE_TIMEOUT_MS,
      },
    })
    this.#rehome = new RehomePolicy({
      clock,
      peers,
      groups,
      associations,
      log,
      migrate: (groupId) => this.#migration.migrate(groupId),
      maintenanceTimeoutMs: options?.maintenanceTimeoutMs,
    })
    this.#monitor = new PeerMonitor({
      bus,
      siteId,
      siteName,
      clock,
      peers,
      groups,
      alarms,
      sync,
      queue,
      log,
      linked: this.#peers,
      rehome: this.#rehome,
      appliedOf: (peerUuid) => this.#consumer.appliedOf(peerUuid),
      everyPeriod: (leaseMs) => {
        ownership.renewInBackground(leaseMs)
        this.#retryPendingInBackground()
      },
      heartbeatIntervalMs: options?.heartbeatIntervalMs,
      maintenanceTimeoutMs: options?.maintenanceTimeoutMs,
    })
  }

  /**
   * Start the link: the site's stream, ownership reconciled with the bucket (a group another site
   * took over while this one was away is demoted before anything is published), then heartbeats,
   * the peer monitor and one consumer per peer.
   */
  static async start(deps: GeoLinkDeps): Promise<GeoLink> {
    const link = new GeoLink(deps)
    const { bus, siteId } = deps
    await bus.ensureStream(
      GeoSubjects.stream(siteId),
      [GeoSubjects.events(siteId)],
      deps.options?.streamMaxAgeMs ?? DEFAULT_STREAM_MAX_AGE_MS,
    )
    await link.#ownership.reconcile()
    link.#watch = link.#ownership.watch()
    await link.peersChanged()
    link.#monitor.start()
    return link
  }

  /** Re-read the system peers: follow new ones, drop deleted ones, take changed settings. */
  peersChanged(): Promise<void> {
    return this.#queue.run(() => this.#peers.refresh())
  }

  /** Record a group this site created (and leads) in the ownership bucket. */
  registerGroup(group: SubcloudPeerGroup): Promise<void> {
    return this.#ownership.register(group)
  }

  /** The group's settings changed (or its leader): tell every peer. */
  groupChanged(groupId: number): Promise<void> {
    return this.#publisher.groupChanged(groupId)
  }

  /** A member was added, changed or moved: send its copy to every peer of its group. */
  memberChanged(subcloudId: number): Promise<void> {
    return this.#publisher.memberChanged(subcloudId)
  }

  /** A member left its group (or was deleted): the peers drop their copies. */
  memberRemoved(group: SubcloudPeerGroup, regionName: string): Promise<void> {
    return this.#publisher.memberRemoved(group, regionName)
  }

  /** Full resync of one association. */
  resync(associationId: number): Promise<void> {
    return this.#publisher.resync(associationId)
  }

  /** An association of a group this site leads is going away: the peer drops its side. */
  associationRemoved(association: PeerGroupAssociation, group: SubcloudPeerGroup): Promise<void> {
    return this.#publisher.associationRemoved(association, group)
  }

  /** `subcloud-peer-group migrate`: the group once ownership is taken; members rehome in the background. */
  migrate(groupId: number): Promise<SubcloudPeerGroup> {
    return this.#migration.migrate(groupId)
  }

  /** One retry of the pending associations at a time; the next period starts another. */
  #retryPendingInBackground(): void {
    if (this.#retrying !== undefined || this.#closed) return
    this.#retrying = this.#publisher
      .retryPending()
      .catch((err: unknown) => this.#deps.log.warn('resending pending peer group changes failed', { err }))
      .finally(() => {
        this.#retrying = undefined
      })
  }

  /**
   * Stop in order: heartbeats and the monitor, the ownership watch, every peer's subscriptions and
   * pending rehome, then wait for migrations in flight (stopped at their next step) and the
   * bookkeeping queued; close the bus last.
   */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    this.#monitor.stop()
    this.#watch?.stop()
    this.#peers.stop()
    this.#rehome.stop()
    await this.#migration.close()
    await this.#retrying
    await this.#queue.idle()
    await this.#deps.bus.close()
  }
}

/** The link `operation` needs; a controller started without one refuses the operation. */
export function requireLink<Link>(link: Link | undefined, operation: string): Link {
  // A state to change, not a server to retry later.
  if (link === undefined) {
    throw new GeoRuleError(`${operation} needs the NATS link: start dc-controller with --nats-url`)
  }
  return link
}
