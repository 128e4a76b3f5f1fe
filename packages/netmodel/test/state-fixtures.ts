// Shared fixtures for the rule tests: sites built the way bootstrap builds them (network-add in
// StarlingX creation order on an emptyState), and helpers that check outcomes of apply().
import * as assert from 'uvu/assert'
import type {
  ApplyResult,
  Command,
  Family,
  NetModelErrorCode,
  SystemMode,
  SystemState,
} from '../src/index.js'
import { apply, applyAll, cidrOf, emptyState, findPool, markInitialConfigComplete } from '../src/index.js'

export const SYSTEM_UUID = '0b9f7c3e-5d2a-4e61-9c1b-7a8d2f4e6c10'

/** One family's subnets for every platform network, as bootstrap would create them. */
export interface FamilyPlan {
  readonly family: Family
  readonly mgmt: readonly [string, number]
  readonly oam: readonly [string, number]
  readonly multicast: readonly [string, number]
  readonly clusterHost: readonly [string, number]
  readonly clusterPod: readonly [string, number]
  readonly clusterService: readonly [string, number]
  /** a spare subnet for new pools, overlapping nothing above */
  readonly spare: readonly [string, number]
  readonly admin: readonly [string, number]
  readonly storage: readonly [string, number]
}

/** The seed's AIO-DX IPv6 single-stack values (pxeboot is always IPv4). */
export const IPV6: FamilyPlan = {
  family: 'IPv6',
  mgmt: ['fd01::', 64],
  oam: ['fd00::', 64],
  multicast: ['ff08::1:1:0', 124],
  clusterHost: ['fd02::', 64],
  clusterPod: ['fd03::', 64],
  clusterService: ['fd04::', 112],
  spare: ['fd20::', 64],
  admin: ['fd09::', 64],
  storage: ['fd05::', 64],
}

/** StarlingX's shipped IPv4 defaults. */
export const IPV4: FamilyPlan = {
  family: 'IPv4',
  mgmt: ['192.168.204.0', 24],
  oam: ['10.10.10.0', 24],
  multicast: ['239.1.1.0', 28],
  clusterHost: ['192.168.206.0', 24],
  clusterPod: ['172.16.0.0', 16],
  clusterService: ['10.96.0.0', 12],
  spare: ['10.20.0.0', 24],
  admin: ['192.168.100.0', 24],
  storage: ['10.30.0.0', 24],
}

export const PLANS: readonly FamilyPlan[] = [IPV4, IPV6]

export function otherPlan(plan: FamilyPlan): FamilyPlan {
  return plan.family === 'IPv4' ? IPV6 : IPV4
}

/** The address at `index` of a subnet (negative counts from the end), canonical text. */
export function at(subnet: readonly [string, number], index: number): string {
  return cidrOf(subnet[0], subnet[1]).at(index).toString()
}

const suffix = (family: Family): string => (family === 'IPv4' ? 'ipv4' : 'ipv6')

/** sysinv's pool name for a network and family, as populate_initial_config names them. */
export function poolName(network: string, family: Family): string {
  const base = network === 'mgmt' ? 'management' : network === 'oam' ? 'oam' : `${network}-subnet`
  return `${base}-${suffix(family)}`
}

/** addrpool-add + network-add for one network (OAM with bootstrap's floating/node addresses). */
export function networkCommands(
  type:
    'mgmt' | 'oam' | 'multicast' | 'cluster-host' | 'cluster-pod' | 'cluster-service' | 'admin' | 'storage',
  subnet: readonly [string, number],
  family: Family,
): Command[] {
  const name = poolName(type, family)
  const addresses =
    type === 'oam'
      ? {
          gatewayAddress: at(subnet, 1),
          floatingAddress: at(subnet, 2),
          controller0Address: at(subnet, 3),
          controller1Address: at(subnet, 4),
        }
      : {}
  return [
    { kind: 'addrpool-add', name, network: subnet[0], prefix: subnet[1], ...addresses },
    {
      kind: 'network-add',
      name: type,
      type,
      dynamic: type === 'mgmt' || type === 'cluster-host',
      pool: name,
    },
  ]
}

/** The bootstrap command list, StarlingX creation order, single-stack in `plan.family`. */
export function bootstrapCommands(plan: FamilyPlan): Command[] {
  return [
    ...networkCommands('mgmt', plan.mgmt, plan.family),
    { kind: 'addrpool-add', name: 'pxeboot', network: '169.254.202.0', prefix: 24 },
    { kind: 'network-add', name: 'pxeboot', type: 'pxeboot', dynamic: true, pool: 'pxeboot' },
    ...networkCommands('oam', plan.oam, plan.family),
    ...networkCommands('multicast', plan.multicast, plan.family),
    ...networkCommands('cluster-host', plan.clusterHost, plan.family),
    ...networkCommands('cluster-pod', plan.clusterPod, plan.family),
    ...networkCommands('cluster-service', plan.clusterService, plan.family),
  ]
}

