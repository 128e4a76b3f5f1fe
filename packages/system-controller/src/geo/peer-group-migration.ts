import type { Logger } from '@dc/runtime'
import { GeoRuleError } from '../errors.js'
import type { AssociationStore } from '../ports/association-store.js'
import type { PeerGroupStore } from '../ports/peer-group-store.js'
import type { SubcloudStore } from '../ports/subcloud-store.js'
import { COPY_STATES } from '../subclouds/deploy-status.js'
import type { Subcloud } from '../subclouds/subcloud.js'
import type { GeoPublisher } from './geo-publisher.js'
import type { GroupOwnership } from './group-ownership.js'
import { rehomeSubcloud } from './rehome-subcloud.js'
import type { RehomeDeps } from './rehome-subcloud.js'
import type { SubcloudPeerGroup } from './subcloud-peer-group.js'

/** What migrate works with. */
export interface PeerGroupMigrationDeps {
  readonly siteId: string
  readonly groups: Pick<PeerGroupStore, 'find' | 'set'>
  readonly associations: Pick<AssociationStore, 'list'>
  readonly subclouds: Pick<SubcloudStore, 'list'>
  readonly ownership: Pick<GroupOwnership, 'take'>
  readonly publisher: Pick<GeoPublisher, 'groupChanged' | 'resync'>
  readonly rehome: RehomeDeps
  readonly log: Logger
}

/**
 * `subcloud-peer-group migrate` (spec distcloud 4.5, with fencing): take ownership in the bucket
 * at the next epoch by compare-and-set, then rehome every candidate member (secondary,
 * rehome-failed, rehome-prep-failed) with up to max_subcloud_rehoming in parallel, in the
 * background; the peers hear of each step.
 */
export class PeerGroupMigration {
  readonly #deps: PeerGroupMigrationDeps
  readonly #lifetime = new AbortController()
  readonly #running = new Set<Promise<void>>()

  constructor(deps: PeerGroupMigrationDeps) {
    this.#deps = deps
  }

  /** Resolves with the group as it is once ownership is taken (`migrating`); the rehoming goes on. */
  async migrate(groupId: number): Promise<SubcloudPeerGroup> {
    const { groups, ownership, siteId, log } = this.#deps
    const group = await groups.find(String(groupId))
    if (group === undefined) throw new GeoRuleError(`Subcloud peer group ${groupId} is gone`)
    const ledHere = group.leaderId === siteId
    if (group.migrationStatus === 'migrating' && ledHere) {
      throw new GeoRuleError(`Subcloud peer group ${group.name} is already being migrated here`)
    }
    const candidates = (await this.#deps.subclouds.list({ peerGroupId: group.id })).filter((m) =>
      COPY_STATES.includes(m.deployStatus),
    )
    if (ledHere && candidates.length === 0) {
      throw new GeoRuleError(
        `Subcloud peer group ${group.name} is already led by this site and has nothing to migrate`,
      )
    }
    const owner = await ownership.take(group)
    const taken =
      (await groups.set(group.id, {
        leaderId: owner.leader,
        leaderName: owner.leaderName,
        epoch: owner.epoch,
        migrationStatus: 'migrating',
      })) ?? group
    log.info(
      `migrating subcloud peer group ${group.name} to this site at epoch ${owner.epoch} (${candidates.length} subcloud(s))`,
      { peerGroup: group.name, epoch: owner.epoch, subclouds: candidates.length },
    )
    await this.#deps.publisher.groupChanged(group.id)
    const run = this.#rehomeAll(taken, candidates, owner.epoch).catch((err: unknown) =>
      log.error(`migration of subcloud peer group ${group.name} failed`, { err, peerGroup: group.name }),
    )
    this.#running.add(run)
    void run.finally(() => this.#running.delete(run))
    return taken
  }

  /** Stop rehoming (each member stops at its next step) and wait for the migrations in flight. */
  async close(): Promise<void> {
    this.#lifetime.abort(new Error('controller shutting down'))
    await Promise.all([...this.#running])
  }

  async #rehomeAll(group: SubcloudPeerGroup, candidates: readonly Subcloud[], epoch: number): Promise<void> {
    const { groups, associations, publisher, log } = this.#deps
    const queue = [...candidates]
    const signal = this.#lifetime.signal
    const worker = async (): Promise<void> => {
      for (let next = queue.shift(); next !== undefined && !signal.aborted; next = queue.shift()) {
        const member = next
        await rehomeSubcloud(this.#deps.rehome, member, epoch, signal).catch((err: unknown) =>
          log.error(`rehome of subcloud ${member.name} failed`, {
            err,
            subcloud: member.name,
            peerGroup: group.name,
          }),
        )
      }
    }
    await Promise.all(
      Array.from({ length: Math.min(group.maxSubcloudRehoming, Math.max(1, queue.length)) }, worker),
    )
    if (signal.aborted) return
    await groups.set(group.id, { migrationStatus: 'complete' })
    log.info(`subcloud peer group ${group.name} migration complete`, { peerGroup: group.name })
    await publisher.groupChanged(group.id)
    for (const a of await associations.list({ peerGroupId: group.id })) await publisher.resync(a.id)
  }
}
