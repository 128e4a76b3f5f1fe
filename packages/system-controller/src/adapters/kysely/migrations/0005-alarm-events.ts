import { sql } from 'kysely'
import type { Kysely } from 'kysely'

// Migrations take an untyped Kysely so they stay frozen in time while the schema types move on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

/**
 * The fault history (`fm event-list`): one row per alarm raised (`set`) or cleared (`clear`).
 * A trigger on `alarms` writes it, so every path that changes an alarm (the audit's batches, geo's
 * raise and clear, a subcloud deleted with its alarms) records the event in the same transaction
 * as the change, and none can forget to. A refresh of an active alarm (its reason or severity
 * updated in place) is not an event, as in FM. `clock_timestamp()` rather than `now()`: events of
 * one transaction keep their order in time too. The id orders events; the time index serves
 * pruning by age.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('alarm_events')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('uuid', 'text', (c) => c.notNull().unique())
    .addColumn('event_log_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('entity_instance_id', 'text', (c) => c.notNull())
    .addColumn('reason_text', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('proposed_repair_action', 'text', (c) => c.notNull())
    .addColumn('service_affecting', 'boolean', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('alarm_events_state', sql`state in ('set', 'clear', 'log')`)
    .execute()
  await db.schema.createIndex('alarm_events_created_at').on('alarm_events').column('created_at').execute()
  await db.schema.createIndex('alarm_events_region_id').on('alarm_events').columns(['region', 'id']).execute()

  await sql`create function record_alarm_event() returns trigger language plpgsql as $$
    declare
      alarm alarms%rowtype;
      event_state text;
    begin
      if tg_op = 'INSERT' then
        alarm := new;
        event_state := 'set';
      else
        alarm := old;
        event_state := 'clear';
      end if;
      insert into alarm_events (uuid, event_log_id, state, region, entity_instance_id, reason_text,
                                severity, proposed_repair_action, service_affecting, created_at)
      values (gen_random_uuid()::text, alarm.alarm_id, event_state, alarm.region, alarm.entity_instance_id,
              alarm.reason_text, alarm.severity, alarm.proposed_repair_action, alarm.service_affecting,
              clock_timestamp());
      return null;
    end
  $$`.execute(db)
  await sql`create trigger alarms_record_event after insert or delete on alarms
    for each row execute function record_alarm_event()`.execute(db)
}

export async function down(db: AnyDb): Promise<void> {
  await sql`drop trigger alarms_record_event on alarms`.execute(db)
  await sql`drop function record_alarm_event()`.execute(db)
  await db.schema.dropTable('alarm_events').execute()
}
