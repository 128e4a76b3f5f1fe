import type { SystemState } from '@dc/netmodel'
import type { Violation } from '../errors.js'

/** The parts of a site's platform state `add --migrate` compares, as netmodel and Describe both give them. */
export interface ReportedPlatform {
  readonly name: string
  readonly systemMode: string
  readonly networks: readonly {
    readonly uuid: string
    readonly type: string
    readonly primaryPoolFamily: string | null
  }[]
  readonly pools: readonly {
    readonly uuid: string
    readonly network: string
    readonly prefix: number
    readonly family: string
    readonly ranges: readonly (readonly [string, string])[]
    readonly floatingAddress: string | null
    readonly gatewayAddress: string | null
  }[]
  readonly networkPools: readonly { readonly networkUuid: string; readonly poolUuid: string }[]
}

/** The bootstrap key stem of each network the values set (`management_subnet`, ...). */
const NETWORK_KEYS: ReadonlyMap<string, string> = new Map([
  ['mgmt', 'management'],
  ['oam', 'external_oam'],
  ['admin', 'admin'],
  ['cluster-host', 'cluster_host'],
  ['cluster-pod', 'cluster_pod'],
  ['cluster-service', 'cluster_service'],
])

type PoolOf = ReportedPlatform['pools'][number]

/** What a value of the bootstrap file says about a network, comma-separated, primary first. */
const POOL_FIELDS: readonly (readonly [string, (p: PoolOf) => string])[] = [
  ['subnet', (p) => `${p.network}/${p.prefix}`],
  ['start_address', (p) => p.ranges[0]?.[0] ?? ''],
  ['end_address', (p) => p.ranges.at(-1)?.[1] ?? ''],
  ['floating_address', (p) => p.floatingAddress ?? ''],
  ['gateway_address', (p) => p.gatewayAddress ?? ''],
]

/** Each bootstrap key a platform's networks give, with its value as the file would write it. */
function bootstrapView(platform: ReportedPlatform): Map<string, string> {
  const view = new Map<string, string>([
    ['name', platform.name],
    ['system_mode', platform.systemMode],
  ])
  for (const network of platform.networks) {
    const stem = NETWORK_KEYS.get(network.type)
    if (stem === undefined) continue
    const assigned = platform.networkPools
      .filter((np) => np.networkUuid === network.uuid)
      .map((np) => platform.pools.find((p) => p.uuid === np.poolUuid))
      .filter((p): p is PoolOf => p !== undefined)
      .sort(
        (a, b) =>
          Number(b.family === network.primaryPoolFamily) - Number(a.family === network.primaryPoolFamily),
      )
    for (const [field, read] of POOL_FIELDS) {
      // Only OAM's floating address is a bootstrap value; the others are derived from the range.
      if (field === 'floating_address' && stem !== 'external_oam') continue
      view.set(`${stem}_${field}`, assigned.map(read).join(','))
    }
  }
  return view
}

/**
 * `add --migrate`: where the state a deployed subcloud reports differs from the state its
 * bootstrap values would give, one violation per bootstrap key, naming both values.
 */
export function migrateMismatches(expected: SystemState, reported: ReportedPlatform): Violation[] {
  const want = bootstrapView(expected)
  const have = bootstrapView(reported)
  const out: Violation[] = []
  for (const key of new Set([...want.keys(), ...have.keys()])) {
    const given = want.get(key) ?? ''
    const found = have.get(key) ?? ''
    if (given === found) continue
    out.push({
      key,
      code: 'MIGRATE_STATE_MISMATCH',
      message:
        `the subcloud reports ${found === '' ? 'none' : found}, ` +
        `the bootstrap values give ${given === '' ? 'none' : given}`,
      kind: 'conflict',
    })
  }
  return out
}
