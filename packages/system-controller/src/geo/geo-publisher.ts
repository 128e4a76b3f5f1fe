import type { Logger } from '@dc/runtime'
import type { AssociationStore } from '../ports/association-store.js'
import type { PeerGroupStore } from '../ports/peer-group-store.js'
import type { SubcloudStore } from '../ports/subcloud-store.js'
import { COPY_STATES } from '../subclouds/deploy-status.js'
import type { Subcloud } from '../subclouds/subcloud.js'
import { encodeEvent } from './geo-codec.js'
import type { GeoEvent, MemberCopy } from './geo-event.js'
import { GeoSubjects } from './geo-subjects.js'
import type { GroupOwnership } from './group-ownership.js'
import type { LinkedPeers } from './linked-peers.js'
import type { PeerBus } from './peer-bus.js'
import type { PeerGroupAssociation } from './peer-group-association.js'
import type { SerialQueue } from './serial-queue.js'
import type { SubcloudPeerGroup } from './subcloud-peer-group.js'
import type { SyncStatusTracker } from './sync-status-tracker.js'
import type { SystemPeer } from './system-peer.js'

/** What the publisher works with. */
export interface GeoPublisherDeps {
  readonly bus: PeerBus
  readonly siteId: string
  readonly groups: Pick<PeerGroupStore, 'find'>
  readonly associations: Pick<AssociationStore, 'list' | 'find'>
  readonly subclouds: Pick<SubcloudStore, 'find' | 'list'>
  readonly peers: Pick<LinkedPeers, 'get'>
  readonly sync: Pick<SyncStatusTracker, 'published' | 'recompute'>
  readonly ownership: Pick<GroupOwnership, 'checkPreference'>
  /** The link's queue: the association bookkeeping after each publish runs on it. */
  readonly queue: SerialQueue
  /** Members per snapshot message. @default 200 */
  readonly snapshotChunk?: number | undefined
  readonly log: Logger
}

/** An association of a group this site leads, with the peer it sends to. */
interface Outbound {
  readonly association: PeerGroupAssociation
  readonly peer: SystemPeer
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
 * Publishes the changes of the peer groups this site leads on its stream, one event per change
 * and peer: the group's settings, member copies, removals, full snapshots. An event that cannot be
 * published (NATS away) leaves its association `pending`, and a pending association gets a full
 * resync at the next retry.
 */
export class GeoPublisher {
  readonly #deps: GeoPublisherDeps

  constructor(deps: GeoPublisherDeps) {
    this.#deps = deps
  }

  /** The group's settings changed (or its leader): 280.005 follows, and every peer is told. */
  async groupChanged(groupId: number): Promise<void> {
    const group = await this.#deps.groups.find(String(groupId))
    if (group === undefined) return
    await this.#deps.ownership.checkPreference(group)
    for (const { association, peer } of await this.#outbound(group)) {
      await this.#publish(association, group, [this.#groupEvent(group, association, peer)])
    }
  }

  /** A member was added, changed or moved: send its copy to every peer of its group. */
  async memberChanged(subcloudId: number): Promise<void> {
    const member = await this.#deps.subclouds.find(String(subcloudId))
    if (member === undefined || member.peerGroupId === null || COPY_STATES.includes(member.deployStatus))
      return
    const group = await this.#deps.groups.find(String(member.peerGroupId))
    if (group === undefined) return
    for (const { association, peer } of await this.#outbound(group)) {
      await this.#publish(association, group, [
        { type: 'members', ...this.#envelope(group, peer), members: [this.#copy(member, peer)] },
      ])
    }
  }

