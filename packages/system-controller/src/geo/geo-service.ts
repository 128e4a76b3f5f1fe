import { randomUUID } from 'node:crypto'
import { Metadata } from '@grpc/grpc-js'
import { describeGrpcError, unaryCall } from '@dc/protos'
import type {
  AddPeerGroupAssociationRequest__Output,
  AddSubcloudPeerGroupRequest__Output,
  AddSystemPeerRequest__Output,
  ClaimResponse__Output,
  PeerGroupAssociation,
  SubcloudPeerGroup,
  SubcloudPeerGroupStatus,
  SystemPeer,
  UpdatePeerGroupAssociationRequest__Output,
  UpdateSubcloudPeerGroupRequest__Output,
  UpdateSystemPeerRequest__Output,
} from '@dc/protos'
import type { Logger } from '@dc/runtime'
import type { DeployChannels } from '../subclouds/deploy-runner.js'
import {
  ConcurrentUpdateError,
  GeoObjectExistsError,
  GeoObjectNotFoundError,
  GeoRuleError,
  InvalidFieldError,
  SubcloudNotFoundError,
  SubcloudStateError,
} from '../errors.js'
import { seq } from '../adapters/kysely/geo-store.js'
import type { GeoStore, Mutation } from '../adapters/kysely/geo-store.js'
import type {
  PeerGroupAssociationRow,
  SubcloudPeerGroupRow,
  SystemPeerRow,
} from '../adapters/kysely/schema.js'
import { refuse, settle, update } from '../ports/mutation.js'
import type { Decision } from '../ports/mutation.js'
import type { SubcloudStore } from '../ports/subcloud-store.js'
import { COPY_STATES } from '../subclouds/deploy-status.js'
import type { MemberAction, MemberEdit, SubcloudMembership } from '../subclouds/subcloud-membership.js'
import type { Subcloud, SubcloudChange } from '../subclouds/subcloud.js'
import { associationSyncStatus } from './association-sync-status.js'
import {
  associationPriority,
  newPeerGroupFields,
  newSystemPeerFields,
  peerGroupChanges,
  systemPeerChanges,
} from './geo-fields.js'
import type { PeerLink } from './peer-link.js'
import { associationMessage, peerGroupMessage, systemPeerMessage } from './rpc-messages.js'

/** What the geo-redundancy RPCs work with. */
export interface GeoServiceDeps {
  readonly subclouds: SubcloudStore
  readonly geo: GeoStore
  /** This site's id on the link (system uuid unless `--site-id`) and name: the local leader. */
  readonly siteId: string
  readonly siteName: string
  /** The controller's id towards agents, and the epoch it onboarded subclouds with. */
  readonly controllerId: string
  readonly controllerEpoch: number
  /** The NATS link; undefined when the controller runs without `--nats-url`. */
  readonly link: PeerLink | undefined
  readonly channels: DeployChannels
  readonly log: Logger
  /** Deadline of the Claim a subcloud joining a group gets. @default 10000 */
  readonly claimTimeoutMs?: number
}

const MAX_REF = 255

function ref(field: string, value: string): string {
  const text = value.trim()
  if (text.length === 0) throw new InvalidFieldError(field, 'must not be empty')
  if (text.length > MAX_REF) throw new InvalidFieldError(field, `at most ${MAX_REF} characters`)
  return text
}

function changed<Row>(
  result: Mutation<Row>,
  notFound: () => Error,
  taken: () => Error,
): { before: Row; after: Row | undefined } {
  if (result === 'not-found') throw notFound()
  if (result === 'taken') throw taken()
  return result
}

/** Saved bootstrap values and address: rehome data, or the values kept at add time. */
function rehomeDataOf(subcloud: Subcloud): string | undefined {
  if (subcloud.rehomeData !== null) return subcloud.rehomeData
  if (subcloud.storedValuesJson === '') return undefined
  const values = JSON.parse(subcloud.storedValuesJson) as Record<string, unknown>
  return JSON.stringify({ saved_payload: { ...values, 'bootstrap-address': subcloud.bootstrapAddress } })
}

/**
 * System peers, subcloud peer groups and peer group associations with StarlingX's fields and
 * rules (spec distcloud 4.1-4.3), plus the member rules `subcloud update/manage/unmanage/delete`
 * must respect. Changes of a group this site leads go to its peers through the {@link PeerLink}.
 */
export class GeoService implements SubcloudMembership {
  readonly #deps: GeoServiceDeps

  constructor(deps: GeoServiceDeps) {
    this.#deps = deps
  }

