import { SYSTEM_CONTROLLER_REGION } from '@dc/protos'
import type { Logger } from '@dc/runtime'
import type { Audit, Clock } from '../audit/index.js'
import { OwnershipConflictError } from '../errors.js'
import type { AlarmStore } from '../ports/alarm-store.js'
import type { AssociationStore } from '../ports/association-store.js'
import { update } from '../ports/mutation.js'
import type { PeerGroupStore } from '../ports/peer-group-store.js'
import type { SecondaryCopyStore } from '../ports/secondary-copy-store.js'
import type { Ownership } from './geo-event.js'
import { OwnershipBucket } from './ownership-bucket.js'
import type { BusSubscription, PeerBus } from './peer-bus.js'
import type { SerialQueue } from './serial-queue.js'
import { peerGroupAlarmEntity } from './subcloud-peer-group.js'
import type { SubcloudPeerGroup } from './subcloud-peer-group.js'
import type { SyncStatusTracker } from './sync-status-tracker.js'

/** What ownership works with. */
export interface GroupOwnershipDeps {
  readonly bus: PeerBus
  readonly siteId: string
  readonly siteName: string
  readonly groups: Pick<PeerGroupStore, 'list' | 'findByUuid' | 'set'>
  readonly associations: Pick<AssociationStore, 'list' | 'mutate'>
  readonly copies: Pick<SecondaryCopyStore, 'demoteMembers'>
  readonly alarms: Pick<AlarmStore, 'raise' | 'clear'>
  readonly audit: Pick<Audit, 'refresh'>
  readonly sync: Pick<SyncStatusTracker, 'recompute'>
  /** The link's queue: ownership changes seen in the bucket are applied on it. */
  readonly queue: SerialQueue
  readonly clock: Pick<Clock, 'now'>
  readonly log: Logger
}

/**
 * Who leads each peer group: the fenced epoch in the shared ownership bucket is the truth, and
 * this site's groups follow it. A site that loses a group demotes its members to secondary copies
 * at once, so it never commands them again. Also the 280.005 alarm, which follows the leader.
 */
export class GroupOwnership {
  readonly #deps: GroupOwnershipDeps
  readonly #bucket: OwnershipBucket
  /** Each group led here, by group id, with when the last renewal the bucket confirmed was sent. */
  readonly #leases = new Map<number, { readonly uuid: string; confirmedAtMs: number }>()
  /** Groups led here whose members were demoted because their ownership could not be confirmed. */
  readonly #fenced = new Set<number>()
  #renewing = false

  constructor(deps: GroupOwnershipDeps) {
    this.#deps = deps
    this.#bucket = new OwnershipBucket(deps.bus)
  }

  /**
   * At start, before anything is published: a group another site took over while this one was
   * away is demoted, a group this site created but never recorded is registered, and a migrate
   * this site was running when it stopped is marked complete (its members were failed at start).
   */
  async reconcile(): Promise<void> {
    const { groups, siteId } = this.#deps
    for (const group of await groups.list()) {
      const found = await this.#bucket.read(group.uuid)
      if (found === undefined) {
        if (group.leaderId === siteId) await this.register(group)
        continue
      }
      await this.adopt(group, found.ownership)
      if (group.migrationStatus === 'migrating' && found.ownership.leader === siteId) {
        await groups.set(group.id, { migrationStatus: 'complete' })
      }
    }
  }