export interface SiteOptions {
  readonly mode?: SystemMode
  readonly configured?: boolean
  readonly hostnames?: readonly string[]
}

const sites = new Map<string, SystemState>()

/**
 * A single-stack site of `plan.family`, after initial config unless `configured: false`.
 * States are immutable, so each variant is built once and shared.
 */
export function site(plan: FamilyPlan, options: SiteOptions = {}): SystemState {
  const key = JSON.stringify([plan.family, options.mode, options.configured, options.hostnames])
  const cached = sites.get(key)
  if (cached) return cached
  const built = buildSite(plan, options)
  sites.set(key, built)
  return built
}

function buildSite(plan: FamilyPlan, options: SiteOptions): SystemState {
  const empty = emptyState({
    uuid: SYSTEM_UUID,
    name: 'site',
    systemMode: options.mode ?? 'duplex',
    distributedCloudRole: 'none',
    softwareVersion: '24.09',
    ...(options.hostnames ? { hostnames: options.hostnames } : {}),
  })
  const state = must(applyAll(empty, bootstrapCommands(plan)))
  return options.configured === false ? state : markInitialConfigComplete(state)
}

/** The seed's starting point: AIO-DX, IPv6 single-stack, initial config complete. */
export function seedSite(): SystemState {
  return site(IPV6)
}

/** `found`, or a failed test naming the `what` that is missing. */
export function required<T>(found: T | undefined, what: string): T {
  if (found === undefined) throw new Error(`no ${what}`)
  return found
}

/** The state of a successful result; fails the test with the error otherwise. */
export function must(result: ApplyResult | (ApplyResult & { index?: number })): SystemState {
  if (!result.ok) {
    assert.unreachable(`expected success, got ${result.error.code}: ${result.error.message}`)
    throw result.error
  }
  return result.state
}

/** Applies commands in order, failing the test on the first refusal. */
export function run(state: SystemState, ...commands: Command[]): SystemState {
  const result = applyAll(state, commands)
  if (!result.ok) {
    assert.unreachable(
      `command ${result.index} (${commands[result.index]?.kind}) refused: ${result.error.message}`,
    )
  }
  return must(result)
}

/**
 * Applies a command that must be refused with `code`, its message containing every `parts`
 * string; checks the input state is untouched. Returns the error for further checks.
 */
export function refuse(
  state: SystemState,
  command: Command,
  code: NetModelErrorCode,
  ...parts: string[]
): Extract<ApplyResult, { ok: false }>['error'] {
  const before = structuredClone(state)
  const result = apply(state, command)
  if (result.ok) {
    assert.unreachable(`expected ${code}, but ${command.kind} succeeded`)
    throw new Error('unreachable')
  }
  assert.is(result.error.code, code, result.error.message)
  for (const part of parts) {
    assert.ok(result.error.message.includes(part), `message "${result.error.message}" lacks "${part}"`)
  }
  assert.equal(state, before, 'a refused command changed its input state')
  return result.error
}

export type PoolAdd = Extract<Command, { kind: 'addrpool-add' }>

/** addrpool-add of an unbound pool on `subnet`. */
export function poolOn(
  name: string,
  subnet: readonly [string, number],
  extra: Partial<PoolAdd> = {},
): PoolAdd {
  return { kind: 'addrpool-add', name, network: subnet[0], prefix: subnet[1], ...extra }
}

/** A second OAM pool `oam-2` in `plan`'s family, with gateway, floating and controller addresses. */
export function oamSecondary(plan: FamilyPlan): PoolAdd {
  return poolOn('oam-2', plan.oam, {
    gatewayAddress: at(plan.oam, 1),
    floatingAddress: at(plan.oam, 2),
    controller0Address: at(plan.oam, 3),
    controller1Address: at(plan.oam, 4),
  })
}

/** addrpool-add of an unbound pool on `plan`'s spare subnet. */
export function sparePool(plan: FamilyPlan, name = 'spare', extra: Partial<PoolAdd> = {}): PoolAdd {
  return poolOn(name, plan.spare, extra)
}

/** The association uuid of a pool, for network-addrpool-remove. */
export function assignmentOf(state: SystemState, pool: string): string {
  const p = findPool(state, pool)
  const a = p && state.networkPools.find((x) => x.poolUuid === p.uuid)
  if (!a) throw new Error(`pool ${pool} is not assigned`)
  return a.uuid
}

/** network-addrpool-remove of the association of `pool`. */
export function removal(state: SystemState, pool: string): Command {
  return { kind: 'network-addrpool-remove', assignment: assignmentOf(state, pool) }
}
