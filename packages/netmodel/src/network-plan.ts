import type { Cidr, Family, IpAddress } from './address.js'
import type { Command } from './command.js'
import { familyBits, parseCidr } from './address.js'
import { AddressSyntaxError } from './address-syntax-error.js'
import { NetworkPlanError } from './network-plan-error.js'
import { readYamlMapping } from './read-yaml-mapping.js'
import type { SystemMode } from './system-state.js'

/** The networks a network strategy gives a secondary pool to, or takes it from. */
export type PlanNetwork = 'oam' | 'cluster-host' | 'cluster-pod' | 'cluster-service'

/**
 * The plan networks in the order netmodel accepts their secondary pools: OAM before cluster-pod
 * (a cluster-pod family needs OAM's first). Removal runs in the reverse order.
 */
export const PLAN_NETWORKS: readonly PlanNetwork[] = ['oam', 'cluster-host', 'cluster-pod', 'cluster-service']

/** Where one network's secondary pool comes from. */
export type PoolSource =
  /** One subnet of `prefix` bits per subcloud, carved from `from`, unique in the fleet. */
  | { readonly kind: 'allocate'; readonly from: Cidr; readonly prefix: number }
  /** This subnet, the same on every subcloud (unless a per-subcloud value replaces it). */
  | { readonly kind: 'subnet'; readonly subnet: Cidr }

/** A parsed plan file. */
export type NetworkPlan =
  | {
      readonly kind: 'add'
      /** In the file's order. */
      readonly add: ReadonlyMap<PlanNetwork, PoolSource>
      /** Per-subcloud values by subcloud name; only `subnet` sources. */
      readonly subclouds: ReadonlyMap<string, ReadonlyMap<PlanNetwork, PoolSource>>
    }
  | { readonly kind: 'remove'; readonly remove: readonly PlanNetwork[] }

/** One pool of a subcloud as its agent describes it. */
export interface SitePool {
  readonly uuid: string
  readonly name: string
  readonly family: Family
  /** `network/prefix` in canonical text. */
  readonly subnet: string
}

/** One network of a subcloud with its pools, primary first. */
export interface SiteNetwork {
  readonly name: string
  readonly type: string
  /** The network-addrpool associations: uuid of the association and the pool. */
  readonly pools: readonly { readonly assignment: string; readonly pool: SitePool }[]
}

/** What a plan needs to know of one subcloud (read from its agent's Describe). */
export interface SiteNetworks {
  readonly name: string
  readonly systemMode: SystemMode
  /** The family of the OAM network's primary pool. */
  readonly primaryFamily: Family
  readonly networks: readonly SiteNetwork[]
  /** Every pool on the site, associated or not. */
  readonly pools: readonly SitePool[]
  readonly hosts: readonly {
    readonly hostname: string
    readonly personality: string
    readonly active: boolean
    readonly administrative: string
  }[]
}

/** One subcloud's part of a plan. */
export type SitePlan =
  | { readonly kind: 'change'; readonly commands: readonly Command[] }
  /** Nothing to do (already dual-stack / single-stack): the reason names the networks. */
  | { readonly kind: 'skip'; readonly reason: string }
  /** The plan cannot apply here (family, overlap, exhausted pool): the reason names the plan key. */
  | { readonly kind: 'refuse'; readonly reason: string }

/**
 * The addresses a plan's pool hands out: sysinv's default range `subnet[1]..subnet[-2]`, which it
 * uses for IPv6 too, so a plan subnet means the same addresses whichever family it is.
 */
export function usableSpan(cidr: Cidr): { readonly first: IpAddress; readonly last: IpAddress } {
  return { first: cidr.at(1), last: cidr.at(-2) }
}

/**
 * Usable addresses each network's pool needs: OAM a floating address, two controllers and a
 * gateway; cluster-host a floating address and two controllers; the others sysinv's /30 minimum.
 */
const MIN_USABLE: Readonly<Record<PlanNetwork, bigint>> = {
  oam: 4n,
  'cluster-host': 3n,
  'cluster-pod': 2n,
  'cluster-service': 2n,
}

const TOP_KEYS = ['add', 'remove', 'subclouds'] as const
const SOURCE_KEYS = ['allocate_from', 'prefix', 'subnet'] as const
const NETWORK_LIST = PLAN_NETWORKS.join(', ')

