import { NETWORK_TYPES, networkOfType, plan, poolsOfNetwork } from '@dc/netmodel'
import type { Command, SystemState } from '@dc/netmodel'
import type { PlanResponse, PlatformHandlers, PlatformReply } from '@dc/protos'
import type { Logger } from '@dc/runtime'
import { commandsFromMessages } from './command-messages.js'
import { InvalidRequestError } from './errors.js'
import {
  associationByRef,
  hostByRef,
  mutationCommand,
  networkByRef,
  platformReply,
  poolByRef,
} from './mutation-reply.js'
import type { PlatformMutation } from './mutation-reply.js'
import type { PlatformPort } from './platform-port.js'
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

/** The field of {@link PlatformReply} each mutation answers with. */
const REPLY_FIELD: { readonly [M in PlatformMutation]: keyof PlatformReply } = {
  AddNetwork: 'network',
  DeleteNetwork: 'network',
  AddAddressPool: 'address_pool',
  ModifyAddressPool: 'address_pool',
  DeleteAddressPool: 'address_pool',
  AssignNetworkAddrPool: 'network_addrpool',
  RemoveNetworkAddrPool: 'network_addrpool',
  LockHost: 'host',
  UnlockHost: 'host',
  SwactHost: 'host',
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
  const mutation = <M extends PlatformMutation>(method: M): PlatformHandlers[M] =>
    unaryHandler(async (req: Parameters<PlatformHandlers[M]>[0]['request'], signal) => {
      const command = mutationCommand(method, req)
      return platformReply(command, await port.apply([command], signal))[REPLY_FIELD[method]]
    }, log) as unknown as PlatformHandlers[M]
  return {
    GetSystem: unaryHandler(async (_req, signal) => systemMessage(await port.state(signal), regionName), log),

    ListNetworks: unaryHandler(
      async (_req, signal) => ({ networks: byId((await port.state(signal)).networks).map(networkMessage) }),
      log,
    ),
    GetNetwork: unaryHandler(
      async (req, signal) => networkMessage(networkByRef(await port.state(signal), req.network)),
      log,
    ),
    AddNetwork: mutation('AddNetwork'),
    DeleteNetwork: mutation('DeleteNetwork'),

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
      async (req, signal) => addressPoolMessage(poolByRef(await port.state(signal), req.pool)),
      log,
    ),
    AddAddressPool: mutation('AddAddressPool'),
    ModifyAddressPool: mutation('ModifyAddressPool'),
    DeleteAddressPool: mutation('DeleteAddressPool'),

    ListNetworkAddrPools: unaryHandler(async (_req, signal) => {
      const state = await port.state(signal)
      return { network_addrpools: byId(state.networkPools).map((a) => networkAddrPoolMessage(state, a)) }
    }, log),
    GetNetworkAddrPool: unaryHandler(async (req, signal) => {
      const state = await port.state(signal)
      return networkAddrPoolMessage(state, associationByRef(state, req.assignment))
    }, log),
    AssignNetworkAddrPool: mutation('AssignNetworkAddrPool'),
    RemoveNetworkAddrPool: mutation('RemoveNetworkAddrPool'),

    ListHosts: unaryHandler(
      async (_req, signal) => ({ hosts: byId((await port.state(signal)).hosts).map(hostMessage) }),
      log,
    ),
    GetHost: unaryHandler(
      async (req, signal) => hostMessage(hostByRef(await port.state(signal), req.host)),
      log,
    ),
    LockHost: mutation('LockHost'),
    UnlockHost: mutation('UnlockHost'),
    SwactHost: mutation('SwactHost'),

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
        ? { index: step.index, applied: { effects: step.effects.map(effectMessage) } }
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
