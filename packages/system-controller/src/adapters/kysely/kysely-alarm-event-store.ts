import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { ActiveAlarm } from '../../alarms/alarm.js'
import type { AlarmCounts, AlarmEvent, EventListing, EventRetention } from '../../alarms/alarm-event.js'
import type { AlarmEventStore } from '../../ports/alarm-event-store.js'
import { activeAlarmOf } from './kysely-alarm-store.js'
import type { AlarmEventRow, Database } from './schema.js'
import { guarded } from './store-errors.js'

function eventOf(row: AlarmEventRow): AlarmEvent {
  return {
    uuid: row.uuid,
    eventLogId: row.event_log_id,
    state: row.state,
    region: row.region,
    entityInstanceId: row.entity_instance_id,
    reasonText: row.reason_text,
    severity: row.severity,
    proposedRepairAction: row.proposed_repair_action,
    serviceAffecting: row.service_affecting,
    timestamp: row.created_at,
  }
}

const NO_ALARMS: AlarmCounts = { critical: 0, major: 0, minor: 0, warning: 0 }

/** {@link AlarmEventStore} over kysely; the events themselves are written by migration 0005's trigger. */
export class KyselyAlarmEventStore implements AlarmEventStore {
  readonly #db: Kysely<Database>

  constructor(db: Kysely<Database>) {
    this.#db = db
  }

  listEvents(listing: EventListing, signal: AbortSignal): Promise<AlarmEvent[]> {
    signal.throwIfAborted()
    const { region, filter, limit } = listing
    return guarded('alarm events', async () => {
      let query = this.#db.selectFrom('alarm_events').selectAll().where('region', '=', region)
      if (filter.eventLogId !== undefined) query = query.where('event_log_id', '=', filter.eventLogId)
      if (filter.entityInstanceId !== undefined)
        query = query.where('entity_instance_id', '=', filter.entityInstanceId)
      if (filter.severity !== undefined) query = query.where('severity', '=', filter.severity)
      if (filter.state !== undefined) query = query.where('state', '=', filter.state)
      // The id is the order the events were written in: newest first even within one millisecond.
      const rows = await query.orderBy('id', 'desc').limit(limit).execute()
      return rows.map(eventOf)
    })
  }

  findAlarm(uuid: string, signal: AbortSignal): Promise<ActiveAlarm | undefined> {
    signal.throwIfAborted()
    return guarded('alarms', async () => {
      const row = await this.#db.selectFrom('alarms').selectAll().where('uuid', '=', uuid).executeTakeFirst()
      return row === undefined ? undefined : activeAlarmOf(row)
    })
  }

  countAlarms(signal: AbortSignal): Promise<ReadonlyMap<string, AlarmCounts>> {
    signal.throwIfAborted()
    return guarded('alarms', async () => {
      const rows = await this.#db
        .selectFrom('alarms')
        .select(['region', 'severity', (eb) => eb.fn.countAll<number | string>().as('n')])
        .groupBy(['region', 'severity'])
        .execute()
      const counts = new Map<string, AlarmCounts>()
      for (const { region, severity, n } of rows) {
        if (!(severity in NO_ALARMS)) continue
        const before = counts.get(region) ?? NO_ALARMS
        counts.set(region, { ...before, [severity]: Number(n) })
      }
      return counts
    })
  }

  async prune(retention: EventRetention, now: Date, batchSize: number, signal: AbortSignal): Promise<number> {
    const cutoff = new Date(now.getTime() - retention.maxAgeMs)
    let deleted = 0
    for (;;) {
      signal.throwIfAborted()
      const batch = await guarded('alarm events', async () => {
        // The newest event beyond the count; everything at or before it goes, with the too old.
        const beyond = await this.#db
          .selectFrom('alarm_events')
          .select('id')
          .orderBy('id', 'desc')
          .offset(retention.maxCount)
          .limit(1)
          .executeTakeFirst()
        const doomed = this.#db
          .selectFrom('alarm_events')
          .select('id')
          .where((eb) =>
            beyond === undefined
              ? eb('created_at', '<', cutoff)
              : eb.or([eb('created_at', '<', cutoff), eb('id', '<=', beyond.id)]),
          )
          .orderBy('id')
          .limit(batchSize)
        const result = await sql<{ n: number }>`with gone as (
            delete from alarm_events where id in (${doomed}) returning 1
          ) select count(*)::int as n from gone`.execute(this.#db)
        return result.rows[0]?.n ?? 0
      })
      deleted += batch
      if (batch < batchSize) return deleted
    }
  }
}
