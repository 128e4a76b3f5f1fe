import { randomUUID } from 'node:crypto'
import type { Logger } from '@dc/runtime'
import { GeoObjectExistsError, GeoObjectNotFoundError, GeoRuleError, InvalidFieldError } from '../errors.js'
import { refuse, remove, settle, update } from '../ports/mutation.js'
import type { MutationResult } from '../ports/mutation.js'
import type { PeerGroupStore } from '../ports/peer-group-store.js'
import type { SubcloudStore } from '../ports/subcloud-store.js'
import type { Subcloud } from '../subclouds/subcloud.js'
import { foundGeoObject } from './found-geo-object.js'
import { requireLink } from './geo-link.js'
import type { GeoLink } from './geo-link.js'
import { GEO_LIMITS } from './geo-limits.js'
import type { PeerGroupSettings, PeerGroupStatus, SubcloudPeerGroup } from './subcloud-peer-group.js'

/** `subcloud-peer-group add`: what the operator gave, its form checked; the defaults are StarlingX's. */
export type NewPeerGroup = Pick<PeerGroupSettings, 'name'> & Partial<PeerGroupSettings>

/** What the peer group use cases work with. */
export interface PeerGroupServiceDeps {
  readonly groups: PeerGroupStore
  readonly subclouds: Pick<SubcloudStore, 'list'>
  /** This site's id on the link and its name: the leader of the groups it creates. */
  readonly siteId: string
  readonly siteName: string
  /** The epoch the controller onboarded its subclouds with. */
  readonly controllerEpoch: number
  /** Tells the peers; undefined without `--nats-url`. */
  readonly link: Pick<GeoLink, 'registerGroup' | 'groupChanged' | 'migrate'> | undefined
  readonly log: Logger
}

/**
 * Spec distcloud 4.2: only the primary site (priority 0) that leads the group may change it or its
 * members. A group with no associations yet belongs to its creator alone. Why `action` is refused
 * here, or undefined.
 */
export function leadershipRefusal(
  group: SubcloudPeerGroup,
  associations: number,
  siteId: string,
  action: string,
): GeoRuleError | undefined {
  if (group.leaderId !== siteId) {
    return new GeoRuleError(
      `Subcloud peer group ${group.name} is led by ${group.leaderName}; it can only be ${action} there`,
    )
  }
  if (group.priority !== 0 && associations > 0) {
    return new GeoRuleError(
      `Subcloud peer group ${group.name} has priority ${group.priority} here; only its primary site (priority 0) may ${action === 'changed' ? 'change it' : action}`,
    )
  }
  return undefined
}

/** The `dcmanager subcloud-peer-group` use cases (spec distcloud 4.2 and migrate, 4.5). */
export class PeerGroupService {
  readonly #deps: PeerGroupServiceDeps

  constructor(deps: PeerGroupServiceDeps) {
    this.#deps = deps
  }

