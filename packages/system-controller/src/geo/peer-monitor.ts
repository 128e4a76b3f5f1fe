import { SYSTEM_CONTROLLER_REGION } from '@dc/protos'
import type { Logger } from '@dc/runtime'
import type { Clock } from '../audit/index.js'
import type { AlarmStore } from '../ports/alarm-store.js'
import type { PeerGroupStore } from '../ports/peer-group-store.js'
import type { SystemPeerStore } from '../ports/system-peer-store.js'
import { decodeAck, decodeHeartbeat, encodeHeartbeat } from './geo-codec.js'
import { GeoSubjects } from './geo-subjects.js'
import type { LinkedPeer, LinkedPeers } from './linked-peers.js'
import type { BusSubscription, PeerBus } from './peer-bus.js'
import { peerHealth } from './peer-health.js'
import type { RehomePolicy } from './rehome-policy.js'
import type { SerialQueue } from './serial-queue.js'
import type { SyncStatusTracker } from './sync-status-tracker.js'
import { peerAlarmEntity } from './system-peer.js'
import type { SystemPeer } from './system-peer.js'

/** What the monitor works with. */
export interface PeerMonitorDeps {
  readonly bus: PeerBus
  readonly siteId: string
  readonly siteName: string
  readonly clock: Clock
  readonly linked: Pick<LinkedPeers, 'values'>
  readonly peers: Pick<SystemPeerStore, 'setAvailability'>
  readonly groups: Pick<PeerGroupStore, 'list'>
  readonly alarms: Pick<AlarmStore, 'raise' | 'clear'>
  readonly sync: Pick<SyncStatusTracker, 'acked' | 'recompute'>
  readonly rehome: Pick<RehomePolicy, 'peerFailed' | 'cancel'>
  /** How far this site got in a peer's stream, for the heartbeat's `applied`. */
  readonly appliedOf: (peerUuid: string) => number
  /**
   * Work started once per heartbeat period besides heartbeats (the renewal of ownership, the
   * publisher's retry of pending changes), given how long the peers wait before declaring this site
   * failed (see {@link PeerMonitor}). It must not wait on the network: a tick that waits for a
   * partitioned NATS cluster would stop judging the peers and fencing this site.
   */
  readonly everyPeriod: (leaseMs: number) => void
  /** The link's queue: availability changes and acknowledgements are recorded on it. */
  readonly queue: SerialQueue
  /** Replaces every peer's heartbeat_interval (tests and benchmarks). */
  readonly heartbeatIntervalMs?: number | undefined
  /** Replaces every peer's heartbeat_maintenance_timeout (tests and benchmarks). */
  readonly maintenanceTimeoutMs?: number | undefined
  readonly log: Logger
}

const DEFAULT_HEARTBEAT_MS = 60_000
const MIN_TICK_MS = 25

/**
 * The peer monitor (spec distcloud 4.5, heartbeats over NATS): sends this site's heartbeat at the
 * shortest interval any peer expects, reads the peers' heartbeats and acks, declares a peer
 * unavailable once it missed heartbeat_failure_threshold intervals (280.004, critical when it leads
 * a group here; then its failure policy) and available again at its next heartbeat.
 */
export class PeerMonitor {
  readonly #deps: PeerMonitorDeps
  #cancelTick: (() => void) | undefined
  #stopped = false
  #lastHeartbeatAtMs = 0
  #lastPeriodAtMs = 0
  /** When the pending tick's timer should fire. */
  #tickDueAtMs = 0

  constructor(deps: PeerMonitorDeps) {
    this.#deps = deps
  }

  /** Start ticking. */
  start(): void {
    this.#schedule()
  }

  /** Stop ticking (a tick in flight finishes). */
  stop(): void {
    this.#stopped = true
    this.#cancelTick?.()
  }

