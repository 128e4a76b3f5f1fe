import type { DcManagerHandlers } from '@dc/protos'
import type { GeoService } from '../geo/geo-service.js'
import type { UnaryCalls } from './controller-unary.js'
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
 * The system peer, subcloud peer group and peer group association RPCs as plain calls: request
 * fields checked and mapped to domain inputs, the geo use case run, its result mapped back.
 */
export function geoCalls(geo: GeoService): UnaryCalls<Pick<DcManagerHandlers, GeoRpc>> {
  const peer = (ref: string) => geo.peers.get(reference('system_peer', ref))
  const peerGroup = (ref: string) => geo.groups.get(reference('peer_group', ref))
  return {
    AddSystemPeer: async (req) => systemPeerMessage(await geo.peers.add(newSystemPeerInput(req))),
    ListSystemPeers: async () => ({ system_peers: (await geo.peers.list()).map(systemPeerMessage) }),
    GetSystemPeer: async (req) => systemPeerMessage(await peer(req.system_peer)),
    UpdateSystemPeer: async (req) => {
      const changes = systemPeerChangesInput(req)
      return systemPeerMessage(await geo.peers.update(reference('system_peer', req.system_peer), changes))
    },
    DeleteSystemPeer: async (req) =>
      systemPeerMessage(await geo.peers.delete(reference('system_peer', req.system_peer))),
    ListSystemPeerPeerGroups: async (req) => ({
      subcloud_peer_groups: (await geo.peers.groupsLedBy(reference('system_peer', req.system_peer))).map(
        peerGroupMessage,
      ),
    }),
    AddSubcloudPeerGroup: async (req) => peerGroupMessage(await geo.groups.add(newPeerGroupInput(req))),
    ListSubcloudPeerGroups: async () => ({
      subcloud_peer_groups: (await geo.groups.list()).map(peerGroupMessage),
    }),
    GetSubcloudPeerGroup: async (req) => peerGroupMessage(await peerGroup(req.peer_group)),
    UpdateSubcloudPeerGroup: async (req) => {
      const changes = peerGroupChangesInput(req)
      return peerGroupMessage(await geo.groups.update(reference('peer_group', req.peer_group), changes))
    },
    DeleteSubcloudPeerGroup: async (req) =>
      peerGroupMessage(await geo.groups.delete(reference('peer_group', req.peer_group))),
    ListSubcloudPeerGroupSubclouds: async (req) => ({
      subclouds: (await geo.groups.members(reference('peer_group', req.peer_group))).map((s) =>
        subcloudMessage(s),
      ),
    }),
    MigrateSubcloudPeerGroup: async (req) =>
      peerGroupMessage(await geo.groups.migrate(reference('peer_group', req.peer_group))),
    GetSubcloudPeerGroupStatus: async (req) =>
      peerGroupStatusMessage(await geo.groups.status(reference('peer_group', req.peer_group))),
    AddPeerGroupAssociation: async (req) =>
      associationMessage(await geo.associations.add(newAssociationInput(req))),
    ListPeerGroupAssociations: async () => ({
      peer_group_associations: (await geo.associations.list()).map(associationMessage),
    }),
    GetPeerGroupAssociation: async (req) =>
      associationMessage(await geo.associations.get(reference('association', req.association))),
    UpdatePeerGroupAssociation: async (req) =>
      associationMessage(
        await geo.associations.update(reference('association', req.association), req.peer_group_priority),
      ),
    SyncPeerGroupAssociation: async (req) =>
      associationMessage(await geo.associations.sync(reference('association', req.association))),
    DeletePeerGroupAssociation: async (req) =>
      associationMessage(await geo.associations.delete(reference('association', req.association))),
  }
}
