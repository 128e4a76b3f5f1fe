import { Metadata } from '@grpc/grpc-js'
import { describeGrpcError, unaryCall } from '@dc/protos'
import type { ClaimResponse__Output } from '@dc/protos'
import type { Logger } from '@dc/runtime'
import { ConcurrentUpdateError, SubcloudNotFoundError, SubcloudStateError } from '../errors.js'
import type { AssociationStore } from '../ports/association-store.js'
import { refuse, settle, update } from '../ports/mutation.js'
import type { Decision } from '../ports/mutation.js'
import type { PeerGroupStore } from '../ports/peer-group-store.js'
import type { SubcloudStore } from '../ports/subcloud-store.js'
import type { SystemPeerStore } from '../ports/system-peer-store.js'
import type { DeployChannels } from '../subclouds/deploy-runner.js'
import { COPY_STATES } from '../subclouds/deploy-status.js'
import type { MemberAction, MemberEdit, SubcloudMembership } from '../subclouds/subcloud-membership.js'
import type { Subcloud, SubcloudChange } from '../subclouds/subcloud.js'
import { AssociationService } from './association-service.js'
import type { GeoLink } from './geo-link.js'
import { PeerGroupService, leadershipRefusal } from './peer-group-service.js'
import type { SubcloudPeerGroup } from './subcloud-peer-group.js'
import { SystemPeerService } from './system-peer-service.js'

/** What the geo-redundancy use cases work with. */
export interface GeoServiceDeps {
  readonly peers: SystemPeerStore
  readonly groups: PeerGroupStore
  readonly associations: AssociationStore
  readonly subclouds: SubcloudStore
  /** This site's id on the link (system uuid unless `--site-id`) and name: the local leader. */
  readonly siteId: string
  readonly siteName: string
  /** The controller's id towards agents, and the epoch it onboarded subclouds with. */
  readonly controllerId: string
  readonly controllerEpoch: number
  /** The NATS link; undefined when the controller runs without `--nats-url`. */
  readonly link: GeoLink | undefined
  readonly channels: DeployChannels
  readonly log: Logger
  /** Deadline of the Claim a subcloud joining a group gets. @default 10000 */
  readonly claimTimeoutMs?: number
}

/** Saved bootstrap values and address: rehome data, or the values kept at add time. */
function rehomeDataOf(subcloud: Subcloud): string | undefined {
  if (subcloud.rehomeData !== null) return subcloud.rehomeData
  if (subcloud.storedValuesJson === '') return undefined
  const values = JSON.parse(subcloud.storedValuesJson) as Record<string, unknown>
  return JSON.stringify({ saved_payload: { ...values, 'bootstrap-address': subcloud.bootstrapAddress } })
}

/** Why a subcloud may not join a peer group as it is, or undefined. */
function joinRefusal(subcloud: Subcloud): Error | undefined {
  if (
    subcloud.deployStatus !== 'complete' ||
    subcloud.managementState !== 'managed' ||
    subcloud.availability !== 'online'
  ) {
    return new SubcloudStateError(
      subcloud.name,
      `Subcloud ${subcloud.name} can join a subcloud peer group only when complete, managed and online ` +
        `(it is ${subcloud.deployStatus}, ${subcloud.managementState}, ${subcloud.availability})`,
    )
  }
  if (rehomeDataOf(subcloud) === undefined) {
    return new SubcloudStateError(
      subcloud.name,
      `Subcloud ${subcloud.name} has no rehome data; give --bootstrap-values and --bootstrap-address`,
    )
  }
  return undefined
}

/**
 * System peers, subcloud peer groups and peer group associations with StarlingX's fields and
 * rules (spec distcloud 4.1-4.3), and the member rules `subcloud update/manage/unmanage/delete`
 * must respect. Changes of a group this site leads go to its peers through the {@link GeoLink}.
 */
export class GeoService implements SubcloudMembership {
  readonly peers: SystemPeerService
  readonly groups: PeerGroupService
  readonly associations: AssociationService
  readonly #deps: GeoServiceDeps

  constructor(deps: GeoServiceDeps) {
    this.#deps = deps
    const { siteId, link, log } = deps
    this.peers = new SystemPeerService({ peers: deps.peers, groups: deps.groups, siteId, link, log })
    this.groups = new PeerGroupService({
      groups: deps.groups,
      subclouds: deps.subclouds,
      siteId,
      siteName: deps.siteName,
      controllerEpoch: deps.controllerEpoch,
      link,
      log,
    })
    this.associations = new AssociationService({
      associations: deps.associations,
      groups: this.groups,
      peers: this.peers,
      siteId,
      link,
      log,
    })
  }

  /** Manage, unmanage and delete of a member are refused locally (spec distcloud 4.2). */
  lifecycleRefusal(subcloud: Subcloud, action: MemberAction): Error | undefined {
    if (subcloud.peerGroupId === null) return undefined
    return new SubcloudStateError(
      subcloud.name,
      `Subcloud ${subcloud.name} is in a subcloud peer group and cannot be ${action} here; ` +
        `remove it from the group first (subcloud update --peer-group none)`,
    )
  }

