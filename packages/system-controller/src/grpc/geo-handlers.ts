import type { DcManagerHandlers } from '@dc/protos'
import type { Logger } from '@dc/runtime'
import type { GeoService } from '../geo/geo-service.js'
import { controllerUnary } from './controller-unary.js'
import { reference } from './field-validators.js'
import {
  associationMessage,
  newAssociationInput,
  newPeerGroupInput,
  newSystemPeerInput,
  peerGroupChangesInput,
  peerGroupMessage,
  peerGroupStatusMessage,
  systemPeerChangesInput,
  systemPeerMessage,
} from './geo-messages.js'
import { subcloudMessage } from './subcloud-messages.js'

/** The geo-redundancy RPCs of `dc.manager.v1.DcManager`. */
export type GeoRpc =
  | 'AddSystemPeer'
  | 'ListSystemPeers'
  | 'GetSystemPeer'
  | 'UpdateSystemPeer'
  | 'DeleteSystemPeer'
  | 'ListSystemPeerPeerGroups'
  | 'AddSubcloudPeerGroup'
  | 'ListSubcloudPeerGroups'
  | 'GetSubcloudPeerGroup'
  | 'UpdateSubcloudPeerGroup'
  | 'DeleteSubcloudPeerGroup'
  | 'ListSubcloudPeerGroupSubclouds'
  | 'MigrateSubcloudPeerGroup'
  | 'GetSubcloudPeerGroupStatus'
  | 'AddPeerGroupAssociation'
  | 'ListPeerGroupAssociations'
  | 'GetPeerGroupAssociation'
  | 'UpdatePeerGroupAssociation'
  | 'SyncPeerGroupAssociation'
  | 'DeletePeerGroupAssociation'

/**
 * The grpc-js handlers of the system peer, subcloud peer group and peer group association RPCs:
 * request fields checked and mapped to domain inputs, the geo use case run, its result mapped back.
 */
export function geoHandlers(geo: GeoService, log: Logger): Pick<DcManagerHandlers, GeoRpc> {
  const peer = (ref: string) => geo.peers.get(reference('system_peer', ref))
  const peerGroup = (ref: string) => geo.groups.get(reference('peer_group', ref))
  return {
    AddSystemPeer: controllerUnary(
      async (req) => systemPeerMessage(await geo.peers.add(newSystemPeerInput(req))),
      log,
    ),
    ListSystemPeers: controllerUnary(
      async () => ({ system_peers: (await geo.peers.list()).map(systemPeerMessage) }),
      log,
    ),
    GetSystemPeer: controllerUnary(async (req) => systemPeerMessage(await peer(req.system_peer)), log),
    UpdateSystemPeer: controllerUnary(async (req) => {
      const changes = systemPeerChangesInput(req)
      return systemPeerMessage(await geo.peers.update(reference('system_peer', req.system_peer), changes))
    }, log),
    DeleteSystemPeer: controllerUnary(
      async (req) => systemPeerMessage(await geo.peers.delete(reference('system_peer', req.system_peer))),
      log,
    ),
    ListSystemPeerPeerGroups: controllerUnary(
      async (req) => ({
        subcloud_peer_groups: (await geo.peers.groupsLedBy(reference('system_peer', req.system_peer))).map(
          peerGroupMessage,
        ),
      }),
      log,
    ),
    AddSubcloudPeerGroup: controllerUnary(
      async (req) => peerGroupMessage(await geo.groups.add(newPeerGroupInput(req))),
      log,
    ),
    ListSubcloudPeerGroups: controllerUnary(
      async () => ({ subcloud_peer_groups: (await geo.groups.list()).map(peerGroupMessage) }),
      log,
    ),
    GetSubcloudPeerGroup: controllerUnary(
      async (req) => peerGroupMessage(await peerGroup(req.peer_group)),
      log,
    ),
    UpdateSubcloudPeerGroup: controllerUnary(async (req) => {
      const changes = peerGroupChangesInput(req)
      return peerGroupMessage(await geo.groups.update(reference('peer_group', req.peer_group), changes))
    }, log),
    DeleteSubcloudPeerGroup: controllerUnary(
      async (req) => peerGroupMessage(await geo.groups.delete(reference('peer_group', req.peer_group))),
      log,
    ),
    ListSubcloudPeerGroupSubclouds: controllerUnary(
      async (req) => ({
        subclouds: (await geo.groups.members(reference('peer_group', req.peer_group))).map((s) =>
          subcloudMessage(s),
        ),
      }),
      log,
    ),
    MigrateSubcloudPeerGroup: controllerUnary(
      async (req) => peerGroupMessage(await geo.groups.migrate(reference('peer_group', req.peer_group))),
      log,
    ),
    GetSubcloudPeerGroupStatus: controllerUnary(
      async (req) => peerGroupStatusMessage(await geo.groups.status(reference('peer_group', req.peer_group))),
      log,
    ),
    AddPeerGroupAssociation: controllerUnary(
      async (req) => associationMessage(await geo.associations.add(newAssociationInput(req))),
      log,
    ),
    ListPeerGroupAssociations: controllerUnary(
      async () => ({ peer_group_associations: (await geo.associations.list()).map(associationMessage) }),
      log,
    ),
    GetPeerGroupAssociation: controllerUnary(
      async (req) =>
        associationMessage(await geo.associations.get(reference('association', req.association))),
      log,
    ),
    UpdatePeerGroupAssociation: controllerUnary(
      async (req) =>
        associationMessage(
          await geo.associations.update(reference('association', req.association), req.peer_group_priority),
        ),
      log,
    ),
    SyncPeerGroupAssociation: controllerUnary(
      async (req) =>
        associationMessage(await geo.associations.sync(reference('association', req.association))),
      log,
    ),
    DeletePeerGroupAssociation: controllerUnary(
      async (req) =>
        associationMessage(await geo.associations.delete(reference('association', req.association))),
      log,
    ),
  }
}
