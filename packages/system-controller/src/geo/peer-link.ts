import type { SystemState } from '@dc/netmodel'
import { SYSTEM_CONTROLLER_REGION } from '@dc/protos'
import { systemClock } from '../audit/index.js'
import type { Audit, Clock } from '../audit/index.js'
import type { Logger } from '@dc/runtime'
import type { DeployChannels } from '../subclouds/deploy-runner.js'
import { GeoRuleError } from '../errors.js'
import { seq } from '../adapters/kysely/geo-store.js'
import type { GeoAlarm, GeoStore } from '../adapters/kysely/geo-store.js'
import type {
  PeerGroupAssociationRow,
  SubcloudPeerGroupRow,
  SystemPeerRow,
} from '../adapters/kysely/schema.js'
import type { SubcloudStore } from '../ports/subcloud-store.js'
import { COPY_STATES } from '../subclouds/deploy-status.js'
import type { Subcloud } from '../subclouds/subcloud.js'
import { associationSyncStatus } from './association-sync-status.js'
import { EventApplier, parseFailures } from './event-applier.js'
import { GeoSubjects } from './geo-subjects.js'
import {
  decodeAck,
  decodeEvent,
  decodeHeartbeat,
  encodeAck,
  encodeEvent,
  encodeHeartbeat,
} from './geo-codec.js'
import type { GeoEvent, MemberCopy, Ownership } from './geo-event.js'
import { OwnershipBucket } from './ownership-bucket.js'
import type { BusSubscription, PeerBus, StreamMessage } from './peer-bus.js'
import { peerHealth } from './peer-health.js'
import { rehomeSubcloud } from './rehome-subcloud.js'

/** Timing knobs of the link; StarlingX's per-peer seconds apply unless overridden. */
export interface PeerLinkOptions {
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

/** Everything the link works with. */
export interface PeerLinkDeps {
  readonly bus: PeerBus
  /** This site's id on the link (its system uuid unless `--site-id`). */
  readonly siteId: string
  readonly siteName: string
  /** The controller's id towards agents (its system uuid): the id it claims members with. */
  readonly controllerId: string
  readonly ownState: () => SystemState
  readonly subclouds: SubcloudStore
  readonly geo: GeoStore
  readonly channels: DeployChannels
  readonly audit: Pick<Audit, 'refresh' | 'expectConfigHash'>
  readonly log: Logger
  readonly clock?: Clock
  readonly options?: PeerLinkOptions
}

/** A peer as the monitor tracks it. */
interface PeerState {
  row: SystemPeerRow
  lastSeenAtMs: number
  /** Its last heartbeat listed this site among its peers (it consumes our stream). */
  knowsUs: boolean
  readonly subscriptions: BusSubscription[]
  cancelRehome: (() => void) | undefined
  /** The last consumer failure logged, so a retry loop does not repeat it. */
  lastConsumeError: string | undefined
}

const DEFAULT_HEARTBEAT_MS = 60_000
const MIN_TICK_MS = 25

function peerAlarmEntity(peer: SystemPeerRow): string {
  return `peer=${peer.peer_name}`
}

function groupAlarmEntity(group: SubcloudPeerGroupRow): string {
  return `peer_group=${group.peer_group_name}`
}

/** Saved values (rehome data, else the values kept at add time) and the agent address of a member. */
function savedPayload(subcloud: Subcloud): { values: Record<string, unknown>; address: string } {
  let payload: Record<string, unknown> | undefined
  if (subcloud.rehomeData !== null) {
    try {
      const parsed = JSON.parse(subcloud.rehomeData) as { saved_payload?: Record<string, unknown> }
      payload = parsed.saved_payload
    } catch {
      payload = undefined
    }
  }
  // The agent address the leader dials now wins over the one saved with the values.
  const { 'bootstrap-address': _saved, ...values } =
    payload ?? (JSON.parse(subcloud.storedValuesJson) as Record<string, unknown>)
  return { values, address: subcloud.bootstrapAddress }
}

/**
 * The geo-redundant link of one controller over a {@link PeerBus}: heartbeats and the peer
 * monitor (280.004, availability, the rehome policy), the event stream of the groups this site
 * leads and the acknowledgements that drive association sync status, the durable consumers that
 * apply each peer's stream, peer group ownership (fenced epochs by compare-and-set), and migrate.
 */
export class PeerLink {
  readonly #deps: PeerLinkDeps
  readonly #clock: Clock
  readonly #ownership: OwnershipBucket
  readonly #applier: EventApplier
  readonly #peers = new Map<number, PeerState>()
  /** Highest sequence of each peer's stream applied here, by peer site id. */
  readonly #applied = new Map<string, number>()
  readonly #lifetime = new AbortController()
  readonly #migrations = new Set<Promise<void>>()
  #watch: BusSubscription | undefined
  #cancelTick: (() => void) | undefined
  #lastHeartbeatAtMs = 0
  #lastRetryAtMs = 0
  #lastTickAtMs = 0
  // Status and ownership bookkeeping runs one step at a time, so read-modify-writes never interleave.
  #tail: Promise<unknown> = Promise.resolve()

