import { sql } from 'kysely'
import type { Kysely } from 'kysely'

// Migrations take an untyped Kysely so they stay frozen in time while the schema types move on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

/**
 * The fault history of 0005, written per statement instead of per row: a site-wide outage raises
 * (and its end clears) 280.001 for thousands of subclouds in one audit batch, and a row trigger
 * ran one PL/pgSQL `INSERT` per alarm inside that transaction. The transition tables hold exactly
 * the rows inserted or deleted (an `INSERT ... ON CONFLICT DO UPDATE` that refreshes an active
 * alarm inserts none), so the events are the same, one set-based `INSERT` per statement.
 */
export async function up(db: AnyDb): Promise<void> {
  for (const [state, table] of [
    ['set', 'inserted_alarms'],
    ['clear', 'deleted_alarms'],
  ] as const) {
    await sql`create function ${sql.raw(`record_alarm_events_${state}`)}() returns trigger language plpgsql as $$
      begin
        insert into alarm_events (uuid, event_log_id, state, region, entity_instance_id, reason_text,
                                  severity, proposed_repair_action, service_affecting, created_at)
        select gen_random_uuid()::text, alarm_id, ${sql.lit(state)}, region, entity_instance_id, reason_text,
               severity, proposed_repair_action, service_affecting, clock_timestamp()
        from ${sql.raw(table)};
        return null;
      end
    $$`.execute(db)
  }
  await sql`drop trigger alarms_record_event on alarms`.execute(db)
  await sql`create trigger alarms_record_events_set after insert on alarms
    referencing new table as inserted_alarms
    for each statement execute function record_alarm_events_set()`.execute(db)
  await sql`create trigger alarms_record_events_clear after delete on alarms
    referencing old table as deleted_alarms
    for each statement execute function record_alarm_events_clear()`.execute(db)
}

export async function down(db: AnyDb): Promise<void> {
  await sql`drop trigger alarms_record_events_set on alarms`.execute(db)
  await sql`drop trigger alarms_record_events_clear on alarms`.execute(db)
  await sql`drop function record_alarm_events_set()`.execute(db)
  await sql`drop function record_alarm_events_clear()`.execute(db)
  await sql`create trigger alarms_record_event after insert or delete on alarms
    for each row execute function record_alarm_event()`.execute(db)
}
