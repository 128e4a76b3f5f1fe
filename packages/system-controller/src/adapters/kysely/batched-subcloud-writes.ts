import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { InsertResult } from '../../ports/mutation.js'
import type { DeployMoveFields } from '../../ports/subcloud-store.js'
import type { DeployStatus } from '../../subclouds/deploy-status.js'
import type { Subcloud, SubcloudFields } from '../../subclouds/subcloud.js'
import { GroupCommit } from './group-commit.js'
import type { Database } from './schema.js'
import { isUniqueViolation, translateStoreError } from './store-errors.js'
import { newSubcloudRow, subcloudOf } from './subcloud-rows.js'

/** One conditional move of `deploy_status`, as the store checked it against the move table. */
export interface DeployMoveWrite {
  readonly id: number
  readonly to: DeployStatus
  readonly from: readonly DeployStatus[]
  readonly fields: DeployMoveFields
}

/** One `subcloud add`'s row and its endpoint statuses. */
export interface SubcloudInsert {
  readonly fields: SubcloudFields
  readonly endpoints: readonly string[]
}

/** The columns a move may also set, by their names in {@link DeployMoveFields}. */
function movedColumns(fields: DeployMoveFields): Record<string, unknown> {
  const set: Record<string, unknown> = {}
  if (fields.errorDescription !== undefined) set['error_description'] = fields.errorDescription
  if (fields.expectedConfigHash !== undefined) set['expected_config_hash'] = fields.expectedConfigHash
  if (fields.agentSystemUuid !== undefined) set['agent_system_uuid'] = fields.agentSystemUuid
  if (fields.epoch !== undefined) set['epoch'] = fields.epoch
  if (fields.rehomed !== undefined) set['rehomed'] = fields.rehomed
  return set
}

/**
 * Every move of the batch in one UPDATE: each row is moved only from the states its own move
 * allows, and sets only the columns its own move names (a column absent from its `cols` keeps its
 * value, one present as null is cleared).
 */
async function writeMoves(db: Kysely<Database>, batch: readonly DeployMoveWrite[]): Promise<boolean[]> {
  const moves = batch.map((m) => ({
    id: m.id,
    to_status: m.to,
    from_statuses: m.from,
    cols: movedColumns(m.fields),
  }))
  const keep = (column: string, cast = ''): ReturnType<typeof sql> =>
    sql`case when v.cols ? ${column} then (v.cols->>${column})${sql.raw(cast)} else s.${sql.ref(column)} end`
  const { rows } = await sql<{ id: number }>`update subclouds as s set
      deploy_status = v.to_status,
      error_description = ${keep('error_description')},
      expected_config_hash = ${keep('expected_config_hash')},
      agent_system_uuid = ${keep('agent_system_uuid')},
      epoch = ${keep('epoch', '::integer')},
      rehomed = ${keep('rehomed', '::boolean')},
      updated_at = ${new Date()}
    from jsonb_to_recordset(${JSON.stringify(moves)}::jsonb)
      as v(id integer, to_status text, from_statuses text[], cols jsonb)
    where s.id = v.id and s.deploy_status = any(v.from_statuses)
    returning s.id`.execute(db)
  const moved = new Set(rows.map((r) => r.id))
  return batch.map((m) => moved.has(m.id))
}

/**
 * Every add of the batch in one statement, status rows in a data-modifying CTE. A row whose name
 * (or region name) is taken is skipped by `on conflict do nothing` and answered `taken`, as a
 * unique violation of its own insert would be.
 */
