import { sql } from 'kysely'
import type { Insertable, Kysely } from 'kysely'
import type { Command } from '@dc/netmodel'
import type { InsertResult } from '../../ports/mutation.js'
import type { StrategyStore } from '../../ports/strategy-store.js'
import { mergeStepUpdates } from '../../strategies/merge-step-updates.js'
import type {
  NetworkStrategy,
  NewNetworkStrategy,
  NewStrategyStep,
  StepCount,
  StepState,
  StepUpdate,
  StrategyState,
  StrategyStep,
} from '../../strategies/network-strategy.js'
import { chunks } from './chunks.js'
import type { Database, NetworkStrategyRow, StrategyStepRow, StrategyStepTable } from './schema.js'
import { guarded } from './store-errors.js'

/** The one strategy row's key (migration 0004 allows no other). */
const STRATEGY_ID = 1

function strategyOf(row: NetworkStrategyRow): NetworkStrategy {
  return {
    uuid: row.uuid,
    state: row.state,
    applyType: row.apply_type,
    maxParallel: row.max_parallel,
    stopOnFailure: row.stop_on_failure,
    planKind: row.plan_kind,
    planYaml: row.plan_yaml,
    groupName: row.group_name,
    subcloudName: row.subcloud_name,
    details: row.details,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function stepOf(row: StrategyStepRow): StrategyStep {
  return {
    subcloudId: row.subcloud_id,
    subcloudName: row.subcloud_name,
    state: row.state,
    details: row.details,
    // Written by this store from netmodel commands, so read back as they were.
    commands: JSON.parse(row.commands_json) as Command[],
    hostActions: JSON.parse(row.host_actions_json) as Command[],
    baseGeneration: Number(row.base_generation),
    applied: row.applied,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function stepRow(step: NewStrategyStep): Insertable<StrategyStepTable> {
  return {
    strategy_id: STRATEGY_ID,
    subcloud_id: step.subcloudId,
    subcloud_name: step.subcloudName,
    state: step.state,
    details: step.details,
    commands_json: JSON.stringify(step.commands),
    host_actions_json: JSON.stringify(step.hostActions),
    base_generation: step.baseGeneration,
  }
}

/** One VALUES row of an update; every value typed, since a VALUES list gives them no context. */
function updateValues(update: StepUpdate) {
  return sql`(${update.subcloudName}::text, ${update.state}::text, ${update.details ?? null}::text,
    ${update.applied ?? null}::integer, ${update.startedAt ?? null}::timestamptz,
    ${update.finishedAt ?? null}::timestamptz)`
}

/**
 * {@link StrategyStore} over kysely. Steps are written set-based: a create of 10,000 steps is a
 * handful of multi-row inserts, and a batch of updates one `UPDATE ... FROM (VALUES ...)` per
 * {@link chunks} slice, all in one transaction.
 */
export class KyselyStrategyStore implements StrategyStore {
  readonly #db: Kysely<Database>

  constructor(db: Kysely<Database>) {
    this.#db = db
  }

  get(): Promise<NetworkStrategy | undefined> {
    return guarded('network strategy', async () => {
      const row = await this.#db.selectFrom('network_strategy').selectAll().executeTakeFirst()
      return row === undefined ? undefined : strategyOf(row)
    })
  }

  create(
    strategy: NewNetworkStrategy,
    steps: readonly NewStrategyStep[],
  ): Promise<InsertResult<NetworkStrategy>> {
    return guarded('network strategy', () =>
      this.#db.transaction().execute(async (trx): Promise<InsertResult<NetworkStrategy>> => {
        // The constant key makes a concurrent create wait for this one's commit and then insert
        // nothing: `taken` without an error that would abort the transaction.
        const row = await trx
          .insertInto('network_strategy')
          .values({
            id: STRATEGY_ID,
            uuid: strategy.uuid,
            state: 'initial',
            apply_type: strategy.applyType,
            max_parallel: strategy.maxParallel,
            stop_on_failure: strategy.stopOnFailure,
            plan_kind: strategy.planKind,
            plan_yaml: strategy.planYaml,
            group_name: strategy.groupName,
            subcloud_name: strategy.subcloudName,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .returningAll()
          .executeTakeFirst()
        if (row === undefined) return { kind: 'taken' }
        for (const chunk of chunks(steps.map(stepRow))) {
          await trx.insertInto('strategy_step').values(chunk).execute()
        }
        return { kind: 'created', row: strategyOf(row) }
      }),
    )
  }

  moveState(
    from: readonly StrategyState[],
    to: StrategyState,
    details?: string,
  ): Promise<NetworkStrategy | undefined> {
    if (from.length === 0) return Promise.resolve(undefined)
    return guarded('network strategy', async () => {
      const row = await this.#db
        .updateTable('network_strategy')
        .set({ state: to, updated_at: new Date(), ...(details === undefined ? {} : { details }) })
        .where('state', 'in', [...from])
        .returningAll()
        .executeTakeFirst()
      return row === undefined ? undefined : strategyOf(row)
    })
  }

  delete(from: readonly StrategyState[]): Promise<NetworkStrategy | undefined> {
    if (from.length === 0) return Promise.resolve(undefined)
    return guarded('network strategy', async () => {
      // The steps go with it (on delete cascade), in the same statement.
      const row = await this.#db
        .deleteFrom('network_strategy')
        .where('state', 'in', [...from])
        .returningAll()
        .executeTakeFirst()
      return row === undefined ? undefined : strategyOf(row)
    })
  }

  steps(states?: readonly StepState[]): Promise<StrategyStep[]> {
    if (states?.length === 0) return Promise.resolve([])
    return guarded('strategy steps', async () => {
      let query = this.#db.selectFrom('strategy_step').selectAll().orderBy('subcloud_name')
      if (states !== undefined) query = query.where('state', 'in', [...states])
      return (await query.execute()).map(stepOf)
    })
  }

  step(subcloudName: string): Promise<StrategyStep | undefined> {
    return guarded(`strategy step ${subcloudName}`, async () => {
      const row = await this.#db
        .selectFrom('strategy_step')
        .selectAll()
        .where('subcloud_name', '=', subcloudName)
        .executeTakeFirst()
      return row === undefined ? undefined : stepOf(row)
    })
  }

  counts(): Promise<StepCount[]> {
    return guarded('strategy steps', async () => {
      const rows = await this.#db
        .selectFrom('strategy_step')
        .select(['state', sql<number>`count(*)::int`.as('count')])
        .groupBy('state')
        .orderBy('state')
        .execute()
      return rows.map((r) => ({ state: r.state, count: r.count }))
    })
  }

  async updateSteps(updates: readonly StepUpdate[]): Promise<void> {
    const merged = mergeStepUpdates(updates)
    if (merged.length === 0) return
    await guarded('strategy steps', () =>
      this.#db.transaction().execute(async (trx) => {
        const now = new Date()
        for (const chunk of chunks(merged)) {
          // The explicit collation matches the column's: the VALUES list has the database default.
          await sql`update strategy_step as s set
              state = v.state,
              details = coalesce(v.details, s.details),
              applied = coalesce(v.applied, s.applied),
              started_at = coalesce(v.started_at, s.started_at),
              finished_at = coalesce(v.finished_at, s.finished_at),
              updated_at = ${now}::timestamptz
            from (values ${sql.join(chunk.map(updateValues))})
              as v(subcloud_name, state, details, applied, started_at, finished_at)
            where s.subcloud_name = v.subcloud_name collate "C"`.execute(trx)
        }
      }),
    )
  }
}
