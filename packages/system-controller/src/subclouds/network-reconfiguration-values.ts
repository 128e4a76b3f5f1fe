import { bootstrapCommands, canonicalIp, familyOf, parseBootstrapValues, parseCidr } from '@dc/netmodel'
import type { BootstrapValues, Command, CommandOf, Family } from '@dc/netmodel'
import type { DescribeResponse__Output } from '@dc/protos'
import type { Violation } from '../errors.js'
import type { Subcloud } from './subcloud.js'

/** The four management values of a network reconfiguration, each comma-separated, primary first. */
export interface ManagementValues {
  readonly subnet: string
  readonly startIp: string
  readonly endIp: string
  readonly gatewayIp: string
}

/** The request field (and `--flag`) each management value comes from. */
export const MANAGEMENT_FLAGS: Readonly<Record<keyof ManagementValues, string>> = {
  subnet: 'management_subnet',
  startIp: 'management_start_ip',
  endIp: 'management_end_ip',
  gatewayIp: 'management_gateway_ip',
}

/** The bootstrap key of the admin network that carries each management value. */
const ADMIN_KEYS: Readonly<Record<keyof ManagementValues, string>> = {
  subnet: 'admin_subnet',
  startIp: 'admin_start_address',
  endIp: 'admin_end_address',
  gatewayIp: 'admin_gateway_address',
}

const FLAG_OF_KEY: ReadonlyMap<string, string> = new Map(
  (Object.keys(ADMIN_KEYS) as (keyof ManagementValues)[]).map((k) => [ADMIN_KEYS[k], MANAGEMENT_FLAGS[k]]),
)

/** A violation of the candidate values, named by the flag it came from where it came from one. */
export function flagViolation(
  key: string,
  code: string,
  message: string,
  kind: Violation['kind'],
): Violation {
  const flag = FLAG_OF_KEY.get(key)
  return { key: flag ?? key, code, message: flag === undefined ? message : `${message} (${key})`, kind }
}

/**
 * The subcloud's bootstrap values as they would be after the reconfiguration. As StarlingX's
 * network reconfiguration, the new values are those of the subcloud's admin network (the network
 * the system controller reaches it on): an existing admin network gets them, and a subcloud that
 * talked over its management network gets an admin network, its management gateway giving way to
 * the admin one (bootstrap takes one of the two).
 */
export function reconfiguredValues(
  stored: Readonly<Record<string, unknown>>,
  values: ManagementValues,
): Record<string, unknown> {
  const next: Record<string, unknown> = { ...stored }
  // The simplex shortcut would contradict the new range.
  delete next.admin_floating_address
  delete next.management_gateway_address
  for (const key of Object.keys(ADMIN_KEYS) as (keyof ManagementValues)[]) {
    next[ADMIN_KEYS[key]] = values[key]
  }
  return next
}

/** StarlingX's rule: a value the subcloud already has is not a reconfiguration. */
export function valuesInUse(subcloud: Subcloud, values: ManagementValues): Violation[] {
  const current: Readonly<Record<keyof ManagementValues, string>> = {
    subnet: subcloud.managementSubnet,
    startIp: subcloud.managementStartIp,
    endIp: subcloud.managementEndIp,
    gatewayIp: subcloud.managementGatewayIp,
  }
  return (Object.keys(current) as (keyof ManagementValues)[])
    .filter((k) => canonicalFirst(values[k]) === current[k])
    .map((k) => ({
      key: MANAGEMENT_FLAGS[k],
      code: 'MANAGEMENT_VALUE_IN_USE',
      message: `${MANAGEMENT_FLAGS[k]} ${current[k]} already in use by the subcloud`,
      kind: 'conflict' as const,
    }))
}

/** The primary item of a comma-separated value, in the stored (canonical) form when it parses. */
function canonicalFirst(text: string): string {
  const first = text.split(',')[0]?.trim() ?? ''
  try {
    return first.includes('/') ? parseCidr(first).toString() : canonicalIp(first)
  } catch {
    // Not an address: the bootstrap rules name it; it equals nothing stored.
    return first
  }
}

