import { sql } from 'kysely'
import type { Kysely, Transaction } from 'kysely'
import type { Decision, InsertResult, MutationResult } from '../../ports/mutation.js'
import type {
  DeployMoveFields,
  SubcloudCensusEntry,
  SubcloudChanges,
  SubcloudStore,
} from '../../ports/subcloud-store.js'
import { INTERRUPTED_DEPLOY_FAILURES, isAllowedMove, sourcesOf } from '../../subclouds/deploy-moves.js'
import type { DeployOperation } from '../../subclouds/deploy-moves.js'
import type { DeployStatus } from '../../subclouds/deploy-status.js'
import type {
  Availability,
  EndpointStatus,
  ManagementState,
  FleetEntry,
  Subcloud,
  SubcloudChange,
  SubcloudFields,
  SubcloudFilter,
  SyncStatus,
} from '../../subclouds/subcloud.js'
import { BatchedSubcloudWrites } from './batched-subcloud-writes.js'
import { deleteSubcloudAlarms } from './kysely-alarm-store.js'
import { decimalId, noCounts, runLockedMutation } from './locked-mutation.js'
import type { Database, SubcloudRow } from './schema.js'
import { guarded } from './store-errors.js'
import { deployStatusOf, subcloudOf, subcloudUpdateOf } from './subcloud-rows.js'

type Db = Kysely<Database> | Transaction<Database>

/** Delete subclouds with their endpoint statuses and every alarm about them. */
export async function deleteSubclouds(
  trx: Transaction<Database>,
  doomed: readonly { readonly id: number; readonly name: string; readonly regionName: string }[],
): Promise<void> {
  const ids = doomed.map((d) => d.id)
  await deleteSubcloudAlarms(trx, doomed)
  await trx.deleteFrom('subcloud_status').where('subcloud_id', 'in', ids).execute()
  await trx.deleteFrom('subclouds').where('id', 'in', ids).execute()
}

/**
 * The subcloud `ref` names (by name, region name or decimal id, in that order of preference) with
 * its endpoint statuses and group names, in one statement; locked `FOR UPDATE` with `lock`. Every
 * lookup and locked change (`manage` of each onboarded subcloud among them) saves the round trip
 * of a second read.
 */
async function subcloudByRef(db: Db, ref: string, lock: boolean): Promise<Subcloud | undefined> {
  const id = decimalId(ref)
  let query = db
    .selectFrom('subclouds')
    .leftJoin('subcloud_groups', 'subcloud_groups.id', 'subclouds.group_id')
    .leftJoin('subcloud_peer_groups', 'subcloud_peer_groups.id', 'subclouds.peer_group_id')
    .leftJoin('subcloud_status', 'subcloud_status.subcloud_id', 'subclouds.id')
    .selectAll('subclouds')
    .select([
      'subcloud_groups.name as joined_group_name',
      'subcloud_peer_groups.peer_group_name as joined_peer_group_name',
      'subcloud_status.endpoint_type as joined_endpoint_type',
      'subcloud_status.sync_status as joined_sync_status',
    ])
    .where((eb) => {
      const byText = [eb('subclouds.name', '=', ref), eb('subclouds.region_name', '=', ref)]
      return eb.or(id === undefined ? byText : [...byText, eb('subclouds.id', '=', id)])
    })
    .orderBy(
      sql`case when subclouds.name = ${ref} then 0 when subclouds.region_name = ${ref} then 1 else 2 end`,
    )
    .orderBy('subclouds.id')
    .orderBy('subcloud_status.endpoint_type')
  if (lock) query = query.forUpdate(['subclouds'])
  const rows = await query.execute()
  const first = rows[0]
  if (first === undefined) return undefined
  const mine = rows.filter((r) => r.id === first.id)
  return subcloudOf(first, {
    groupName: first.joined_group_name ?? '',
    peerGroupName: first.joined_peer_group_name ?? '',
    endpoints: mine.flatMap((r) =>
      r.joined_endpoint_type === null || r.joined_sync_status === null
        ? []
        : [{ endpointType: r.joined_endpoint_type, syncStatus: r.joined_sync_status }],
    ),
  })
}

/**
 * Rows with their endpoint statuses, group and peer group names, in one query. With `listing`,
 * the rows are every subcloud matching that filter, so no id list is sent.
 */
