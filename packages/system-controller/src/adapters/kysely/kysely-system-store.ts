import type { Kysely } from 'kysely'
import type { StoredSystem, SystemStore } from '../../ports/system-store.js'
import type { Database } from './schema.js'
import { guarded, isUndefinedTable } from './store-errors.js'

/** The uuid of the system a store holds, before migrations: undefined for a store without one yet. */
export async function storedSystemUuid(db: Kysely<Database>): Promise<string | undefined> {
  try {
    const row = await db.selectFrom('system').select('uuid').where('id', '=', 1).executeTakeFirst()
    return row?.uuid
  } catch (err) {
    if (isUndefinedTable(err)) return undefined
    throw err
  }
}

/** {@link SystemStore} over kysely: the single row with id 1. */
export class KyselySystemStore implements SystemStore {
  readonly #db: Kysely<Database>

  constructor(db: Kysely<Database>) {
    this.#db = db
  }

  get(): Promise<StoredSystem | undefined> {
    return guarded('system', async () => {
      const row = await this.#db.selectFrom('system').selectAll().where('id', '=', 1).executeTakeFirst()
      return row === undefined
        ? undefined
        : {
            uuid: row.uuid,
            name: row.name,
            stateJson: row.state_json,
            bootstrapHash: row.bootstrap_hash,
            bootstrapJson: row.bootstrap_values_json,
            epoch: row.epoch,
          }
    })
  }

  async create(system: StoredSystem): Promise<void> {
    await guarded('system', () =>
      this.#db
        .insertInto('system')
        .values({
          id: 1,
          uuid: system.uuid,
          name: system.name,
          state_json: system.stateJson,
          bootstrap_hash: system.bootstrapHash,
          bootstrap_values_json: system.bootstrapJson,
          epoch: system.epoch,
        })
        .execute(),
    )
  }

  async saveState(stateJson: string): Promise<void> {
    await guarded('system', () =>
      this.#db
        .updateTable('system')
        .set({ state_json: stateJson, updated_at: new Date() })
        .where('id', '=', 1)
        .execute(),
    )
  }
}
