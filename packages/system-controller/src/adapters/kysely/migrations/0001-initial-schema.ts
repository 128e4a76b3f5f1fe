import { sql } from 'kysely'
import type { Kysely } from 'kysely'

// Migrations take an untyped Kysely so they stay frozen in time while the schema types move on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('system')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('uuid', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('state_json', 'text', (c) => c.notNull())
    .addColumn('bootstrap_hash', 'text', (c) => c.notNull())
    .addColumn('bootstrap_values_json', 'text', (c) => c.notNull())
    .addColumn('epoch', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('system_single_row', sql`id = 1`)
    .execute()

  await db.schema
    .createTable('subcloud_groups')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('update_apply_type', 'text', (c) => c.notNull().defaultTo('parallel'))
    .addColumn('max_parallel_subclouds', 'integer', (c) => c.notNull().defaultTo(2))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  // The first identity value is 1, which is what makes this the Default group's id.
  await db
    .insertInto('subcloud_groups')
    .values({
      name: 'Default',
      description: 'Default Subcloud Group',
      update_apply_type: 'parallel',
      max_parallel_subclouds: 2,
    })
    .execute()

  await db.schema
    .createTable('subclouds')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('location', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('region_name', 'text', (c) => c.notNull().unique())
    .addColumn('software_version', 'text', (c) => c.notNull())
    .addColumn('management_subnet', 'text', (c) => c.notNull())
    .addColumn('management_start_ip', 'text', (c) => c.notNull().unique())
    .addColumn('management_end_ip', 'text', (c) => c.notNull().unique())
    .addColumn('management_gateway_ip', 'text', (c) => c.notNull())
    .addColumn('systemcontroller_gateway_ip', 'text', (c) => c.notNull())
    .addColumn('external_oam_subnet_ip_family', 'text', (c) => c.notNull())
    .addColumn('group_id', 'integer', (c) => c.notNull().defaultTo(1).references('subcloud_groups.id'))
    .addColumn('peer_group_id', 'integer')
    .addColumn('rehome_data', 'text')
    .addColumn('deploy_status', 'text', (c) => c.notNull().defaultTo('not-deployed'))
    .addColumn('error_description', 'text', (c) => c.notNull().defaultTo('No errors present'))
    .addColumn('availability_status', 'text', (c) => c.notNull().defaultTo('offline'))
    .addColumn('audit_fail_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('management_state', 'text', (c) => c.notNull().defaultTo('unmanaged'))
    .addColumn('backup_status', 'text')
    .addColumn('backup_datetime', 'timestamptz')
    .addColumn('prestage_status', 'text')
    .addColumn('prestage_versions', 'text')
    .addColumn('bootstrap_address', 'text', (c) => c.notNull())
    .addColumn('bootstrap_values_json', 'text', (c) => c.notNull())
    .addColumn('expected_config_hash', 'text')
    .addColumn('epoch', 'integer', (c) => c.notNull())
    .addColumn('last_heartbeat_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('subcloud_status')
    .addColumn('subcloud_id', 'integer', (c) => c.notNull().references('subclouds.id').onDelete('cascade'))
    .addColumn('endpoint_type', 'text', (c) => c.notNull())
    .addColumn('sync_status', 'text', (c) => c.notNull().defaultTo('unknown'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('subcloud_status_pk', ['subcloud_id', 'endpoint_type'])
    .execute()

  await db.schema
    .createTable('alarms')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('uuid', 'text', (c) => c.notNull().unique())
    .addColumn('alarm_id', 'text', (c) => c.notNull())
    .addColumn('entity_instance_id', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('reason_text', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('proposed_repair_action', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('service_affecting', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('raised_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('alarms_active_unique', ['region', 'alarm_id', 'entity_instance_id'])
    .execute()
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['alarms', 'subcloud_status', 'subclouds', 'subcloud_groups', 'system']) {
    await db.schema.dropTable(table).execute()
  }
}
