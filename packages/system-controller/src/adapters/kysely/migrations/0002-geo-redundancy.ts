import { sql } from 'kysely'
import type { Kysely } from 'kysely'

// Migrations take an untyped Kysely so they stay frozen in time while the schema types move on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

/**
 * Geo-redundancy (spec distcloud 4): system peers, subcloud peer groups and peer group
 * associations, with what the NATS link needs to derive sync status (stream sequence numbers
 * published and acknowledged) and to fence ownership (the peer group's uuid and epoch).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('system_peers')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('peer_uuid', 'text', (c) => c.notNull().unique())
    .addColumn('peer_name', 'text', (c) => c.notNull().unique())
    .addColumn('manager_endpoint', 'text', (c) => c.notNull())
    .addColumn('manager_username', 'text', (c) => c.notNull())
    .addColumn('peer_controller_gateway_ip', 'text', (c) => c.notNull())
    .addColumn('administrative_state', 'text', (c) => c.notNull().defaultTo('enabled'))
    .addColumn('heartbeat_interval', 'integer', (c) => c.notNull().defaultTo(60))
    .addColumn('heartbeat_failure_threshold', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('heartbeat_failure_policy', 'text', (c) => c.notNull().defaultTo('alarm'))
    .addColumn('heartbeat_maintenance_timeout', 'integer', (c) => c.notNull().defaultTo(600))
    .addColumn('availability_state', 'text', (c) => c.notNull().defaultTo('created'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('subcloud_peer_groups')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('uuid', 'text', (c) => c.notNull().unique())
    .addColumn('peer_group_name', 'text', (c) => c.notNull().unique())
    .addColumn('group_priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('group_state', 'text', (c) => c.notNull().defaultTo('enabled'))
    .addColumn('max_subcloud_rehoming', 'integer', (c) => c.notNull().defaultTo(10))
    .addColumn('system_leader_id', 'text', (c) => c.notNull())
    .addColumn('system_leader_name', 'text', (c) => c.notNull())
    .addColumn('migration_status', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('epoch', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('peer_group_associations')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('peer_group_id', 'integer', (c) => c.notNull().references('subcloud_peer_groups.id'))
    .addColumn('system_peer_id', 'integer', (c) => c.notNull().references('system_peers.id'))
    .addColumn('association_type', 'text', (c) => c.notNull())
    .addColumn('peer_group_priority', 'integer', (c) => c.notNull())
    .addColumn('sync_status', 'text', (c) => c.notNull().defaultTo('unknown'))
    .addColumn('sync_message', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('published_seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('acked_seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('pending', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('failed_members_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('peer_group_associations_pair', ['peer_group_id', 'system_peer_id'])
    .execute()

  await db.schema
    .alterTable('subclouds')
    .addColumn('rehomed', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute()
  await db.schema
    .alterTable('subclouds')
    .addForeignKeyConstraint('subclouds_peer_group_fk', ['peer_group_id'], 'subcloud_peer_groups', ['id'])
    .execute()
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('subclouds').dropConstraint('subclouds_peer_group_fk').execute()
  await db.schema.alterTable('subclouds').dropColumn('rehomed').execute()
  for (const table of ['peer_group_associations', 'subcloud_peer_groups', 'system_peers']) {
    await db.schema.dropTable(table).execute()
  }
}
