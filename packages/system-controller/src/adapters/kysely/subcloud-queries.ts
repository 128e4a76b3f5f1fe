import type { Kysely, Transaction } from 'kysely'
import type { EndpointStatus, Subcloud, SubcloudChange, SubcloudFilter } from '../../subclouds/subcloud.js'
import { deleteSubcloudAlarms } from './kysely-alarm-store.js'
import { decimalId } from './locked-mutation.js'
import type { Database, SubcloudRow } from './schema.js'
import { subcloudOf, subcloudUpdateOf } from './subcloud-rows.js'

// The statements over subcloud rows that the store's reads, its locked changes and their batches
// share.

type Db = Kysely<Database> | Transaction<Database>

/** Delete subclouds with their endpoint statuses and every alarm about them. */
export async function deleteSubclouds(
  trx: Transaction<Database>,
  doomed: readonly { readonly id: number; readonly name: string; readonly regionName: string }[],
): Promise<void> {
  const ids = doomed.map((d) => d.id)
  await deleteSubcloudAlarms(trx, doomed)
  await trx.deleteFrom('subcloud_status').where('subcloud_id', 'in', ids).execute()
  await trx.deleteFrom('subclouds').where('id', 'in', ids).execute()
}

/**
 * The subclouds `refs` name (each by name, region name or decimal id, in that order of
 * preference) with their endpoint statuses and group names, in one statement; with `lock`, their
 * rows are taken `FOR UPDATE` in id order. A ref that names nothing is absent from the map. Every
 * lookup and locked change (a batch of `manage` calls of an onboarding among them) saves the round
 * trip of a second read.
 */
export async function subcloudsByRefs(
  db: Db,
  refs: readonly string[],
  lock: boolean,
): Promise<Map<string, Subcloud>> {
  const ids = refs.flatMap((ref) => decimalId(ref) ?? [])
  let query = db
    .selectFrom('subclouds')
    .leftJoin('subcloud_groups', 'subcloud_groups.id', 'subclouds.group_id')
    .leftJoin('subcloud_peer_groups', 'subcloud_peer_groups.id', 'subclouds.peer_group_id')
    .leftJoin('subcloud_status', 'subcloud_status.subcloud_id', 'subclouds.id')
    .selectAll('subclouds')
    .select([
      'subcloud_groups.name as joined_group_name',
      'subcloud_peer_groups.peer_group_name as joined_peer_group_name',
      'subcloud_status.endpoint_type as joined_endpoint_type',
      'subcloud_status.sync_status as joined_sync_status',
    ])
    .where((eb) => {
      const byText = [eb('subclouds.name', 'in', refs), eb('subclouds.region_name', 'in', refs)]
      return eb.or(ids.length === 0 ? byText : [...byText, eb('subclouds.id', 'in', ids)])
    })
    .orderBy('subclouds.id')
    .orderBy('subcloud_status.endpoint_type')
  if (lock) query = query.forUpdate(['subclouds'])
  const joined = new Map<
    number,
    { row: SubcloudRow; group: string; peerGroup: string; endpoints: EndpointStatus[] }
  >()
  for (const r of await query.execute()) {
    const { joined_group_name, joined_peer_group_name, joined_endpoint_type, joined_sync_status, ...row } = r
    let entry = joined.get(row.id)
    if (entry === undefined) {
      entry = { row, group: joined_group_name ?? '', peerGroup: joined_peer_group_name ?? '', endpoints: [] }
      joined.set(row.id, entry)
    }
    if (joined_endpoint_type !== null && joined_sync_status !== null) {
      entry.endpoints.push({ endpointType: joined_endpoint_type, syncStatus: joined_sync_status })
    }
  }
  const byId = new Map(
    [...joined.values()].map(({ row, group, peerGroup, endpoints }) => [
      row.id,
      subcloudOf(row, { groupName: group, peerGroupName: peerGroup, endpoints }),
    ]),
  )
  const byName = new Map<string, Subcloud>()
  const byRegion = new Map<string, Subcloud>()
  for (const subcloud of byId.values()) {
    byName.set(subcloud.name, subcloud)
    byRegion.set(subcloud.regionName, subcloud)
  }
  const found = new Map<string, Subcloud>()
  for (const ref of refs) {
    const match = byName.get(ref) ?? byRegion.get(ref) ?? byId.get(decimalId(ref) ?? -1)
    if (match !== undefined) found.set(ref, match)
  }
  return found
}