  /** A group by name, uuid or id. */
  get(ref: string): Promise<SubcloudPeerGroup> {
    return foundGeoObject((r) => this.#deps.groups.find(r), 'subcloud peer group', ref)
  }

  list(): Promise<SubcloudPeerGroup[]> {
    return this.#deps.groups.list()
  }

  /** A new group is led by this site at an epoch above the one its subclouds were onboarded with. */
  async add(input: NewPeerGroup): Promise<SubcloudPeerGroup> {
    const { groups, siteId, siteName, log } = this.#deps
    const result = await groups.insert({
      priority: GEO_LIMITS.groupPriority.default,
      state: 'enabled',
      maxSubcloudRehoming: GEO_LIMITS.maxSubcloudRehoming.default,
      ...input,
      uuid: randomUUID(),
      leaderId: siteId,
      leaderName: siteName,
      migrationStatus: 'none',
      // So that a member's claim at the group's epoch is a takeover.
      epoch: this.#deps.controllerEpoch + 1,
    })
    if (result.kind === 'taken') {
      throw new GeoObjectExistsError(
        'subcloud peer group',
        `A subcloud peer group with name ${input.name} already exists`,
      )
    }
    const group = result.row
    await this.#deps.link?.registerGroup(group)
    log.info(`subcloud peer group ${group.name} added (priority ${group.priority})`, {
      peerGroup: group.name,
    })
    return (await groups.find(String(group.id))) ?? group
  }

  async update(ref: string, changes: Partial<PeerGroupSettings>): Promise<SubcloudPeerGroup> {
    if (Object.values(changes).every((v) => v === undefined)) {
      throw new InvalidFieldError('subcloud-peer-group update', 'nothing to update')
    }
    const result = this.#settle(
      ref,
      changes.name ?? ref,
      await this.#deps.groups.mutate(ref, (current, counts) => {
        const refused = leadershipRefusal(current, counts.associations, this.#deps.siteId, 'changed')
        if (refused !== undefined) return refuse(refused)
        if (
          changes.priority !== undefined &&
          changes.priority !== current.priority &&
          counts.associations > 0
        ) {
          return refuse(
            new GeoRuleError(
              `Cannot change the priority of subcloud peer group ${current.name} while it has peer group associations`,
            ),
          )
        }
        return update(changes)
      }),
    )
    const after = result.after ?? result.before
    await this.#deps.link?.groupChanged(after.id)
    return after
  }

  /** A group with associations or members cannot be deleted. */
  async delete(ref: string): Promise<SubcloudPeerGroup> {
    const result = this.#settle(
      ref,
      ref,
      await this.#deps.groups.mutate(ref, (current, counts) => {
        if (counts.associations > 0) {
          return refuse(
            new GeoRuleError(
              `Cannot delete subcloud peer group ${current.name}: it has ${counts.associations} peer group association(s)`,
            ),
          )
        }
        if (counts.members > 0) {
          return refuse(
            new GeoRuleError(
              `Cannot delete subcloud peer group ${current.name}: it still has ${counts.members} subcloud(s); remove them with subcloud update --peer-group none`,
            ),
          )
        }
        return remove
      }),
    )
    return result.before
  }

  async members(ref: string): Promise<Subcloud[]> {
    const group = await this.get(ref)
    return this.#deps.subclouds.list({ peerGroupId: group.id })
  }

  async status(ref: string): Promise<PeerGroupStatus> {
    const group = await this.get(ref)
    const members = await this.#deps.subclouds.list({ peerGroupId: group.id })
    const count = (pred: (m: Subcloud) => boolean): number => members.filter(pred).length
    return {
      peerGroupId: group.id,
      peerGroupName: group.name,
      total: members.length,
      complete: count((m) => m.deployStatus === 'complete'),
      waitingForMigrate: count((m) => m.deployStatus === 'secondary'),
      rehoming: count((m) => m.deployStatus === 'pre-rehome' || m.deployStatus === 'rehoming'),
      rehomeFailed: count(
        (m) => m.deployStatus === 'rehome-failed' || m.deployStatus === 'rehome-prep-failed',
      ),
      managed: count((m) => m.managementState === 'managed'),
      unmanaged: count((m) => m.managementState === 'unmanaged'),
    }
  }

  /** `subcloud-peer-group migrate`: the sysadmin password is accepted for compatibility and never kept. */
  async migrate(ref: string): Promise<SubcloudPeerGroup> {
    const link = requireLink(this.#deps.link, 'subcloud-peer-group migrate')
    const group = await this.get(ref)
    return link.migrate(group.id)
  }

  #settle(ref: string, name: string, result: MutationResult<SubcloudPeerGroup>) {
    return settle(result, {
      notFound: () => new GeoObjectNotFoundError('subcloud peer group', ref),
      taken: () =>
        new GeoObjectExistsError(
          'subcloud peer group',
          `A subcloud peer group with name ${name} already exists`,
        ),
    })
  }
}