// Keys are echoed only when they read as names, so a stray line of the file is never repeated.
const SHOWN_KEY = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/

function shown(key: string): string {
  return SHOWN_KEY.test(key) ? key : '<key>'
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isPlanNetwork(value: unknown): value is PlanNetwork {
  return (PLAN_NETWORKS as readonly unknown[]).includes(value)
}

function mapping(value: unknown, field: string, what: string): Record<string, unknown> {
  if (!isMapping(value) || Object.keys(value).length === 0) {
    throw new NetworkPlanError(field, `must be a non-empty mapping of ${what}`)
  }
  return value
}

function refuseUnknownKeys(value: Record<string, unknown>, field: string, allowed: readonly string[]): void {
  const unknown = Object.keys(value).find((k) => !allowed.includes(k))
  if (unknown !== undefined) {
    const path = field === '' ? shown(unknown) : `${field}.${shown(unknown)}`
    throw new NetworkPlanError(path, `unknown key; allowed: ${allowed.join(', ')}`)
  }
}

/** A subnet in `<network>/<prefix>` form whose host bits are zero, canonicalized. */
function subnetOf(value: unknown, field: string): Cidr {
  const rule = 'must be a subnet <network>/<prefix>'
  if (typeof value !== 'string') throw new NetworkPlanError(field, rule)
  let cidr: Cidr
  try {
    cidr = parseCidr(value)
  } catch (e) {
    if (e instanceof AddressSyntaxError) throw new NetworkPlanError(field, `${rule}: ${e.reason}`)
    throw e
  }
  // sysinv refuses a pool on the all-zero network ("Network must not be null")
  if (cidr.network.value === 0n) throw new NetworkPlanError(field, 'must not start at the all-zero address')
  return cidr
}

/** A subnet of `size` addresses must leave `network` the usable addresses it needs. */
function checkRoom(network: PlanNetwork, size: bigint, field: string): void {
  const usable = size - 2n
  if (usable < MIN_USABLE[network]) {
    throw new NetworkPlanError(
      field,
      `leaves ${usable < 0n ? 0n : usable} usable addresses; ${network} needs at least ${MIN_USABLE[network]}`,
    )
  }
}

/** Every source must be of one family: the one the fleet lacks, as all its subclouds share a primary. */
class FamilyCheck {
  #first: { family: Family; field: string } | undefined

  check(cidr: Cidr, field: string): void {
    if (this.#first === undefined) {
      this.#first = { family: cidr.family, field }
    } else if (cidr.family !== this.#first.family) {
      throw new NetworkPlanError(
        field,
        `is ${cidr.family} but ${this.#first.field} is ${this.#first.family}; a plan adds one family`,
      )
    }
  }
}

function subnetSource(
  network: PlanNetwork,
  value: unknown,
  field: string,
  families: FamilyCheck,
): PoolSource {
  const subnet = subnetOf(value, `${field}.subnet`)
  checkRoom(network, subnet.size, `${field}.subnet`)
  families.check(subnet, `${field}.subnet`)
  return { kind: 'subnet', subnet }
}

function allocateSource(
  network: PlanNetwork,
  body: Record<string, unknown>,
  field: string,
  families: FamilyCheck,
): PoolSource {
  if (!('prefix' in body)) throw new NetworkPlanError(`${field}.prefix`, 'is required with allocate_from')
  const from = subnetOf(body['allocate_from'], `${field}.allocate_from`)
  families.check(from, `${field}.allocate_from`)
  const prefix = body['prefix']
  const bits = familyBits(from.family)
  if (typeof prefix !== 'number' || !Number.isInteger(prefix) || prefix < 1 || prefix > bits) {
    throw new NetworkPlanError(`${field}.prefix`, `must be a whole number from 1 to ${bits}`)
  }
  if (prefix <= from.prefix) {
    throw new NetworkPlanError(
      `${field}.prefix`,
      `must be longer than allocate_from's /${from.prefix}, so that it holds more than one subnet`,
    )
  }
  checkRoom(network, 1n << BigInt(bits - prefix), `${field}.prefix`)
  return { kind: 'allocate', from, prefix }
}

function addSource(network: PlanNetwork, value: unknown, field: string, families: FamilyCheck): PoolSource {
  const body = mapping(value, field, 'subnet, or allocate_from and prefix')
  refuseUnknownKeys(body, field, SOURCE_KEYS)
  const allocating = 'allocate_from' in body
  if ('subnet' in body && (allocating || 'prefix' in body)) {
    throw new NetworkPlanError(field, 'give either subnet, or allocate_from and prefix, not both')
  }
  if (!allocating && 'prefix' in body) {
    throw new NetworkPlanError(`${field}.allocate_from`, 'is required with prefix')
  }
  return allocating
    ? allocateSource(network, body, field, families)
    : subnetSource(network, body['subnet'], field, families)
}

function planNetworkKey(key: string, field: string): PlanNetwork {
  if (!isPlanNetwork(key)) {
    throw new NetworkPlanError(`${field}.${shown(key)}`, `unknown network; allowed: ${NETWORK_LIST}`)
  }
  return key
}

function parseAdd(value: unknown, families: FamilyCheck): Map<PlanNetwork, PoolSource> {
  const body = mapping(value, 'add', `networks (${NETWORK_LIST})`)
  const add = new Map<PlanNetwork, PoolSource>()
  for (const [key, source] of Object.entries(body)) {
    const network = planNetworkKey(key, 'add')
    add.set(network, addSource(network, source, `add.${network}`, families))
  }
  return add
}

function parseSubclouds(
  value: unknown,
  add: ReadonlyMap<PlanNetwork, PoolSource>,
  families: FamilyCheck,
): Map<string, ReadonlyMap<PlanNetwork, PoolSource>> {
  const body = mapping(value, 'subclouds', 'subcloud names to networks')
  const subclouds = new Map<string, ReadonlyMap<PlanNetwork, PoolSource>>()
  for (const [name, networks] of Object.entries(body)) {
    const field = `subclouds.${shown(name)}`
    const values = new Map<PlanNetwork, PoolSource>()
    for (const [key, source] of Object.entries(mapping(networks, field, 'networks to { subnet }'))) {
      const network = planNetworkKey(key, field)
      const path = `${field}.${network}`
      if (!add.has(network)) throw new NetworkPlanError(path, `is not in add; list it there first`)
      const sourceBody = mapping(source, path, '{ subnet }')
      refuseUnknownKeys(sourceBody, path, ['subnet'])
      values.set(network, subnetSource(network, sourceBody['subnet'], path, families))
    }
    subclouds.set(name, values)
  }
  return subclouds
}

function parseRemove(value: unknown): PlanNetwork[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new NetworkPlanError('remove', `must be a non-empty list of networks (${NETWORK_LIST})`)
  }
  const remove: PlanNetwork[] = []
  value.forEach((item: unknown, i) => {
    if (!isPlanNetwork(item)) throw new NetworkPlanError(`remove[${i}]`, `must be one of ${NETWORK_LIST}`)
    const earlier = remove.indexOf(item)
    if (earlier >= 0) throw new NetworkPlanError(`remove[${i}]`, `repeats remove[${earlier}]`)
    remove.push(item)
  })
  return remove
}

/**
 * Parse and check a plan file's YAML text; throws {@link NetworkPlanError} naming the key. The
 * text is never echoed: a YAML error says where (key, line, column) and which rule.
 *
 * @example
 * parseNetworkPlan('add:\n  oam: { allocate_from: 10.64.0.0/12, prefix: 24 }\n')
 */
export function parseNetworkPlan(text: string): NetworkPlan {
  const read = readYamlMapping(text)
  if (!read.ok) throw new NetworkPlanError('plan', read.message)
  const doc = read.value
  refuseUnknownKeys(doc, '', TOP_KEYS)
  if ('add' in doc === 'remove' in doc) {
    throw new NetworkPlanError('plan', 'must have exactly one of add or remove')
  }
  if ('remove' in doc) {
    if ('subclouds' in doc) throw new NetworkPlanError('subclouds', 'is allowed only with add')
    return { kind: 'remove', remove: parseRemove(doc['remove']) }
  }
  const families = new FamilyCheck()
  const add = parseAdd(doc['add'], families)
  const subclouds = 'subclouds' in doc ? parseSubclouds(doc['subclouds'], add, families) : new Map()
  return { kind: 'add', add, subclouds }
}
