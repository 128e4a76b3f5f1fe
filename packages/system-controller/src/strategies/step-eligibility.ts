import { MIN_DUAL_STACK_RELEASE, compareReleases } from '@dc/netmodel'
import type { Subcloud } from '../subclouds/subcloud.js'

/** Who leads the subcloud peer group a subcloud is in. */
export interface PeerGroupLead {
  readonly name: string
  /** Site id of the leading controller. */
  readonly leaderId: string
  readonly leaderName: string
}

/** The peer group of a member by id; undefined when it is gone. */
export type PeerGroupLookup = (peerGroupId: number) => Promise<PeerGroupLead | undefined>

/**
 * Why `subcloud` takes no part in (at `create`) or may not go on with (at `pre-check`) a network
 * strategy run by site `siteId`; undefined when it may. `group` is its peer group, looked up by
 * the caller (undefined when it is in none or the group is gone).
 */
export function eligibilityRefusal(
  subcloud: Subcloud,
  group: PeerGroupLead | undefined,
  siteId: string,
  phase: 'create' | 'pre-check',
): string | undefined {
  // Checked first: a secondary copy is also unmanaged and offline, but that is not why it is left out.
  const lead = leadRefusal(subcloud, group, siteId, phase)
  if (lead !== undefined) return lead
  if (subcloud.managementState !== 'managed') return `subcloud is ${subcloud.managementState}`
  if (subcloud.availability !== 'online') return `subcloud is ${subcloud.availability}`
  if (subcloud.deployStatus !== 'complete') return `deploy status is ${subcloud.deployStatus}`
  const order = compareReleases(subcloud.softwareVersion, MIN_DUAL_STACK_RELEASE)
  if (order === undefined || order < 0) {
    return `release ${subcloud.softwareVersion} does not support dual-stack (${MIN_DUAL_STACK_RELEASE} or later)`
  }
  return undefined
}

/** Why a member of a peer group is not this site's to command; undefined when it is. */
function leadRefusal(
  subcloud: Subcloud,
  group: PeerGroupLead | undefined,
  siteId: string,
  phase: 'create' | 'pre-check',
): string | undefined {
  if (subcloud.peerGroupId === null) return undefined
  if (group === undefined) return `its subcloud peer group (id ${subcloud.peerGroupId}) is gone`
  if (group.leaderId === siteId) return undefined
  // A member of a group another site leads is that site's to command: here it is a secondary copy.
  return phase === 'create'
    ? `secondary copy: subcloud peer group ${group.name} is led by ${group.leaderName}`
    : `ownership of peer group ${group.name} moved to ${group.leaderName}`
}

/** {@link eligibilityRefusal} with the subcloud's peer group looked up. */
export async function lookUpRefusal(
  subcloud: Subcloud,
  lookup: PeerGroupLookup,
  siteId: string,
  phase: 'create' | 'pre-check',
): Promise<string | undefined> {
  const group = subcloud.peerGroupId === null ? undefined : await lookup(subcloud.peerGroupId)
  return eligibilityRefusal(subcloud, group, siteId, phase)
}
