import type { MemberFailure } from '../geo/geo-event.js'
import type { Subcloud, SubcloudFields } from '../subclouds/subcloud.js'

/** A secondary copy to create or refresh, as the event applier validated it. */
export type NewCopy = Omit<SubcloudFields, 'groupId' | 'peerGroupId' | 'epoch' | 'rehomeData'> & {
  /** The values and agent address the peer sent, saved as `subcloud add` saves them. */
  readonly rehomeData: string
}

/**
 * What the applier compares a member with, to skip one held exactly as sent, and the stored range
 * it checks a refreshed copy against (the copy does not clash with itself).
 */
export type HeldCopy = Pick<
  Subcloud,
  | 'id'
  | 'name'
  | 'description'
  | 'location'
  | 'softwareVersion'
  | 'epoch'
  | 'rehomeData'
  | 'managementSubnet'
  | 'managementStartIp'
  | 'managementEndIp'
>

/** What applying a batch of copies did: the names applied, and the members that could not be. */
export interface CopyOutcome {
  readonly applied: string[]
  readonly failures: MemberFailure[]
}

/** Which copies of a group to remove: those of `regions`, or every one whose region is not listed. */
export type CopySelection = { readonly regions: readonly string[] } | { readonly except: readonly string[] }

/**
 * The subclouds this site holds for a peer group another site leads (deploy status in
 * `COPY_STATES`), and the demotion of the members it led once another site took the group. Works
 * on the subclouds table, each call one transaction over the rows it locks.
 */
export interface SecondaryCopyStore {
  /**
   * Create or refresh copies in group `groupId` at `epoch`, new ones with an `unknown` status per
   * endpoint. A region held here by a subcloud that is not a copy of this group, or a name or
   * management range taken by another subcloud, is a failure of that member; the others still apply.
   */
  apply(
    groupId: number,
    epoch: number,
    copies: readonly NewCopy[],
    endpoints: readonly string[],
  ): Promise<CopyOutcome>
  /** The copies of group `groupId` held for `regions`, by region name. */
  held(groupId: number, regions: readonly string[]): Promise<Map<string, HeldCopy>>
  /** Delete copies of group `groupId` with their statuses and alarms; the names deleted. */
  remove(groupId: number, selection: CopySelection): Promise<string[]>
  /**
   * Another site leads group `groupId` now: every member this site still held as its own becomes
   * an unmanaged, offline `secondary` copy (the `demote` move), its endpoints unknown and its
   * offline/out-of-sync alarms cleared. The names demoted.
   */
  demoteMembers(groupId: number): Promise<string[]>
}
