import { SYSTEM_CONTROLLER_REGION } from '@dc/protos'
import type { Logger } from '@dc/runtime'
import type { Audit } from '../audit/index.js'
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
    const { groups, queue, log } = this.#deps
    return this.#bucket.watch((uuid, ownership) => {
      void queue
        .run(async () => {
          const group = await groups.findByUuid(uuid)
          if (group !== undefined) await this.adopt(group, ownership)
        })
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
   * Lead `group` from this site: its ownership as it is when this site leads it already, else the
   * next epoch taken by compare-and-set. Throws `OwnershipConflictError` when another controller
   * changed it in between.
   */
  take(group: SubcloudPeerGroup): Promise<Ownership> {
    const { siteId, siteName } = this.#deps
    if (group.leaderId === siteId) {
      return Promise.resolve({ leader: siteId, leaderName: siteName, epoch: group.epoch })
    }
    return this.#bucket.take(group.uuid, group.name, siteId, siteName, group.epoch)
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
