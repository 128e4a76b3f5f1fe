import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { Kysely, Transaction } from 'kysely'
import type { ActiveAlarm, AlarmKey, AlarmRaise } from '../../alarms/alarm.js'
import type { AlarmStore } from '../../ports/alarm-store.js'
import { subcloudAlarmEntity } from '../../subclouds/subcloud.js'
import type { AlarmRow, Database } from './schema.js'
import { guarded } from './store-errors.js'

export function activeAlarmOf(row: AlarmRow): ActiveAlarm {
  return {
    uuid: row.uuid,
    alarmId: row.alarm_id,
    region: row.region,
    entityInstanceId: row.entity_instance_id,
    severity: row.severity as ActiveAlarm['severity'],
    reasonText: row.reason_text,
    proposedRepairAction: row.proposed_repair_action,
    serviceAffecting: row.service_affecting,
    raisedAt: row.raised_at,
    updatedAt: row.updated_at,
  }
}

/** The row of a raised alarm; the key is unique, so a raise of an active key refreshes it. */
export function alarmRow(alarm: AlarmRaise, now: Date) {
  return {
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
  }
}

/**
 * Delete the alarms about these subclouds: entity `subcloud=<name>` or `subcloud=<name>.<...>` and
 * anything listed in their regions; only `alarmIds` when given. One statement.
 */
export async function deleteSubcloudAlarms(
  trx: Transaction<Database>,
  subclouds: readonly { readonly name: string; readonly regionName: string }[],
  alarmIds?: readonly string[],
): Promise<void> {
  if (subclouds.length === 0) return
  let query = trx.deleteFrom('alarms').where((eb) =>
    eb.or([
      // The part of an entity before its first dot: subcloud names never contain one.
      eb(
        sql<string>`split_part(entity_instance_id, '.', 1)`,
        'in',
        subclouds.map((s) => subcloudAlarmEntity(s.name)),
      ),
      eb(
        'region',
        'in',
        subclouds.map((s) => s.regionName),
      ),
    ]),
  )
  if (alarmIds !== undefined) {
    if (alarmIds.length === 0) return
    query = query.where('alarm_id', 'in', [...alarmIds])
  }
  await query.execute()
}

/** {@link AlarmStore} over kysely. */
export class KyselyAlarmStore implements AlarmStore {
  readonly #db: Kysely<Database>

  constructor(db: Kysely<Database>) {
    this.#db = db
  }

  list(region: string): Promise<ActiveAlarm[]> {
    return guarded('alarms', async () =>
      (
        await this.#db
          .selectFrom('alarms')
          .selectAll()
          .where('region', '=', region)
          .orderBy(
            sql`case severity when 'critical' then 0 when 'major' then 1 when 'minor' then 2 else 3 end`,
          )
          .orderBy('raised_at', 'desc')
          .orderBy('id')
          .execute()
      ).map(activeAlarmOf),
    )
  }

  async raise(alarm: AlarmRaise): Promise<void> {
    const row = alarmRow(alarm, new Date())
    await guarded('alarms', () =>
      this.#db
        .insertInto('alarms')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['region', 'alarm_id', 'entity_instance_id']).doUpdateSet({
            reason_text: row.reason_text,
            severity: row.severity,
            updated_at: row.updated_at,
          }),
        )
        .execute(),
    )
  }

  async clear(key: AlarmKey): Promise<void> {
    await guarded('alarms', () =>
      this.#db
        .deleteFrom('alarms')
        .where('region', '=', key.region)
        .where('alarm_id', '=', key.alarmId)
        .where('entity_instance_id', '=', key.entityInstanceId)
        .execute(),
    )
  }
}
