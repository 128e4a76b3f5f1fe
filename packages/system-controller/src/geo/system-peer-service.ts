import type { Logger } from '@dc/runtime'
import { GeoObjectExistsError, GeoObjectNotFoundError, GeoRuleError, InvalidFieldError } from '../errors.js'
import { refuse, remove, settle, update } from '../ports/mutation.js'
import type { MutationResult } from '../ports/mutation.js'
import type { PeerGroupStore } from '../ports/peer-group-store.js'
import type { SystemPeerStore } from '../ports/system-peer-store.js'
import { foundGeoObject } from './found-geo-object.js'
import type { GeoLink } from './geo-link.js'
import { GEO_LIMITS, SECOND_MS } from './geo-limits.js'
import type { SubcloudPeerGroup } from './subcloud-peer-group.js'
import type { SystemPeer, SystemPeerFields } from './system-peer.js'

/** `system-peer add`: what the operator gave, its form checked; the defaults are StarlingX's. */
export type NewSystemPeer = Pick<
  SystemPeerFields,
  'peerUuid' | 'peerName' | 'managerEndpoint' | 'managerUsername' | 'peerControllerGatewayIp'
> &
  Partial<SystemPeerFields>

/** What the system peer use cases work with. */
export interface SystemPeerServiceDeps {
  readonly peers: SystemPeerStore
  readonly groups: Pick<PeerGroupStore, 'list'>
  /** This site's id on the link: never a peer of itself. */
  readonly siteId: string
  /** Follows the peers; undefined without `--nats-url`. */
  readonly link: Pick<GeoLink, 'peersChanged'> | undefined
  readonly log: Logger
}

/** The `dcmanager system-peer` use cases (spec distcloud 4.1). */
export class SystemPeerService {
  readonly #deps: SystemPeerServiceDeps

  constructor(deps: SystemPeerServiceDeps) {
    this.#deps = deps
  }

  /** A peer by name, uuid or id. */
  get(ref: string): Promise<SystemPeer> {
    return foundGeoObject((r) => this.#deps.peers.find(r), 'system peer', ref)
  }

  list(): Promise<SystemPeer[]> {
    return this.#deps.peers.list()
  }

  async add(input: NewSystemPeer): Promise<SystemPeer> {
    this.#notSelf(input.peerUuid)
    const l = GEO_LIMITS
    const result = await this.#deps.peers.insert({
      administrativeState: 'enabled',
      heartbeatIntervalMs: l.heartbeatInterval.default * SECOND_MS,
      heartbeatFailureThreshold: l.heartbeatFailureThreshold.default,
      heartbeatFailurePolicy: 'alarm',
      heartbeatMaintenanceTimeoutMs: l.heartbeatMaintenanceTimeout.default * SECOND_MS,
      ...input,
    })
    if (result.kind === 'taken') {
      throw new GeoObjectExistsError(
        'system peer',
        `A system peer with name ${input.peerName} or uuid ${input.peerUuid} already exists`,
      )
    }
    const peer = result.row
    this.#deps.log.info(`system peer ${peer.peerName} (${peer.peerUuid}) added`, { peer: peer.peerName })
    await this.#deps.link?.peersChanged()
    return peer
  }

  async update(ref: string, changes: Partial<SystemPeerFields>): Promise<SystemPeer> {
    if (Object.values(changes).every((v) => v === undefined)) {
      throw new InvalidFieldError('system-peer update', 'nothing to update')
    }
    if (changes.peerUuid !== undefined) this.#notSelf(changes.peerUuid)
    const result = this.#settle(
      ref,
      await this.#deps.peers.mutate(ref, (current, associations) =>
        changes.peerUuid !== undefined && changes.peerUuid !== current.peerUuid && associations > 0
          ? refuse(
              new GeoRuleError(
                `Cannot change the uuid of system peer ${current.peerName}: ${associations} peer group association(s) use it`,
              ),
            )
          : update(changes),
      ),
    )
    await this.#deps.link?.peersChanged()
    return result.after ?? result.before
  }

  /** A peer that any association references cannot be deleted. */
  async delete(ref: string): Promise<SystemPeer> {
    const result = this.#settle(
      ref,
      await this.#deps.peers.mutate(ref, (current, associations) =>
        associations > 0
          ? refuse(
              new GeoRuleError(
                `Cannot delete system peer ${current.peerName}: ${associations} peer group association(s) reference it`,
              ),
            )
          : remove,
      ),
    )
    this.#deps.log.info(`system peer ${result.before.peerName} deleted`, { peer: result.before.peerName })
    await this.#deps.link?.peersChanged()
    return result.before
  }

  /** The peer groups the peer currently leads, as this site knows them. */
  async groupsLedBy(ref: string): Promise<SubcloudPeerGroup[]> {
    const peer = await this.get(ref)
    return (await this.#deps.groups.list()).filter((g) => g.leaderId === peer.peerUuid)
  }

  #notSelf(peerUuid: string): void {
    if (peerUuid === this.#deps.siteId) throw new InvalidFieldError('peer_uuid', 'is this system itself')
  }

  #settle(ref: string, result: MutationResult<SystemPeer>) {
    return settle(result, {
      notFound: () => new GeoObjectNotFoundError('system peer', ref),
      taken: () => new GeoObjectExistsError('system peer', 'Another system peer has that name or uuid'),
    })
  }
}
