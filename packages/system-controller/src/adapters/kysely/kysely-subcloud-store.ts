import { sql } from 'kysely'
import type { Kysely } from 'kysely'
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
  ManagementState,
  FleetEntry,
  Subcloud,
  SubcloudChange,
  SubcloudFields,
  SubcloudFilter,
  SyncStatus,
} from '../../subclouds/subcloud.js'
import { BatchedSubcloudMutations } from './batched-subcloud-mutations.js'
import { BatchedSubcloudReads } from './batched-subcloud-reads.js'
import { BatchedSubcloudWrites } from './batched-subcloud-writes.js'
import type { Database } from './schema.js'
import { guarded } from './store-errors.js'
import { withEndpoints } from './subcloud-queries.js'
import { deployStatusOf } from './subcloud-rows.js'

/** {@link SubcloudStore} over kysely (PostgreSQL or PGlite). */
export class KyselySubcloudStore implements SubcloudStore {
  readonly #db: Kysely<Database>
  readonly #batched: BatchedSubcloudWrites
  readonly #mutations: BatchedSubcloudMutations
  readonly #reads: BatchedSubcloudReads

  constructor(db: Kysely<Database>) {
    this.#db = db
    this.#reads = new BatchedSubcloudReads(db)
    this.#batched = new BatchedSubcloudWrites(db)
    this.#mutations = new BatchedSubcloudMutations(db)
  }

  list(filter: SubcloudFilter = {}): Promise<Subcloud[]> {
    return guarded('subclouds', async () => {
      let query = this.#db.selectFrom('subclouds').selectAll().orderBy('id')
      if (filter.groupId !== undefined) query = query.where('group_id', '=', filter.groupId)
      if (filter.peerGroupId !== undefined) query = query.where('peer_group_id', '=', filter.peerGroupId)
      return withEndpoints(this.#db, await query.execute(), filter)
    })
  }

  /** Batched with concurrent lookups (see {@link BatchedSubcloudReads}). */
  find(ref: string): Promise<Subcloud | undefined> {
    return guarded('subclouds', () => this.#reads.find(ref))
  }

  findByNames(names: readonly string[]): Promise<Subcloud[]> {
    return guarded('subclouds', async () => {
      if (names.length === 0) return []
      const rows = await this.#db.selectFrom('subclouds').selectAll().where('name', 'in', names).execute()
      return withEndpoints(this.#db, rows)
    })
  }

  /** Batched with concurrent name checks (see {@link BatchedSubcloudReads}). */
  nameTaken(name: string): Promise<boolean> {
    return guarded('subclouds', () => this.#reads.nameTaken(name))
  }

  /** Group-committed with concurrent adds (see {@link BatchedSubcloudWrites}). */
  insert(fields: SubcloudFields, endpoints: readonly string[]): Promise<InsertResult<Subcloud>> {
    return this.#batched.insert({ fields, endpoints })
  }

  /** Group-committed with concurrent changes (see {@link BatchedSubcloudMutations}). */
  mutate(
    ref: string,
    decide: (current: Subcloud) => Decision<SubcloudChange>,
  ): Promise<MutationResult<Subcloud>> {
    return this.#mutations.mutate({ ref, decide })
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

  /** Group-committed with concurrent ones (a fan-out of forwarded changes; see {@link BatchedSubcloudWrites}). */
  setExpectedConfigHash(id: number, hash: string): Promise<void> {
    return this.#batched.setExpectedHash({ id, hash })
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
