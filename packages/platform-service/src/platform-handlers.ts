import {
  AssociationNotFoundError,
  HostNotFoundError,
  NETWORK_TYPES,
  NetworkNotFoundError,
  PoolNotFoundError,
  findHost,
  findNetwork,
  findNetworkPool,
  findPool,
  networkOfType,
  plan,
  poolsOfNetwork,
} from '@dc/netmodel'
import type { AddressPool, Command, Effect, Host, Network, NetworkAddrPool, SystemState } from '@dc/netmodel'
import type { Effect as EffectMessage, HostMutation, PlanResponse, PlatformHandlers } from '@dc/protos'
import type { Logger } from '@dc/runtime'
import {
  addrPoolAddCommand,
  addrPoolDeleteCommand,
  addrPoolModifyCommand,
  commandsFromMessages,
  hostLockCommand,
  hostSwactCommand,
  hostUnlockCommand,
  networkAddCommand,
  networkAddrPoolAssignCommand,
  networkAddrPoolRemoveCommand,
  networkDeleteCommand,
} from './command-messages.js'
import { InvalidRequestError } from './errors.js'
import { given } from './given.js'
import type { ApplyResult, PlatformPort } from './platform-port.js'
import {
  addressPoolMessage,
  alarmMessage,
  effectMessage,
  hostMessage,
  networkAddrPoolMessage,
  networkMessage,
  sortedAlarms,
  systemMessage,
} from './state-messages.js'
import { unaryHandler } from './unary-handler.js'

export interface PlatformHandlersOptions {
  /** Region reported by `GetSystem`. @default '' */
  readonly regionName?: string
  /** Where unexpected failures are logged. @default nothing is logged */
  readonly log?: Logger
}

const byId = <T extends { readonly id: number }>(rows: readonly T[]): T[] =>
  [...rows].sort((a, b) => a.id - b.id)

/** `network-show` and `host-show` also take the integer id of the row. */
function byRef<T extends { readonly id: number }>(rows: readonly T[], ref: string): T | undefined {
  return /^\d{1,9}$/.test(ref) ? rows.find((r) => r.id === Number(ref)) : undefined
}

function network(state: SystemState, ref: string): Network {
  const found = findNetwork(state, ref) ?? byRef(state.networks, ref)
  if (found === undefined) throw new NetworkNotFoundError(ref)
  return found
}

function host(state: SystemState, ref: string): Host {
  const found = findHost(state, ref) ?? byRef(state.hosts, ref)
  if (found === undefined) throw new HostNotFoundError(ref)
  return found
}

function pool(state: SystemState, ref: string): AddressPool {
  const found = findPool(state, ref)
  if (found === undefined) throw new PoolNotFoundError(ref)
  return found
}

function association(state: SystemState, ref: string): NetworkAddrPool {
  const found = findNetworkPool(state, ref)
  if (found === undefined) throw new AssociationNotFoundError(ref)
  return found
}

function effects(list: readonly Effect[]): EffectMessage[] {
  return list.map(effectMessage)
}

/**
 * Every RPC of `dc.platform.v1.Platform` over a {@link PlatformPort}: reads read the port's state,
 * each mutation applies one command through the port, Plan evaluates commands on the current
 * state without changing it. Failures reach the caller through the one status mapper.
 */
