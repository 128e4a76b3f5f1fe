import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { Insertable, Kysely, Transaction } from 'kysely'
import type { AlarmKey, AuditStore, AuditTarget, EndpointType, SubcloudStatusUpdate } from '../audit/index.js'
import { AUDIT_ALARM_IDS, AUDITED_ENDPOINTS, alarmKeyOf } from '../audit/index.js'
import { ConcurrentUpdateError, StoreUnavailableError, SubcloudNameTakenError } from '../errors.js'
import type {
  AlarmRow,
  Database,
  NewSubcloud,
  SubcloudGroupRow,
  SubcloudGroupTable,
  SubcloudRow,
  SubcloudUpdate,
  SyncStatus,
  SystemRow,
  SystemTable,
} from './schema.js'

/** One endpoint's sync status as stored. */
export interface EndpointStatus {
  readonly endpointType: string
  readonly syncStatus: SyncStatus
}

/** A subcloud row with its endpoint statuses (ordered by endpoint type), group and peer group names. */
export interface SubcloudRecord extends SubcloudRow {
  readonly endpoints: readonly EndpointStatus[]
  readonly group_name: string
  /** Empty when the subcloud is in no peer group. */
  readonly peer_group_name: string
}

/**
 * What a locked read of a subcloud decides: change it (optionally resetting every endpoint to
 * `unknown` and clearing some of its alarms in the same transaction), delete it, or nothing.
 */
export type SubcloudMutation =
  | {
      readonly kind: 'update'
      readonly set: SubcloudUpdate
      readonly resetEndpoints?: boolean
      /** Alarm ids whose `subcloud=<name>...` instances are cleared. */
      readonly clearAlarmIds?: readonly string[]
    }
  | { readonly kind: 'delete' }
  | { readonly kind: 'none' }

/** One subcloud's management/admin range as the fleet overlap check needs it. */
export interface FleetEntry {
  readonly id: number
  readonly name: string
  readonly managementSubnet: string
  readonly managementStart: string
  readonly managementEnd: string
}

/** The audit's alarm ids, 280.001/280.002 on the controller's region and relayed 250.001. */
const AUDIT_ALARMS: readonly string[] = AUDIT_ALARM_IDS

/** Is `err` PostgreSQL's unique_violation (SQLSTATE 23505), from pg or PGlite alike? */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505'
}

/** Serialization failure or deadlock: a retryable race between transactions. */
function isSerializationFailure(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined
  return code === '40001' || code === '40P01'
}

/** Connection-level failures from pg (Node socket codes, or SQLSTATE class 08 / 57P). */
function isConnectionFailure(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined
  if (typeof code !== 'string') return false
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND'].includes(code) || /^(08|57P)/.test(code)
  )
}

/**
 * Turns driver failures into the controller's errors: races become ABORTED, a lost database
 * UNAVAILABLE. Anything else is rethrown untouched (the boundary maps it to INTERNAL and logs it).
 */
export function translateStoreError(err: unknown, what: string): unknown {
  if (isSerializationFailure(err)) return new ConcurrentUpdateError(what, { cause: err })
  if (isConnectionFailure(err)) return new StoreUnavailableError({ cause: err })
  return err
}

function subcloudAlarmEntity(name: string): string {
  return `subcloud=${name}`
}

/**
 * The controller's store over kysely: its own system, subclouds and their endpoint statuses,
 * subcloud groups and active alarms. Every multi-row change runs in one transaction. It also
 * implements the audit's {@link AuditStore} port.
 */
export class ControllerStore implements AuditStore {
  readonly #db: Kysely<Database>

  constructor(db: Kysely<Database>) {
    this.#db = db
  }

