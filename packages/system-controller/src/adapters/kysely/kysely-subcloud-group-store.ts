import { sql } from 'kysely'
import type { Kysely, Transaction } from 'kysely'
import type { Decision, InsertResult, MutationResult } from '../../ports/mutation.js'
import type { SubcloudGroupStore } from '../../ports/subcloud-group-store.js'
import type { SubcloudGroup, SubcloudGroupFields } from '../../subcloud-groups/subcloud-group.js'
import { decimalId, runLockedMutation } from './locked-mutation.js'
import type { Database, SubcloudGroupRow, SubcloudGroupTable } from './schema.js'
import { guarded, isUniqueViolation, translateStoreError } from './store-errors.js'
import type { Updateable } from 'kysely'

function groupOf(row: SubcloudGroupRow): SubcloudGroup {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    updateApplyType: row.update_apply_type,
    maxParallelSubclouds: row.max_parallel_subclouds,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function columnsOf(fields: Partial<SubcloudGroupFields>): Updateable<SubcloudGroupTable> {
  const set: Updateable<SubcloudGroupTable> = {}
  if (fields.name !== undefined) set.name = fields.name
  if (fields.description !== undefined) set.description = fields.description
  if (fields.updateApplyType !== undefined) set.update_apply_type = fields.updateApplyType
  if (fields.maxParallelSubclouds !== undefined) set.max_parallel_subclouds = fields.maxParallelSubclouds
  return set
}

function groupByRef(db: Kysely<Database> | Transaction<Database>, ref: string, lock: boolean) {
  const id = decimalId(ref)
  let query = db
    .selectFrom('subcloud_groups')
    .selectAll()
    .where((eb) =>
      id === undefined ? eb('name', '=', ref) : eb.or([eb('name', '=', ref), eb('id', '=', id)]),
    )
    .orderBy(sql`case when name = ${ref} then 0 else 1 end`)
  if (lock) query = query.forUpdate()
  return query
}

/** {@link SubcloudGroupStore} over kysely. */
export class KyselySubcloudGroupStore implements SubcloudGroupStore {
  readonly #db: Kysely<Database>

  constructor(db: Kysely<Database>) {
    this.#db = db
  }

  list(): Promise<SubcloudGroup[]> {
    return guarded('subcloud groups', async () =>
      (await this.#db.selectFrom('subcloud_groups').selectAll().orderBy('id').execute()).map(groupOf),
    )
  }

  find(ref: string): Promise<SubcloudGroup | undefined> {
    return guarded('subcloud groups', async () => {
      const row = await groupByRef(this.#db, ref, false).executeTakeFirst()
      return row === undefined ? undefined : groupOf(row)
    })
  }

  async insert(fields: SubcloudGroupFields): Promise<InsertResult<SubcloudGroup>> {
    try {
      const row = await this.#db
        .insertInto('subcloud_groups')
        .values({
          name: fields.name,
          description: fields.description,
          update_apply_type: fields.updateApplyType,
          max_parallel_subclouds: fields.maxParallelSubclouds,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
      return { kind: 'created', row: groupOf(row) }
    } catch (err) {
      if (isUniqueViolation(err)) return { kind: 'taken' }
      throw translateStoreError(err, `subcloud group ${fields.name}`)
    }
  }

  mutate(
    ref: string,
    decide: (current: SubcloudGroup, members: number) => Decision<Partial<SubcloudGroupFields>>,
  ): Promise<MutationResult<SubcloudGroup>> {
    return runLockedMutation(this.#db, {
      what: `subcloud group ${ref}`,
      lock: async (trx) => {
        const row = await groupByRef(trx, ref, true).executeTakeFirst()
        return row === undefined ? undefined : groupOf(row)
      },
      // The members are locked too, so no subcloud joins the group between the count and a delete.
      count: async (trx, group) =>
        (
          await trx
            .selectFrom('subclouds')
            .select('id')
            .where('group_id', '=', group.id)
            .forUpdate()
            .execute()
        ).length,
      decide,
      delete: async (trx, group) => {
        await trx.deleteFrom('subcloud_groups').where('id', '=', group.id).execute()
      },
      update: async (trx, group, change) =>
        groupOf(
          await trx
            .updateTable('subcloud_groups')
            .set({ ...columnsOf(change), updated_at: new Date() })
            .where('id', '=', group.id)
            .returningAll()
            .executeTakeFirstOrThrow(),
        ),
    })
  }
}
