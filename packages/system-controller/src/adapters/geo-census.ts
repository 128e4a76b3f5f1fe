import type { GeoStores } from '../geo/geo-link.js'
import type { AssociationCensusEntry, PeerCensusEntry } from './controller-metrics.js'

/** System peers and associations as the geo gauges show them. */
export async function geoCensus(
  geo: GeoStores,
): Promise<{ peers: PeerCensusEntry[]; associations: AssociationCensusEntry[] }> {
  const [peers, groups, associations] = await Promise.all([
    geo.peers.list(),
    geo.groups.list(),
    geo.associations.list(),
  ])
  const peerName = new Map(peers.map((p) => [p.id, p.peerName]))
  const groupName = new Map(groups.map((g) => [g.id, g.name]))
  return {
    peers: peers.map((p) => {
      const own = associations.filter((a) => a.systemPeerId === p.id)
      return {
        peer: p.peerName,
        availability: p.availability,
        publishedSeq: Math.max(0, ...own.map((a) => a.publishedSeq)),
        ackedSeq: Math.max(0, ...own.map((a) => a.ackedSeq)),
      }
    }),
    associations: associations.map((a) => ({
      peer: peerName.get(a.systemPeerId) ?? String(a.systemPeerId),
      peerGroup: groupName.get(a.peerGroupId) ?? String(a.peerGroupId),
      syncStatus: a.syncStatus,
    })),
  }
}
