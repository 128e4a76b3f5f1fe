import { sql } from 'kysely'
import type { Kysely } from 'kysely'

// Migrations take an untyped Kysely so they stay frozen in time while the schema types move on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

/**
 * The columns a reader following the fleet shows or keys on (the web console's row: name, groups,
 * states, family, where it is dialled, the values its network mode comes from, the config hash
 * its survey keys on). Named, not "all but the heartbeat columns": comparing whole rows as jsonb
 * cost the audit's batched writes 40 to 80 % more, and the heartbeat slow path rewrites every
 * subcloud's row every 30 s. A reader that needs another column adds it here in a new migration.
 */
const SHOWN = [
  'name',
  'group_id',
  'peer_group_id',
  'availability_status',
  'management_state',
  'deploy_status',
  'external_oam_subnet_ip_family',
  'bootstrap_address',
  'operational_address',
  'bootstrap_values_json',
  'expected_config_hash',
]
const shownOf = (row: 'old' | 'new') => sql.raw(`(${SHOWN.map((c) => `${row}.${c}`).join(', ')})`)

/**
 * `change_xid` on `subclouds` and `subcloud_status`: the transaction that last changed what a
 * reader following the fleet sees (the {@link SHOWN} columns, an endpoint's sync status), set by
 * triggers so that every writer (audit batches, deploys, geo copies) is covered. A reader keeps
 * the snapshot's `xmin` of its last read: any transaction it could not see then has an id at or
 * above it, so asking for `change_xid >= xmin` misses no commit, however late, at the price of
 * re-reading the few rows written by transactions that were running at the time.
 */
export async function up(db: AnyDb): Promise<void> {
  for (const table of ['subclouds', 'subcloud_status']) {
    await sql`alter table ${sql.table(table)}
      add column change_xid xid8 not null default pg_current_xact_id()`.execute(db)
    await sql`create index ${sql.raw(`${table}_change_xid`)} on ${sql.table(table)} (change_xid)`.execute(db)
  }
  await sql`create function note_subcloud_change() returns trigger language plpgsql as $$
    begin
      new.change_xid := pg_current_xact_id();
      return new;
    end
  $$`.execute(db)
  await sql`create trigger subclouds_note_change before update on subclouds for each row
    when (${shownOf('old')} is distinct from ${shownOf('new')})
    execute function note_subcloud_change()`.execute(db)
  await sql`create trigger subcloud_status_note_change before update on subcloud_status for each row
    when (old.sync_status is distinct from new.sync_status)
    execute function note_subcloud_change()`.execute(db)
}

export async function down(db: AnyDb): Promise<void> {
  await sql`drop trigger subclouds_note_change on subclouds`.execute(db)
  await sql`drop trigger subcloud_status_note_change on subcloud_status`.execute(db)
  await sql`drop function note_subcloud_change()`.execute(db)
  for (const table of ['subclouds', 'subcloud_status']) {
    await db.schema.alterTable(table).dropColumn('change_xid').execute()
  }
}