  #requireLink(operation: string): PeerLink {
    if (this.#deps.link === undefined) {
      // A controller started without a link: a state to change, not a server to retry later.
      throw new GeoRuleError(`${operation} needs the NATS link: start dc-controller with --nats-url`)
    }
    return this.#deps.link
  }

  // ---- system peers ----

  async #peer(reference: string): Promise<SystemPeerRow> {
    const key = ref('system_peer', reference)
    const peer = await this.#deps.geo.findPeer(key)
    if (peer === undefined) throw new GeoObjectNotFoundError('system peer', key)
    return peer
  }

  async addPeer(request: AddSystemPeerRequest__Output): Promise<SystemPeer> {
    const fields = newSystemPeerFields(request, this.#deps.siteId)
    const row = await this.#deps.geo.insertPeer({ ...fields, availability_state: 'created' })
    if (row === 'taken') {
      throw new GeoObjectExistsError(
        'system peer',
        `A system peer with name ${fields.peer_name} or uuid ${fields.peer_uuid} already exists`,
      )
    }
    this.#deps.log.info(`system peer ${row.peer_name} (${row.peer_uuid}) added`)
    await this.#deps.link?.peersChanged()
    return systemPeerMessage(row)
  }

  async listPeers(): Promise<SystemPeer[]> {
    return (await this.#deps.geo.listPeers()).map(systemPeerMessage)
  }

  async getPeer(reference: string): Promise<SystemPeer> {
    return systemPeerMessage(await this.#peer(reference))
  }

  async updatePeer(request: UpdateSystemPeerRequest__Output): Promise<SystemPeer> {
    const set = systemPeerChanges(request, this.#deps.siteId)
    if (Object.keys(set).length === 0) throw new InvalidFieldError('system-peer update', 'nothing to update')
    const key = ref('system_peer', request.system_peer)
    const result = changed(
      await this.#deps.geo.mutatePeer(key, (current, associations) => {
        if (set.peer_uuid !== undefined && set.peer_uuid !== current.peer_uuid && associations > 0) {
          throw new GeoRuleError(
            `Cannot change the uuid of system peer ${current.peer_name}: ${associations} peer group association(s) use it`,
          )
        }
        return set
      }),
      () => new GeoObjectNotFoundError('system peer', key),
      () => new GeoObjectExistsError('system peer', `Another system peer has that name or uuid`),
    )
    await this.#deps.link?.peersChanged()
    return systemPeerMessage(result.after ?? result.before)
  }

  async deletePeer(reference: string): Promise<SystemPeer> {
    const key = ref('system_peer', reference)
    const result = changed(
      await this.#deps.geo.mutatePeer(key, (current, associations) => {
        if (associations > 0) {
          throw new GeoRuleError(
            `Cannot delete system peer ${current.peer_name}: ${associations} peer group association(s) reference it`,
          )
        }
        return 'delete'
      }),
      () => new GeoObjectNotFoundError('system peer', key),
      () => new GeoObjectExistsError('system peer', key),
    )
    this.#deps.log.info(`system peer ${result.before.peer_name} deleted`)
    await this.#deps.link?.peersChanged()
    return systemPeerMessage(result.before)
  }

  /** The peer groups the peer currently leads, as this site knows them. */
  async peerGroupsLedBy(reference: string): Promise<SubcloudPeerGroup[]> {
    const peer = await this.#peer(reference)
    return (await this.#deps.geo.listPeerGroups())
      .filter((g) => g.system_leader_id === peer.peer_uuid)
      .map(peerGroupMessage)
  }

  // ---- subcloud peer groups ----

  async #group(reference: string): Promise<SubcloudPeerGroupRow> {
    const key = ref('peer_group', reference)
    const group = await this.#deps.geo.findPeerGroup(key)
    if (group === undefined) throw new GeoObjectNotFoundError('subcloud peer group', key)
    return group
  }

  #ledHere(group: SubcloudPeerGroupRow): boolean {
    return group.system_leader_id === this.#deps.siteId
  }

  async addGroup(request: AddSubcloudPeerGroupRequest__Output): Promise<SubcloudPeerGroup> {
    const fields = newPeerGroupFields(request)
    const row = await this.#deps.geo.insertPeerGroup({
      ...fields,
      uuid: randomUUID(),
      system_leader_id: this.#deps.siteId,
      system_leader_name: this.#deps.siteName,
      migration_status: 'none',
      // Above the epoch the controller onboarded its subclouds with, so a member's claim is a takeover.
      epoch: this.#deps.controllerEpoch + 1,
    })
    if (row === 'taken') {
      throw new GeoObjectExistsError(
        'subcloud peer group',
        `A subcloud peer group with name ${fields.peer_group_name} already exists`,
      )
    }
    await this.#deps.link?.registerGroup(row)
    this.#deps.log.info(`subcloud peer group ${row.peer_group_name} added (priority ${row.group_priority})`)
    return peerGroupMessage((await this.#deps.geo.findPeerGroup(String(row.id))) ?? row)
  }

  async listGroups(): Promise<SubcloudPeerGroup[]> {
    return (await this.#deps.geo.listPeerGroups()).map(peerGroupMessage)
  }

  async getGroup(reference: string): Promise<SubcloudPeerGroup> {
    return peerGroupMessage(await this.#group(reference))
  }

  async updateGroup(request: UpdateSubcloudPeerGroupRequest__Output): Promise<SubcloudPeerGroup> {
    const set = peerGroupChanges(request)
    if (Object.keys(set).length === 0)
      throw new InvalidFieldError('subcloud-peer-group update', 'nothing to update')
    const key = ref('peer_group', request.peer_group)
    const result = changed(
      await this.#deps.geo.mutatePeerGroup(key, (current, counts) => {
        this.#requireLeadership(current, counts.associations, 'changed')
        if (
          set.group_priority !== undefined &&
          set.group_priority !== current.group_priority &&
          counts.associations > 0
        ) {
          throw new GeoRuleError(
            `Cannot change the priority of subcloud peer group ${current.peer_group_name} while it has peer group associations`,
          )
        }
        return set
      }),
      () => new GeoObjectNotFoundError('subcloud peer group', key),
      () =>
        new GeoObjectExistsError(
          'subcloud peer group',
          `A subcloud peer group with name ${set.peer_group_name ?? key} already exists`,
        ),
    )
    const after = result.after ?? result.before
    await this.#deps.link?.groupChanged(after.id)
    return peerGroupMessage(after)
  }

  /**
   * Spec distcloud 4.2: only the primary site (priority 0) that leads the group may change it or its
   * members. A group with no associations yet belongs to its creator alone.
   */
  #requireLeadership(group: SubcloudPeerGroupRow, associations: number, action: string): void {
    if (!this.#ledHere(group)) {
      throw new GeoRuleError(
        `Subcloud peer group ${group.peer_group_name} is led by ${group.system_leader_name}; it can only be ${action} there`,
      )
    }
    if (group.group_priority !== 0 && associations > 0) {
      throw new GeoRuleError(
        `Subcloud peer group ${group.peer_group_name} has priority ${group.group_priority} here; only its primary site (priority 0) may ${action === 'changed' ? 'change it' : action}`,
      )
    }
  }

  async deleteGroup(reference: string): Promise<SubcloudPeerGroup> {
    const key = ref('peer_group', reference)
    const result = changed(
      await this.#deps.geo.mutatePeerGroup(key, (current, counts) => {
        if (counts.associations > 0) {
          throw new GeoRuleError(
            `Cannot delete subcloud peer group ${current.peer_group_name}: it has ${counts.associations} peer group association(s)`,
          )
        }
        if (counts.members > 0) {
          throw new GeoRuleError(
            `Cannot delete subcloud peer group ${current.peer_group_name}: it still has ${counts.members} subcloud(s); remove them with subcloud update --peer-group none`,
          )
        }
        return 'delete'
      }),
      () => new GeoObjectNotFoundError('subcloud peer group', key),
      () => new GeoObjectExistsError('subcloud peer group', key),
    )
    return peerGroupMessage(result.before)
  }

  async groupMembers(reference: string): Promise<Subcloud[]> {
    const group = await this.#group(reference)
    return this.#deps.subclouds.list({ peerGroupId: group.id })
  }

  async groupStatus(reference: string): Promise<SubcloudPeerGroupStatus> {
    const group = await this.#group(reference)
    const members = await this.#deps.subclouds.list({ peerGroupId: group.id })
    const count = (pred: (m: Subcloud) => boolean): number => members.filter(pred).length
    return {
      peer_group_id: group.id,
      peer_group_name: group.peer_group_name,
      total_subclouds: members.length,
      complete: count((m) => m.deployStatus === 'complete'),
      waiting_for_migrate: count((m) => m.deployStatus === 'secondary'),
      rehoming: count((m) => m.deployStatus === 'pre-rehome' || m.deployStatus === 'rehoming'),
      rehome_failed: count(
        (m) => m.deployStatus === 'rehome-failed' || m.deployStatus === 'rehome-prep-failed',
      ),
      managed: count((m) => m.managementState === 'managed'),
      unmanaged: count((m) => m.managementState === 'unmanaged'),
    }
  }

  /** `subcloud-peer-group migrate`: the sysadmin password is accepted for compatibility and never kept. */
  async migrate(reference: string): Promise<SubcloudPeerGroup> {
    const link = this.#requireLink('subcloud-peer-group migrate')
    const group = await this.#group(reference)
    return peerGroupMessage(await link.migrate(group.id))
  }

  // ---- peer group associations ----

  async #association(reference: string): Promise<PeerGroupAssociationRow> {
    const key = ref('association', reference)
    const id = /^\d{1,9}$/.test(key) ? Number(key) : undefined
    const found = id === undefined ? undefined : await this.#deps.geo.findAssociation(id)
    if (found === undefined) throw new GeoObjectNotFoundError('peer group association', key)
    return found
  }

  /** Status for an association when there is no link to derive it from. */
  #unlinked(): Pick<PeerGroupAssociationRow, 'sync_status' | 'sync_message'> {
    const sync = associationSyncStatus({
      role: 'sender',
      linkConfigured: false,
      peerName: '',
      peerAvailability: 'created',
      peerKnowsUs: true,
      publishedSeq: 0,
      ackedSeq: 0,
      pending: false,
      failures: [],
    })
    return { sync_status: sync.status, sync_message: sync.message }
  }

  async #fresh(id: number): Promise<PeerGroupAssociation> {
    return associationMessage(await this.#association(String(id)))
  }

  async addAssociation(request: AddPeerGroupAssociationRequest__Output): Promise<PeerGroupAssociation> {
    const group = await this.#group(request.peer_group)
    const peer = await this.#peer(request.system_peer)
    const priority = associationPriority(group.group_priority, request.peer_group_priority)
    const row = await this.#deps.geo.insertAssociation({
      peer_group_id: group.id,
      system_peer_id: peer.id,
      association_type: group.group_priority === 0 ? 'primary' : 'non-primary',
      peer_group_priority: priority,
      ...(this.#deps.link === undefined ? this.#unlinked() : { sync_status: 'syncing', sync_message: '' }),
    })
    if (row === 'taken') {
      throw new GeoObjectExistsError(
        'peer group association',
        `Subcloud peer group ${group.peer_group_name} is already associated with system peer ${peer.peer_name}`,
      )
    }
    this.#deps.log.info(
      `peer group association ${row.id}: ${group.peer_group_name} with ${peer.peer_name} (${row.association_type})`,
    )
    await this.#deps.link?.resync(row.id)
    await this.#deps.link?.groupChanged(group.id)
    return this.#fresh(row.id)
  }

  async listAssociations(): Promise<PeerGroupAssociation[]> {
    return (await this.#deps.geo.listAssociations()).map(associationMessage)
  }

  async getAssociation(reference: string): Promise<PeerGroupAssociation> {
    return associationMessage(await this.#association(reference))
  }

  async updateAssociation(request: UpdatePeerGroupAssociationRequest__Output): Promise<PeerGroupAssociation> {
    const current = await this.#association(request.association)
    const group = await this.#group(String(current.peer_group_id))
    if (current.association_type !== 'primary') {
      throw new GeoRuleError(
        `Peer group association ${current.id} is non-primary; change it on the primary site`,
      )
    }
    const priority = associationPriority(group.group_priority, request.peer_group_priority)
    changed(
      await this.#deps.geo.mutateAssociation(current.id, () => ({ peer_group_priority: priority })),
      () => new GeoObjectNotFoundError('peer group association', String(current.id)),
      () => new GeoObjectExistsError('peer group association', String(current.id)),
    )
    await this.#deps.link?.groupChanged(group.id)
    return this.#fresh(current.id)
  }

  /** Spec distcloud 4.3: only the primary association of a group this site leads; a full resync. */
  async syncAssociation(reference: string): Promise<PeerGroupAssociation> {
    const current = await this.#association(reference)
    const group = await this.#group(String(current.peer_group_id))
    if (current.association_type !== 'primary' || !this.#ledHere(group)) {
      throw new GeoRuleError(
        `Peer group association ${current.id} can be synced only as the primary association of a group this site leads`,
      )
    }
    await this.#requireLink('peer-group-association sync').resync(current.id)
    return this.#fresh(current.id)
  }

  async deleteAssociation(reference: string): Promise<PeerGroupAssociation> {
    const current = await this.#association(reference)
    const group = await this.#group(String(current.peer_group_id))
    await this.#deps.link?.associationRemoved(current, group)
    const result = changed(
      await this.#deps.geo.mutateAssociation(current.id, () => 'delete'),
      () => new GeoObjectNotFoundError('peer group association', String(current.id)),
      () => new GeoObjectExistsError('peer group association', String(current.id)),
    )
    await this.#deps.link?.groupChanged(group.id)
    return associationMessage(result.before)
  }

  // ---- member rules (the subcloud use cases' SubcloudMembership) ----

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
    const group = await this.#group(String(groupId))
    const associations = await this.#deps.geo.listAssociations({ peerGroupId: group.id })
    const peers = await Promise.all(
      associations.map((a) => this.#deps.geo.findPeer(String(a.system_peer_id))),
    )
    const primaryUnavailable = peers.some((p) => p?.availability_state === 'unavailable')
    const primaryHere = group.group_priority === 0 || associations.length === 0
    return (current, edit) => {
      if (current.peerGroupId !== groupId) return new ConcurrentUpdateError(`subcloud ${current.name}`)
      if (primaryHere && this.#ledHere(group)) return undefined
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
        `Subcloud ${current.name} is in subcloud peer group ${group.peer_group_name}, which only its primary site may edit while leading it` +
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

  /**
   * `subcloud update --peer-group <group|none>`. Joining needs a group this primary site leads and a
   * subcloud that is complete, managed and online with rehome data; its agent is claimed at the
   * group's epoch, so only the group's owner commands it from now on.
   */
  async setMembership(subcloud: Subcloud, groupRef: string): Promise<Subcloud> {
    const leaving = groupRef.trim().toLowerCase() === 'none'
    if (leaving) return this.#leave(subcloud)
    const group = await this.#group(groupRef)
    if (subcloud.peerGroupId === group.id) return subcloud
    if (subcloud.peerGroupId !== null) {
      throw new SubcloudStateError(
        subcloud.name,
        `Subcloud ${subcloud.name} is already in another subcloud peer group; leave it first (--peer-group none)`,
      )
    }
    const associations = await this.#deps.geo.listAssociations({ peerGroupId: group.id })
    this.#requireLeadership(group, associations.length, 'given members')
    const ineligible = (current: Subcloud): Error | undefined => {
      if (
        current.deployStatus !== 'complete' ||
        current.managementState !== 'managed' ||
        current.availability !== 'online'
      ) {
        return new SubcloudStateError(
          current.name,
          `Subcloud ${current.name} can join a subcloud peer group only when complete, managed and online ` +
            `(it is ${current.deployStatus}, ${current.managementState}, ${current.availability})`,
        )
      }
      if (rehomeDataOf(current) === undefined) {
        return new SubcloudStateError(
          current.name,
          `Subcloud ${current.name} has no rehome data; give --bootstrap-values and --bootstrap-address`,
        )
      }
      return undefined
    }
    const refusal = ineligible(subcloud)
    if (refusal !== undefined) throw refusal
    const epoch = seq(group.epoch)
    await this.#claim(subcloud, epoch)
    const joined = await this.#mutateMember(subcloud, (current) => {
      if (current.peerGroupId !== null) return refuse(new ConcurrentUpdateError(`subcloud ${current.name}`))
      const refused = ineligible(current)
      if (refused !== undefined) return refuse(refused)
      const rehome = rehomeDataOf(current)
      return update({
        set: { peerGroupId: group.id, epoch, ...(rehome === undefined ? {} : { rehomeData: rehome }) },
      })
    })
    this.#deps.log.info(
      `subcloud ${subcloud.name}: joined subcloud peer group ${group.peer_group_name} at epoch ${epoch}`,
      {
        subcloud: subcloud.name,
      },
    )
    await this.changed(subcloud.id)
    return joined
  }

  async #leave(subcloud: Subcloud): Promise<Subcloud> {
    if (subcloud.peerGroupId === null) return subcloud
    const group = await this.#group(String(subcloud.peerGroupId))
    const associations = await this.#deps.geo.listAssociations({ peerGroupId: group.id })
    this.#requireLeadership(group, associations.length, 'have members removed')
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
    this.#deps.log.info(`subcloud ${subcloud.name}: left subcloud peer group ${group.peer_group_name}`, {
      subcloud: subcloud.name,
    })
    await this.#deps.link?.memberRemoved(group, subcloud.regionName)
    return left
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