  /** Listen to a newly followed peer's heartbeats and acks. */
  follow(linked: LinkedPeer): BusSubscription[] {
    const { bus, siteId, log } = this.#deps
    const failed = (what: string) => (err: unknown) =>
      log.warn(`${what} of peer ${linked.peer.peerName} failed`, { err, peer: linked.peer.peerName })
    return [
      bus.subscribe(GeoSubjects.heartbeat(linked.peer.peerUuid), (data) => {
        void this.#onHeartbeat(linked, data).catch(failed('handling the heartbeat'))
      }),
      bus.subscribe(GeoSubjects.ack(linked.peer.peerUuid, siteId), (data) => {
        void this.#onAck(linked, data).catch(failed('handling an ack'))
      }),
    ]
  }

  #intervalMs(peer: SystemPeer): number {
    return this.#deps.heartbeatIntervalMs ?? peer.heartbeatIntervalMs
  }

  /** The heartbeat period: the shortest interval any peer expects of this site. */
  #heartbeatMs(): number {
    const intervals = [...this.#deps.linked.values()].map((l) => this.#intervalMs(l.peer))
    return intervals.length > 0
      ? Math.min(...intervals)
      : (this.#deps.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_MS)
  }

  /**
   * How long this site may lead without confirming it: the earliest a peer whose heartbeat failure
   * policy is `rehome` may take its groups on its own, counted from this site's last heartbeat it
   * heard (one interval before the last it could have sent): failure threshold - 1 intervals, then
   * the maintenance timeout. Peers are set up both ways with the same values, so this site's
   * entries say how its peers judge it. A lease longer than a NATS leader election (seconds) keeps
   * a healing partition from fencing the leader; StarlingX's minimums (60 s, 300 s) give minutes.
   * Without such a peer nobody takes a group but by an operator's migrate, so a NATS outage alone
   * fences nothing.
   */
  #leaseMs(): number {
    const windows = [...this.#deps.linked.values()]
      .filter((l) => l.peer.heartbeatFailurePolicy === 'rehome')
      .map(
        (l) =>
          this.#intervalMs(l.peer) * (l.peer.heartbeatFailureThreshold - 1) +
          (this.#deps.maintenanceTimeoutMs ?? l.peer.heartbeatMaintenanceTimeoutMs),
      )
    return windows.length > 0 ? Math.min(...windows) : Number.POSITIVE_INFINITY
  }

  #tickMs(): number {
    return Math.max(MIN_TICK_MS, Math.floor(this.#heartbeatMs() / 4))
  }

  #schedule(): void {
    if (this.#stopped) return
    this.#tickDueAtMs = this.#deps.clock.now() + this.#tickMs()
    this.#cancelTick = this.#deps.clock.setTimer(this.#tickMs(), () => {
      void this.#tick()
        .catch((err: unknown) => this.#deps.log.error('peer monitor tick failed', { err }))
        .finally(() => this.#schedule())
    })
  }

  async #tick(): Promise<void> {
    const { clock, linked, queue } = this.#deps
    // Heartbeats that arrived while this process was busy are read before anything is judged:
    // timers run before I/O in Node's loop, so a late tick would otherwise see them as missed.
    await new Promise((resolve) => setImmediate(resolve))
    const now = clock.now()
    // Only the timer's lateness is a stall (the loop was blocked and heard nothing): time this tick
    // spent waiting on the database or the bus is not, heartbeats are read meanwhile.
    const stalledMs = now - this.#tickDueAtMs - this.#tickMs()
    if (stalledMs > 0) {
      // This process could not listen during the stall: that silence is not the peer's.
      for (const l of linked.values()) l.lastSeenAtMs += stalledMs
    }
    const period = this.#heartbeatMs()
    if (now - this.#lastHeartbeatAtMs >= period) {
      this.#lastHeartbeatAtMs = now
      await this.#sendHeartbeat(now)
    }
    for (const l of linked.values()) {
      const health = peerHealth(
        {
          lastSeenAtMs: l.lastSeenAtMs,
          intervalMs: this.#intervalMs(l.peer),
          failureThreshold: l.peer.heartbeatFailureThreshold,
        },
        now,
      )
      if (health.failed && l.peer.availability !== 'unavailable') {
        await queue.run(() => this.#failed(l, health.misses))
      }
    }
    if (now - this.#lastPeriodAtMs >= period) {
      this.#lastPeriodAtMs = now
      this.#deps.everyPeriod(this.#leaseMs())
    }
  }

  async #sendHeartbeat(now: number): Promise<void> {
    const { bus, siteId, siteName, linked, log } = this.#deps
    const applied: Record<string, number> = {}
    for (const l of linked.values()) applied[l.peer.peerUuid] = this.#deps.appliedOf(l.peer.peerUuid)
    await bus
      .publish(
        GeoSubjects.heartbeat(siteId),
        encodeHeartbeat({ site: siteId, name: siteName, sentAtMs: now, applied }),
      )
      .catch((err: unknown) => log.warn('publishing the heartbeat failed', { err }))
  }

  async #onHeartbeat(linked: LinkedPeer, data: Uint8Array): Promise<void> {
    const heartbeat = decodeHeartbeat(data)
    if (heartbeat.site !== linked.peer.peerUuid) return
    linked.lastSeenAtMs = this.#deps.clock.now()
    const { siteId, sync } = this.#deps
    const knowsUs = siteId in heartbeat.applied
    const changed = knowsUs !== linked.knowsUs
    linked.knowsUs = knowsUs
    await this.#deps.queue.run(async () => {
      if (linked.peer.availability !== 'available') await this.#recovered(linked)
      await sync.acked(linked.peer.id, heartbeat.applied[siteId] ?? 0)
      if (changed) await sync.recompute({ systemPeerId: linked.peer.id })
    })
  }

  async #onAck(linked: LinkedPeer, data: Uint8Array): Promise<void> {
    const ack = decodeAck(data)
    if (ack.site !== linked.peer.peerUuid) return
    await this.#deps.queue.run(() => this.#deps.sync.acked(linked.peer.id, ack.seq, ack))
  }

  async #failed(linked: LinkedPeer, misses: number): Promise<void> {
    const { peers, groups, alarms, log } = this.#deps
    const peer = linked.peer
    await peers.setAvailability(peer.id, 'unavailable')
    linked.peer = { ...peer, availability: 'unavailable' }
    const leadsHere = (await groups.list()).some((g) => g.leaderId === peer.peerUuid)
    const severity = leadsHere ? 'critical' : 'major'
    await alarms.raise({
      alarmId: '280.004',
      region: SYSTEM_CONTROLLER_REGION,
      entityInstanceId: peerAlarmEntity(peer),
      severity,
      reasonText: `System peer ${peer.peerName} heartbeat failed: ${misses} heartbeats missed`,
      proposedRepairAction: 'Check the peer system controller and its NATS link',
      serviceAffecting: true,
    })
    log.warn(`peer ${peer.peerName} unavailable after ${misses} missed heartbeats (280.004 ${severity})`, {
      peer: peer.peerName,
      misses,
      severity,
    })
    await this.#deps.sync.recompute({ systemPeerId: peer.id })
    this.#deps.rehome.peerFailed(peer)
  }

  async #recovered(linked: LinkedPeer): Promise<void> {
    const { peers, alarms, log } = this.#deps
    const peer = linked.peer
    this.#deps.rehome.cancel(peer.id)
    await peers.setAvailability(peer.id, 'available')
    linked.peer = { ...peer, availability: 'available' }
    await alarms.clear({
      alarmId: '280.004',
      region: SYSTEM_CONTROLLER_REGION,
      entityInstanceId: peerAlarmEntity(peer),
    })
    log.info(`peer ${peer.peerName} available`, { peer: peer.peerName })
    await this.#deps.sync.recompute({ systemPeerId: peer.id })
  }
}
