import { canonicalJson } from './canonical-json.js'
import { stableHash } from './stable-hash.js'
import type { SystemState } from './system-state.js'

/** Rows sorted by `key`, each key computed once rather than at every comparison; stable. */
function byKey<T>(rows: readonly T[], key: (row: T) => string): T[] {
  return rows
    .map((row) => ({ row, key: key(row) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((keyed) => keyed.row)
}

/**
 * A digest of the platform configuration only: system mode, Kubernetes dual-stack, networks,
 * pools, their associations and addresses. Row ids and uuids are left out (rows are referred to
 * by name), as are generation, host states and alarms, so two sites that reached the same
 * configuration by different histories compare equal. The controller compares its expected
 * hash with the agent's to decide whether a subcloud is in sync.
 */
export function configHash(state: SystemState): string {
  const poolName = new Map(state.pools.map((p) => [p.uuid, p.name]))
  const networkName = new Map(state.networks.map((n) => [n.uuid, n.name]))
  const config = {
    systemMode: state.systemMode,
    kubernetesDualStack: state.kubernetesDualStack,
    networks: byKey(
      state.networks.map((n) => ({
        name: n.name,
        type: n.type,
        dynamic: n.dynamic,
        pool: n.poolUuid === null ? null : (poolName.get(n.poolUuid) ?? n.poolUuid),
        primaryPoolFamily: n.primaryPoolFamily,
      })),
      (n) => n.name,
    ),
    pools: byKey(
      state.pools.map(({ id: _id, uuid: _uuid, ...rest }) => rest),
      (p) => p.name,
    ),
    networkPools: byKey(
      state.networkPools.map((a) => ({
        network: networkName.get(a.networkUuid) ?? a.networkUuid,
        pool: poolName.get(a.poolUuid) ?? a.poolUuid,
      })),
      (a) => `${a.network}\u0000${a.pool}`,
    ),
    addresses: byKey(
      state.addresses.map(({ id: _id, uuid: _uuid, poolUuid, ...rest }) => ({
        ...rest,
        pool: poolName.get(poolUuid) ?? poolUuid,
      })),
      (a) => `${a.pool}\u0000${a.name}\u0000${a.address}`,
    ),
  }
  return stableHash(canonicalJson(config))
}