  /**
   * The check `subcloud update` runs on a member under its row lock, prepared beforehand: the
   * primary site that leads the group may edit anything; on a non-primary site only the bootstrap
   * values and address of a rehome-failed copy, and only while the primary site is unavailable.
   */
  async editCheck(subcloud: Subcloud): Promise<(current: Subcloud, edit: MemberEdit) => Error | undefined> {
    const groupId = subcloud.peerGroupId
    if (groupId === null) {
      return (current) =>
        current.peerGroupId === null ? undefined : new ConcurrentUpdateError(`subcloud ${current.name}`)
    }
    const group = await this.groups.get(String(groupId))
    const associations = await this.#deps.associations.list({ peerGroupId: group.id })
    const peers = await Promise.all(associations.map((a) => this.#deps.peers.find(String(a.systemPeerId))))
    const primaryUnavailable = peers.some((p) => p?.availability === 'unavailable')
    const primaryHere = group.priority === 0 || associations.length === 0
    const ledHere = group.leaderId === this.#deps.siteId
    return (current, edit) => {
      if (current.peerGroupId !== groupId) return new ConcurrentUpdateError(`subcloud ${current.name}`)
      if (primaryHere && ledHere) return undefined
      if (
        !primaryHere &&
        edit === 'bootstrap' &&
        current.deployStatus === 'rehome-failed' &&
        primaryUnavailable
      ) {
        return undefined
      }
      return new SubcloudStateError(
        current.name,
        `Subcloud ${current.name} is in subcloud peer group ${group.name}, which only its primary site may edit while leading it` +
          (primaryHere
            ? ''
            : '; here only the bootstrap values or address of a rehome-failed subcloud, while the primary site is unavailable'),
      )
    }
  }

  /** A member (or a subcloud that just joined) changed: its copies follow. */
  async changed(subcloudId: number): Promise<void> {
    await this.#deps.link?.memberChanged(subcloudId)
  }

  /**
   * `subcloud update --peer-group <group|none>`. Joining needs a group this primary site leads and a
   * subcloud that is complete, managed and online with rehome data; its agent is claimed at the
   * group's epoch, so only the group's owner commands it from now on.
   */
  async setMembership(subcloud: Subcloud, groupRef: string): Promise<Subcloud> {
    if (groupRef.trim().toLowerCase() === 'none') return this.#leave(subcloud)
    const group = await this.groups.get(groupRef)
    if (subcloud.peerGroupId === group.id) return subcloud
    if (subcloud.peerGroupId !== null) {
      throw new SubcloudStateError(
        subcloud.name,
        `Subcloud ${subcloud.name} is already in another subcloud peer group; leave it first (--peer-group none)`,
      )
    }
    await this.#requireLeadership(group, 'given members')
    const refusal = joinRefusal(subcloud)
    if (refusal !== undefined) throw refusal
    const epoch = group.epoch
    await this.#claim(subcloud, epoch)
    const joined = await this.#mutateMember(subcloud, (current) => {
      if (current.peerGroupId !== null) return refuse(new ConcurrentUpdateError(`subcloud ${current.name}`))
      const refused = joinRefusal(current)
      if (refused !== undefined) return refuse(refused)
      const rehome = rehomeDataOf(current)
      return update({
        set: { peerGroupId: group.id, epoch, ...(rehome === undefined ? {} : { rehomeData: rehome }) },
      })
    })
    this.#deps.log.info(
      `subcloud ${subcloud.name}: joined subcloud peer group ${group.name} at epoch ${epoch}`,
      {
        subcloud: subcloud.name,
        peerGroup: group.name,
      },
    )
    await this.changed(subcloud.id)
    return joined
  }

  async #leave(subcloud: Subcloud): Promise<Subcloud> {
    if (subcloud.peerGroupId === null) return subcloud
    const group = await this.groups.get(String(subcloud.peerGroupId))
    await this.#requireLeadership(group, 'have members removed')
    if (COPY_STATES.includes(subcloud.deployStatus)) {
      throw new SubcloudStateError(
        subcloud.name,
        `Subcloud ${subcloud.name} is a ${subcloud.deployStatus} copy; it leaves with its group`,
      )
    }
    const left = await this.#mutateMember(subcloud, (current) =>
      current.peerGroupId === group.id
        ? update({ set: { peerGroupId: null } })
        : refuse(new ConcurrentUpdateError(`subcloud ${current.name}`)),
    )
    this.#deps.log.info(`subcloud ${subcloud.name}: left subcloud peer group ${group.name}`, {
      subcloud: subcloud.name,
      peerGroup: group.name,
    })
    await this.#deps.link?.memberRemoved(group, subcloud.regionName)
    return left
  }

  /** Throws unless this site may change the group's members (see {@link leadershipRefusal}). */
  async #requireLeadership(group: SubcloudPeerGroup, action: string): Promise<void> {
    const associations = await this.#deps.associations.list({ peerGroupId: group.id })
    const refused = leadershipRefusal(group, associations.length, this.#deps.siteId, action)
    if (refused !== undefined) throw refused
  }

  async #mutateMember(
    subcloud: Subcloud,
    decide: (current: Subcloud) => Decision<SubcloudChange>,
  ): Promise<Subcloud> {
    const result = settle(await this.#deps.subclouds.mutate(String(subcloud.id), decide), {
      notFound: () => new SubcloudNotFoundError(subcloud.name),
      taken: () => new ConcurrentUpdateError(`subcloud ${subcloud.name}`),
    })
    return result.after ?? result.before
  }

  /** Fence the member's agent to this controller at the group's epoch. */
  async #claim(subcloud: Subcloud, epoch: number): Promise<void> {
    const client = this.#deps.channels.agent(subcloud.name, subcloud.bootstrapAddress)
    const deadline = new Date(Date.now() + (this.#deps.claimTimeoutMs ?? 10_000))
    try {
      await unaryCall<ClaimResponse__Output>((cb) =>
        client.Claim(
          { epoch: String(epoch), controller_id: this.#deps.controllerId },
          new Metadata(),
          { deadline },
          cb,
        ),
      )
    } catch (err) {
      throw new SubcloudStateError(
        subcloud.name,
        `Subcloud ${subcloud.name} cannot join: its agent refused or missed the claim at epoch ${epoch}: ${describeGrpcError(err)}`,
      )
    }
  }
}
