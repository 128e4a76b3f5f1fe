import type { Kysely } from 'kysely'

// Migrations take an untyped Kysely so they stay frozen in time while the schema types move on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

/**
 * The system uuid of the agent a deploy bootstrapped, recorded at `complete`: the audit watches a
 * subcloud only while the agent at its address answers with that identity. Null for rows deployed
 * before, and for copies of a peer's subclouds, which are not checked.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('subclouds').addColumn('agent_system_uuid', 'text').execute()
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('subclouds').dropColumn('agent_system_uuid').execute()
}
