import type { Kysely, Transaction } from 'kysely'
import type { MemberFailure } from '../../geo/geo-event.js'
import type {
  CopyOutcome,
  CopySelection,
  HeldCopy,
  NewCopy,
  SecondaryCopyStore,
} from '../../ports/secondary-copy-store.js'
import { sourcesOf } from '../../subclouds/deploy-moves.js'
import { COPY_STATES } from '../../subclouds/deploy-status.js'
import { DEFAULT_GROUP_ID } from '../../subcloud-groups/subcloud-group.js'
import { deleteSubcloudAlarms } from './kysely-alarm-store.js'
import { deleteSubclouds } from './subcloud-queries.js'
import type { Database, NewSubcloud, SubcloudRow } from './schema.js'
import { guarded } from './store-errors.js'
import { newSubcloudRow } from './subcloud-rows.js'

/** Fleet alarms about one subcloud that lose their meaning once another site owns it. */
const OWNER_ALARMS: readonly string[] = ['280.001', '280.002']

/** Why `row` cannot be applied over what this site holds, or undefined when it can. */
function clashOf(row: NewSubcloud, groupId: number, existing: readonly SubcloudRow[]): string | undefined {
  const clash = existing.find(
    (e) =>
      e.region_name !== row.region_name &&
      (e.name === row.name || e.management_start_ip === row.management_start_ip),
  )
  if (clash !== undefined) {
    return clash.name === row.name
      ? `subcloud name ${row.name} is taken by another subcloud here`
      : `management range start ${row.management_start_ip} is used by subcloud ${clash.name} here`
  }
  const mine = existing.find((e) => e.region_name === row.region_name)
  if (
    mine !== undefined &&
    (mine.peer_group_id !== groupId || !COPY_STATES.some((s) => s === mine.deploy_status))
  ) {
    return `region ${row.region_name} is held here by subcloud ${mine.name} (${mine.deploy_status}), not by a secondary copy of this group`
  }
  return undefined
}

/**
 * The columns of a held copy that differ from what was sent: a resync resends every member, and
 * only what differs is written (not the copy's deploy state, nor the group it sits in here).
 */
function changedColumns(row: NewSubcloud, held: SubcloudRow): Partial<NewSubcloud> {
  const {
    region_name: _region,
    deploy_status: _status,
    group_id: _group,
    peer_group_id: _peer,
    ...wanted
  } = row
  const current = held as unknown as Record<string, unknown>
  return Object.fromEntries(Object.entries(wanted).filter(([k, v]) => current[k] !== v))
}

/** {@link SecondaryCopyStore} over kysely. */
export class KyselySecondaryCopyStore implements SecondaryCopyStore {
  readonly #db: Kysely<Database>

  constructor(db: Kysely<Database>) {
    this.#db = db
  }

