import { sql } from 'kysely'
import type { Insertable, Kysely, Updateable } from 'kysely'
import type { AlarmRaise } from '../../alarms/alarm.js'
import { COPY_STATES } from '../../subclouds/deploy-status.js'
import type { SubcloudFields } from '../../subclouds/subcloud.js'
import { KyselyAlarmStore, deleteSubcloudAlarms } from './kysely-alarm-store.js'
import type {
  Database,
  PeerGroupAssociationRow,
  PeerGroupAssociationTable,
  SubcloudPeerGroupRow,
  SubcloudPeerGroupTable,
  SubcloudTable,
  SystemPeerRow,
  SystemPeerTable,
} from './schema.js'
import { isUniqueViolation, translateStoreError } from './store-errors.js'
import { newSubcloudRow } from './subcloud-rows.js'

/** Fleet alarms about one subcloud that lose their meaning once another site owns it. */
const OWNER_ALARMS: readonly string[] = ['280.001', '280.002']

type PeerChanges = Updateable<SystemPeerTable>
type GroupChanges = Updateable<SubcloudPeerGroupTable>
type AssociationChanges = Updateable<PeerGroupAssociationTable>

/** The fleet alarms geo-redundancy owns: peer heartbeat failed, peer group not led by its preferred site. */
export type GeoAlarmId = '280.004' | '280.005'

/** A geo alarm to raise, in the shape the audit raises its own. */
export type GeoAlarm = Omit<AlarmRaise, 'alarmId'> & { readonly alarmId: GeoAlarmId }

/** A row read under a lock and what the caller decided about it. */
export type Decision<T> = T | 'delete'

/** The outcome of a locked change: before/after, or why nothing happened. */
export type Mutation<Row> = { before: Row; after: Row | undefined } | 'not-found' | 'taken'

/** A secondary copy to create or refresh, as the applier validated it. */
export interface CopyRow {
  readonly fields: Omit<SubcloudFields, 'peerGroupId' | 'epoch' | 'groupId' | 'rehomeData'>
  readonly rehomeData: string
}

/** What the applier compares a member with to skip one held exactly as sent. */
export interface HeldCopy {
  readonly name: string
  readonly description: string
  readonly location: string
  readonly softwareVersion: string
  readonly epoch: number
  readonly rehomeData: string | null
}

/** What applying a batch of copies did. */
export interface CopyOutcome {
  readonly applied: string[]
  readonly failures: { subcloud: string; regionName: string; error: string }[]
}

/** A reference that is all digits (at most 9) may be an id. */
function decimalId(ref: string): number | undefined {
  return /^\d{1,9}$/.test(ref) ? Number(ref) : undefined
}

/** A stored sequence number (int8: text from pg, number or bigint from PGlite) as a number. */
export function seq(value: number | string | bigint): number {
  return Number(value)
}

/**
 * The geo-redundancy part of the controller's store: system peers, subcloud peer groups, peer
 * group associations, the secondary copies of a peer's members, and the 280.004/280.005 alarms.
 * Every change that reads before it writes runs in one transaction over locked rows.
 */
export class GeoStore {
  readonly #db: Kysely<Database>
  readonly #alarms: KyselyAlarmStore

  constructor(db: Kysely<Database>) {
    this.#db = db
    this.#alarms = new KyselyAlarmStore(db)
  }

