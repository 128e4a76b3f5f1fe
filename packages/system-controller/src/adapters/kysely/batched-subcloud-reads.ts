import type { Kysely } from 'kysely'
import type { Subcloud } from '../../subclouds/subcloud.js'
import { GroupCommit } from './group-commit.js'
import type { Database } from './schema.js'
import { subcloudsByRefs } from './subcloud-queries.js'

/**
 * The per-subcloud reads an onboarding makes thousands of at once, batched like its writes: the
 * name check of every add and the lookup after every deploy that arrive while one read is in
 * flight share the next statement. At 10,000 adds that is two statements in a hundred, where each
 * statement costs the controller a socket write and PostgreSQL a parse and plan.
 */
export class BatchedSubcloudReads {
  readonly #finds: GroupCommit<string, Subcloud | undefined>
  readonly #names: GroupCommit<string, boolean>

  constructor(db: Kysely<Database>) {
    this.#finds = new GroupCommit({
      key: (ref) => ref,
      write: async (refs) => {
        const found = await subcloudsByRefs(db, refs, false)
        return refs.map((ref) => found.get(ref))
      },
    })
    this.#names = new GroupCommit({
      key: (name) => name,
      write: async (names) => {
        const rows = await db.selectFrom('subclouds').select('name').where('name', 'in', names).execute()
        const taken = new Set(rows.map((r) => r.name))
        return names.map((name) => taken.has(name))
      },
    })
  }

  /** The subcloud `ref` names (name, region name or id), read with the other lookups of its turn. */
  find(ref: string): Promise<Subcloud | undefined> {
    return this.#finds.submit(ref)
  }

  /** Whether a subcloud is named `name`, read with the other name checks of its turn. */
  nameTaken(name: string): Promise<boolean> {
    return this.#names.submit(name)
  }
}