/** The parsed candidate values, or every bootstrap rule they break named by flag. */
export function parseCandidate(
  candidate: Readonly<Record<string, unknown>>,
): { ok: true; values: BootstrapValues } | { ok: false; violations: Violation[] } {
  const parsed = parseBootstrapValues(candidate)
  if (parsed.ok) return { ok: true, values: parsed.values }
  return {
    ok: false,
    violations: parsed.errors.map((e) => flagViolation(e.key, e.code, e.message, 'invalid')),
  }
}

interface CurrentPool {
  readonly uuid: string
  readonly family: Family
  /** The pool's association with the admin network (for `network-addrpool-remove`). */
  readonly assignment: string
}

function currentAdminPools(described: DescribeResponse__Output): CurrentPool[] {
  const admin = described.networks.find((n) => n.type === 'admin')
  if (admin === undefined) return []
  return described.network_addrpools
    .filter((a) => a.network_uuid === admin.uuid)
    .flatMap((a) => {
      const pool = described.address_pools.find((p) => p.uuid === a.address_pool_uuid)
      return pool === undefined || (pool.family !== 'IPv4' && pool.family !== 'IPv6')
        ? []
        : [{ uuid: pool.uuid, family: pool.family, assignment: a.uuid }]
    })
}

/**
 * The platform commands that take the subcloud's admin network from what the agent `described` to
 * `values`' admin pools, in one change: pools of a family the new values drop are removed first,
 * then each family's pool is modified in place (its primary stays primary) or, when the network or
 * the family is new, created and bound as bootstrap does it.
 */
export function reconfigurationCommands(
  described: DescribeResponse__Output,
  values: BootstrapValues,
): Command[] {
  const current = currentAdminPools(described)
  const families = new Set(values.networks.admin.map((p) => p.subnet.family))
  const commands: Command[] = current
    .filter((p) => !families.has(p.family))
    .flatMap((p): Command[] => [
      { kind: 'network-addrpool-remove', assignment: p.assignment },
      { kind: 'addrpool-delete', pool: p.uuid },
    ])
  for (const [add, bind] of adminBootstrapPairs(values)) {
    const pool = current.find((p) => p.family === familyOf(add.network))
    if (pool === undefined) {
      commands.push(
        add,
        current.length === 0 ? bind : { kind: 'network-addrpool-assign', network: 'admin', pool: add.name },
      )
      continue
    }
    const {
      network,
      prefix,
      ranges,
      floatingAddress,
      controller0Address,
      controller1Address,
      gatewayAddress,
    } = add
    commands.push({
      kind: 'addrpool-modify',
      pool: pool.uuid,
      changes: {
        network,
        prefix,
        ...(ranges === undefined ? {} : { ranges }),
        floatingAddress: floatingAddress ?? null,
        controller0Address: controller0Address ?? null,
        controller1Address: controller1Address ?? null,
        gatewayAddress: gatewayAddress ?? null,
      },
    })
  }
  return commands
}

/** Bootstrap's `addrpool-add` and binding of each admin pool of `values`, primary first. */
function adminBootstrapPairs(values: BootstrapValues): [CommandOf<'addrpool-add'>, Command][] {
  const all = bootstrapCommands(values)
  const pairs: [CommandOf<'addrpool-add'>, Command][] = []
  for (let i = 0; i + 1 < all.length; i += 2) {
    const add = all[i]
    const bind = all[i + 1]
    const admin =
      (bind?.kind === 'network-add' && bind.type === 'admin') ||
      (bind?.kind === 'network-addrpool-assign' && bind.network === 'admin')
    if (admin && add?.kind === 'addrpool-add' && bind !== undefined) pairs.push([add, bind])
  }
  return pairs
}