  async #run<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn()
    } catch (err) {
      throw translateStoreError(err, what)
    }
  }

  // ---- own system ----

  getSystem(): Promise<SystemRow | undefined> {
    return this.#run('system', () =>
      this.#db.selectFrom('system').selectAll().where('id', '=', 1).executeTakeFirst(),
    )
  }

  async insertSystem(row: Insertable<SystemTable>): Promise<void> {
    await this.#run('system', () => this.#db.insertInto('system').values(row).execute())
  }

  async updateSystemState(stateJson: string): Promise<void> {
    await this.#run('system', () =>
      this.#db
        .updateTable('system')
        .set({ state_json: stateJson, updated_at: new Date() })
        .where('id', '=', 1)
        .execute(),
    )
  }

  // ---- subclouds ----

  /**
   * Rows with their endpoint statuses, group and peer group names, in one query. `all`: the rows
   * are every subcloud matching `filter` (a listing), so no id list is sent.
   */
  async #withEndpoints(
    db: Kysely<Database>,
    rows: readonly SubcloudRow[],
    listing?: { readonly groupId?: number; readonly peerGroupId?: number },
  ): Promise<SubcloudRecord[]> {
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
      if (listing.peerGroupId !== undefined) {
        query = query.where('subclouds.peer_group_id', '=', listing.peerGroupId)
      }
    }
    const byId = new Map<number, { group: string; peerGroup: string; endpoints: EndpointStatus[] }>()
    for (const r of await query.execute()) {
      let entry = byId.get(r.id)
      if (entry === undefined) {
        entry = { group: r.group_name ?? '', peerGroup: r.peer_group_name ?? '', endpoints: [] }
        byId.set(r.id, entry)
      }
      if (r.endpoint_type !== null && r.sync_status !== null) {
        entry.endpoints.push({ endpointType: r.endpoint_type, syncStatus: r.sync_status })
      }
    }
    return rows.map((r) => {
      const entry = byId.get(r.id)
      return {
        ...r,
        endpoints: entry?.endpoints ?? [],
        group_name: entry?.group ?? '',
        peer_group_name: entry?.peerGroup ?? '',
      }
    })
  }

  listSubclouds(
    filter: { readonly groupId?: number; readonly peerGroupId?: number } = {},
  ): Promise<SubcloudRecord[]> {
    return this.#run('subclouds', async () => {
      let query = this.#db.selectFrom('subclouds').selectAll().orderBy('id')
      if (filter.groupId !== undefined) query = query.where('group_id', '=', filter.groupId)
      if (filter.peerGroupId !== undefined) query = query.where('peer_group_id', '=', filter.peerGroupId)
      return this.#withEndpoints(this.#db, await query.execute(), filter)
    })
  }

  /** A subcloud by name, region name or decimal id. */
  findSubcloud(ref: string): Promise<SubcloudRecord | undefined> {
    return this.#run('subclouds', async () => {
      const row = await this.#findSubcloudRow(this.#db, ref, false)
      return row === undefined ? undefined : (await this.#withEndpoints(this.#db, [row]))[0]
    })
  }

  async #findSubcloudRow(db: Kysely<Database>, ref: string, lock: boolean): Promise<SubcloudRow | undefined> {
    const id = /^\d{1,9}$/.test(ref) ? Number(ref) : undefined
    let query = db
      .selectFrom('subclouds')
      .selectAll()
      .where((eb) => {
        const byText = [eb('name', '=', ref), eb('region_name', '=', ref)]
        return eb.or(id === undefined ? byText : [...byText, eb('id', '=', id)])
      })
      // A name wins over an id that happens to equal it (names are never all digits, but be exact).
      .orderBy(sql`case when name = ${ref} then 0 when region_name = ${ref} then 1 else 2 end`)
    if (lock) query = query.forUpdate()
    return query.executeTakeFirst()
  }

  /**
   * Insert a subcloud with one `unknown` status row per endpoint: one statement (the status rows in
   * a data-modifying CTE), so all or nothing without a transaction's extra round trips.
   */
  async insertSubcloud(values: NewSubcloud, endpoints: readonly string[]): Promise<SubcloudRecord> {
    try {
      const inserted = this.#db.with('inserted', (db) =>
        db.insertInto('subclouds').values(values).returningAll(),
      )
      const withStatuses =
        endpoints.length === 0
          ? inserted
          : inserted.with('statuses', (db) =>
              db
                .insertInto('subcloud_status')
                .columns(['subcloud_id', 'endpoint_type', 'sync_status'])
                .expression((eb) =>
                  eb
                    .selectFrom('inserted')
                    .select([
                      'inserted.id',
                      sql<string>`unnest(array[${sql.join(endpoints)}]::text[])`.as('endpoint_type'),
                      sql<'unknown'>`'unknown'`.as('sync_status'),
                    ]),
                ),
            )
      const row = await withStatuses
        .selectFrom('inserted')
        .leftJoin('subcloud_groups', 'subcloud_groups.id', 'inserted.group_id')
        .leftJoin('subcloud_peer_groups', 'subcloud_peer_groups.id', 'inserted.peer_group_id')
        .selectAll('inserted')
        .select(['subcloud_groups.name as group_name', 'subcloud_peer_groups.peer_group_name'])
        .executeTakeFirstOrThrow()
      const { group_name, peer_group_name, ...subcloud } = row
      return {
        ...subcloud,
        endpoints: [...endpoints]
          .sort()
          .map((endpointType) => ({ endpointType, syncStatus: 'unknown' as const })),
        group_name: group_name ?? '',
        peer_group_name: peer_group_name ?? '',
      }
    } catch (err) {
      if (isUniqueViolation(err)) throw new SubcloudNameTakenError(values.name)
      throw translateStoreError(err, `subcloud ${values.name}`)
    }
  }

  /**
   * Read a subcloud under a row lock, let `decide` choose a {@link SubcloudMutation} (or throw to
   * refuse), and apply it in the same transaction. Returns the record before and after (after is
   * undefined for a delete), or undefined when no subcloud matches `ref`.
   */
  async mutateSubcloud(
    ref: string,
    decide: (current: SubcloudRecord) => SubcloudMutation,
  ): Promise<{ before: SubcloudRecord; after: SubcloudRecord | undefined } | undefined> {
    let newName: string | undefined
    try {
      return await this.#db.transaction().execute(async (trx) => {
        const row = await this.#findSubcloudRow(trx, ref, true)
        if (row === undefined) return undefined
        const [before] = (await this.#withEndpoints(trx, [row])) as [SubcloudRecord]
        const mutation = decide(before)
        switch (mutation.kind) {
          case 'none':
            return { before, after: before }
          case 'delete':
            await this.#deleteAlarmsOf(trx, before)
            await trx.deleteFrom('subcloud_status').where('subcloud_id', '=', row.id).execute()
            await trx.deleteFrom('subclouds').where('id', '=', row.id).execute()
            return { before, after: undefined }
          case 'update': {
            newName = mutation.set.name
            const updated = await trx
              .updateTable('subclouds')
              .set({ ...mutation.set, updated_at: new Date() })
              .where('id', '=', row.id)
              .returningAll()
              .executeTakeFirstOrThrow()
            if (mutation.resetEndpoints === true) {
              await trx
                .updateTable('subcloud_status')
                .set({ sync_status: 'unknown', updated_at: new Date() })
                .where('subcloud_id', '=', row.id)
                .execute()
            }
            if (mutation.clearAlarmIds !== undefined && mutation.clearAlarmIds.length > 0) {
              await this.#deleteAlarmsOf(trx, before, mutation.clearAlarmIds)
            }
            // Statuses and names are known unless the update moved the subcloud to another group.
            const regrouped = updated.group_id !== row.group_id || updated.peer_group_id !== row.peer_group_id
            const after: SubcloudRecord = regrouped
              ? ((await this.#withEndpoints(trx, [updated])) as [SubcloudRecord])[0]
              : {
                  ...updated,
                  endpoints:
                    mutation.resetEndpoints === true
                      ? before.endpoints.map((e) => ({ ...e, syncStatus: 'unknown' as const }))
                      : before.endpoints,
                  group_name: before.group_name,
                  peer_group_name: before.peer_group_name,
                }
            return { before, after }
          }
          default:
            return mutation satisfies never
        }
      })
    } catch (err) {
      if (isUniqueViolation(err) && newName !== undefined) throw new SubcloudNameTakenError(newName)
      throw translateStoreError(err, `subcloud ${ref}`)
    }
  }

  /** Alarms about a subcloud: `subcloud=<name>` and `subcloud=<name>.resource=...`, plus those in its region. */
  async #deleteAlarmsOf(
    trx: Transaction<Database>,
    subcloud: SubcloudRow,
    alarmIds?: readonly string[],
  ): Promise<void> {
    const entity = subcloudAlarmEntity(subcloud.name)
    let query = trx
      .deleteFrom('alarms')
      .where((eb) =>
        eb.or([
          eb('entity_instance_id', '=', entity),
          eb(sql<boolean>`starts_with(entity_instance_id, ${`${entity}.`})`, '=', true),
          eb('region', '=', subcloud.region_name),
        ]),
      )
    if (alarmIds !== undefined) query = query.where('alarm_id', 'in', [...alarmIds])
    await query.execute()
  }

  /**
   * Move a subcloud's deploy status from one of `from` to `to`, atomically; false when the row is
   * gone or in another state (for example deleted or failed meanwhile).
   */
  async transitionDeploy(
    id: number,
    from: readonly string[],
    to: string,
    extra: SubcloudUpdate = {},
  ): Promise<boolean> {
    return this.#run(`subcloud ${id}`, async () => {
      // `returning` rather than the affected-row count, which the PGlite driver does not report.
      const moved = await this.#db
        .updateTable('subclouds')
        .set({ ...extra, deploy_status: to, updated_at: new Date() })
        .where('id', '=', id)
        .where('deploy_status', 'in', [...from])
        .returning('id')
        .execute()
      return moved.length > 0
    })
  }

  /** Record the config hash the controller wants the subcloud at (after bootstrap or a pushed change). */
  async setExpectedConfigHash(id: number, hash: string): Promise<void> {
    await this.#run(`subcloud ${id}`, () =>
      this.#db
        .updateTable('subclouds')
        .set({ expected_config_hash: hash, updated_at: new Date() })
        .where('id', '=', id)
        .execute(),
    )
  }

  /**
   * Rewrite every subcloud left in a state of `failures` (a deploy interrupted by a controller
   * stop) to its failure state with `reason`. One transaction; returns the subclouds changed.
   */
  failInterruptedDeploys(failures: ReadonlyMap<string, string>, reason: string): Promise<string[]> {
    return this.#run('subclouds', () =>
      this.#db.transaction().execute(async (trx) => {
        const stuck = await trx
          .selectFrom('subclouds')
          .select(['id', 'name', 'deploy_status'])
          .where('deploy_status', 'in', [...failures.keys()])
          .forUpdate()
          .execute()
        for (const row of stuck) {
          await trx
            .updateTable('subclouds')
            .set({
              deploy_status: failures.get(row.deploy_status) ?? row.deploy_status,
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

  /**
   * Every subcloud's stored primary management (or admin) range, for the fleet overlap check; with
   * `afterId`, only those of subclouds with a higher id (added since).
   */
  fleetEntries(afterId?: number): Promise<FleetEntry[]> {
    return this.#run('subclouds', async () => {
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

  /** Whether a subcloud is named exactly `name` (not matched by region name or id). */
  subcloudNameTaken(name: string): Promise<boolean> {
    return this.#run('subclouds', async () => {
      const row = await this.#db
        .selectFrom('subclouds')
        .select('id')
        .where('name', '=', name)
        .executeTakeFirst()
      return row !== undefined
    })
  }

  // ---- subcloud groups ----

  listGroups(): Promise<SubcloudGroupRow[]> {
    return this.#run('subcloud groups', () =>
      this.#db.selectFrom('subcloud_groups').selectAll().orderBy('id').execute(),
    )
  }

  /** A group by name or decimal id. */
  findGroup(ref: string): Promise<SubcloudGroupRow | undefined> {
    return this.#run('subcloud groups', () => this.#findGroupRow(this.#db, ref, false))
  }

  #findGroupRow(db: Kysely<Database>, ref: string, lock: boolean): Promise<SubcloudGroupRow | undefined> {
    const id = /^\d{1,9}$/.test(ref) ? Number(ref) : undefined
    let query = db
      .selectFrom('subcloud_groups')
      .selectAll()
      .where((eb) =>
        id === undefined ? eb('name', '=', ref) : eb.or([eb('name', '=', ref), eb('id', '=', id)]),
      )
      .orderBy(sql`case when name = ${ref} then 0 else 1 end`)
    if (lock) query = query.forUpdate()
    return query.executeTakeFirst()
  }

  /** Insert a group; undefined when the name is taken. */
  async insertGroup(values: Insertable<SubcloudGroupTable>): Promise<SubcloudGroupRow | undefined> {
    try {
      return await this.#db
        .insertInto('subcloud_groups')
        .values(values)
        .returningAll()
        .executeTakeFirstOrThrow()
    } catch (err) {
      if (isUniqueViolation(err)) return undefined
      throw translateStoreError(err, `subcloud group ${values.name}`)
    }
  }

  /**
   * Read a group under a row lock together with its member count, let `decide` return the
   * changes (`'delete'` to delete it, or throw to refuse) and apply them in the same transaction.
   * Undefined when no group matches; `'name-taken'` when a rename hits an existing name.
   */
  async mutateGroup(
    ref: string,
    decide: (
      current: SubcloudGroupRow,
      members: number,
    ) => Partial<Omit<SubcloudGroupRow, 'id' | 'created_at'>> | 'delete',
  ): Promise<{ before: SubcloudGroupRow; after: SubcloudGroupRow | undefined } | 'name-taken' | undefined> {
    try {
      return await this.#db.transaction().execute(async (trx) => {
        const group = await this.#findGroupRow(trx, ref, true)
        if (group === undefined) return undefined
        // Lock the members too, so no subcloud joins the group between the count and the delete.
        const members = (
          await trx
            .selectFrom('subclouds')
            .select('id')
            .where('group_id', '=', group.id)
            .forUpdate()
            .execute()
        ).length
        const decision = decide(group, members)
        if (decision === 'delete') {
          await trx.deleteFrom('subcloud_groups').where('id', '=', group.id).execute()
          return { before: group, after: undefined }
        }
        const after = await trx
          .updateTable('subcloud_groups')
          .set({ ...decision, updated_at: new Date() })
          .where('id', '=', group.id)
          .returningAll()
          .executeTakeFirstOrThrow()
        return { before: group, after }
      })
    } catch (err) {
      if (isUniqueViolation(err)) return 'name-taken'
      throw translateStoreError(err, `subcloud group ${ref}`)
    }
  }

  // ---- alarms ----

  /** Active alarms listed under `region`, most severe first, then newest first. */
  listAlarms(region: string): Promise<AlarmRow[]> {
    return this.#run('alarms', () =>
      this.#db
        .selectFrom('alarms')
        .selectAll()
        .where('region', '=', region)
        .orderBy(sql`case severity when 'critical' then 0 when 'major' then 1 when 'minor' then 2 else 3 end`)
        .orderBy('raised_at', 'desc')
        .orderBy('id')
        .execute(),
    )
  }

  // ---- the audit's port ----

  loadAuditTargets(signal: AbortSignal, subcloudIds?: readonly number[]): Promise<AuditTarget[]> {
    signal.throwIfAborted()
    if (subcloudIds?.length === 0) return Promise.resolve([])
    return this.#run('audit targets', async () => {
      let rowQuery = this.#db
        .selectFrom('subclouds')
        .select([
          'id',
          'name',
          'region_name',
          'bootstrap_address',
          'management_state',
          'deploy_status',
          'availability_status',
          'audit_fail_count',
          'expected_config_hash',
        ])
        .orderBy('id')
      let statusQuery = this.#db
        .selectFrom('subcloud_status')
        .select(['subcloud_id', 'endpoint_type', 'sync_status'])
      if (subcloudIds !== undefined) {
        rowQuery = rowQuery.where('id', 'in', [...subcloudIds])
        statusQuery = statusQuery.where('subcloud_id', 'in', [...subcloudIds])
      }
      const [rows, statuses] = await Promise.all([rowQuery.execute(), statusQuery.execute()])
      if (rows.length === 0) return []
      let alarmQuery = this.#db
        .selectFrom('alarms')
        .select(['alarm_id', 'region', 'entity_instance_id'])
        .where('alarm_id', 'in', [...AUDIT_ALARMS])
      if (subcloudIds !== undefined) {
        // Two lists, not one condition per subcloud: PGlite runs out of stack on long OR chains.
        // The part of the entity before its first dot is `subcloud=<name>` (names have no dots).
        alarmQuery = alarmQuery.where((eb) =>
          eb.or([
            eb(
              'region',
              'in',
              rows.map((r) => r.region_name),
            ),
            eb(
              sql<string>`split_part(entity_instance_id, '.', 1)`,
              'in',
              rows.map((r) => subcloudAlarmEntity(r.name)),
            ),
          ]),
        )
      }
      const alarms = await alarmQuery.execute()
      const statusById = new Map<number, Map<string, SyncStatus>>()
      for (const s of statuses) {
        const m = statusById.get(s.subcloud_id) ?? new Map<string, SyncStatus>()
        m.set(s.endpoint_type, s.sync_status)
        statusById.set(s.subcloud_id, m)
      }
      // Alarms by the key they are looked up with, so a fleet of 10,000 with as many active alarms
      // is matched in one pass over each list rather than every subcloud against every alarm.
      const alarmsByKey = new Map<string, AlarmKey[]>()
      const index = (key: string, alarm: AlarmKey): void => {
        const list = alarmsByKey.get(key)
        if (list === undefined) alarmsByKey.set(key, [alarm])
        else list.push(alarm)
      }
      for (const a of alarms) {
        const alarm: AlarmKey = {
          alarmId: a.alarm_id as AlarmKey['alarmId'],
          region: a.region,
          entityInstanceId: a.entity_instance_id,
        }
        index(`region\u0000${a.region}`, alarm)
        // `subcloud=<name>` and `subcloud=<name>.<anything>`: names never contain a dot.
        const [entity] = a.entity_instance_id.split('.', 1)
        if (entity !== undefined && entity.startsWith('subcloud=')) index(`entity\u0000${entity}`, alarm)
      }
      return rows.map((r): AuditTarget => {
        const stored = statusById.get(r.id)
        const endpoints = Object.fromEntries(
          AUDITED_ENDPOINTS.map((e) => [e, stored?.get(e) ?? 'unknown']),
        ) as Record<EndpointType, SyncStatus>
        const activeAlarms = [
          ...new Set([
            ...(alarmsByKey.get(`region\u0000${r.region_name}`) ?? []),
            ...(alarmsByKey.get(`entity\u0000${subcloudAlarmEntity(r.name)}`) ?? []),
          ]),
        ]
        return {
          subcloudId: r.id,
          name: r.name,
          region: r.region_name,
          primaryAddress: r.bootstrap_address,
          managementState: r.management_state,
          deployStatus: r.deploy_status,
          availability: r.availability_status,
          auditFailCount: r.audit_fail_count,
          endpoints,
          expectedConfigHash: r.expected_config_hash ?? undefined,
          activeAlarms,
        }
      })
    })
  }

  async writeStatusBatch(updates: readonly SubcloudStatusUpdate[], signal: AbortSignal): Promise<void> {
    signal.throwIfAborted()
    if (updates.length === 0) return
    await this.#run('subcloud status', () =>
      this.#db.transaction().execute(async (trx) => {
        const now = new Date()
        const existing = await trx
          .selectFrom('subclouds')
          .select(['id', 'management_state'])
          .where(
            'id',
            'in',
            updates.map((u) => u.subcloudId),
          )
          // One lock order for every batch and every single-row change: no deadlock between them.
          .orderBy('id')
          .forUpdate()
          .execute()
        const managed = new Map(existing.map((r) => [r.id, r.management_state === 'managed']))
        const live = updates.filter((u) => managed.has(u.subcloudId))
        // A set-based statement per table (in chunks), so a batch of 10,000 changes is a handful of
        // round trips. Keys are made unique first: one statement may not touch a row twice.
        const rows = live.filter(
          (u) =>
            u.availability !== undefined || u.auditFailCount !== undefined || u.lastHeartbeatAt !== undefined,
        )
        for (const chunk of chunks(rows)) {
          const values = chunk.map(
            (u) =>
              sql`(${u.subcloudId}::integer, ${u.availability ?? null}::text, ${u.auditFailCount ?? null}::integer, ${u.lastHeartbeatAt ?? null}::timestamptz)`,
          )
          await sql`update subclouds as s set
              availability_status = coalesce(v.availability, s.availability_status),
              audit_fail_count = coalesce(v.fail_count, s.audit_fail_count),
              last_heartbeat_at = coalesce(v.heartbeat, s.last_heartbeat_at)
            from (values ${sql.join(values)}) as v(id, availability, fail_count, heartbeat)
            where s.id = v.id`.execute(trx)
        }
        const statuses = new Map<
          string,
          { subcloud_id: number; endpoint_type: string; sync_status: SyncStatus }
        >()
        for (const u of live) {
          for (const [endpoint, status] of Object.entries(u.endpoints ?? {})) {
            // spec 1.5: in-sync only lands on a subcloud that is still managed at write time.
            if (status === undefined || (status === 'in-sync' && managed.get(u.subcloudId) !== true)) continue
            statuses.set(`${u.subcloudId} ${endpoint}`, {
              subcloud_id: u.subcloudId,
              endpoint_type: endpoint,
              sync_status: status,
            })
          }
        }
        for (const chunk of chunks([...statuses.values()])) {
          await trx
            .insertInto('subcloud_status')
            .values(chunk.map((row) => ({ ...row, updated_at: now })))
            .onConflict((oc) =>
              oc.columns(['subcloud_id', 'endpoint_type']).doUpdateSet((eb) => ({
                sync_status: eb.ref('excluded.sync_status'),
                updated_at: eb.ref('excluded.updated_at'),
              })),
            )
            .execute()
        }
        const clears = new Map(live.flatMap((u) => u.clearAlarms.map((k) => [alarmKeyOf(k), k] as const)))
        for (const chunk of chunks([...clears.values()])) {
          // A join with a VALUES list rather than `(a, b, c) in (...)`: PGlite (WebAssembly) runs
          // out of stack on a few hundred row comparisons and silently deletes nothing.
          const keys = chunk.map(
            (k) => sql`(${k.region}::text, ${k.alarmId}::text, ${k.entityInstanceId}::text)`,
          )
          await sql`delete from alarms as a
            using (values ${sql.join(keys)}) as v(region, alarm_id, entity_instance_id)
            where a.region = v.region and a.alarm_id = v.alarm_id and a.entity_instance_id = v.entity_instance_id`.execute(
            trx,
          )
        }
        const raises = new Map(live.flatMap((u) => u.raiseAlarms.map((a) => [alarmKeyOf(a), a] as const)))
        for (const chunk of chunks([...raises.values()])) {
          await trx
            .insertInto('alarms')
            .values(
              chunk.map((alarm) => ({
                uuid: randomUUID(),
                alarm_id: alarm.alarmId,
                entity_instance_id: alarm.entityInstanceId,
                region: alarm.region,
                reason_text: alarm.reasonText,
                severity: alarm.severity,
                proposed_repair_action: alarm.proposedRepairAction,
                service_affecting: alarm.serviceAffecting,
                raised_at: now,
                updated_at: now,
              })),
            )
            .onConflict((oc) =>
              oc.columns(['region', 'alarm_id', 'entity_instance_id']).doUpdateSet((eb) => ({
                reason_text: eb.ref('excluded.reason_text'),
                severity: eb.ref('excluded.severity'),
                updated_at: eb.ref('excluded.updated_at'),
              })),
            )
            .execute()
        }
      }),
    )
  }
}

/** Rows per statement: well below PostgreSQL's 65,535 bind parameters at 10 per row. */
const CHUNK_ROWS = 1000

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += CHUNK_ROWS) out.push(items.slice(i, i + CHUNK_ROWS))
  return out
}