  apply(
    groupId: number,
    epoch: number,
    copies: readonly NewCopy[],
    endpoints: readonly string[],
  ): Promise<CopyOutcome> {
    if (copies.length === 0) return Promise.resolve({ applied: [], failures: [] })
    return guarded('subcloud copies', () =>
      this.#db.transaction().execute(async (trx) => {
        const rows = copies.map((copy) =>
          newSubcloudRow({ ...copy, groupId: DEFAULT_GROUP_ID, peerGroupId: groupId, epoch }),
        )
        const existing = await trx
          .selectFrom('subclouds')
          .selectAll()
          .where((eb) =>
            eb.or([
              eb(
                'region_name',
                'in',
                rows.map((r) => r.region_name),
              ),
              eb(
                'name',
                'in',
                rows.map((r) => r.name),
              ),
              eb(
                'management_start_ip',
                'in',
                rows.map((r) => r.management_start_ip),
              ),
            ]),
          )
          .orderBy('id')
          .forUpdate()
          .execute()
        const applied: string[] = []
        const failures: MemberFailure[] = []
        const fresh: NewSubcloud[] = []
        for (const row of rows) {
          const error = clashOf(row, groupId, existing)
          if (error !== undefined) {
            failures.push({ subcloud: row.name, regionName: row.region_name, error })
            continue
          }
          applied.push(row.name)
          const held = existing.find((e) => e.region_name === row.region_name)
          if (held === undefined) {
            fresh.push(row)
            continue
          }
          const changes = changedColumns(row, held)
          if (Object.keys(changes).length > 0) {
            await trx
              .updateTable('subclouds')
              .set({ ...changes, updated_at: new Date() })
              .where('id', '=', held.id)
              .execute()
          }
        }
        await insertCopies(trx, fresh, endpoints)
        return { applied, failures }
      }),
    )
  }

  async held(groupId: number, regions: readonly string[]): Promise<Map<string, HeldCopy>> {
    if (regions.length === 0) return new Map()
    const rows = await guarded('subcloud copies', () =>
      this.#db
        .selectFrom('subclouds')
        .select([
          'id',
          'name',
          'region_name',
          'description',
          'location',
          'software_version',
          'epoch',
          'rehome_data',
          'management_subnet',
          'management_start_ip',
          'management_end_ip',
        ])
        .where('peer_group_id', '=', groupId)
        .where('region_name', 'in', [...regions])
        .where('deploy_status', 'in', [...COPY_STATES])
        .execute(),
    )
    return new Map(
      rows.map((r) => [
        r.region_name,
        {
          id: r.id,
          name: r.name,
          description: r.description,
          location: r.location,
          softwareVersion: r.software_version,
          epoch: r.epoch,
          rehomeData: r.rehome_data,
          managementSubnet: r.management_subnet,
          managementStartIp: r.management_start_ip,
          managementEndIp: r.management_end_ip,
        },
      ]),
    )
  }

  /** Subclouds this site owns are never touched: only rows in a copy state are selected. */
  remove(groupId: number, selection: CopySelection): Promise<string[]> {
    if ('regions' in selection && selection.regions.length === 0) return Promise.resolve([])
    return guarded('subcloud copies', () =>
      this.#db.transaction().execute(async (trx) => {
        let query = trx
          .selectFrom('subclouds')
          .select(['id', 'name', 'region_name'])
          .where('peer_group_id', '=', groupId)
          .where('deploy_status', 'in', [...COPY_STATES])
        if ('regions' in selection) {
          query = query.where('region_name', 'in', [...selection.regions])
        } else if (selection.except.length > 0) {
          query = query.where('region_name', 'not in', [...selection.except])
        }
        const doomed = await query.orderBy('id').forUpdate().execute()
        if (doomed.length > 0) {
          await deleteSubclouds(
            trx,
            doomed.map((d) => ({ id: d.id, name: d.name, regionName: d.region_name })),
          )
        }
        return doomed.map((d) => d.name)
      }),
    )
  }

  demoteMembers(groupId: number): Promise<string[]> {
    return guarded('subcloud peer group members', () =>
      this.#db.transaction().execute(async (trx) => {
        const owned = await trx
          .selectFrom('subclouds')
          .select(['id', 'name', 'region_name'])
          .where('peer_group_id', '=', groupId)
          .where('deploy_status', 'in', sourcesOf('secondary', 'demote'))
          .orderBy('id')
          .forUpdate()
          .execute()
        if (owned.length === 0) return []
        const ids = owned.map((o) => o.id)
        const now = new Date()
        await trx
          .updateTable('subclouds')
          .set({
            management_state: 'unmanaged',
            deploy_status: 'secondary',
            availability_status: 'offline',
            audit_fail_count: 0,
            updated_at: now,
          })
          .where('id', 'in', ids)
          .execute()
        await trx
          .updateTable('subcloud_status')
          .set({ sync_status: 'unknown', updated_at: now })
          .where('subcloud_id', 'in', ids)
          .execute()
        await deleteSubcloudAlarms(
          trx,
          owned.map((o) => ({ name: o.name, regionName: o.region_name })),
          OWNER_ALARMS,
        )
        return owned.map((o) => o.name)
      }),
    )
  }
}

/**
 * One statement for the new copies and one for their endpoint rows: a snapshot chunk of hundreds
 * of members costs two round trips, not hundreds.
 */
async function insertCopies(
  trx: Transaction<Database>,
  fresh: readonly NewSubcloud[],
  endpoints: readonly string[],
): Promise<void> {
  if (fresh.length === 0) return
  const ids = await trx
    .insertInto('subclouds')
    .values([...fresh])
    .returning('id')
    .execute()
  if (endpoints.length === 0) return
  await trx
    .insertInto('subcloud_status')
    .values(
      ids.flatMap(({ id }) =>
        endpoints.map((e) => ({ subcloud_id: id, endpoint_type: e, sync_status: 'unknown' as const })),
      ),
    )
    .execute()
}
