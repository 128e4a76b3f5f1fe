import type { Logger } from '@dc/runtime'
import { GeoObjectExistsError, GeoObjectNotFoundError, GeoRuleError } from '../errors.js'
import type { AssociationStore } from '../ports/association-store.js'
import { remove, settle, update } from '../ports/mutation.js'
import type { MutationResult } from '../ports/mutation.js'
import { foundGeoObject } from './found-geo-object.js'
import { associationSyncStatus } from './association-sync-status.js'
import { requireLink } from './geo-link.js'
import type { GeoLink } from './geo-link.js'
import { associationPriority } from './geo-limits.js'
import type { PeerGroupAssociation } from './peer-group-association.js'
import type { PeerGroupService } from './peer-group-service.js'
import type { SystemPeerService } from './system-peer-service.js'

/** `peer-group-association add`: the group and the peer by reference, the priority if given. */
export interface NewAssociation {
  readonly peerGroup: string
  readonly systemPeer: string
  readonly peerGroupPriority?: number
}

/** What the association use cases work with. */
export interface AssociationServiceDeps {
  readonly associations: AssociationStore
  readonly groups: Pick<PeerGroupService, 'get'>
  readonly peers: Pick<SystemPeerService, 'get'>
  /** This site's id on the link. */
  readonly siteId: string
  /** Syncs the peers; undefined without `--nats-url`. */
  readonly link: Pick<GeoLink, 'resync' | 'groupChanged' | 'associationRemoved'> | undefined
  readonly log: Logger
}

/** The sync status of an association on a controller with no link to derive it from. */
const UNLINKED = associationSyncStatus({
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

/** The `dcmanager peer-group-association` use cases (spec distcloud 4.3). */
export class AssociationService {
  readonly #deps: AssociationServiceDeps

  constructor(deps: AssociationServiceDeps) {
    this.#deps = deps
  }

  /** An association by id. */
  get(ref: string): Promise<PeerGroupAssociation> {
    return foundGeoObject((r) => this.#deps.associations.find(r), 'peer group association', ref)
  }

  list(): Promise<PeerGroupAssociation[]> {
    return this.#deps.associations.list()
  }

  /**
   * `primary` when the local group's priority is 0, which then needs the priority the group gets
   * on the peer; with the link, a full sync of the group to the peer starts at once.
   */
  async add(input: NewAssociation): Promise<PeerGroupAssociation> {
    const { associations, link, log } = this.#deps
    const group = await this.#deps.groups.get(input.peerGroup)
    const peer = await this.#deps.peers.get(input.systemPeer)
    const priority = associationPriority(group.priority, input.peerGroupPriority)
    const result = await associations.insert({
      peerGroupId: group.id,
      systemPeerId: peer.id,
      associationType: group.priority === 0 ? 'primary' : 'non-primary',
      peerGroupPriority: priority,
      ...(link === undefined
        ? { syncStatus: UNLINKED.status, syncMessage: UNLINKED.message }
        : { syncStatus: 'syncing', syncMessage: '' }),
    })
    if (result.kind === 'taken') {
      throw new GeoObjectExistsError(
        'peer group association',
        `Subcloud peer group ${group.name} is already associated with system peer ${peer.peerName}`,
      )
    }
    const created = result.row
    log.info(
      `peer group association ${created.id}: ${group.name} with ${peer.peerName} (${created.associationType})`,
      { peerGroup: group.name, peer: peer.peerName },
    )
    await link?.resync(created.id)
    await link?.groupChanged(group.id)
    return this.get(String(created.id))
  }

  /** Only the primary association's priority changes, on the primary site. */
  async update(ref: string, peerGroupPriority: number | undefined): Promise<PeerGroupAssociation> {
    const current = await this.get(ref)
    const group = await this.#deps.groups.get(String(current.peerGroupId))
    if (current.associationType !== 'primary') {
      throw new GeoRuleError(
        `Peer group association ${current.id} is non-primary; change it on the primary site`,
      )
    }
    const priority = associationPriority(group.priority, peerGroupPriority)
    this.#settle(
      await this.#deps.associations.mutate(current.id, () => update({ peerGroupPriority: priority })),
      current.id,
    )
    await this.#deps.link?.groupChanged(group.id)
    return this.get(String(current.id))
  }

  /** Spec distcloud 4.3: only the primary association of a group this site leads; a full resync. */
  async sync(ref: string): Promise<PeerGroupAssociation> {
    const current = await this.get(ref)
    const group = await this.#deps.groups.get(String(current.peerGroupId))
    if (current.associationType !== 'primary' || group.leaderId !== this.#deps.siteId) {
      throw new GeoRuleError(
        `Peer group association ${current.id} can be synced only as the primary association of a group this site leads`,
      )
    }
    await requireLink(this.#deps.link, 'peer-group-association sync').resync(current.id)
    return this.get(String(current.id))
  }

  /** The peer drops its side of an association of a group this site leads. */
  async delete(ref: string): Promise<PeerGroupAssociation> {
    const current = await this.get(ref)
    const group = await this.#deps.groups.get(String(current.peerGroupId))
    await this.#deps.link?.associationRemoved(current, group)
    const result = this.#settle(await this.#deps.associations.mutate(current.id, () => remove), current.id)
    await this.#deps.link?.groupChanged(group.id)
    return result.before
  }

  #settle(result: MutationResult<PeerGroupAssociation>, id: number) {
    return settle(result, {
      notFound: () => new GeoObjectNotFoundError('peer group association', String(id)),
      taken: () => new GeoObjectExistsError('peer group association', String(id)),
    })
  }
}
