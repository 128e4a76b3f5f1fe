import {
  AssociationNotFoundError,
  HostNotFoundError,
  NetworkNotFoundError,
  PoolNotFoundError,
} from '@dc/netmodel'
import { findHost, findNetwork, findNetworkPool, findPool } from '@dc/netmodel'
import type { AddressPool, Command, Host, Network, NetworkAddrPool, SystemState } from '@dc/netmodel'
import type { Effect as EffectMessage, PlatformHandlers, PlatformReply } from '@dc/protos'
import {
  addrPoolAddCommand,
  addrPoolDeleteCommand,
  addrPoolModifyCommand,
  hostLockCommand,
  hostSwactCommand,
  hostUnlockCommand,
  networkAddCommand,
  networkAddrPoolAssignCommand,
  networkAddrPoolRemoveCommand,
  networkDeleteCommand,
} from './command-messages.js'
import { given } from './given.js'
import type { ApplyResult } from './platform-port.js'
import {
  addressPoolMessage,
  effectMessage,
  hostMessage,
  networkAddrPoolMessage,
  networkMessage,
} from './state-messages.js'

/** The Platform RPCs that change the site: each is exactly one netmodel command. */
export type PlatformMutation =
  | 'AddNetwork'
  | 'DeleteNetwork'
  | 'AddAddressPool'
  | 'ModifyAddressPool'
  | 'DeleteAddressPool'
  | 'AssignNetworkAddrPool'
  | 'RemoveNetworkAddrPool'
  | 'LockHost'
  | 'UnlockHost'
  | 'SwactHost'

type RequestOf<M extends PlatformMutation> = Parameters<PlatformHandlers[M]>[0]['request']

const COMMANDS: { readonly [M in PlatformMutation]: (request: RequestOf<M>, field: string) => Command } = {
  AddNetwork: networkAddCommand,
  DeleteNetwork: networkDeleteCommand,
  AddAddressPool: addrPoolAddCommand,
  ModifyAddressPool: addrPoolModifyCommand,
  DeleteAddressPool: addrPoolDeleteCommand,
  AssignNetworkAddrPool: networkAddrPoolAssignCommand,
  RemoveNetworkAddrPool: networkAddrPoolRemoveCommand,
  LockHost: hostLockCommand,
  UnlockHost: hostUnlockCommand,
  SwactHost: hostSwactCommand,
}

export function isPlatformMutation(method: string): method is PlatformMutation {
  return Object.hasOwn(COMMANDS, method)
}

/** The one command a mutation's request stands for; InvalidRequestError when it is malformed. */
export function mutationCommand<M extends PlatformMutation>(method: M, request: RequestOf<M>): Command {
  return (COMMANDS[method] as (request: RequestOf<M>, field: string) => Command)(request, '')
}

function found<T>(row: T | undefined, missing: () => Error): T {
  if (row === undefined) throw missing()
  return row
}

/** `network-show` and `host-show` also take the integer id of the row. */
function byRef<T extends { readonly id: number }>(rows: readonly T[], ref: string): T | undefined {
  return /^\d{1,9}$/.test(ref) ? rows.find((r) => r.id === Number(ref)) : undefined
}

export function networkByRef(state: SystemState, ref: string): Network {
  return found(findNetwork(state, ref) ?? byRef(state.networks, ref), () => new NetworkNotFoundError(ref))
}

export function hostByRef(state: SystemState, ref: string): Host {
  return found(findHost(state, ref) ?? byRef(state.hosts, ref), () => new HostNotFoundError(ref))
}

export function poolByRef(state: SystemState, ref: string): AddressPool {
  return found(findPool(state, ref), () => new PoolNotFoundError(ref))
}

export function associationByRef(state: SystemState, ref: string): NetworkAddrPool {
  return found(findNetworkPool(state, ref), () => new AssociationNotFoundError(ref))
}

/** What every mutation replies: its own fields, the effects, and the generation the change reached. */
function reply<T extends object>(
  result: ApplyResult,
  fields: T,
): T & { effects: EffectMessage[]; generation: string } {
  return {
    ...fields,
    effects: result.effects.map(effectMessage),
    generation: String(result.state.generation),
  }
}

/** The row an add created: the one whose uuid was not there before. */
function added<T extends { readonly uuid: string }>(
  result: ApplyResult,
  rows: (state: SystemState) => readonly T[],
): T | undefined {
  const before = new Set(rows(result.previous).map((r) => r.uuid))
  return rows(result.state).find((r) => !before.has(r.uuid))
}

/**
 * The Platform service's reply to one applied mutation command, from the state before and after
 * it. Built where the change is applied, so the agent's own Platform service and a change the
 * controller forwards through `Agent.Apply` answer alike, and a replayed change answers as it did.
 */
export function platformReply(command: Command, result: ApplyResult): PlatformReply {
  const { previous, state } = result
  switch (command.kind) {
    case 'network-add':
      return {
        network: reply(
          result,
          given(
            'network',
            added(result, (s) => s.networks),
            networkMessage,
          ),
        ),
      }
    case 'network-delete':
      return { network: reply(result, { network: networkMessage(networkByRef(previous, command.network)) }) }
    case 'addrpool-add':
      return {
        address_pool: reply(
          result,
          given(
            'address_pool',
            added(result, (s) => s.pools),
            addressPoolMessage,
          ),
        ),
      }
    case 'addrpool-modify': {
      const uuid = poolByRef(previous, command.pool).uuid
      const modified = state.pools.find((p) => p.uuid === uuid)
      return { address_pool: reply(result, given('address_pool', modified, addressPoolMessage)) }
    }
    case 'addrpool-delete':
      return {
        address_pool: reply(result, { address_pool: addressPoolMessage(poolByRef(previous, command.pool)) }),
      }
    case 'network-addrpool-assign':
      return {
        network_addrpool: reply(
          result,
          given(
            'network_addrpool',
            added(result, (s) => s.networkPools),
            (a) => networkAddrPoolMessage(state, a),
          ),
        ),
      }
    case 'network-addrpool-remove': {
      const removed = associationByRef(previous, command.assignment)
      return {
        network_addrpool: reply(result, { network_addrpool: networkAddrPoolMessage(previous, removed) }),
      }
    }
    case 'host-lock':
    case 'host-unlock':
    case 'host-swact': {
      const uuid = hostByRef(previous, command.host).uuid
      return {
        host: reply(
          result,
          given(
            'host',
            state.hosts.find((h) => h.uuid === uuid),
            hostMessage,
          ),
        ),
      }
    }
  }
}
