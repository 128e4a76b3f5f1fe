import type { Logger } from '@dc/runtime'
import type { Clock } from '../audit/index.js'
import type { PeerGroupStore } from '../ports/peer-group-store.js'
import type { SystemPeerStore } from '../ports/system-peer-store.js'
import type { EventApplier } from './event-applier.js'
import { decodeEvent, encodeAck } from './geo-codec.js'
import type { GeoEvent } from './geo-event.js'
import { GeoSubjects } from './geo-subjects.js'
import type { GroupOwnership } from './group-ownership.js'
import type { LinkedPeer } from './linked-peers.js'
import type { BusSubscription, PeerBus, StreamMessage } from './peer-bus.js'
import type { SerialQueue } from './serial-queue.js'
import type { SyncStatusTracker } from './sync-status-tracker.js'

/** What the consumer works with. */
export interface PeerStreamConsumerDeps {
  readonly bus: PeerBus
  readonly siteId: string
  readonly clock: Pick<Clock, 'now'>
  readonly applier: Pick<EventApplier, 'apply'>
  readonly peers: Pick<SystemPeerStore, 'find'>
  readonly groups: Pick<PeerGroupStore, 'find'>
  readonly sync: Pick<SyncStatusTracker, 'recompute'>
  readonly ownership: Pick<GroupOwnership, 'checkPreference'>
  /** The link's queue: status recomputes after an applied event run on it. */
  readonly queue: SerialQueue
  readonly log: Logger
}

/**
 * The durable consumer of each peer's stream: every event addressed to this site is applied in
 * stream order, acknowledged to the sender with what it did, and counted in the heartbeat's
 * `applied`. An event that can never be read is skipped rather than blocking the stream.
 */
export class PeerStreamConsumer {
  readonly #deps: PeerStreamConsumerDeps
  /** Highest sequence of each peer's stream applied here, by peer site id. */
  readonly #applied = new Map<string, number>()

  constructor(deps: PeerStreamConsumerDeps) {
    this.#deps = deps
  }

  /** How far this site got in the stream of peer site `peerUuid`. */
  appliedOf(peerUuid: string): number {
    return this.#applied.get(peerUuid) ?? 0
  }

  /** Consume `linked`'s stream until the subscription is stopped. */
  consume(linked: LinkedPeer): BusSubscription {
    const { bus, siteId, log } = this.#deps
    const uuid = linked.peer.peerUuid
    let lastError: string | undefined
    return bus.consume({
      stream: GeoSubjects.stream(uuid),
      durable: GeoSubjects.consumer(siteId),
      filterSubject: GeoSubjects.events(uuid),
      onMessage: (message) => this.#onEvent(linked, message),
      onError: (err) => {
        // Binding retries every second until the peer's stream exists: say so once, not every time.
        const text = err instanceof Error ? err.message : String(err)
        if (text === lastError) return
        lastError = text
        log.warn(`consuming the stream of peer ${linked.peer.peerName} failed; retrying`, {
          err,
          peer: linked.peer.peerName,
        })
      },
    })
  }

  async #onEvent(linked: LinkedPeer, message: StreamMessage): Promise<void> {
    const { bus, siteId, log } = this.#deps
    const uuid = linked.peer.peerUuid
    let event: GeoEvent
    try {
      event = decodeEvent(message.data)
    } catch (err) {
      log.error(`event ${message.seq} of peer ${linked.peer.peerName} is unreadable; skipped`, {
        err,
        peer: linked.peer.peerName,
        seq: message.seq,
      })
      this.#applied.set(uuid, message.seq)
      return
    }
    if (event.from !== uuid || event.to !== siteId) {
      this.#applied.set(uuid, message.seq)
      return
    }
    const peer = (await this.#deps.peers.find(String(linked.peer.id))) ?? linked.peer
    const applied = await this.#deps.applier.apply(event, peer)
    this.#applied.set(uuid, message.seq)
    await bus
      .publish(
        GeoSubjects.ack(siteId, uuid),
        encodeAck({
          site: siteId,
          seq: message.seq,
          groupUuid: applied.groupUuid,
          subclouds: applied.subclouds,
          failures: applied.failures,
          appliedAtMs: this.#deps.clock.now(),
        }),
      )
      .catch((err: unknown) =>
        log.warn(`acknowledging to peer ${peer.peerName} failed`, { err, peer: peer.peerName }),
      )
    const groupId = applied.groupId
    if (groupId === undefined) return
    await this.#deps.queue.run(() =>
      this.#deps.sync.recompute({ peerGroupId: groupId, systemPeerId: peer.id }),
    )
    const group = await this.#deps.groups.find(String(groupId))
    if (group !== undefined) await this.#deps.ownership.checkPreference(group)
  }
}