  async #run<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn()
    } catch (err) {
      throw translateStoreError(err, what)
    }
  }

  // ---- system peers ----

  listPeers(): Promise<SystemPeerRow[]> {
    return this.#run('system peers', () =>
      this.#db.selectFrom('system_peers').selectAll().orderBy('id').execute(),
    )
  }

  /** A peer by name, uuid or decimal id. */
  findPeer(ref: string): Promise<SystemPeerRow | undefined> {
    return this.#run('system peers', () => this.#peerRow(this.#db, ref, false))
  }

  #peerRow(db: Kysely<Database>, ref: string, lock: boolean): Promise<SystemPeerRow | undefined> {
    const id = decimalId(ref)
    let query = db
      .selectFrom('system_peers')
      .selectAll()
      .where((eb) => {
        const byText = [eb('peer_name', '=', ref), eb('peer_uuid', '=', ref)]
        return eb.or(id === undefined ? byText : [...byText, eb('id', '=', id)])
      })
      .orderBy(sql`case when peer_name = ${ref} then 0 when peer_uuid = ${ref} then 1 else 2 end`)
    if (lock) query = query.forUpdate()
    return query.executeTakeFirst()
  }

  async insertPeer(values: Insertable<SystemPeerTable>): Promise<SystemPeerRow | 'taken'> {
    try {
      return await this.#db.insertInto('system_peers').values(values).returningAll().executeTakeFirstOrThrow()
    } catch (err) {
      if (isUniqueViolation(err)) return 'taken'
      throw translateStoreError(err, `system peer ${values.peer_name}`)
    }
  }

  /** Lock a peer with the number of associations naming it; apply what `decide` returns. */
  async mutatePeer(
    ref: string,
    decide: (current: SystemPeerRow, associations: number) => Decision<PeerChanges>,
  ): Promise<Mutation<SystemPeerRow>> {
    try {
      return await this.#db.transaction().execute(async (trx) => {
        const peer = await this.#peerRow(trx, ref, true)
        if (peer === undefined) return 'not-found'
        const associations = (
          await trx
            .selectFrom('peer_group_associations')
            .select('id')
            .where('system_peer_id', '=', peer.id)
            .forUpdate()
            .execute()
        ).length
        const decision = decide(peer, associations)
        if (decision === 'delete') {
          await trx.deleteFrom('system_peers').where('id', '=', peer.id).execute()
          return { before: peer, after: undefined }
        }
        const after = await trx
          .updateTable('system_peers')
          .set({ ...decision, updated_at: new Date() })
          .where('id', '=', peer.id)
          .returningAll()
          .executeTakeFirstOrThrow()
        return { before: peer, after }
      })
    } catch (err) {
      if (isUniqueViolation(err)) return 'taken'
      throw translateStoreError(err, `system peer ${ref}`)
    }
  }

  async setPeerAvailability(id: number, state: SystemPeerRow['availability_state']): Promise<void> {
    await this.#run(`system peer ${id}`, () =>
      this.#db
        .updateTable('system_peers')
        .set({ availability_state: state, updated_at: new Date() })
        .where('id', '=', id)
        .execute(),
    )
  }

  // ---- subcloud peer groups ----

  listPeerGroups(): Promise<SubcloudPeerGroupRow[]> {
    return this.#run('subcloud peer groups', () =>
      this.#db.selectFrom('subcloud_peer_groups').selectAll().orderBy('id').execute(),
    )
  }

  /** A peer group by name, decimal id or uuid. */
  findPeerGroup(ref: string): Promise<SubcloudPeerGroupRow | undefined> {
    return this.#run('subcloud peer groups', () => this.#groupRow(this.#db, ref, false))
  }

  #groupRow(db: Kysely<Database>, ref: string, lock: boolean): Promise<SubcloudPeerGroupRow | undefined> {
    const id = decimalId(ref)
    let query = db
      .selectFrom('subcloud_peer_groups')
      .selectAll()
      .where((eb) => {
        const byText = [eb('peer_group_name', '=', ref), eb('uuid', '=', ref)]
        return eb.or(id === undefined ? byText : [...byText, eb('id', '=', id)])
      })
      .orderBy(sql`case when peer_group_name = ${ref} then 0 when uuid = ${ref} then 1 else 2 end`)
    if (lock) query = query.forUpdate()
    return query.executeTakeFirst()
  }

  async insertPeerGroup(values: Insertable<SubcloudPeerGroupTable>): Promise<SubcloudPeerGroupRow | 'taken'> {
    try {
      return await this.#db
        .insertInto('subcloud_peer_groups')
        .values(values)
        .returningAll()
        .executeTakeFirstOrThrow()
    } catch (err) {
      if (isUniqueViolation(err)) return 'taken'
      throw translateStoreError(err, `subcloud peer group ${values.peer_group_name}`)
    }
  }

  /** Lock a peer group with its member and association counts; apply what `decide` returns. */
  async mutatePeerGroup(
    ref: string,
    decide: (
      current: SubcloudPeerGroupRow,
      counts: { readonly members: number; readonly associations: number },
    ) => Decision<GroupChanges>,
  ): Promise<Mutation<SubcloudPeerGroupRow>> {
    try {
      return await this.#db.transaction().execute(async (trx) => {
        const group = await this.#groupRow(trx, ref, true)
        if (group === undefined) return 'not-found'
        const [members, associations] = await Promise.all([
          trx
            .selectFrom('subclouds')
            .select('id')
            .where('peer_group_id', '=', group.id)
            .forUpdate()
            .execute(),
          trx
            .selectFrom('peer_group_associations')
            .select('id')
            .where('peer_group_id', '=', group.id)
            .forUpdate()
            .execute(),
        ])
        const decision = decide(group, { members: members.length, associations: associations.length })
        if (decision === 'delete') {
          await trx.deleteFrom('subcloud_peer_groups').where('id', '=', group.id).execute()
          return { before: group, after: undefined }
        }
        const after = await trx
          .updateTable('subcloud_peer_groups')
          .set({ ...decision, updated_at: new Date() })
          .where('id', '=', group.id)
          .returningAll()
          .executeTakeFirstOrThrow()
        return { before: group, after }
      })
    } catch (err) {
      if (isUniqueViolation(err)) return 'taken'
      throw translateStoreError(err, `subcloud peer group ${ref}`)
    }
  }

  /** Unconditional change of a group (ownership seen in the bucket, migration progress). */
  async setPeerGroup(id: number, changes: GroupChanges): Promise<SubcloudPeerGroupRow | undefined> {
    return this.#run(`subcloud peer group ${id}`, () =>
      this.#db
        .updateTable('subcloud_peer_groups')
        .set({ ...changes, updated_at: new Date() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst(),
    )
  }

  // ---- peer group associations ----

  listAssociations(
    filter: { peerGroupId?: number; systemPeerId?: number } = {},
  ): Promise<PeerGroupAssociationRow[]> {
    return this.#run('peer group associations', () => {
      let query = this.#db.selectFrom('peer_group_associations').selectAll().orderBy('id')
      if (filter.peerGroupId !== undefined) query = query.where('peer_group_id', '=', filter.peerGroupId)
      if (filter.systemPeerId !== undefined) query = query.where('system_peer_id', '=', filter.systemPeerId)
      return query.execute()
    })
  }

  findAssociation(id: number): Promise<PeerGroupAssociationRow | undefined> {
    return this.#run('peer group associations', () =>
      this.#db.selectFrom('peer_group_associations').selectAll().where('id', '=', id).executeTakeFirst(),
    )
  }

  async insertAssociation(
    values: Insertable<PeerGroupAssociationTable>,
  ): Promise<PeerGroupAssociationRow | 'taken'> {
    try {
      return await this.#db
        .insertInto('peer_group_associations')
        .values(values)
        .returningAll()
        .executeTakeFirstOrThrow()
    } catch (err) {
      if (isUniqueViolation(err)) return 'taken'
      throw translateStoreError(err, 'peer group association')
    }
  }

  async mutateAssociation(
    id: number,
    decide: (current: PeerGroupAssociationRow) => Decision<AssociationChanges>,
  ): Promise<Mutation<PeerGroupAssociationRow>> {
    return this.#run(`peer group association ${id}`, () =>
      this.#db.transaction().execute(async (trx) => {
        const current = await trx
          .selectFrom('peer_group_associations')
          .selectAll()
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst()
        if (current === undefined) return 'not-found' as const
        const decision = decide(current)
        if (decision === 'delete') {
          await trx.deleteFrom('peer_group_associations').where('id', '=', id).execute()
          return { before: current, after: undefined }
        }
        const after = await trx
          .updateTable('peer_group_associations')
          .set({ ...decision, updated_at: new Date() })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow()
        return { before: current, after }
      }),
    )
  }

  // ---- secondary copies ----

  /**
   * Create or refresh the copies of a peer's members in group `groupId`, in one transaction. A
   * region held here by a subcloud that is not a copy of this group, or a name or management range
   * taken by another subcloud, is a failure of that member; the others still apply.
   */
  applyCopies(
    groupId: number,
    epoch: number,
    copies: readonly CopyRow[],
    endpoints: readonly string[],
  ): Promise<CopyOutcome> {
    return this.#run('subcloud copies', () =>
      this.#db.transaction().execute(async (trx) => {
        const outcome: CopyOutcome = { applied: [], failures: [] }
        if (copies.length === 0) return outcome
        const rows = copies.map((c) => ({
          ...newSubcloudRow({
            ...c.fields,
            groupId: 1,
            peerGroupId: groupId,
            epoch,
            rehomeData: c.rehomeData,
          }),
        }))
        const regions = rows.map((r) => r.region_name)
        const names = rows.map((r) => r.name)
        const starts = rows.map((r) => r.management_start_ip)
        const existing = await trx
          .selectFrom('subclouds')
          .selectAll()
          .where((eb) =>
            eb.or([
              eb('region_name', 'in', regions),
              eb('name', 'in', names),
              eb('management_start_ip', 'in', starts),
            ]),
          )
          .orderBy('id')
          .forUpdate()
          .execute()
        const fresh: Insertable<SubcloudTable>[] = []
        for (const row of rows) {
          const mine = existing.find((e) => e.region_name === row.region_name)
          const clash = existing.find(
            (e) =>
              e.region_name !== row.region_name &&
              (e.name === row.name || e.management_start_ip === row.management_start_ip),
          )
          if (clash !== undefined) {
            outcome.failures.push({
              subcloud: row.name,
              regionName: row.region_name,
              error:
                clash.name === row.name
                  ? `subcloud name ${row.name} is taken by another subcloud here`
                  : `management range start ${row.management_start_ip} is used by subcloud ${clash.name} here`,
            })
            continue
          }
          if (
            mine !== undefined &&
            (mine.peer_group_id !== groupId ||
              !(COPY_STATES as readonly string[]).includes(mine.deploy_status))
          ) {
            outcome.failures.push({
              subcloud: row.name,
              regionName: row.region_name,
              error: `region ${row.region_name} is held here by subcloud ${mine.name} (${mine.deploy_status}), not by a secondary copy of this group`,
            })
            continue
          }
          outcome.applied.push(row.name)
          if (mine === undefined) {
            fresh.push(row)
            continue
          }
          // A resync resends every member: only what differs is written (not the copy's deploy
          // state, nor the group it sits in here).
          const {
            region_name: _region,
            deploy_status: _status,
            group_id: _group,
            peer_group_id: _peer,
            ...wanted
          } = row
          const current = mine as unknown as Record<string, unknown>
          const changes = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => current[k] !== v))
          if (Object.keys(changes).length > 0) {
            await trx
              .updateTable('subclouds')
              .set({ ...changes, updated_at: new Date() })
              .where('id', '=', mine.id)
              .execute()
          }
        }
        if (fresh.length > 0) {
          // One statement for the new copies and one for their endpoint rows: a snapshot chunk of
          // hundreds of members costs two round trips, not hundreds.
          const ids = await trx.insertInto('subclouds').values(fresh).returning('id').execute()
          if (endpoints.length > 0) {
            await trx
              .insertInto('subcloud_status')
              .values(
                ids.flatMap(({ id }) =>
                  endpoints.map((e) => ({
                    subcloud_id: id,
                    endpoint_type: e,
                    sync_status: 'unknown' as const,
                  })),
                ),
              )
              .execute()
          }
        }
        return outcome
      }),
    )
  }

  /** The copies of group `groupId` held for `regions`, by region name. */
  async copiesOf(groupId: number, regions: readonly string[]): Promise<Map<string, HeldCopy>> {
    if (regions.length === 0) return new Map()
    const rows = await this.#run('subcloud copies', () =>
      this.#db
        .selectFrom('subclouds')
        .select([
          'name',
          'region_name',
          'description',
          'location',
          'software_version',
          'epoch',
          'rehome_data',
        ])
        .where('peer_group_id', '=', groupId)
        .where('region_name', 'in', [...regions])
        .where('deploy_status', 'in', [...COPY_STATES])
        .execute(),
    )
    return new Map(
      rows.map((r) => [
        r.region_name,
        {
          name: r.name,
          description: r.description,
          location: r.location,
          softwareVersion: r.software_version,
          epoch: r.epoch,
          rehomeData: r.rehome_data,
        },
      ]),
    )
  }

  /**
   * Delete the copies in group `groupId`: those of `regions`, or with `except`, every copy whose
   * region is not listed. Returns the names deleted. Subclouds this site owns are never touched.
   */
  removeCopies(
    groupId: number,
    select: { regions: readonly string[] } | { except: readonly string[] },
  ): Promise<string[]> {
    return this.#run('subcloud copies', () =>
      this.#db.transaction().execute(async (trx) => {
        let query = trx
          .selectFrom('subclouds')
          .select(['id', 'name', 'region_name'])
          .where('peer_group_id', '=', groupId)
          .where('deploy_status', 'in', [...COPY_STATES])
        if ('regions' in select) {
          if (select.regions.length === 0) return []
          query = query.where('region_name', 'in', [...select.regions])
        } else if (select.except.length > 0) {
          query = query.where('region_name', 'not in', [...select.except])
        }
        const doomed = await query.orderBy('id').forUpdate().execute()
        if (doomed.length === 0) return []
        const ids = doomed.map((d) => d.id)
        await deleteSubcloudAlarms(
          trx,
          doomed.map((d) => ({ name: d.name, regionName: d.region_name })),
        )
        await trx.deleteFrom('subcloud_status').where('subcloud_id', 'in', ids).execute()
        await trx.deleteFrom('subclouds').where('id', 'in', ids).execute()
        return doomed.map((d) => d.name)
      }),
    )
  }

  /**
   * Another site owns group `groupId` now: every member this site still held as its own becomes an
   * unmanaged `secondary` copy, its endpoints unknown and its offline/out-of-sync alarms cleared.
   * Returns the names demoted.
   */
  demoteMembers(groupId: number): Promise<string[]> {
    return this.#run('subcloud peer group members', () =>
      this.#db.transaction().execute(async (trx) => {
        const owned = await trx
          .selectFrom('subclouds')
          .select(['id', 'name', 'region_name'])
          .where('peer_group_id', '=', groupId)
          .where('deploy_status', 'not in', [...COPY_STATES])
          .orderBy('id')
          .forUpdate()
          .execute()
        if (owned.length === 0) return []
        const ids = owned.map((o) => o.id)
        const now = new Date()
        await trx
          .updateTable('subclouds')
          .set({
            management_state: 'unmanaged',
            deploy_status: 'secondary',
            availability_status: 'offline',
            audit_fail_count: 0,
            updated_at: now,
          })
          .where('id', 'in', ids)
          .execute()
        await trx
          .updateTable('subcloud_status')
          .set({ sync_status: 'unknown', updated_at: now })
          .where('subcloud_id', 'in', ids)
          .execute()
        await deleteSubcloudAlarms(
          trx,
          owned.map((o) => ({ name: o.name, regionName: o.region_name })),
          OWNER_ALARMS,
        )
        return owned.map((o) => o.name)
      }),
    )
  }

  // ---- geo alarms ----

  /** Raise (or refresh) one alarm. */
  raiseAlarm(alarm: GeoAlarm): Promise<void> {
    return this.#alarms.raise(alarm)
  }

  clearAlarm(region: string, alarmId: GeoAlarmId, entityInstanceId: string): Promise<void> {
    return this.#alarms.clear({ region, alarmId, entityInstanceId })
  }
}
