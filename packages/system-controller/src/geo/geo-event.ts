import type { AdministrativeState, MigrationStatus } from './geo-states.js'

/**
 * What geo-redundant controllers tell each other, as domain values: the events of a peer group's
 * leader, heartbeats, acknowledgements, and the ownership record of the shared bucket. Their
 * dc.geo.v1 bytes are geo-codec.ts's business.
 */

/** A peer group as the leader tells a peer to hold it. */
export interface GroupState {
  readonly uuid: string
  readonly name: string
  /** The priority the receiving site gives the group (the association's peer_group_priority). */
  readonly priority: number
  readonly state: AdministrativeState
  readonly maxSubcloudRehoming: number
  readonly leaderId: string
  readonly leaderName: string
  readonly migrationStatus: MigrationStatus
  readonly epoch: number
}

/** A member subcloud as its secondary copy on the peer needs it. Never carries a secret. */
export interface MemberCopy {
  readonly name: string
  readonly regionName: string
  readonly description: string
  readonly location: string
  readonly softwareVersion: string
  /** The agent's primary address, `host:port`. */
  readonly bootstrapAddress: string
  /** Bootstrap values without secrets, the controller gateway already swapped for the receiver's. */
  readonly values: Readonly<Record<string, unknown>>
}

/** One change of a peer group the sending site leads, addressed to one peer site. */
export type GeoEvent =
  | { readonly type: 'group'; readonly from: string; readonly to: string; readonly group: GroupState }
  | {
      readonly type: 'members'
      readonly from: string
      readonly to: string
      readonly groupUuid: string
      readonly epoch: number
      readonly members: readonly MemberCopy[]
    }
  | {
      readonly type: 'member-removed'
      readonly from: string
      readonly to: string
      readonly groupUuid: string
      readonly epoch: number
      readonly regionName: string
    }
  | {
      /** Ends a full snapshot: copies in the group whose region is not listed are deleted. */
      readonly type: 'snapshot-end'
      readonly from: string
      readonly to: string
      readonly groupUuid: string
      readonly epoch: number
      readonly regionNames: readonly string[]
    }
  | {
      readonly type: 'association-removed'
      readonly from: string
      readonly to: string
      readonly groupUuid: string
    }

/** A member the receiving site could not apply. */
export interface MemberFailure {
  readonly subcloud: string
  readonly regionName: string
  readonly error: string
}

/** A site's heartbeat; `applied` says how far it got in each peer's stream (and which peers it knows). */
export interface Heartbeat {
  readonly site: string
  readonly name: string
  readonly sentAtMs: number
  readonly applied: Readonly<Record<string, number>>
}

/** What a site applied of one message of a peer's stream. */
export interface ApplyAck {
  readonly site: string
  readonly seq: number
  readonly groupUuid: string
  /** Subclouds (names) the message created, changed or deleted. */
  readonly subclouds: readonly string[]
  /** The group's members the site could not apply, as of this message. */
  readonly failures: readonly MemberFailure[]
  readonly appliedAtMs: number
}

/** Who leads a peer group, and the fencing epoch its agents obey (the ownership bucket's value). */
export interface Ownership {
  readonly leader: string
  readonly leaderName: string
  readonly epoch: number
}
