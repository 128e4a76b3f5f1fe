import { parseIp } from './address.js'
import type { IpAddress } from './address.js'
import { NETWORK_RULES } from './bootstrap-networks.js'
import type { BootstrapNetworkId, BootstrapPool } from './bootstrap-networks.js'
import { BootstrapReader, parseDualStack } from './bootstrap-reader.js'
import type { BootstrapValueError } from './bootstrap-value-error.js'
import { checkBootstrapNetworks } from './check-bootstrap-networks.js'
import { checkBootstrapPool } from './check-bootstrap-pool.js'
import { primaryFamily, readNetwork } from './read-network.js'
import type { ParsedNetwork } from './read-network.js'
import type { DistributedCloudRole, SystemMode } from './system-state.js'

/** Parsed `localhost.yml`. Every network lists its pools primary first; `[]` when not configured. */
export interface BootstrapValues {
  readonly name: string | undefined
  readonly systemMode: SystemMode
  readonly distributedCloudRole: DistributedCloudRole
  /** `software_version` (or `release`), e.g. `24.09`. */
  readonly softwareVersion: string | undefined
  readonly networks: Readonly<Record<BootstrapNetworkId, readonly BootstrapPool[]>>
  /** `systemcontroller_gateway_address`, primary first; `[]` when absent. */
  readonly systemControllerGateway: readonly IpAddress[]
  /** Keys the file set itself, as opposed to shipped or derived defaults. Sorted. */
  readonly explicitKeys: readonly string[]
  /**
   * Every key netmodel does not interpret (DNS, registries, passwords, ...), as given. Secret
   * ones stay in, since bootstrap needs them: redact with {@link redactBootstrapValues} before
   * logging or storing.
   */
  readonly passthrough: Readonly<Record<string, unknown>>
}

export type BootstrapParseResult =
  | { readonly ok: true; readonly values: BootstrapValues; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly errors: readonly BootstrapValueError[] }

const SYSTEM_MODES: readonly SystemMode[] = ['simplex', 'duplex', 'duplex-direct', 'standard']
const ROLES: readonly DistributedCloudRole[] = ['none', 'systemcontroller', 'subcloud']
const SC_GATEWAY_KEY = 'systemcontroller_gateway_address'

/**
 * Parse and validate a bootstrap file (`localhost.yml`, already turned into an object): every
 * rule of `spec/dual-stack-rules.md` section 3, with StarlingX's shipped and derived defaults.
 * All violations are returned at once, each naming its key.
 *
 * @param opts.subcloud the values are a subcloud's (`dcmanager subcloud add`), which turns on
 *   dcmanager's simplex shortcut for management and admin; defaults to `distributed_cloud_role`
 *   being `subcloud`, which the file of a subcloud add usually leaves out.
 *
 * @example
 * const result = parseBootstrapValues({ management_subnet: 'fd01::/64', ... })
 * if (!result.ok) for (const e of result.errors) console.error(`${e.key}: ${e.message}`)
 */
export function parseBootstrapValues(
  raw: Readonly<Record<string, unknown>>,
  opts: { readonly subcloud?: boolean } = {},
): BootstrapParseResult {
  const r = new BootstrapReader(raw)
  const name = r.text('name')
  const systemMode = r.choice('system_mode', SYSTEM_MODES, 'simplex')
  const distributedCloudRole = r.choice('distributed_cloud_role', ROLES, 'none')
  const subcloudSimplex = (opts.subcloud ?? distributedCloudRole === 'subcloud') && systemMode === 'simplex'
  const version = r.text('software_version')
  const release = r.text('release')
  if (version !== undefined && release !== undefined && version !== release) {
    r.fail(
      'BOOTSTRAP_INVALID_VALUE',
      'release',
      `release '${release}' contradicts software_version '${version}'`,
    )
  }
  const nets = new Map<BootstrapNetworkId, ParsedNetwork>()
  for (const rule of NETWORK_RULES) {
    const mgmtFamily = primaryFamily(nets.get('management')) ?? 'IPv4'
    const parsed = readNetwork(r, rule, systemMode, mgmtFamily, subcloudSimplex)
    nets.set(rule.id, parsed)
    for (const pool of parsed.pools ?? []) {
      checkBootstrapPool(r, rule, pool, systemMode)
    }
  }
  const scGatewayText = r.text(SC_GATEWAY_KEY)
  const systemControllerGateway =
    scGatewayText === undefined ? [] : parseDualStack(r, SC_GATEWAY_KEY, scGatewayText, 'address', parseIp)
  checkBootstrapNetworks(r, nets, systemMode, distributedCloudRole)
  if (r.errors.length > 0) return { ok: false, errors: r.errors }

  const networks = Object.fromEntries(NETWORK_RULES.map((rule) => [rule.id, nets.get(rule.id)?.pools ?? []]))
  return {
    ok: true,
    warnings: r.warnings,
    values: {
      name,
      systemMode,
      distributedCloudRole,
      softwareVersion: version ?? release,
      networks: networks as Record<BootstrapNetworkId, readonly BootstrapPool[]>,
      systemControllerGateway: systemControllerGateway ?? [],
      explicitKeys: [...r.explicit].sort(),
      passthrough: Object.fromEntries(Object.entries(raw).filter(([k]) => !r.consumed.has(k))),
    },
  }
}
