import type { Logger } from '@dc/runtime'
import type { Clock } from '../audit/index.js'
import type { AssociationStore } from '../ports/association-store.js'
import type { PeerGroupStore } from '../ports/peer-group-store.js'
import type { SystemPeerStore } from '../ports/system-peer-store.js'
import type { SystemPeer } from './system-peer.js'

/** What the policy works with. */
export interface RehomePolicyDeps {
  readonly clock: Pick<Clock, 'setTimer'>
  readonly peers: Pick<SystemPeerStore, 'find'>
  readonly groups: Pick<PeerGroupStore, 'list'>
  readonly associations: Pick<AssociationStore, 'list'>
  /** Take a group over (`subcloud-peer-group migrate`). */
  readonly migrate: (groupId: number) => Promise<unknown>
  /** Replaces every peer's heartbeat_maintenance_timeout (tests and benchmarks). */
  readonly maintenanceTimeoutMs?: number | undefined
  readonly log: Logger
}

/**
 * How long a rehome that could not take a group waits before trying again, while the peer stays
 * away: right after a partition the NATS cluster may still be electing the leader of the
 * ownership bucket on the majority's side, and the take needs it.
 */
export const REHOME_RETRY_MS = 2_000

/**
 * What happens once a peer's heartbeats failed, by its heartbeat_failure_policy. `alarm` only
 * raises 280.004 (the monitor does that for every policy). `rehome` waits the maintenance timeout
 * and, if the peer is still unavailable, migrates every associated group it leads to this site,
 * trying again every {@link REHOME_RETRY_MS} while a take fails and the peer stays away; the peer
 * coming back cancels it. `delegate` is not implemented and acts as `alarm`.
 */
export class RehomePolicy {
  readonly #deps: RehomePolicyDeps
  /** Cancels the pending rehome of each peer, by peer id. */
  readonly #pending = new Map<number, () => void>()
  /** Raised by every cancel of a peer's rehome: an attempt started before it does not retry. */
  readonly #generations = new Map<number, number>()
  #stopped = false

  constructor(deps: RehomePolicyDeps) {
    this.#deps = deps
  }

  peerFailed(peer: SystemPeer): void {
    const { log } = this.#deps
    const fields = { peer: peer.peerName, policy: peer.heartbeatFailurePolicy }
    if (peer.heartbeatFailurePolicy === 'delegate') {
      log.warn(
        `peer ${peer.peerName}: heartbeat failure policy delegate is not implemented; acting as alarm`,
        fields,
      )
      return
    }
    if (peer.heartbeatFailurePolicy !== 'rehome') return
    const waitMs = this.#deps.maintenanceTimeoutMs ?? peer.heartbeatMaintenanceTimeoutMs
    log.info(`peer ${peer.peerName}: policy rehome: migrating its groups in ${waitMs} ms unless it returns`, {
      ...fields,
      waitMs,
    })
    this.cancel(peer.id)
    this.#rehomeAfter(peer, waitMs)
  }

  #rehomeAfter(peer: SystemPeer, delayMs: number): void {
    const { clock, log } = this.#deps
    const generation = this.#generations.get(peer.id) ?? 0
    this.#pending.set(
      peer.id,
      clock.setTimer(delayMs, () => {
        this.#pending.delete(peer.id)
        void this.#rehomeFrom(peer.id)
          .catch((err: unknown) => {
            log.error(`rehome from peer ${peer.peerName} failed`, { err, peer: peer.peerName })
            return 'retry' as const
          })
          .then((outcome) => {
            // A cancel (the peer is back, or the link stops) while the attempt ran wins.
            if (
              outcome === 'retry' &&
              !this.#stopped &&
              (this.#generations.get(peer.id) ?? 0) === generation
            ) {
              this.#rehomeAfter(peer, REHOME_RETRY_MS)
            }
          })
      }),
    )
  }

  /** The peer is back (or no longer followed): its pending rehome, if any, is called off. */
  cancel(peerId: number): void {
    this.#pending.get(peerId)?.()
    this.#pending.delete(peerId)
    this.#generations.set(peerId, (this.#generations.get(peerId) ?? 0) + 1)
  }

  /** Call off every pending rehome. */
  stop(): void {
    this.#stopped = true
    for (const peerId of [...this.#pending.keys()]) this.cancel(peerId)
  }

  /**
   * The peer stayed away past the maintenance timeout: take over the groups it leads. `retry`
   * when a group could not be taken.
   */
  async #rehomeFrom(peerId: number): Promise<'done' | 'retry'> {
    const { peers, groups, associations, log } = this.#deps
    const peer = await peers.find(String(peerId))
    if (peer === undefined || peer.availability !== 'unavailable') return 'done'
    const associated = new Set((await associations.list({ systemPeerId: peer.id })).map((a) => a.peerGroupId))
    let outcome: 'done' | 'retry' = 'done'
    for (const group of await groups.list()) {
      if (group.leaderId !== peer.peerUuid || !associated.has(group.id)) continue
      log.info(`peer ${peer.peerName} still unavailable: migrating subcloud peer group ${group.name}`, {
        peer: peer.peerName,
        peerGroup: group.name,
      })
      await this.#deps.migrate(group.id).catch((err: unknown) => {
        outcome = 'retry'
        log.warn(
          `migrate of subcloud peer group ${group.name} failed; trying again in ${REHOME_RETRY_MS} ms while ${peer.peerName} stays unavailable`,
          { err, peerGroup: group.name },
        )
      })
    }
    return outcome
  }
}