export async function withEndpoints(
  db: Db,
  rows: readonly SubcloudRow[],
  listing?: SubcloudFilter,
): Promise<Subcloud[]> {
  if (rows.length === 0) return []
  let query = db
    .selectFrom('subclouds')
    .leftJoin('subcloud_groups', 'subcloud_groups.id', 'subclouds.group_id')
    .leftJoin('subcloud_peer_groups', 'subcloud_peer_groups.id', 'subclouds.peer_group_id')
    .leftJoin('subcloud_status', 'subcloud_status.subcloud_id', 'subclouds.id')
    .select([
      'subclouds.id',
      'subcloud_groups.name as group_name',
      'subcloud_peer_groups.peer_group_name',
      'subcloud_status.endpoint_type',
      'subcloud_status.sync_status',
    ])
    .orderBy('subcloud_status.endpoint_type')
  if (listing === undefined) {
    query = query.where(
      'subclouds.id',
      'in',
      rows.map((r) => r.id),
    )
  } else {
    if (listing.groupId !== undefined) query = query.where('subclouds.group_id', '=', listing.groupId)
    if (listing.peerGroupId !== undefined)
      query = query.where('subclouds.peer_group_id', '=', listing.peerGroupId)
  }
  const byId = new Map<number, { groupName: string; peerGroupName: string; endpoints: EndpointStatus[] }>()
  for (const r of await query.execute()) {
    let entry = byId.get(r.id)
    if (entry === undefined) {
      entry = { groupName: r.group_name ?? '', peerGroupName: r.peer_group_name ?? '', endpoints: [] }
      byId.set(r.id, entry)
    }
    if (r.endpoint_type !== null && r.sync_status !== null) {
      entry.endpoints.push({ endpointType: r.endpoint_type, syncStatus: r.sync_status })
    }
  }
  return rows.map((r) => subcloudOf(r, byId.get(r.id) ?? { groupName: '', peerGroupName: '', endpoints: [] }))
}

/** {@link SubcloudStore} over kysely (PostgreSQL or PGlite). */
export class KyselySubcloudStore implements SubcloudStore {
  readonly #db: Kysely<Database>
  readonly #batched: BatchedSubcloudWrites

  constructor(db: Kysely<Database>) {
    this.#db = db
    this.#batched = new BatchedSubcloudWrites(db)
  }

  list(filter: SubcloudFilter = {}): Promise<Subcloud[]> {
    return guarded('subclouds', async () => {
      let query = this.#db.selectFrom('subclouds').selectAll().orderBy('id')
      if (filter.groupId !== undefined) query = query.where('group_id', '=', filter.groupId)
      if (filter.peerGroupId !== undefined) query = query.where('peer_group_id', '=', filter.peerGroupId)
      return withEndpoints(this.#db, await query.execute(), filter)
    })
  }

  find(ref: string): Promise<Subcloud | undefined> {
    return guarded('subclouds', () => subcloudByRef(this.#db, ref, false))
  }

  findByNames(names: readonly string[]): Promise<Subcloud[]> {
    return guarded('subclouds', async () => {
      if (names.length === 0) return []
      const rows = await this.#db.selectFrom('subclouds').selectAll().where('name', 'in', names).execute()
      return withEndpoints(this.#db, rows)
    })
  }

  nameTaken(name: string): Promise<boolean> {
    return guarded('subclouds', async () => {
      const row = await this.#db
        .selectFrom('subclouds')
        .select('id')
        .where('name', '=', name)
        .executeTakeFirst()
      return row !== undefined
    })
  }

  /** Group-committed with concurrent adds (see {@link BatchedSubcloudWrites}). */
  insert(fields: SubcloudFields, endpoints: readonly string[]): Promise<InsertResult<Subcloud>> {
    return this.#batched.insert({ fields, endpoints })
  }

  mutate(
    ref: string,
    decide: (current: Subcloud) => Decision<SubcloudChange>,
  ): Promise<MutationResult<Subcloud>> {
    return runLockedMutation(this.#db, {
      what: `subcloud ${ref}`,
      lock: (trx) => subcloudByRef(trx, ref, true),
      count: noCounts,
      decide: (current) => decide(current),
      delete: (trx, current) => deleteSubclouds(trx, [current]),
      update: (trx, current, change) => this.#update(trx, current, change),
    })
  }

  async #update(trx: Transaction<Database>, before: Subcloud, change: SubcloudChange): Promise<Subcloud> {
    const now = new Date()
    const updated = await trx
      .updateTable('subclouds')
      .set({ ...subcloudUpdateOf(change.set), updated_at: now })
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    if (change.resetEndpoints === true) {
      await trx
        .updateTable('subcloud_status')
        .set({ sync_status: 'unknown', updated_at: now })
        .where('subcloud_id', '=', before.id)
        .execute()
    }
    if (change.clearAlarms !== undefined && change.clearAlarms.length > 0) {
      await deleteSubcloudAlarms(trx, [before], change.clearAlarms)
    }
    // Statuses and names are known unless the change moved the subcloud to another group.
    if (updated.group_id !== before.groupId || updated.peer_group_id !== before.peerGroupId) {
      return (await withEndpoints(trx, [updated]))[0] as Subcloud
    }
    return subcloudOf(updated, {
      groupName: before.groupName,
      peerGroupName: before.peerGroupName,
      endpoints:
        change.resetEndpoints === true
          ? before.endpoints.map((e) => ({ ...e, syncStatus: 'unknown' as const }))
          : before.endpoints,
    })
  }

  moveDeploy(
    id: number,
    to: DeployStatus,
    by: DeployOperation,
    fields: DeployMoveFields = {},
  ): Promise<boolean> {
    const from = sourcesOf(to, by)
    if (from.length === 0) throw new Error(`${by} never moves a subcloud to ${to}`)
    // Group-committed: a thousand deploys in flight share their moves' statements.
    return this.#batched.move({ id, to, from, fields })
  }

  async setExpectedConfigHash(id: number, hash: string): Promise<void> {
    await guarded(`subcloud ${id}`, () =>
      this.#db
        .updateTable('subclouds')
        .set({ expected_config_hash: hash, updated_at: new Date() })
        .where('id', '=', id)
        .execute(),
    )
  }

  async setOperationalAddress(
    id: number,
    from: string | undefined,
    to: string | undefined,
  ): Promise<boolean> {
    const result = await guarded(`subcloud ${id}`, () =>
      this.#db
        .updateTable('subclouds')
        .set({ operational_address: to ?? null, updated_at: new Date() })
        .where('id', '=', id)
        .where((eb) =>
          from === undefined ? eb('operational_address', 'is', null) : eb('operational_address', '=', from),
        )
        .executeTakeFirst(),
    )
    return result.numUpdatedRows > 0n
  }

  failInterrupted(reason: string): Promise<string[]> {
    return guarded('subclouds', () =>
      this.#db.transaction().execute(async (trx) => {
        const stuck = await trx
          .selectFrom('subclouds')
          .select(['id', 'name', 'deploy_status'])
          .where('deploy_status', 'in', [...INTERRUPTED_DEPLOY_FAILURES.keys()])
          .orderBy('id')
          .forUpdate()
          .execute()
        for (const row of stuck) {
          const to = INTERRUPTED_DEPLOY_FAILURES.get(row.deploy_status as DeployStatus)
          if (to === undefined || !isAllowedMove(row.deploy_status as DeployStatus, to, 'restart')) continue
          await trx
            .updateTable('subclouds')
            .set({
              deploy_status: to,
              error_description: `${row.deploy_status}: ${reason}`,
              updated_at: new Date(),
            })
            .where('id', '=', row.id)
            .execute()
        }
        return stuck.map((r) => r.name)
      }),
    )
  }

