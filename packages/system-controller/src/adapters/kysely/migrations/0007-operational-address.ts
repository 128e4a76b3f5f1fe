import type { Kysely } from 'kysely'

// Migrations take an untyped Kysely so they stay frozen in time while the schema types move on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

/**
 * Where the controller dials a subcloud after bootstrap: its primary admin floating (or management
 * start) address with the bootstrap address's port, once the agent listens there. Null: the
 * bootstrap address (before the move, and for a single-machine lab on loopback).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('subclouds').addColumn('operational_address', 'text').execute()
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('subclouds').dropColumn('operational_address').execute()
}