  private constructor(deps: PeerLinkDeps) {
    this.#deps = deps
    this.#clock = deps.clock ?? systemClock
    this.#ownership = new OwnershipBucket(deps.bus)
    this.#applier = new EventApplier({
      siteId: deps.siteId,
      ownState: deps.ownState,
      subclouds: deps.subclouds,
      geo: deps.geo,
      adopt: (group, ownership) => this.#adopt(group, ownership),
      log: deps.log,
    })
  }

  /**
   * Start the link: the site's stream, ownership reconciled with the bucket (a group another site
   * took over while this one was away is demoted before anything is published), then heartbeats,
   * the peer monitor and one consumer per peer.
   */
  static async start(deps: PeerLinkDeps): Promise<PeerLink> {
    const link = new PeerLink(deps)
    const { bus, siteId } = deps
    await bus.ensureStream(
      GeoSubjects.stream(siteId),
      [GeoSubjects.events(siteId)],
      deps.options?.streamMaxAgeMs ?? 7 * 86_400_000,
    )
    await link.#reconcileOwnership()
    link.#watch = link.#ownership.watch((uuid, ownership) => {
      void link
        .#serially(async () => {
          const group = await deps.geo.findPeerGroup(uuid)
          if (group !== undefined && group.uuid === uuid) await link.#adopt(group, ownership)
        })
        .catch((err: unknown) => link.#warn('ownership change', err))
    })
    await link.peersChanged()
    link.#lastTickAtMs = link.#clock.now()
    link.#schedule()
    return link
  }

  get siteId(): string {
    return this.#deps.siteId
  }

  #warn(what: string, err: unknown): void {
    this.#deps.log.warn(`geo: ${what} failed: ${err instanceof Error ? err.message : String(err)}`)
  }

  #serially<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(fn)
    this.#tail = run.catch(() => undefined)
    return run
  }

  #intervalMs(peer: SystemPeerRow): number {
    return this.#deps.options?.heartbeatIntervalMs ?? peer.heartbeat_interval * 1000
  }

  #maintenanceMs(peer: SystemPeerRow): number {
    return this.#deps.options?.maintenanceTimeoutMs ?? peer.heartbeat_maintenance_timeout * 1000
  }

  /** The heartbeat period: the shortest interval any peer expects of this site. */
  #heartbeatMs(): number {
    const intervals = [...this.#peers.values()].map((p) => this.#intervalMs(p.row))
    return intervals.length > 0
      ? Math.min(...intervals)
      : (this.#deps.options?.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_MS)
  }

  // ---- peers, heartbeats, monitor ----

  /** Re-read the system peers: subscribe to new ones, drop deleted ones, take changed settings. */
  peersChanged(): Promise<void> {
    // One at a time: two peers added at once must not both be followed twice.
    return this.#serially(() => this.#followPeers())
  }

  async #followPeers(): Promise<void> {
    const rows = await this.#deps.geo.listPeers()
    const ids = new Set(rows.map((r) => r.id))
    for (const [id, state] of this.#peers) {
      if (ids.has(id) && rows.find((r) => r.id === id)?.peer_uuid === state.row.peer_uuid) continue
      for (const s of state.subscriptions) s.stop()
      state.cancelRehome?.()
      this.#peers.delete(id)
    }
    for (const row of rows) {
      const known = this.#peers.get(row.id)
      if (known !== undefined) {
        known.row = row
        continue
      }
      this.#peers.set(row.id, this.#follow(row))
    }
  }

  #follow(row: SystemPeerRow): PeerState {
    const { bus, siteId } = this.#deps
    const state: PeerState = {
      row,
      lastSeenAtMs: this.#clock.now(),
      knowsUs: true,
      subscriptions: [],
      cancelRehome: undefined,
      lastConsumeError: undefined,
    }
    state.subscriptions.push(
      bus.subscribe(GeoSubjects.heartbeat(row.peer_uuid), (data) => {
        void this.#onHeartbeat(state, data).catch((err: unknown) =>
          this.#warn(`heartbeat of ${state.row.peer_name}`, err),
        )
      }),
      bus.subscribe(GeoSubjects.ack(row.peer_uuid, siteId), (data) => {
        void this.#onAck(state, data).catch((err: unknown) =>
          this.#warn(`ack of ${state.row.peer_name}`, err),
        )
      }),
      bus.consume({
        stream: GeoSubjects.stream(row.peer_uuid),
        durable: GeoSubjects.consumer(siteId),
        filterSubject: GeoSubjects.events(row.peer_uuid),
        onMessage: (message) => this.#onEvent(state, message),
        onError: (err) => {
          // Binding retries every second until the peer's stream exists: say so once, not every time.
          const text = err instanceof Error ? err.message : String(err)
          if (text === state.lastConsumeError) return
          state.lastConsumeError = text
          this.#warn(`consuming the stream of ${state.row.peer_name}`, err)
        },
      }),
    )
    return state
  }

  async #onHeartbeat(state: PeerState, data: Uint8Array): Promise<void> {
    const heartbeat = decodeHeartbeat(data)
    if (heartbeat.site !== state.row.peer_uuid) return
    state.lastSeenAtMs = this.#clock.now()
    const knowsUs = this.#deps.siteId in heartbeat.applied
    const changed = knowsUs !== state.knowsUs
    state.knowsUs = knowsUs
    await this.#serially(async () => {
      if (state.row.availability_state !== 'available') await this.#recovered(state)
      await this.#acked(state, heartbeat.applied[this.#deps.siteId] ?? 0, undefined)
      if (changed) await this.#recompute({ systemPeerId: state.row.id })
    })
  }

  async #onAck(state: PeerState, data: Uint8Array): Promise<void> {
    const ack = decodeAck(data)
    if (ack.site !== state.row.peer_uuid) return
    await this.#serially(() => this.#acked(state, ack.seq, ack))
  }

  /** The peer applied our stream up to `upTo`; with an ack, also its failures for that group. */
  async #acked(
    state: PeerState,
    upTo: number,
    ack: { groupUuid: string; failures: readonly unknown[] } | undefined,
  ): Promise<void> {
    const { geo } = this.#deps
    const group = ack === undefined ? undefined : await geo.findPeerGroup(ack.groupUuid)
    for (const a of await geo.listAssociations({ systemPeerId: state.row.id })) {
      const forGroup = group !== undefined && group.uuid === ack?.groupUuid && a.peer_group_id === group.id
      if (upTo <= seq(a.acked_seq) && !forGroup) continue
      await geo.mutateAssociation(a.id, (current) => ({
        acked_seq: Math.max(seq(current.acked_seq), upTo),
        ...(forGroup ? { failed_members_json: JSON.stringify(ack.failures) } : {}),
      }))
    }
    await this.#recompute({ systemPeerId: state.row.id })
  }

  #tickMs(): number {
    return Math.max(MIN_TICK_MS, Math.floor(this.#heartbeatMs() / 4))
  }

  #schedule(): void {
    if (this.#lifetime.signal.aborted) return
    this.#cancelTick = this.#clock.setTimer(this.#tickMs(), () => {
      void this.#tick()
        .catch((err: unknown) => this.#warn('heartbeat tick', err))
        .finally(() => this.#schedule())
    })
  }

  async #tick(): Promise<void> {
    // Heartbeats that arrived while this process was busy are read before anything is judged:
    // timers run before I/O in Node's loop, so a late tick would otherwise see them as missed.
    await new Promise((resolve) => setImmediate(resolve))
    const now = this.#clock.now()
    const stalledMs = now - this.#lastTickAtMs - 2 * this.#tickMs()
    this.#lastTickAtMs = now
    if (stalledMs > 0) {
      // This process could not listen during the stall: that silence is not the peer's.
      for (const state of this.#peers.values()) state.lastSeenAtMs += stalledMs
    }
    const period = this.#heartbeatMs()
    if (now - this.#lastHeartbeatAtMs >= period) {
      this.#lastHeartbeatAtMs = now
      const applied: Record<string, number> = {}
      for (const state of this.#peers.values())
        applied[state.row.peer_uuid] = this.#applied.get(state.row.peer_uuid) ?? 0
      await this.#deps.bus
        .publish(
          GeoSubjects.heartbeat(this.#deps.siteId),
          encodeHeartbeat({ site: this.#deps.siteId, name: this.#deps.siteName, sentAtMs: now, applied }),
        )
        .catch((err: unknown) => this.#warn('heartbeat publish', err))
    }
    for (const state of this.#peers.values()) {
      const health = peerHealth(
        {
          lastSeenAtMs: state.lastSeenAtMs,
          intervalMs: this.#intervalMs(state.row),
          failureThreshold: state.row.heartbeat_failure_threshold,
        },
        now,
      )
      if (health.failed && state.row.availability_state !== 'unavailable') {
        await this.#serially(() => this.#failed(state, health.misses))
      }
    }
    if (now - this.#lastRetryAtMs >= period) {
      this.#lastRetryAtMs = now
      await this.#retryPending()
    }
  }

  async #leadsAnyLocalGroup(peer: SystemPeerRow): Promise<boolean> {
    return (await this.#deps.geo.listPeerGroups()).some((g) => g.system_leader_id === peer.peer_uuid)
  }

  async #failed(state: PeerState, misses: number): Promise<void> {
    const { geo, log } = this.#deps
    const peer = state.row
    await geo.setPeerAvailability(peer.id, 'unavailable')
    state.row = { ...peer, availability_state: 'unavailable' }
    const alarm: GeoAlarm = {
      alarmId: '280.004',
      region: SYSTEM_CONTROLLER_REGION,
      entityInstanceId: peerAlarmEntity(peer),
      severity: (await this.#leadsAnyLocalGroup(peer)) ? 'critical' : 'major',
      reasonText: `System peer ${peer.peer_name} heartbeat failed: ${misses} heartbeats missed`,
      proposedRepairAction: 'Check the peer system controller and its NATS link',
      serviceAffecting: true,
    }
    await geo.raiseAlarm(alarm)
    log.info(
      `geo: peer ${peer.peer_name} unavailable after ${misses} missed heartbeats (280.004 ${alarm.severity})`,
    )
    await this.#recompute({ systemPeerId: peer.id })
    if (peer.heartbeat_failure_policy === 'rehome') {
      const waitMs = this.#maintenanceMs(peer)
      log.info(
        `geo: peer ${peer.peer_name} policy rehome: migrating its groups in ${waitMs} ms unless it returns`,
      )
      state.cancelRehome = this.#clock.setTimer(waitMs, () => {
        state.cancelRehome = undefined
        void this.#rehomeFrom(state).catch((err: unknown) => this.#warn(`rehome from ${peer.peer_name}`, err))
      })
    } else if (peer.heartbeat_failure_policy === 'delegate') {
      log.info(`geo: peer ${peer.peer_name} policy delegate is not implemented; acting as alarm`)
    }
  }

  async #recovered(state: PeerState): Promise<void> {
    const { geo, log } = this.#deps
    const peer = state.row
    state.cancelRehome?.()
    state.cancelRehome = undefined
    await geo.setPeerAvailability(peer.id, 'available')
    state.row = { ...peer, availability_state: 'available' }
    await geo.clearAlarm(SYSTEM_CONTROLLER_REGION, '280.004', peerAlarmEntity(peer))
    log.info(`geo: peer ${peer.peer_name} available`)
    await this.#recompute({ systemPeerId: peer.id })
  }

  /** The rehome policy: the peer stayed away past the maintenance timeout, so take its groups over. */
  async #rehomeFrom(state: PeerState): Promise<void> {
    const current = await this.#deps.geo.findPeer(String(state.row.id))
    if (current === undefined || current.availability_state !== 'unavailable') return
    const associated = new Set(
      (await this.#deps.geo.listAssociations({ systemPeerId: current.id })).map((a) => a.peer_group_id),
    )
    for (const group of await this.#deps.geo.listPeerGroups()) {
      if (group.system_leader_id !== current.peer_uuid || !associated.has(group.id)) continue
      this.#deps.log.info(
        `geo: peer ${current.peer_name} still unavailable: migrating subcloud peer group ${group.peer_group_name}`,
      )
      await this.migrate(group.id).catch((err: unknown) =>
        this.#warn(`migrate of ${group.peer_group_name}`, err),
      )
    }
  }

  // ---- sync status ----

  /** Recompute the sync status of the associations matching `filter` and store what changed. */
  async #recompute(filter: { peerGroupId?: number; systemPeerId?: number; id?: number }): Promise<void> {
    const { geo } = this.#deps
    const associations = (await geo.listAssociations(filter)).filter(
      (a) => filter.id === undefined || a.id === filter.id,
    )
    for (const a of associations) {
      const [group, state] = [
        await geo.findPeerGroup(String(a.peer_group_id)),
        this.#peers.get(a.system_peer_id),
      ]
      if (group === undefined || state === undefined) continue
      const sync = associationSyncStatus({
        role: group.system_leader_id === this.#deps.siteId ? 'sender' : 'receiver',
        linkConfigured: true,
        peerName: state.row.peer_name,
        peerAvailability: state.row.availability_state,
        peerKnowsUs: state.knowsUs,
        publishedSeq: seq(a.published_seq),
        ackedSeq: seq(a.acked_seq),
        pending: a.pending,
        failures: parseFailures(a.failed_members_json),
      })
      if (sync.status !== a.sync_status || sync.message !== a.sync_message) {
        await geo.mutateAssociation(a.id, () => ({ sync_status: sync.status, sync_message: sync.message }))
      }
    }
  }

  /** Recompute one association's status now (after the service changed it). */
  refreshStatus(associationId: number): Promise<void> {
    return this.#serially(() => this.#recompute({ id: associationId }))
  }

  // ---- publishing ----

  #groupEvent(
    group: SubcloudPeerGroupRow,
    association: PeerGroupAssociationRow,
    peer: SystemPeerRow,
  ): GeoEvent {
    return {
      type: 'group',
      from: this.#deps.siteId,
      to: peer.peer_uuid,
      group: {
        uuid: group.uuid,
        name: group.peer_group_name,
        priority: association.peer_group_priority,
        state: group.group_state,
        maxSubcloudRehoming: group.max_subcloud_rehoming,
        leaderId: group.system_leader_id,
        leaderName: group.system_leader_name,
        migrationStatus: group.migration_status,
        epoch: seq(group.epoch),
      },
    }
  }

  /** A member as the peer's copy needs it: saved values, controller gateway swapped for the peer's. */
  #copy(subcloud: Subcloud, peer: SystemPeerRow): MemberCopy {
    const { values, address } = savedPayload(subcloud)
    return {
      name: subcloud.name,
      regionName: subcloud.regionName,
      description: subcloud.description,
      location: subcloud.location,
      softwareVersion: subcloud.softwareVersion,
      bootstrapAddress: address,
      values: { ...values, systemcontroller_gateway_address: peer.peer_controller_gateway_ip },
    }
  }

  /** Publish `events` to one peer in order; the association records the last sequence, or `pending`. */
  async #publish(
    association: PeerGroupAssociationRow,
    group: SubcloudPeerGroupRow,
    events: readonly GeoEvent[],
  ): Promise<void> {
    const { bus, geo, siteId } = this.#deps
    let last = 0
    let pending = false
    try {
      for (const event of events) {
        last = await bus.streamPublish(GeoSubjects.event(siteId, group.uuid), encodeEvent(event))
      }
    } catch (err) {
      pending = true
      this.#warn(`publishing subcloud peer group ${group.peer_group_name}`, err)
    }
    await this.#serially(async () => {
      await geo.mutateAssociation(association.id, (current) => ({
        published_seq: Math.max(seq(current.published_seq), last),
        pending,
        ...(events.some((e) => e.type === 'snapshot-end') && !pending ? { failed_members_json: '[]' } : {}),
      }))
      await this.#recompute({ id: association.id })
    })
  }

  /** The associations of a group this site leads, each with its peer; empty when another site leads. */
  async #outbound(
    group: SubcloudPeerGroupRow,
  ): Promise<{ association: PeerGroupAssociationRow; peer: SystemPeerRow }[]> {
    if (group.system_leader_id !== this.#deps.siteId) return []
    const out: { association: PeerGroupAssociationRow; peer: SystemPeerRow }[] = []
    for (const association of await this.#deps.geo.listAssociations({ peerGroupId: group.id })) {
      const peer = this.#peers.get(association.system_peer_id)?.row
      if (peer !== undefined) out.push({ association, peer })
    }
    return out
  }

  /** The group's settings changed (or its leader): tell every peer. */
  async groupChanged(groupId: number): Promise<void> {
    const group = await this.#deps.geo.findPeerGroup(String(groupId))
    if (group === undefined) return
    await this.#preferenceAlarm(group)
    for (const { association, peer } of await this.#outbound(group)) {
      await this.#publish(association, group, [this.#groupEvent(group, association, peer)])
    }
  }

  /** A member was added, changed or moved: send its copy to every peer of its group. */
  async memberChanged(subcloudId: number): Promise<void> {
    const record = await this.#deps.subclouds.find(String(subcloudId))
    if (record === undefined || record.peerGroupId === null || COPY_STATES.includes(record.deployStatus))
      return
    const group = await this.#deps.geo.findPeerGroup(String(record.peerGroupId))
    if (group === undefined) return
    for (const { association, peer } of await this.#outbound(group)) {
      await this.#publish(association, group, [
        {
          type: 'members',
          from: this.#deps.siteId,
          to: peer.peer_uuid,
          groupUuid: group.uuid,
          epoch: seq(group.epoch),
          members: [this.#copy(record, peer)],
        },
      ])
    }
  }

  /** A member left its group (or was deleted): the peers drop their copies. */
  async memberRemoved(group: SubcloudPeerGroupRow, regionName: string): Promise<void> {
    for (const { association, peer } of await this.#outbound(group)) {
      await this.#publish(association, group, [
        {
          type: 'member-removed',
          from: this.#deps.siteId,
          to: peer.peer_uuid,
          groupUuid: group.uuid,
          epoch: seq(group.epoch),
          regionName,
        },
      ])
    }
  }

  /** Full resync of one association: the group, every member in chunks, and the snapshot's end. */
  async resync(associationId: number): Promise<void> {
    const { geo, subclouds } = this.#deps
    const association = await geo.findAssociation(associationId)
    if (association === undefined) return
    const group = await geo.findPeerGroup(String(association.peer_group_id))
    const peer = this.#peers.get(association.system_peer_id)?.row
    if (group === undefined || peer === undefined) return
    if (group.system_leader_id !== this.#deps.siteId) {
      await this.refreshStatus(associationId)
      return
    }
    const members = (await subclouds.list({ peerGroupId: group.id })).filter(
      (m) => !COPY_STATES.includes(m.deployStatus),
    )
    const chunk = this.#deps.options?.snapshotChunk ?? 200
    const base = {
      from: this.#deps.siteId,
      to: peer.peer_uuid,
      groupUuid: group.uuid,
      epoch: seq(group.epoch),
    }
    const events: GeoEvent[] = [this.#groupEvent(group, association, peer)]
    for (let i = 0; i < members.length; i += chunk) {
      events.push({
        type: 'members',
        ...base,
        members: members.slice(i, i + chunk).map((m) => this.#copy(m, peer)),
      })
    }
    events.push({ type: 'snapshot-end', ...base, regionNames: members.map((m) => m.regionName) })
    await this.#publish(association, group, events)
  }

  /** An association of a group this site leads is going away: the peer drops its side. */
  async associationRemoved(association: PeerGroupAssociationRow, group: SubcloudPeerGroupRow): Promise<void> {
    const peer = this.#peers.get(association.system_peer_id)?.row
    if (peer === undefined || group.system_leader_id !== this.#deps.siteId) return
    const event: GeoEvent = {
      type: 'association-removed',
      from: this.#deps.siteId,
      to: peer.peer_uuid,
      groupUuid: group.uuid,
    }
    await this.#deps.bus
      .streamPublish(GeoSubjects.event(this.#deps.siteId, group.uuid), encodeEvent(event))
      .catch((err: unknown) => this.#warn(`telling ${peer.peer_name} that the association is gone`, err))
  }

  /** Associations whose changes could not be published (NATS was away) get a full resync. */
  async #retryPending(): Promise<void> {
    for (const a of await this.#deps.geo.listAssociations()) {
      if (a.pending) await this.resync(a.id)
    }
  }

  // ---- consuming the peers' streams ----

  async #onEvent(state: PeerState, message: StreamMessage): Promise<void> {
    let event: GeoEvent
    try {
      event = decodeEvent(message.data)
    } catch (err) {
      // A message that can never be read must not block the stream: skip it, loudly.
      this.#warn(`reading event ${message.seq} of ${state.row.peer_name}`, err)
      this.#applied.set(state.row.peer_uuid, message.seq)
      return
    }
    if (event.from !== state.row.peer_uuid || event.to !== this.#deps.siteId) {
      this.#applied.set(state.row.peer_uuid, message.seq)
      return
    }
    const peer = (await this.#deps.geo.findPeer(String(state.row.id))) ?? state.row
    const applied = await this.#applier.apply(event, peer)
    this.#applied.set(state.row.peer_uuid, message.seq)
    await this.#deps.bus
      .publish(
        GeoSubjects.ack(this.#deps.siteId, state.row.peer_uuid),
        encodeAck({
          site: this.#deps.siteId,
          seq: message.seq,
          groupUuid: applied.groupUuid,
          subclouds: applied.subclouds,
          failures: applied.failures,
          appliedAtMs: this.#clock.now(),
        }),
      )
      .catch((err: unknown) => this.#warn(`acknowledging to ${state.row.peer_name}`, err))
    const groupId = applied.groupId
    if (groupId !== undefined) {
      await this.#serially(() => this.#recompute({ peerGroupId: groupId, systemPeerId: state.row.id }))
      const group = await this.#deps.geo.findPeerGroup(String(groupId))
      if (group !== undefined) await this.#preferenceAlarm(group)
    }
  }

  // ---- ownership ----

  async #reconcileOwnership(): Promise<void> {
    const { geo, siteId } = this.#deps
    for (const group of await geo.listPeerGroups()) {
      const found = await this.#ownership.read(group.uuid)
      if (found === undefined) {
        if (group.system_leader_id === siteId) await this.registerGroup(group)
        continue
      }
      await this.#adopt(group, found.ownership)
      if (group.migration_status === 'migrating' && found.ownership.leader === siteId) {
        // A migration this controller was running when it stopped: its members were failed at start.
        await geo.setPeerGroup(group.id, { migration_status: 'complete' })
      }
    }
  }

  /** Record a group this site created (and leads) in the bucket. */
  async registerGroup(group: SubcloudPeerGroupRow): Promise<void> {
    const owner = await this.#ownership.register(group.uuid, {
      leader: group.system_leader_id,
      leaderName: group.system_leader_name,
      epoch: seq(group.epoch),
    })
    if (owner.leader !== group.system_leader_id) await this.#adopt(group, owner)
  }

  /**
   * Take `ownership` as the group's truth if it is newer (or names another leader at the same
   * epoch). A site that loses a group demotes its members to secondary copies at once, so it never
   * commands them again; 280.005 follows the new leader.
   */
  async #adopt(group: SubcloudPeerGroupRow, ownership: Ownership): Promise<SubcloudPeerGroupRow> {
    const { geo, siteId, log } = this.#deps
    const newer = ownership.epoch > seq(group.epoch)
    const sameEpochOtherLeader =
      ownership.epoch === seq(group.epoch) && ownership.leader !== group.system_leader_id
    if (!newer && !sameEpochOtherLeader) return group
    const updated =
      (await geo.setPeerGroup(group.id, {
        system_leader_id: ownership.leader,
        system_leader_name: ownership.leaderName,
        epoch: ownership.epoch,
      })) ?? group
    if (group.system_leader_id === siteId && ownership.leader !== siteId) {
      const demoted = await geo.demoteMembers(group.id)
      log.info(
        `geo: subcloud peer group ${group.peer_group_name} is now led by ${ownership.leaderName} at epoch ${ownership.epoch}; ` +
          `${demoted.length} member(s) demoted to secondary`,
      )
      for (const a of await geo.listAssociations({ peerGroupId: group.id })) {
        await geo.mutateAssociation(a.id, () => ({ failed_members_json: '[]', pending: false }))
      }
      await this.#deps.audit.refresh()
    }
    await this.#preferenceAlarm(updated)
    await this.#recompute({ peerGroupId: group.id })
    return updated
  }

  /**
   * 280.005: raised on either site while the group is led by a site other than its preferred one
   * (the lower priority number; the primary site's is 0), cleared once they agree again.
   */
  async #preferenceAlarm(group: SubcloudPeerGroupRow): Promise<void> {
    const { geo, siteId } = this.#deps
    const associations = await geo.listAssociations({ peerGroupId: group.id })
    const peerPriorities = associations.map((a) =>
      a.association_type === 'primary' ? a.peer_group_priority : 0,
    )
    const entity = groupAlarmEntity(group)
    if (peerPriorities.length === 0) {
      await geo.clearAlarm(SYSTEM_CONTROLLER_REGION, '280.005', entity)
      return
    }
    const preferredHere = group.group_priority <= Math.min(...peerPriorities)
    const ledHere = group.system_leader_id === siteId
    if (preferredHere === ledHere) {
      await geo.clearAlarm(SYSTEM_CONTROLLER_REGION, '280.005', entity)
      return
    }
    await geo.raiseAlarm({
      alarmId: '280.005',
      region: SYSTEM_CONTROLLER_REGION,
      entityInstanceId: entity,
      severity: 'major',
      reasonText: `Subcloud peer group ${group.peer_group_name} is managed by ${group.system_leader_name}, not by its preferred site`,
      proposedRepairAction: 'Run subcloud-peer-group migrate on the preferred site once it is healthy',
      serviceAffecting: false,
    })
  }

  // ---- migrate ----

  /**
   * `subcloud-peer-group migrate` (spec distcloud 4.5, with fencing): take ownership in the bucket
   * at the next epoch by compare-and-set, then rehome every candidate member (secondary,
   * rehome-failed, rehome-prep-failed) with up to max_subcloud_rehoming in parallel, in the
   * background. Resolves with the group as it is once ownership is taken (migrating).
   */
  async migrate(groupId: number): Promise<SubcloudPeerGroupRow> {
    const { geo, subclouds, siteId, siteName } = this.#deps
    const group = await geo.findPeerGroup(String(groupId))
    if (group === undefined) throw new GeoRuleError(`Subcloud peer group ${groupId} is gone`)
    if (group.migration_status === 'migrating' && group.system_leader_id === siteId) {
      throw new GeoRuleError(`Subcloud peer group ${group.peer_group_name} is already being migrated here`)
    }
    const candidates = (await subclouds.list({ peerGroupId: group.id })).filter((m) =>
      COPY_STATES.includes(m.deployStatus),
    )
    if (group.system_leader_id === siteId && candidates.length === 0) {
      throw new GeoRuleError(
        `Subcloud peer group ${group.peer_group_name} is already led by this site and has nothing to migrate`,
      )
    }
    const ownership =
      group.system_leader_id === siteId
        ? { leader: siteId, leaderName: siteName, epoch: seq(group.epoch) }
        : await this.#ownership.take(group.uuid, group.peer_group_name, siteId, siteName, seq(group.epoch))
    const taken =
      (await geo.setPeerGroup(group.id, {
        system_leader_id: ownership.leader,
        system_leader_name: ownership.leaderName,
        epoch: ownership.epoch,
        migration_status: 'migrating',
      })) ?? group
    this.#deps.log.info(
      `geo: migrating subcloud peer group ${group.peer_group_name} to this site at epoch ${ownership.epoch} (${candidates.length} subcloud(s))`,
    )
    await this.groupChanged(group.id)
    const run = this.#rehomeAll(taken, candidates, ownership.epoch).catch((err: unknown) =>
      this.#warn(`migration of ${group.peer_group_name}`, err),
    )
    this.#migrations.add(run)
    void run.finally(() => this.#migrations.delete(run))
    return taken
  }

  async #rehomeAll(
    group: SubcloudPeerGroupRow,
    candidates: readonly Subcloud[],
    epoch: number,
  ): Promise<void> {
    const { geo, log } = this.#deps
    const queue = [...candidates]
    const signal = this.#lifetime.signal
    const worker = async (): Promise<void> => {
      for (let next = queue.shift(); next !== undefined && !signal.aborted; next = queue.shift()) {
        await rehomeSubcloud(
          {
            subclouds: this.#deps.subclouds,
            channels: this.#deps.channels,
            audit: this.#deps.audit,
            clock: this.#clock,
            controllerId: this.#deps.controllerId,
            log,
            onlineTimeoutMs: this.#deps.options?.rehomeOnlineTimeoutMs ?? 900_000,
          },
          next,
          epoch,
          signal,
        ).catch((err: unknown) => this.#warn(`rehome of ${next.name}`, err))
      }
    }
    await Promise.all(
      Array.from({ length: Math.min(group.max_subcloud_rehoming, Math.max(1, queue.length)) }, worker),
    )
    if (signal.aborted) return
    await geo.setPeerGroup(group.id, { migration_status: 'complete' })
    log.info(`geo: subcloud peer group ${group.peer_group_name} migration complete`)
    await this.groupChanged(group.id)
    for (const a of await geo.listAssociations({ peerGroupId: group.id })) await this.resync(a.id)
  }

  /** Stop heartbeats, consumers, the ownership watch and migrations in flight; close the bus. */
  async close(): Promise<void> {
    if (this.#lifetime.signal.aborted) return
    this.#lifetime.abort(new Error('controller shutting down'))
    this.#cancelTick?.()
    this.#watch?.stop()
    for (const state of this.#peers.values()) {
      for (const s of state.subscriptions) s.stop()
      state.cancelRehome?.()
    }
    await Promise.all([...this.#migrations])
    await this.#tail
    await this.#deps.bus.close()
  }
}
