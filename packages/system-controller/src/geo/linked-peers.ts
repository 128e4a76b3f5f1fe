import type { Clock } from '../audit/index.js'
import type { SystemPeerStore } from '../ports/system-peer-store.js'
import type { BusSubscription } from './peer-bus.js'
import type { SystemPeer } from './system-peer.js'

/** A system peer the link follows, and what its heartbeats told. */
export interface LinkedPeer {
  /** As last read from the store; the monitor keeps its availability current. */
  peer: SystemPeer
  /** When its last heartbeat arrived (or following began, or a stall of this process ended). */
  lastSeenAtMs: number
  /** Its last heartbeat listed this site among its peers: it consumes this site's stream. */
  knowsUs: boolean
  readonly subscriptions: BusSubscription[]
}

/** How the link starts and stops following one peer. */
export interface LinkedPeersDeps {
  readonly peers: Pick<SystemPeerStore, 'list'>
  readonly clock: Pick<Clock, 'now'>
  /** The subscriptions of a peer followed from now on: its heartbeats, its acks, its stream. */
  readonly follow: (linked: LinkedPeer) => BusSubscription[]
  /** A peer no longer followed (deleted, or its uuid changed): what was pending for it stops. */
  readonly forget: (peerId: number) => void
}

/** The system peers the link follows, by id. */
export class LinkedPeers {
  readonly #deps: LinkedPeersDeps
  readonly #linked = new Map<number, LinkedPeer>()

  constructor(deps: LinkedPeersDeps) {
    this.#deps = deps
  }

  get(peerId: number): LinkedPeer | undefined {
    return this.#linked.get(peerId)
  }

  values(): IterableIterator<LinkedPeer> {
    return this.#linked.values()
  }

  /**
   * Re-read the system peers: follow new ones, drop deleted ones (and one whose uuid changed,
   * which is another site), take changed settings. The caller runs one refresh at a time, so two
   * peers added at once are never followed twice.
   */
  async refresh(): Promise<void> {
    const peers = await this.#deps.peers.list()
    const uuids = new Map(peers.map((p) => [p.id, p.peerUuid]))
    for (const [id, linked] of this.#linked) {
      if (uuids.get(id) === linked.peer.peerUuid) continue
      this.#unfollow(id, linked)
    }
    for (const peer of peers) {
      const known = this.#linked.get(peer.id)
      if (known !== undefined) {
        known.peer = peer
        continue
      }
      const linked: LinkedPeer = {
        peer,
        lastSeenAtMs: this.#deps.clock.now(),
        knowsUs: true,
        subscriptions: [],
      }
      this.#linked.set(peer.id, linked)
      linked.subscriptions.push(...this.#deps.follow(linked))
    }
  }

  /** Stop following every peer. */
  stop(): void {
    for (const [id, linked] of this.#linked) this.#unfollow(id, linked)
  }

  #unfollow(id: number, linked: LinkedPeer): void {
    for (const s of linked.subscriptions) s.stop()
    this.#deps.forget(id)
    this.#linked.delete(id)
  }
}
