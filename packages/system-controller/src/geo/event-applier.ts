import { subcloudFleetRanges } from '@dc/netmodel'
import type { IpRange } from '@dc/netmodel'
import type { SystemState } from '@dc/netmodel'
import type { Logger } from '@dc/runtime'
import { AUDITED_ENDPOINTS } from '../audit/index.js'
import { SubcloudAddRejectedError } from '../errors.js'
import type { AssociationStore } from '../ports/association-store.js'
import { keep, remove, update } from '../ports/mutation.js'
import type { PeerGroupStore } from '../ports/peer-group-store.js'
import type { CopySelection, HeldCopy, NewCopy, SecondaryCopyStore } from '../ports/secondary-copy-store.js'
import type { FleetRegistry } from '../subclouds/fleet-registry.js'
import { validateSubcloudAdd } from '../subclouds/subcloud-add-validation.js'
import type { GeoEvent, GroupState, MemberCopy, MemberFailure, Ownership } from './geo-event.js'
import type { SubcloudPeerGroup } from './subcloud-peer-group.js'
import type { SystemPeer } from './system-peer.js'

/** What the applier works with. */
export interface EventApplierDeps {
  readonly siteId: string
  /** The controller's own system: copies must be manageable from here (primary families, gateway). */
  readonly ownState: () => SystemState
  /**
   * The fleet's ranges, shared with `subcloud add`: each copy is checked against the rows added
   * since the last check, not a fresh read of the whole fleet.
   */
  readonly fleet: Pick<FleetRegistry, 'clashes' | 'invalidate'>
  readonly groups: Pick<PeerGroupStore, 'findByUuid' | 'insert' | 'mutate'>
  readonly associations: Pick<AssociationStore, 'list' | 'insert' | 'mutate'>
  readonly copies: Pick<SecondaryCopyStore, 'apply' | 'held' | 'remove'>
  /** A newer owner of a group is known: record it (demoting members this site held, raising 280.005). */
  readonly adopt: (group: SubcloudPeerGroup, ownership: Ownership) => Promise<SubcloudPeerGroup>
  readonly log: Logger
}

/** What one event did here; the sender reads it back from the acknowledgement. */
export interface AppliedEvent {
  readonly groupUuid: string
  /** The local group the event was about, when there is one (for the association's status). */
  readonly groupId: number | undefined
  readonly subclouds: readonly string[]
  /** The group's members that cannot be applied here, as of this event. */
  readonly failures: readonly MemberFailure[]
}

/** Rehome data of a copy: the values as sent and the agent address, as `subcloud add` saves them. */
function rehomeDataOf(member: MemberCopy): string {
  return JSON.stringify({ saved_payload: { ...member.values, 'bootstrap-address': member.bootstrapAddress } })
}

/** A held copy refreshed with another stored range: the fleet registry must read it again. */
function rangeMoved(copy: NewCopy, held: HeldCopy | undefined): boolean {
  return (
    held !== undefined &&
    (copy.managementSubnet !== held.managementSubnet ||
      copy.managementStartIp !== held.managementStartIp ||
      copy.managementEndIp !== held.managementEndIp)
  )
}

/**
 * Applies a peer's events to this site: the peer group (created with the priority the peer gives
 * it, and its non-primary association), the members as `secondary` copies with the same region
 * name, validated like `subcloud add` against this controller (their controller gateway was
 * swapped for this site's by the sender), removals, and the end of a snapshot. Events of a lower
 * epoch than the group's are stale and ignored; a higher epoch is a new owner, adopted first.
 */
export class EventApplier {
  readonly #deps: EventApplierDeps

  constructor(deps: EventApplierDeps) {
    this.#deps = deps
  }

  async apply(event: GeoEvent, peer: SystemPeer): Promise<AppliedEvent> {
    switch (event.type) {
      case 'group':
        return this.#group(event.group, peer)
      case 'members':
        return this.#members(event.groupUuid, event.epoch, event.members, peer)
      case 'member-removed':
        return this.#removed(event.groupUuid, event.epoch, peer, { regions: [event.regionName] })
      case 'snapshot-end':
        return this.#removed(event.groupUuid, event.epoch, peer, { except: event.regionNames })
      case 'association-removed':
        return this.#associationRemoved(event.groupUuid, peer)
      default:
        return event satisfies never
    }
  }