  /** A member left its group (or was deleted): the peers drop their copies. */
  async memberRemoved(group: SubcloudPeerGroup, regionName: string): Promise<void> {
    for (const { association, peer } of await this.#outbound(group)) {
      await this.#publish(association, group, [
        { type: 'member-removed', ...this.#envelope(group, peer), regionName },
      ])
    }
  }

  /**
   * Full resync of one association: the group, every member in chunks, and the snapshot's end. An
   * association of a group another site leads has nothing to send: its status is recomputed.
   */
  async resync(associationId: number): Promise<void> {
    const { groups, associations, subclouds, peers, siteId } = this.#deps
    const association = await associations.find(String(associationId))
    if (association === undefined) return
    const group = await groups.find(String(association.peerGroupId))
    const peer = peers.get(association.systemPeerId)?.peer
    if (group === undefined || peer === undefined) return
    if (group.leaderId !== siteId) {
      await this.#deps.queue.run(() => this.#deps.sync.recompute({ id: associationId }))
      return
    }
    const members = (await subclouds.list({ peerGroupId: group.id })).filter(
      (m) => !COPY_STATES.includes(m.deployStatus),
    )
    const chunk = this.#deps.snapshotChunk ?? 200
    const envelope = this.#envelope(group, peer)
    const events: GeoEvent[] = [this.#groupEvent(group, association, peer)]
    for (let i = 0; i < members.length; i += chunk) {
      events.push({
        type: 'members',
        ...envelope,
        members: members.slice(i, i + chunk).map((m) => this.#copy(m, peer)),
      })
    }
    events.push({ type: 'snapshot-end', ...envelope, regionNames: members.map((m) => m.regionName) })
    await this.#publish(association, group, events)
  }

  /** An association of a group this site leads is going away: the peer drops its side. */
  async associationRemoved(association: PeerGroupAssociation, group: SubcloudPeerGroup): Promise<void> {
    const { bus, peers, siteId, log } = this.#deps
    const peer = peers.get(association.systemPeerId)?.peer
    if (peer === undefined || group.leaderId !== siteId) return
    const event: GeoEvent = {
      type: 'association-removed',
      from: siteId,
      to: peer.peerUuid,
      groupUuid: group.uuid,
    }
    await bus.streamPublish(GeoSubjects.event(siteId, group.uuid), encodeEvent(event)).catch((err: unknown) =>
      log.warn(`telling peer ${peer.peerName} that the association is gone failed`, {
        err,
        peer: peer.peerName,
        peerGroup: group.name,
      }),
    )
  }

  /** Associations whose changes could not be published (NATS was away) get a full resync. */
  async retryPending(): Promise<void> {
    for (const a of await this.#deps.associations.list()) {
      if (a.pending) await this.resync(a.id)
    }
  }

  /** The associations of a group this site leads, each with its peer; none when another site leads. */
  async #outbound(group: SubcloudPeerGroup): Promise<Outbound[]> {
    if (group.leaderId !== this.#deps.siteId) return []
    const out: Outbound[] = []
    for (const association of await this.#deps.associations.list({ peerGroupId: group.id })) {
      const peer = this.#deps.peers.get(association.systemPeerId)?.peer
      if (peer !== undefined) out.push({ association, peer })
    }
    return out
  }

  #envelope(group: SubcloudPeerGroup, peer: SystemPeer) {
    return { from: this.#deps.siteId, to: peer.peerUuid, groupUuid: group.uuid, epoch: group.epoch }
  }

  #groupEvent(group: SubcloudPeerGroup, association: PeerGroupAssociation, peer: SystemPeer): GeoEvent {
    return {
      type: 'group',
      from: this.#deps.siteId,
      to: peer.peerUuid,
      group: {
        uuid: group.uuid,
        name: group.name,
        priority: association.peerGroupPriority,
        state: group.state,
        maxSubcloudRehoming: group.maxSubcloudRehoming,
        leaderId: group.leaderId,
        leaderName: group.leaderName,
        migrationStatus: group.migrationStatus,
        epoch: group.epoch,
      },
    }
  }

  /** A member as the peer's copy needs it: saved values, controller gateway swapped for the peer's. */
  #copy(subcloud: Subcloud, peer: SystemPeer): MemberCopy {
    const { values, address } = savedPayload(subcloud)
    return {
      name: subcloud.name,
      regionName: subcloud.regionName,
      description: subcloud.description,
      location: subcloud.location,
      softwareVersion: subcloud.softwareVersion,
      bootstrapAddress: address,
      values: { ...values, systemcontroller_gateway_address: peer.peerControllerGatewayIp },
    }
  }

  /** Publish `events` to one peer in order; the association records the last sequence, or `pending`. */
  async #publish(
    association: PeerGroupAssociation,
    group: SubcloudPeerGroup,
    events: readonly GeoEvent[],
  ): Promise<void> {
    const { bus, siteId, log } = this.#deps
    let last = 0
    let pending = false
    try {
      for (const event of events) {
        last = await bus.streamPublish(GeoSubjects.event(siteId, group.uuid), encodeEvent(event))
      }
    } catch (err) {
      pending = true
      log.warn(`publishing subcloud peer group ${group.name} failed; it is resent later`, {
        err,
        peerGroup: group.name,
      })
    }
    const snapshotEnded = events.some((e) => e.type === 'snapshot-end')
    await this.#deps.queue.run(() =>
      this.#deps.sync.published(association.id, last, { pending, snapshotEnded }),
    )
  }
}
