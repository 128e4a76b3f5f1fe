import { FleetIndex, IpRange, parseIp, subcloudFleetRanges } from '@dc/netmodel'
import type { SystemState } from '@dc/netmodel'
import { stringify as stringifyYaml } from 'yaml'
import { AUDITED_ENDPOINTS } from '../audit/index.js'
import { SubcloudAddRejectedError } from '../errors.js'
import type { Logger } from '@dc/runtime'
import { seq } from '../adapters/kysely/geo-store.js'
import type { CopyRow, GeoStore } from '../adapters/kysely/geo-store.js'
import type { SubcloudPeerGroupRow, SystemPeerRow } from '../adapters/kysely/schema.js'
import type { SubcloudStore } from '../ports/subcloud-store.js'
import { validateSubcloudAdd } from '../subclouds/subcloud-add-validation.js'
import type { FleetEntry } from '../subclouds/subcloud.js'
import type { GeoEvent, GroupState, MemberCopy, MemberFailure, Ownership } from './geo-event.js'

/** What the applier needs besides the stores. */
export interface EventApplierDeps {
  readonly siteId: string
  /** The controller's own system: copies must be manageable from here (primary families, gateway). */
  readonly ownState: () => SystemState
  readonly subclouds: Pick<SubcloudStore, 'fleetEntries'>
  readonly geo: GeoStore
  /** A newer owner of a group is known: record it (demoting members this site held, raising 280.005). */
  readonly adopt: (group: SubcloudPeerGroupRow, ownership: Ownership) => Promise<SubcloudPeerGroupRow>
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

function rangesOf(entry: FleetEntry): IpRange[] {
  try {
    const start = parseIp(entry.managementStart)
    const end = parseIp(entry.managementEnd)
    return start.family === end.family ? [new IpRange(start, end)] : []
  } catch {
    return []
  }
}

/** Rehome data of a copy: the values as sent and the agent address, as `subcloud add` saves them. */
function rehomeDataOf(member: MemberCopy): string {
  return JSON.stringify({ saved_payload: { ...member.values, 'bootstrap-address': member.bootstrapAddress } })
}

/** The stored failure list of an association (empty when absent or unreadable). */
export function parseFailures(json: string): MemberFailure[] {
  try {
    const parsed = JSON.parse(json) as unknown
    return Array.isArray(parsed) ? (parsed as MemberFailure[]) : []
  } catch {
    return []
  }
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

  async apply(event: GeoEvent, peer: SystemPeerRow): Promise<AppliedEvent> {
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

  async #group(state: GroupState, peer: SystemPeerRow): Promise<AppliedEvent> {
    const { geo } = this.#deps
    const refused = (error: string): AppliedEvent => ({
      groupUuid: state.uuid,
      groupId: undefined,
      subclouds: [],
      failures: [{ subcloud: `peer group ${state.name}`, regionName: '', error }],
    })
    let group = await geo.findPeerGroup(state.uuid)
    if (group === undefined || group.uuid !== state.uuid) {
      const inserted = await geo.insertPeerGroup({
        uuid: state.uuid,
        peer_group_name: state.name,
        group_priority: state.priority,
        group_state: state.state,
        max_subcloud_rehoming: state.maxSubcloudRehoming,
        system_leader_id: state.leaderId,
        system_leader_name: state.leaderName,
        migration_status: state.migrationStatus,
        epoch: state.epoch,
      })
      if (inserted === 'taken')
        return refused(`a different subcloud peer group named ${state.name} exists here`)
      group = inserted
      this.#deps.log.info(`geo: subcloud peer group ${state.name} created from peer ${peer.peer_name}`)
    } else {
      if (state.epoch < seq(group.epoch)) return this.#stale(group, state.epoch)
      if (state.epoch > seq(group.epoch) || state.leaderId !== group.system_leader_id) {
        group = await this.#deps.adopt(group, {
          leader: state.leaderId,
          leaderName: state.leaderName,
          epoch: state.epoch,
        })
      }
    }
    const associations = await geo.listAssociations({ peerGroupId: group.id, systemPeerId: peer.id })
    const primaryHere = associations.some((a) => a.association_type === 'primary')
    const changed = await geo.mutatePeerGroup(String(group.id), () => ({
      peer_group_name: state.name,
      group_state: state.state,
      max_subcloud_rehoming: state.maxSubcloudRehoming,
      migration_status: state.migrationStatus,
      // The primary site owns its own priority; a non-primary one takes what the primary gives it.
      ...(primaryHere ? {} : { group_priority: state.priority }),
    }))
    if (changed === 'taken') return refused(`a different subcloud peer group named ${state.name} exists here`)
    if (associations.length === 0) {
      await geo.insertAssociation({
        peer_group_id: group.id,
        system_peer_id: peer.id,
        association_type: 'non-primary',
        peer_group_priority: 0,
        sync_status: 'in-sync',
      })
    }
    return {
      groupUuid: state.uuid,
      groupId: group.id,
      subclouds: [],
      failures: await this.#failures(group.id, peer.id),
    }
  }

  #stale(group: SubcloudPeerGroupRow, epoch: number): AppliedEvent {
    this.#deps.log.info(
      `geo: ignored an event of epoch ${epoch} for subcloud peer group ${group.peer_group_name}, which is at epoch ${seq(group.epoch)}`,
    )
    return { groupUuid: group.uuid, groupId: group.id, subclouds: [], failures: [] }
  }

  async #knownGroup(
    uuid: string,
    epoch: number,
    peer: SystemPeerRow,
  ): Promise<SubcloudPeerGroupRow | AppliedEvent> {
    const group = await this.#deps.geo.findPeerGroup(uuid)
    if (group === undefined || group.uuid !== uuid) {
      return { groupUuid: uuid, groupId: undefined, subclouds: [], failures: [] }
    }
    if (epoch < seq(group.epoch)) return this.#stale(group, epoch)
    if (epoch > seq(group.epoch)) {
      this.#deps.log.info(
        `geo: peer ${peer.peer_name} is ahead on subcloud peer group ${group.peer_group_name}`,
      )
    }
    // A site applies copies only of groups it does not lead at that epoch.
    if (group.system_leader_id === this.#deps.siteId && epoch <= seq(group.epoch))
      return this.#stale(group, epoch)
    return group
  }

  async #members(
    uuid: string,
    epoch: number,
    members: readonly MemberCopy[],
    peer: SystemPeerRow,
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
    const held = await this.#deps.geo.copiesOf(
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
        copy.epoch === seq(group.epoch) &&
        copy.rehomeData === rehomeDataOf(m)
      )
    }
    const { rows, failures } = await this.#copyRows(members.filter((m) => !unchanged(m)))
    const applied = await this.#deps.geo.applyCopies(group.id, seq(group.epoch), rows, AUDITED_ENDPOINTS)
    const outcome = {
      ...applied,
      applied: [...members.filter(unchanged).map((m) => m.name), ...applied.applied],
    }
    const touched = new Set(members.map((m) => m.regionName))
    const current = (await this.#failures(group.id, peer.id)).filter((f) => !touched.has(f.regionName))
    const next = [...current, ...failures, ...outcome.failures]
    await this.#recordFailures(group.id, peer.id, next)
    for (const f of [...failures, ...outcome.failures]) {
      this.#deps.log.info(`geo: cannot apply subcloud ${f.subcloud} from peer ${peer.peer_name}: ${f.error}`)
    }
    return { groupUuid: uuid, groupId: group.id, subclouds: outcome.applied, failures: next }
  }

  /** Validate each copy as `subcloud add` would here, and against this site's fleet ranges. */
  async #copyRows(members: readonly MemberCopy[]): Promise<{ rows: CopyRow[]; failures: MemberFailure[] }> {
    if (members.length === 0) return { rows: [], failures: [] }
    const fleet = await this.#deps.subclouds.fleetEntries()
    const index = FleetIndex.from(fleet.map((e) => ({ owner: e.name, ranges: rangesOf(e) })))
    const rows: CopyRow[] = []
    const failures: MemberFailure[] = []
    for (const m of members) {
      try {
        const accepted = await validateSubcloudAdd(
          {
            bootstrapAddress: m.bootstrapAddress,
            bootstrapValuesYaml: stringifyYaml(m.values),
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
        const conflict = index.conflicts(subcloudFleetRanges(accepted.values), m.name)[0]
        if (conflict !== undefined) {
          failures.push({
            subcloud: m.name,
            regionName: m.regionName,
            error: `management range overlaps that of subcloud ${conflict.owner} here`,
          })
          continue
        }
        rows.push({
          fields: {
            ...accepted.fields,
            regionName: m.regionName,
            deployStatus: 'secondary',
            managementState: 'unmanaged',
            availability: 'offline',
          },
          rehomeData: rehomeDataOf(m),
        })
      } catch (err) {
        if (!(err instanceof SubcloudAddRejectedError)) throw err
        failures.push({ subcloud: m.name, regionName: m.regionName, error: err.message })
      }
    }
    return { rows, failures }
  }

  async #removed(
    uuid: string,
    epoch: number,
    peer: SystemPeerRow,
    select: { regions: readonly string[] } | { except: readonly string[] },
  ): Promise<AppliedEvent> {
    const group = await this.#knownGroup(uuid, epoch, peer)
    if (!('id' in group)) return group
    const removed = await this.#deps.geo.removeCopies(group.id, select)
    const kept = (await this.#failures(group.id, peer.id)).filter((f) =>
      'regions' in select ? !select.regions.includes(f.regionName) : select.except.includes(f.regionName),
    )
    await this.#recordFailures(group.id, peer.id, kept)
    return { groupUuid: uuid, groupId: group.id, subclouds: removed, failures: kept }
  }

  async #associationRemoved(uuid: string, peer: SystemPeerRow): Promise<AppliedEvent> {
    const { geo } = this.#deps
    const group = await geo.findPeerGroup(uuid)
    if (group === undefined || group.uuid !== uuid)
      return { groupUuid: uuid, groupId: undefined, subclouds: [], failures: [] }
    for (const a of await geo.listAssociations({ peerGroupId: group.id, systemPeerId: peer.id })) {
      await geo.mutateAssociation(a.id, () => 'delete')
    }
    const removed =
      group.system_leader_id === this.#deps.siteId ? [] : await geo.removeCopies(group.id, { except: [] })
    const deleted = await geo.mutatePeerGroup(String(group.id), (_g, counts) =>
      counts.members === 0 && counts.associations === 0 ? 'delete' : {},
    )
    if (deleted !== 'not-found' && deleted !== 'taken' && deleted.after === undefined) {
      this.#deps.log.info(
        `geo: subcloud peer group ${group.peer_group_name} removed with its association to ${peer.peer_name}`,
      )
    }
    return { groupUuid: uuid, groupId: undefined, subclouds: removed, failures: [] }
  }

  async #failures(groupId: number, peerId: number): Promise<MemberFailure[]> {
    const [association] = await this.#deps.geo.listAssociations({
      peerGroupId: groupId,
      systemPeerId: peerId,
    })
    return association === undefined ? [] : parseFailures(association.failed_members_json)
  }

  async #recordFailures(groupId: number, peerId: number, failures: readonly MemberFailure[]): Promise<void> {
    for (const a of await this.#deps.geo.listAssociations({ peerGroupId: groupId, systemPeerId: peerId })) {
      await this.#deps.geo.mutateAssociation(a.id, () => ({ failed_members_json: JSON.stringify(failures) }))
    }
  }
}
