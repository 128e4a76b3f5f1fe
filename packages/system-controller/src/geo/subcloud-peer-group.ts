import type { AdministrativeState, MigrationStatus } from './geo-states.js'

/** The settings of a subcloud peer group an operator gives (spec distcloud 4.2). */
export interface PeerGroupSettings {
  /** Unique, never `none`, never all digits. */
  readonly name: string
  /** 0: the primary (owning) site; a lower number is more preferred. */
  readonly priority: number
  readonly state: AdministrativeState
  /** The parallelism of migrate. */
  readonly maxSubcloudRehoming: number
}

/** What a subcloud peer group is stored with: its settings and who leads it at which epoch. */
export interface SubcloudPeerGroupFields extends PeerGroupSettings {
  /** The same on both sites: events and the ownership record name the group by it. */
  readonly uuid: string
  /** The site id of the controller leading the group. */
  readonly leaderId: string
  readonly leaderName: string
  readonly migrationStatus: MigrationStatus
  /** The leader's fencing epoch, as last seen in the ownership bucket. */
  readonly epoch: number
}

export interface SubcloudPeerGroup extends SubcloudPeerGroupFields {
  readonly id: number
  readonly createdAt: Date
  readonly updatedAt: Date
}

/** The fields a change of a peer group may set (the uuid never changes). */
export type PeerGroupChange = Partial<Omit<SubcloudPeerGroupFields, 'uuid'>>

/** What the rules count about a peer group under its row lock. */
export interface PeerGroupCounts {
  readonly members: number
  readonly associations: number
}

/** `subcloud-peer-group status`: its members by state. */
export interface PeerGroupStatus {
  readonly peerGroupId: number
  readonly peerGroupName: string
  readonly total: number
  readonly complete: number
  /** Secondary copies, waiting for a migrate. */
  readonly waitingForMigrate: number
  readonly rehoming: number
  readonly rehomeFailed: number
  readonly managed: number
  readonly unmanaged: number
}

/** The entity of the 280.005 alarm about a peer group: `peer_group=<name>`. */
export function peerGroupAlarmEntity(group: Pick<SubcloudPeerGroup, 'name'>): string {
  return `peer_group=${group.name}`
}