  /** Follow every ownership change in the bucket, one at a time on the link's queue. */
  watch(): BusSubscription {
    const { queue, log } = this.#deps
    return this.#bucket.watch((uuid, ownership) => {
      void queue
        .run(() => this.#adoptFresh(uuid, ownership))
        .catch((err: unknown) =>
          log.warn('applying an ownership change failed', { err, peerGroupUuid: uuid }),
        )
    })
  }

  /** Record a group this site created (and leads) in the bucket; adopt the owner already there. */
  async register(group: SubcloudPeerGroup): Promise<void> {
    const owner = await this.#bucket.register(group.uuid, {
      leader: group.leaderId,
      leaderName: group.leaderName,
      epoch: group.epoch,
    })
    if (owner.leader !== group.leaderId) await this.adopt(group, owner)
  }

  /**
   * Lead `group` from this site: its ownership as it is, confirmed by a write, when this site
   * leads it already, else the next epoch taken by compare-and-set. Either needs the NATS
   * majority. Throws `OwnershipConflictError` when another controller changed it in between (or
   * holds it), `PeerLinkUnavailableError` when the bucket cannot be written.
   */
  async take(group: SubcloudPeerGroup): Promise<Ownership> {
    const { siteId, siteName } = this.#deps
    if (group.leaderId !== siteId) {
      return this.#bucket.take(group.uuid, group.name, siteId, siteName, group.epoch)
    }
    const owner = await this.#bucket.renew(group.uuid, group.name, this.#held(group))
    if (owner.leader !== siteId) throw new OwnershipConflictError(group.name)
    return owner
  }

  /**
   * Confirm, in the background, every group led here by writing its ownership again; a renewal
   * still running is not doubled. A group left unconfirmed for `leaseMs` (as long as the peers
   * wait before declaring this site failed and may take its groups) is fenced: its members are
   * demoted, so this site stops commanding them whether or not another site took the group.
   * They stay secondary copies until `subcloud-peer-group migrate` takes the group again.
   * The lease runs from when a confirmed renewal was sent, and expires on time even while a
   * renewal waits for a cluster that cannot answer.
   */
  renewInBackground(leaseMs: number): void {
    this.#fenceExpired(leaseMs)
    if (this.#renewing) return
    this.#renewing = true
    void this.#renewAll()
      .catch((err: unknown) => this.#deps.log.warn('renewing peer group ownership failed', { err }))
      .finally(() => {
        this.#renewing = false
      })
  }

  #held(group: SubcloudPeerGroup): Ownership {
    return { leader: group.leaderId, leaderName: group.leaderName, epoch: group.epoch }
  }

  /** Fence every group led here whose lease ran out (once; a confirmed renewal ends the fence). */
  #fenceExpired(leaseMs: number): void {
    const { clock, queue, log } = this.#deps
    const now = clock.now()
    for (const [groupId, lease] of this.#leases) {
      if (now - lease.confirmedAtMs < leaseMs || this.#fenced.has(groupId)) continue
      this.#fenced.add(groupId)
      void queue
        .run(() => this.#fence(lease.uuid, now - lease.confirmedAtMs))
        .catch((err: unknown) => log.warn('fencing a peer group failed', { err, peerGroupUuid: lease.uuid }))
    }
  }

  async #renewAll(): Promise<void> {
    const { groups, siteId, clock, queue, log } = this.#deps
    for (const group of await groups.list()) {
      if (group.leaderId !== siteId) {
        this.#leases.delete(group.id)
        this.#fenced.delete(group.id)
        continue
      }
      const sentAtMs = clock.now()
      const lease = this.#leases.get(group.id) ?? { uuid: group.uuid, confirmedAtMs: sentAtMs }
      this.#leases.set(group.id, lease)
      try {
        const owner = await this.#bucket.renew(group.uuid, group.name, this.#held(group))
        if (owner.leader !== siteId || owner.epoch !== group.epoch) {
          await queue.run(() => this.#adoptFresh(group.uuid, owner))
          continue
        }
        lease.confirmedAtMs = Math.max(lease.confirmedAtMs, sentAtMs)
        if (this.#fenced.delete(group.id)) {
          log.info(
            `subcloud peer group ${group.name}: ownership confirmed again; its members stay secondary until migrate`,
            { peerGroup: group.name },
          )
        }
      } catch (err) {
        // A conflict is another site's write: the watch brings it. Anything else is the lease
        // running down, which #fenceExpired judges on time.
        if (!(err instanceof OwnershipConflictError)) {
          log.debug('renewing peer group ownership failed', { err, peerGroup: group.name })
        }
      }
    }
  }

  async #adoptFresh(uuid: string, ownership: Ownership): Promise<void> {
    const group = await this.#deps.groups.findByUuid(uuid)
    if (group !== undefined) await this.adopt(group, ownership)
  }

  async #fence(uuid: string, unconfirmedMs: number): Promise<void> {
    const { groups, copies, siteId, log } = this.#deps
    const group = await groups.findByUuid(uuid)
    if (group === undefined || group.leaderId !== siteId) return
    const demoted = await copies.demoteMembers(group.id)
    log.warn(
      `subcloud peer group ${group.name}: ownership not confirmed for ${unconfirmedMs} ms (no NATS majority reachable?); ` +
        `${demoted.length} member(s) demoted to secondary until it is taken again`,
      { peerGroup: group.name, demoted },
    )
    await this.#deps.audit.refresh()
    await this.#deps.sync.recompute({ peerGroupId: group.id })
  }

  /**
   * Take `ownership` as the group's truth if it is newer (or names another leader at the same
   * epoch); the group as it is afterwards.
   */
  async adopt(group: SubcloudPeerGroup, ownership: Ownership): Promise<SubcloudPeerGroup> {
    const { groups, associations, copies, siteId, log } = this.#deps
    const newer = ownership.epoch > group.epoch
    const sameEpochOtherLeader = ownership.epoch === group.epoch && ownership.leader !== group.leaderId
    if (!newer && !sameEpochOtherLeader) return group
    const updated =
      (await groups.set(group.id, {
        leaderId: ownership.leader,
        leaderName: ownership.leaderName,
        epoch: ownership.epoch,
      })) ?? group
    if (group.leaderId === siteId && ownership.leader !== siteId) {
      const demoted = await copies.demoteMembers(group.id)
      log.info(
        `subcloud peer group ${group.name} is now led by ${ownership.leaderName} at epoch ${ownership.epoch}; ` +
          `${demoted.length} member(s) demoted to secondary`,
        { peerGroup: group.name, leader: ownership.leaderName, epoch: ownership.epoch, demoted },
      )
      for (const a of await associations.list({ peerGroupId: group.id })) {
        await associations.mutate(a.id, () => update({ failures: [], pending: false }))
      }
      await this.#deps.audit.refresh()
    }
    await this.checkPreference(updated)
    await this.#deps.sync.recompute({ peerGroupId: group.id })
    return updated
  }

  /**
   * 280.005: raised on either site while the group is led by a site other than its preferred one
   * (the lower priority number; the primary site's is 0), cleared once they agree again.
   */
  async checkPreference(group: SubcloudPeerGroup): Promise<void> {
    const { associations, alarms, siteId } = this.#deps
    const peerPriorities = (await associations.list({ peerGroupId: group.id })).map((a) =>
      a.associationType === 'primary' ? a.peerGroupPriority : 0,
    )
    const key = {
      alarmId: '280.005',
      region: SYSTEM_CONTROLLER_REGION,
      entityInstanceId: peerGroupAlarmEntity(group),
    } as const
    const preferredHere = group.priority <= Math.min(...peerPriorities)
    const ledHere = group.leaderId === siteId
    if (peerPriorities.length === 0 || preferredHere === ledHere) {
      await alarms.clear(key)
      return
    }
    await alarms.raise({
      ...key,
      severity: 'major',
      reasonText: `Subcloud peer group ${group.name} is managed by ${group.leaderName}, not by its preferred site`,
      proposedRepairAction: 'Run subcloud-peer-group migrate on the preferred site once it is healthy',
      serviceAffecting: false,
    })
  }
}