  async #group(state: GroupState, peer: SystemPeer): Promise<AppliedEvent> {
    const { groups, associations, log } = this.#deps
    const refused = (error: string): AppliedEvent => ({
      groupUuid: state.uuid,
      groupId: undefined,
      subclouds: [],
      failures: [{ subcloud: `peer group ${state.name}`, regionName: '', error }],
    })
    const nameTaken = `a different subcloud peer group named ${state.name} exists here`
    let group = await groups.findByUuid(state.uuid)
    if (group === undefined) {
      const inserted = await groups.insert({
        uuid: state.uuid,
        name: state.name,
        priority: state.priority,
        state: state.state,
        maxSubcloudRehoming: state.maxSubcloudRehoming,
        leaderId: state.leaderId,
        leaderName: state.leaderName,
        migrationStatus: state.migrationStatus,
        epoch: state.epoch,
      })
      if (inserted.kind === 'taken') return refused(nameTaken)
      group = inserted.row
      log.info(`subcloud peer group ${state.name} created from peer ${peer.peerName}`, {
        peerGroup: state.name,
        peer: peer.peerName,
      })
    } else {
      if (state.epoch < group.epoch) return this.#stale(group, state.epoch)
      if (state.epoch > group.epoch || state.leaderId !== group.leaderId) {
        group = await this.#deps.adopt(group, {
          leader: state.leaderId,
          leaderName: state.leaderName,
          epoch: state.epoch,
        })
      }
    }
    const held = await associations.list({ peerGroupId: group.id, systemPeerId: peer.id })
    const primaryHere = held.some((a) => a.associationType === 'primary')
    const changed = await groups.mutate(String(group.id), () =>
      update({
        name: state.name,
        state: state.state,
        maxSubcloudRehoming: state.maxSubcloudRehoming,
        migrationStatus: state.migrationStatus,
        // The primary site owns its own priority; a non-primary one takes what the primary gives it.
        ...(primaryHere ? {} : { priority: state.priority }),
      }),
    )
    if (changed.kind === 'taken') return refused(nameTaken)
    if (held.length === 0) {
      await associations.insert({
        peerGroupId: group.id,
        systemPeerId: peer.id,
        associationType: 'non-primary',
        peerGroupPriority: 0,
        syncStatus: 'in-sync',
        syncMessage: '',
      })
    }
    return {
      groupUuid: state.uuid,
      groupId: group.id,
      subclouds: [],
      failures: await this.#failures(group.id, peer.id),
    }
  }

  #stale(group: SubcloudPeerGroup, epoch: number): AppliedEvent {
    this.#deps.log.info(
      `ignored an event of epoch ${epoch} for subcloud peer group ${group.name}, which is at epoch ${group.epoch}`,
      { peerGroup: group.name, epoch, groupEpoch: group.epoch },
    )
    return { groupUuid: group.uuid, groupId: group.id, subclouds: [], failures: [] }
  }

  async #knownGroup(
    uuid: string,
    epoch: number,
    peer: SystemPeer,
  ): Promise<SubcloudPeerGroup | AppliedEvent> {
    const group = await this.#deps.groups.findByUuid(uuid)
    if (group === undefined) return { groupUuid: uuid, groupId: undefined, subclouds: [], failures: [] }
    if (epoch < group.epoch) return this.#stale(group, epoch)
    if (epoch > group.epoch) {
      this.#deps.log.info(`peer ${peer.peerName} is ahead on subcloud peer group ${group.name}`, {
        peer: peer.peerName,
        peerGroup: group.name,
        epoch,
      })
    }
    // A site applies copies only of groups it does not lead at that epoch.
    if (group.leaderId === this.#deps.siteId && epoch <= group.epoch) return this.#stale(group, epoch)
    return group
  }

  async #members(
    uuid: string,
    epoch: number,
    members: readonly MemberCopy[],
    peer: SystemPeer,
  ): Promise<AppliedEvent> {
    const group = await this.#knownGroup(uuid, epoch, peer)
    if (!('id' in group)) {
      return {
        ...group,
        failures: members.map((m) => ({
          subcloud: m.name,
          regionName: m.regionName,
          error: 'its subcloud peer group is not known here yet',
        })),
      }
    }
    // A resync resends every member; one already held exactly as sent needs no validation or write.
    const held = await this.#deps.copies.held(
      group.id,
      members.map((m) => m.regionName),
    )
    const unchanged = (m: MemberCopy): boolean => {
      const copy = held.get(m.regionName)
      return (
        copy !== undefined &&
        copy.name === m.name &&
        copy.description === m.description &&
        copy.location === m.location &&
        copy.softwareVersion === m.softwareVersion &&
        copy.epoch === group.epoch &&
        copy.rehomeData === rehomeDataOf(m)
      )
    }
    const { copies, failures } = await this.#validate(
      members.filter((m) => !unchanged(m)),
      held,
    )
    const outcome = await this.#deps.copies.apply(group.id, group.epoch, copies, AUDITED_ENDPOINTS)
    if (copies.some((c) => rangeMoved(c, held.get(c.regionName)))) this.#deps.fleet.invalidate()
    const applied = [...members.filter(unchanged).map((m) => m.name), ...outcome.applied]
    const touched = new Set(members.map((m) => m.regionName))
    const current = (await this.#failures(group.id, peer.id)).filter((f) => !touched.has(f.regionName))
    const next = [...current, ...failures, ...outcome.failures]
    await this.#recordFailures(group.id, peer.id, next)
    for (const f of [...failures, ...outcome.failures]) {
      this.#deps.log.warn(`cannot apply subcloud ${f.subcloud} from peer ${peer.peerName}: ${f.error}`, {
        subcloud: f.subcloud,
        peer: peer.peerName,
        peerGroup: group.name,
      })
    }
    return { groupUuid: uuid, groupId: group.id, subclouds: applied, failures: next }
  }

  /** Validate each copy as `subcloud add` would here, and against this site's fleet ranges. */
  async #validate(
    members: readonly MemberCopy[],
    held: ReadonlyMap<string, HeldCopy>,
  ): Promise<{ copies: NewCopy[]; failures: MemberFailure[] }> {
    const checked = await Promise.all(members.map((m) => this.#validateOne(m)))
    // Every range check starts in one tick, so one read of the rows added since the last serves them all.
    const outcomes = await Promise.all(
      checked.map((c) => ('error' in c ? c : this.#checkRanges(c, held.get(c.copy.regionName)))),
    )
    const copies: NewCopy[] = []
    const failures: MemberFailure[] = []
    for (const outcome of outcomes) {
      if ('error' in outcome) failures.push(outcome)
      else copies.push(outcome)
    }
    return { copies, failures }
  }

  async #validateOne(
    m: MemberCopy,
  ): Promise<{ copy: NewCopy; name: string; ranges: IpRange[] } | MemberFailure> {
    try {
      const accepted = await validateSubcloudAdd(
        {
          bootstrapAddress: m.bootstrapAddress,
          bootstrapValuesYaml: '',
          bootstrapValues: m.values,
          release: m.softwareVersion,
          description: m.description,
          location: m.location,
        },
        {
          controller: this.#deps.ownState(),
          fleetClashes: () => Promise.resolve({ ranges: [], subnets: [] }),
          findGroupId: () => Promise.resolve(1),
          subcloudNameExists: () => Promise.resolve(false),
        },
      )
      return {
        name: m.name,
        ranges: subcloudFleetRanges(accepted.values),
        copy: {
          ...accepted.fields,
          regionName: m.regionName,
          deployStatus: 'secondary',
          managementState: 'unmanaged',
          availability: 'offline',
          rehomeData: rehomeDataOf(m),
        },
      }
    } catch (err) {
      if (!(err instanceof SubcloudAddRejectedError)) throw err
      return { subcloud: m.name, regionName: m.regionName, error: err.message }
    }
  }

  /** The copy held for this member, or another row of its name, is not a clash of its own. */
  async #checkRanges(
    checked: { copy: NewCopy; name: string; ranges: IpRange[] },
    held: HeldCopy | undefined,
  ): Promise<NewCopy | MemberFailure> {
    const clashes = await this.#deps.fleet.clashes(
      { ranges: checked.ranges, oamNetwork: undefined },
      held?.id,
    )
    const conflict = clashes.ranges.find((c) => c.owner !== checked.name)
    if (conflict === undefined) return checked.copy
    return {
      subcloud: checked.name,
      regionName: checked.copy.regionName,
      error: `management range overlaps that of subcloud ${conflict.owner} here`,
    }
  }

  async #removed(
    uuid: string,
    epoch: number,
    peer: SystemPeer,
    selection: CopySelection,
  ): Promise<AppliedEvent> {
    const group = await this.#knownGroup(uuid, epoch, peer)
    if (!('id' in group)) return group
    const removed = await this.#deps.copies.remove(group.id, selection)
    const kept = (await this.#failures(group.id, peer.id)).filter((f) =>
      'regions' in selection
        ? !selection.regions.includes(f.regionName)
        : selection.except.includes(f.regionName),
    )
    await this.#recordFailures(group.id, peer.id, kept)
    return { groupUuid: uuid, groupId: group.id, subclouds: removed, failures: kept }
  }

  async #associationRemoved(uuid: string, peer: SystemPeer): Promise<AppliedEvent> {
    const { groups, associations, copies, log } = this.#deps
    const group = await groups.findByUuid(uuid)
    if (group === undefined) return { groupUuid: uuid, groupId: undefined, subclouds: [], failures: [] }
    for (const a of await associations.list({ peerGroupId: group.id, systemPeerId: peer.id })) {
      await associations.mutate(a.id, () => remove)
    }
    const removed = group.leaderId === this.#deps.siteId ? [] : await copies.remove(group.id, { except: [] })
    const deleted = await groups.mutate(String(group.id), (_g, counts) =>
      counts.members === 0 && counts.associations === 0 ? remove : keep,
    )
    if (deleted.kind === 'deleted') {
      log.info(`subcloud peer group ${group.name} removed with its association to ${peer.peerName}`, {
        peerGroup: group.name,
        peer: peer.peerName,
      })
    }
    return { groupUuid: uuid, groupId: undefined, subclouds: removed, failures: [] }
  }

  async #failures(groupId: number, peerId: number): Promise<MemberFailure[]> {
    const [association] = await this.#deps.associations.list({ peerGroupId: groupId, systemPeerId: peerId })
    return association === undefined ? [] : [...association.failures]
  }

  async #recordFailures(groupId: number, peerId: number, failures: readonly MemberFailure[]): Promise<void> {
    const { associations } = this.#deps
    for (const a of await associations.list({ peerGroupId: groupId, systemPeerId: peerId })) {
      await associations.mutate(a.id, () => update({ failures }))
    }
  }
}