export function createPlatformHandlers(
  port: PlatformPort,
  options: PlatformHandlersOptions = {},
): PlatformHandlers {
  const log = options.log
  const regionName = options.regionName ?? ''
  const apply = (command: Command, signal: AbortSignal) => port.apply([command], signal)
  return {
    GetSystem: unaryHandler(async (_req, signal) => systemMessage(await port.state(signal), regionName), log),

    ListNetworks: unaryHandler(
      async (_req, signal) => ({ networks: byId((await port.state(signal)).networks).map(networkMessage) }),
      log,
    ),
    GetNetwork: unaryHandler(
      async (req, signal) => networkMessage(network(await port.state(signal), req.network)),
      log,
    ),
    AddNetwork: unaryHandler(async (req, signal) => {
      const result = await apply(networkAddCommand(req, ''), signal)
      const created = added(result, (s) => s.networks)
      return reply(result, given('network', created, networkMessage))
    }, log),
    DeleteNetwork: unaryHandler(async (req, signal) => {
      const result = await apply(networkDeleteCommand(req, ''), signal)
      return reply(result, { network: networkMessage(network(result.previous, req.network)) })
    }, log),

    ListAddressPools: unaryHandler(async (req, signal) => {
      const state = await port.state(signal)
      if (req.network_type === '') return { address_pools: byId(state.pools).map(addressPoolMessage) }
      const type = NETWORK_TYPES.find((t) => t === req.network_type)
      if (type === undefined) {
        throw new InvalidRequestError(
          'network_type',
          `'${req.network_type}' is not one of ${NETWORK_TYPES.join(', ')}`,
        )
      }
      const net = networkOfType(state, type)
      return {
        address_pools: net === undefined ? [] : poolsOfNetwork(state, net.uuid).map(addressPoolMessage),
      }
    }, log),
    GetAddressPool: unaryHandler(
      async (req, signal) => addressPoolMessage(pool(await port.state(signal), req.pool)),
      log,
    ),
    AddAddressPool: unaryHandler(async (req, signal) => {
      const result = await apply(addrPoolAddCommand(req, ''), signal)
      const created = added(result, (s) => s.pools)
      return reply(result, given('address_pool', created, addressPoolMessage))
    }, log),
    ModifyAddressPool: unaryHandler(async (req, signal) => {
      const result = await apply(addrPoolModifyCommand(req, ''), signal)
      const uuid = pool(result.previous, req.pool).uuid
      const modified = result.state.pools.find((p) => p.uuid === uuid)
      return reply(result, given('address_pool', modified, addressPoolMessage))
    }, log),
    DeleteAddressPool: unaryHandler(async (req, signal) => {
      const result = await apply(addrPoolDeleteCommand(req, ''), signal)
      return reply(result, { address_pool: addressPoolMessage(pool(result.previous, req.pool)) })
    }, log),

    ListNetworkAddrPools: unaryHandler(async (_req, signal) => {
      const state = await port.state(signal)
      return { network_addrpools: byId(state.networkPools).map((a) => networkAddrPoolMessage(state, a)) }
    }, log),
    GetNetworkAddrPool: unaryHandler(async (req, signal) => {
      const state = await port.state(signal)
      return networkAddrPoolMessage(state, association(state, req.assignment))
    }, log),
    AssignNetworkAddrPool: unaryHandler(async (req, signal) => {
      const result = await apply(networkAddrPoolAssignCommand(req, ''), signal)
      const created = added(result, (s) => s.networkPools)
      return reply(
        result,
        given('network_addrpool', created, (a) => networkAddrPoolMessage(result.state, a)),
      )
    }, log),
    RemoveNetworkAddrPool: unaryHandler(async (req, signal) => {
      const result = await apply(networkAddrPoolRemoveCommand(req, ''), signal)
      const removed = association(result.previous, req.assignment)
      return reply(result, { network_addrpool: networkAddrPoolMessage(result.previous, removed) })
    }, log),

    ListHosts: unaryHandler(
      async (_req, signal) => ({ hosts: byId((await port.state(signal)).hosts).map(hostMessage) }),
      log,
    ),
    GetHost: unaryHandler(async (req, signal) => hostMessage(host(await port.state(signal), req.host)), log),
    LockHost: unaryHandler(
      async (req, signal) => hostMutation(await apply(hostLockCommand(req, ''), signal), req.host),
      log,
    ),
    UnlockHost: unaryHandler(
      async (req, signal) => hostMutation(await apply(hostUnlockCommand(req, ''), signal), req.host),
      log,
    ),
    SwactHost: unaryHandler(
      async (req, signal) => hostMutation(await apply(hostSwactCommand(req, ''), signal), req.host),
      log,
    ),

    ListAlarms: unaryHandler(
      async (_req, signal) => ({ alarms: sortedAlarms((await port.state(signal)).alarms).map(alarmMessage) }),
      log,
    ),

    Plan: unaryHandler(async (req, signal) => {
      const commands = commandsFromMessages(req.commands, 'commands')
      const state = await port.state(signal)
      return planResponse(state, commands)
    }, log),
  }
}

/** What every mutation replies: its own fields, the effects, and the generation the change reached. */
function reply<T extends object>(
  result: ApplyResult,
  fields: T,
): T & { effects: EffectMessage[]; generation: string } {
  return { ...fields, effects: effects(result.effects), generation: String(result.state.generation) }
}

/** The row an add created: the one whose uuid was not there before. */
function added<T extends { readonly uuid: string }>(
  result: ApplyResult,
  rows: (state: SystemState) => readonly T[],
): T | undefined {
  const before = new Set(rows(result.previous).map((r) => r.uuid))
  return rows(result.state).find((r) => !before.has(r.uuid))
}

/** The host `ref` named before the change, as it is after. */
function hostMutation(result: ApplyResult, ref: string): HostMutation {
  const uuid = host(result.previous, ref).uuid
  return reply(
    result,
    given(
      'host',
      result.state.hosts.find((h) => h.uuid === uuid),
      hostMessage,
    ),
  )
}

/**
 * The Plan contract stops at the first rejected command (later verdicts would be judged against a
 * state the change could never reach), so netmodel's steps are cut after the first refusal.
 */
function planResponse(state: SystemState, commands: readonly Command[]): PlanResponse {
  const outcome = plan(state, commands)
  const firstRefusal = outcome.steps.findIndex((s) => !s.ok)
  const steps = firstRefusal < 0 ? outcome.steps : outcome.steps.slice(0, firstRefusal + 1)
  return {
    results: steps.map((step) =>
      step.ok
        ? { index: step.index, applied: { effects: effects(step.effects) } }
        : {
            index: step.index,
            rejected: {
              code: step.error.code,
              category: step.error.category,
              message: step.error.message,
              field: step.error.field ?? '',
            },
          },
    ),
    accepted: outcome.ok,
    base_generation: String(state.generation),
    generation: String(outcome.ok ? outcome.state.generation : state.generation),
  }
}