  census(): Promise<SubcloudCensusEntry[]> {
    return guarded('subclouds', async () => {
      // Per subcloud first (its endpoints' shared status, as `subcloud list` shows it), then counted.
      const rows = await sql<{
        availability_status: Availability
        management_state: ManagementState
        deploy_status: string
        sync: SyncStatus
        count: number | string
      }>`select availability_status, management_state, deploy_status, sync, count(*) as count
        from (
          select s.availability_status, s.management_state, s.deploy_status,
            case when count(st.sync_status) = 0 then 'unknown'
                 when count(distinct st.sync_status) = 1 then min(st.sync_status)
                 else 'out-of-sync' end as sync
          from subclouds s left join subcloud_status st on st.subcloud_id = s.id
          group by s.id
        ) as per_subcloud
        group by availability_status, management_state, deploy_status, sync`.execute(this.#db)
      return rows.rows.map((r) => ({
        availability: r.availability_status,
        managementState: r.management_state,
        deployStatus: deployStatusOf(r.deploy_status, 'in the census'),
        sync: r.sync,
        count: Number(r.count),
      }))
    })
  }

  fleetEntries(afterId?: number): Promise<FleetEntry[]> {
    return guarded('subclouds', async () => {
      let query = this.#db
        .selectFrom('subclouds')
        .select(['id', 'name', 'management_subnet', 'management_start_ip', 'management_end_ip'])
        .orderBy('id')
      if (afterId !== undefined) query = query.where('id', '>', afterId)
      return (await query.execute()).map((r) => ({
        id: r.id,
        name: r.name,
        managementSubnet: r.management_subnet,
        managementStart: r.management_start_ip,
        managementEnd: r.management_end_ip,
      }))
    })
  }

  changes(mark?: string): Promise<SubcloudChanges> {
    return guarded('subclouds', async () => {
      // Taken before the rows are read: a transaction this read cannot see commits with an id at
      // or above it (see migration 0010), so the next look starts there.
      const snapshot = await sql<{ xmin: string }>`
        select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`.execute(this.#db)
      const next = snapshot.rows[0]?.xmin ?? '0'
      let query = this.#db.selectFrom('subclouds').selectAll().orderBy('id')
      if (mark !== undefined) {
        const since = sql<string>`${mark}::xid8`
        query = query.where((eb) =>
          eb.or([
            eb('change_xid', '>=', since),
            eb(
              'id',
              'in',
              eb.selectFrom('subcloud_status').select('subcloud_id').where('change_xid', '>=', since),
            ),
          ]),
        )
      }
      const rows = await query.execute()
      const counted = await this.#db
        .selectFrom('subclouds')
        .select((eb) => eb.fn.countAll<number | string>().as('count'))
        .executeTakeFirstOrThrow()
      return {
        subclouds: await withEndpoints(this.#db, rows, mark === undefined ? {} : undefined),
        mark: next,
        count: Number(counted.count),
      }
    })
  }

  ids(): Promise<number[]> {
    return guarded('subclouds', async () => {
      const rows = await this.#db.selectFrom('subclouds').select('id').execute()
      return rows.map((r) => r.id)
    })
  }
}