/**
 * Rows with their endpoint statuses, group and peer group names, in one query. With `listing`,
 * the rows are every subcloud matching that filter, so no id list is sent.
 */
export async function withEndpoints(
  db: Db,
  rows: readonly SubcloudRow[],
  listing?: SubcloudFilter,
): Promise<Subcloud[]> {
  if (rows.length === 0) return []
  let query = db
    .selectFrom('subclouds')
    .leftJoin('subcloud_groups', 'subcloud_groups.id', 'subclouds.group_id')
    .leftJoin('subcloud_peer_groups', 'subcloud_peer_groups.id', 'subclouds.peer_group_id')
    .leftJoin('subcloud_status', 'subcloud_status.subcloud_id', 'subclouds.id')
    .select([
      'subclouds.id',
      'subcloud_groups.name as group_name',
      'subcloud_peer_groups.peer_group_name',
      'subcloud_status.endpoint_type',
      'subcloud_status.sync_status',
    ])
    .orderBy('subcloud_status.endpoint_type')
  if (listing === undefined) {
    query = query.where(
      'subclouds.id',
      'in',
      rows.map((r) => r.id),
    )
  } else {
    if (listing.groupId !== undefined) query = query.where('subclouds.group_id', '=', listing.groupId)
    if (listing.peerGroupId !== undefined)
      query = query.where('subclouds.peer_group_id', '=', listing.peerGroupId)
  }
  const byId = new Map<number, { groupName: string; peerGroupName: string; endpoints: EndpointStatus[] }>()
  for (const r of await query.execute()) {
    let entry = byId.get(r.id)
    if (entry === undefined) {
      entry = { groupName: r.group_name ?? '', peerGroupName: r.peer_group_name ?? '', endpoints: [] }
      byId.set(r.id, entry)
    }
    if (r.endpoint_type !== null && r.sync_status !== null) {
      entry.endpoints.push({ endpointType: r.endpoint_type, syncStatus: r.sync_status })
    }
  }
  return rows.map((r) => subcloudOf(r, byId.get(r.id) ?? { groupName: '', peerGroupName: '', endpoints: [] }))
}

/** Applies `change` to the locked row `before`, in `trx`; the row as it is after. */
export async function updateSubcloud(
  trx: Transaction<Database>,
  before: Subcloud,
  change: SubcloudChange,
): Promise<Subcloud> {
  const now = new Date()
  const updated = await trx
    .updateTable('subclouds')
    .set({ ...subcloudUpdateOf(change.set), updated_at: now })
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  if (change.resetEndpoints === true) {
    await trx
      .updateTable('subcloud_status')
      .set({ sync_status: 'unknown', updated_at: now })
      .where('subcloud_id', '=', before.id)
      .execute()
  }
  if (change.clearAlarms !== undefined && change.clearAlarms.length > 0) {
    await deleteSubcloudAlarms(trx, [before], change.clearAlarms)
  }
  // Statuses and names are known unless the change moved the subcloud to another group.
  if (updated.group_id !== before.groupId || updated.peer_group_id !== before.peerGroupId) {
    return (await withEndpoints(trx, [updated]))[0] as Subcloud
  }
  return subcloudOf(updated, {
    groupName: before.groupName,
    peerGroupName: before.peerGroupName,
    endpoints:
      change.resetEndpoints === true
        ? before.endpoints.map((e) => ({ ...e, syncStatus: 'unknown' as const }))
        : before.endpoints,
  })
}
