import { sql } from 'kysely'
import type { Kysely } from 'kysely'

// Migrations take an untyped Kysely so they stay frozen in time while the schema types move on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

/**
 * The network strategy (`dcmanager network-strategy`) and its steps, one per subcloud. As in
 * dcmanager only one strategy exists at a time: its key is the constant 1, so a second insert,
 * even a racing one, is a unique violation. Steps go with their strategy (cascade). A step keeps
 * its subcloud's id and name without a foreign key: the plan is a record of what was decided,
 * and a subcloud deleted meanwhile fails its step at the pre-check rather than vanishing from it.
 * Subcloud names sort bytewise (collation "C") so both stores list steps in the same order.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('network_strategy')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('uuid', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('apply_type', 'text', (c) => c.notNull())
    .addColumn('max_parallel', 'integer', (c) => c.notNull())
    .addColumn('stop_on_failure', 'boolean', (c) => c.notNull())
    .addColumn('plan_kind', 'text', (c) => c.notNull())
    .addColumn('plan_yaml', 'text', (c) => c.notNull())
    .addColumn('group_name', 'text')
    .addColumn('subcloud_name', 'text')
    .addColumn('details', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz')
    .addCheckConstraint('network_strategy_single_row', sql`id = 1`)
    .execute()

  await db.schema
    .createTable('strategy_step')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('strategy_id', 'integer', (c) =>
      c.notNull().references('network_strategy.id').onDelete('cascade'),
    )
    .addColumn('subcloud_id', 'integer', (c) => c.notNull())
    .addColumn('subcloud_name', 'text', (c) =>
      c
        .modifyFront(sql`collate "C"`)
        .notNull()
        .unique(),
    )
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('commands_json', 'text', (c) => c.notNull())
    .addColumn('host_actions_json', 'text', (c) => c.notNull())
    .addColumn('base_generation', 'bigint', (c) => c.notNull())
    .addColumn('applied', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz')
    .execute()
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('strategy_step').execute()
  await db.schema.dropTable('network_strategy').execute()
}
