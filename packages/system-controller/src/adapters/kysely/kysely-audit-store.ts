import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type {
  AlarmKey,
  AuditStore,
  AuditTarget,
  EndpointType,
  SubcloudStatusUpdate,
} from '../../audit/index.js'
import { AUDIT_ALARM_IDS, AUDITED_ENDPOINTS } from '../../audit/index.js'
import { alarmKeyOf } from '../../alarms/alarm.js'
import { subcloudAlarmEntity } from '../../subclouds/subcloud.js'
import type { SyncStatus } from '../../subclouds/subcloud.js'
import { chunks } from './chunks.js'
import { alarmRow } from './kysely-alarm-store.js'
import type { Database } from './schema.js'
import { guarded } from './store-errors.js'
import { deployStatusOf } from './subcloud-rows.js'

/** The audit's alarm ids, 280.001/280.002 on the controller's region and relayed 250.001. */
const AUDIT_ALARMS: readonly string[] = AUDIT_ALARM_IDS

/**
 * The audit's {@link AuditStore} over kysely: every subcloud's audit view in three set-based reads,
 * and status batches of any size in one transaction of a few set-based statements.
 */
export class KyselyAuditStore implements AuditStore {
  readonly #db: Kysely<Database>

  constructor(db: Kysely<Database>) {
    this.#db = db
  }

  loadAuditTargets(signal: AbortSignal, subcloudIds?: readonly number[]): Promise<AuditTarget[]> {
    signal.throwIfAborted()
    if (subcloudIds?.length === 0) return Promise.resolve([])
    return guarded('audit targets', async () => {
      let rowQuery = this.#db
        .selectFrom('subclouds')
        .select([
          'id',
          'name',
          'region_name',
          'bootstrap_address',
          'operational_address',
          'management_state',
          'deploy_status',
          'availability_status',
          'audit_fail_count',
          'expected_config_hash',
          'agent_system_uuid',
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
          primaryAddress: r.operational_address ?? r.bootstrap_address,
          managementState: r.management_state,
          deployStatus: deployStatusOf(r.deploy_status, r.name),
          availability: r.availability_status,
          auditFailCount: r.audit_fail_count,
          endpoints,
          expectedConfigHash: r.expected_config_hash ?? undefined,
          agentSystemUuid: r.agent_system_uuid ?? undefined,
          activeAlarms,
        }
      })
    })
  }

  async writeStatusBatch(updates: readonly SubcloudStatusUpdate[], signal: AbortSignal): Promise<void> {
    signal.throwIfAborted()
    if (updates.length === 0) return
    await guarded('subcloud status', () =>
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
            .values(chunk.map((alarm) => alarmRow(alarm, now)))
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