async function insertRows(
  db: Kysely<Database>,
  batch: readonly SubcloudInsert[],
): Promise<InsertResult<Subcloud>[]> {
  const endpointsByName = JSON.stringify(Object.fromEntries(batch.map((b) => [b.fields.name, b.endpoints])))
  const rows = await db
    .with('inserted', (qb) =>
      qb
        .insertInto('subclouds')
        .values(batch.map((b) => newSubcloudRow(b.fields)))
        .onConflict((oc) => oc.doNothing())
        .returningAll(),
    )
    .with('statuses', (qb) =>
      qb
        .insertInto('subcloud_status')
        .columns(['subcloud_id', 'endpoint_type', 'sync_status'])
        .expression(
          sql`select inserted.id, e.endpoint_type, 'unknown' from inserted
            cross join lateral jsonb_array_elements_text(${endpointsByName}::jsonb -> inserted.name)
              as e(endpoint_type)`,
        ),
    )
    .selectFrom('inserted')
    .leftJoin('subcloud_groups', 'subcloud_groups.id', 'inserted.group_id')
    .leftJoin('subcloud_peer_groups', 'subcloud_peer_groups.id', 'inserted.peer_group_id')
    .selectAll('inserted')
    .select(['subcloud_groups.name as group_name', 'subcloud_peer_groups.peer_group_name'])
    .execute()
  const byName = new Map(rows.map((r) => [r.name, r]))
  return batch.map((b): InsertResult<Subcloud> => {
    const found = byName.get(b.fields.name)
    if (found === undefined) return { kind: 'taken' }
    const { group_name, peer_group_name, ...subcloud } = found
    return {
      kind: 'created',
      row: subcloudOf(subcloud, {
        groupName: group_name ?? '',
        peerGroupName: peer_group_name ?? '',
        endpoints: [...b.endpoints].sort().map((endpointType) => ({ endpointType, syncStatus: 'unknown' })),
      }),
    }
  })
}

/** The config hash the controller now expects of subcloud `id`. */
export interface ExpectedHashWrite {
  readonly id: number
  readonly hash: string
}

/**
 * Every expected hash of the batch in one statement. The rows are locked in id order first, as
 * the audit's status batch locks them: an update joined straight to the list would lock in join
 * order, and two such statements could deadlock.
 */
async function writeExpectedHashes(
  db: Kysely<Database>,
  batch: readonly ExpectedHashWrite[],
): Promise<undefined[]> {
  await sql`with v as (
        select * from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as v(id integer, hash text)
      ),
      locked as (select s.id from subclouds s join v on v.id = s.id order by s.id for update of s)
    update subclouds as s set expected_config_hash = v.hash, updated_at = ${new Date()}
    from locked join v on v.id = locked.id
    where s.id = locked.id`.execute(db)
  return batch.map(() => undefined)
}

/**
 * The subcloud writes a fleet's onboarding or a fan-out of forwarded changes issues thousands of
 * at once (adds, deploy moves, expected hashes), group-committed: concurrent callers share one
 * statement and one commit, and each is answered after it.
 */
export class BatchedSubcloudWrites {
  readonly #moves: GroupCommit<DeployMoveWrite, boolean>
  readonly #inserts: GroupCommit<SubcloudInsert, InsertResult<Subcloud>>
  readonly #hashes: GroupCommit<ExpectedHashWrite, undefined>

  constructor(db: Kysely<Database>) {
    this.#moves = new GroupCommit({ write: (batch) => writeMoves(db, batch), key: (m) => m.id })
    this.#inserts = new GroupCommit({ write: (batch) => insertRows(db, batch), key: (i) => i.fields.name })
    this.#hashes = new GroupCommit({ write: (batch) => writeExpectedHashes(db, batch), key: (h) => h.id })
  }

  async setExpectedHash(write: ExpectedHashWrite): Promise<void> {
    try {
      await this.#hashes.submit(write)
    } catch (err) {
      throw translateStoreError(err, `subcloud ${write.id}`)
    }
  }

  async move(write: DeployMoveWrite): Promise<boolean> {
    try {
      return await this.#moves.submit(write)
    } catch (err) {
      throw translateStoreError(err, `subcloud ${write.id}`)
    }
  }

  async insert(insert: SubcloudInsert): Promise<InsertResult<Subcloud>> {
    try {
      return await this.#inserts.submit(insert)
    } catch (err) {
      if (isUniqueViolation(err)) return { kind: 'taken' }
      throw translateStoreError(err, `subcloud ${insert.fields.name}`)
    }
  }
}
