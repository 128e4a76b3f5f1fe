import { NETWORK_TYPES, textProblem } from '@dc/netmodel'
import type { AllocationOrder, Command, NetworkType, PoolAddressFields } from '@dc/netmodel'
import type {
  AddrPoolAdd__Output,
  AddrPoolDelete__Output,
  AddrPoolModify__Output,
  AddressRange__Output,
  AddressUpdate__Output,
  Command as CommandMessage,
  Command__Output,
  HostLock__Output,
  HostSwact__Output,
  HostUnlock__Output,
  NetworkAddrPoolAssign__Output,
  NetworkAddrPoolRemove__Output,
  NetworkAdd__Output,
  NetworkDelete__Output,
} from '@dc/protos'
import { InvalidRequestError } from './errors.js'
import { given } from './given.js'

/** Most commands one request may carry. */
export const MAX_COMMANDS = 256
/** Most ranges one pool may be given. */
export const MAX_RANGES = 64

const ORDERS: readonly AllocationOrder[] = ['random', 'sequential']

/**
 * A string request field (a name, a reference, an id) that netmodel's text rule accepts: at most
 * 255 characters, no control or bidirectional formatting character; malformed otherwise.
 */
export function requestText(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new InvalidRequestError(field, 'must be a string')
  const problem = textProblem(value)
  if (problem !== undefined) throw new InvalidRequestError(field, problem.reason)
  return value
}

function required(value: unknown, field: string): string {
  const t = requestText(value, field)
  if (t.trim() === '') throw new InvalidRequestError(field, 'is required')
  return t
}

/** Path of `key` under `field`; a top-level request message has the empty path. */
function at(field: string, key: string): string {
  return field === '' ? key : `${field}.${key}`
}

/** A proto3 `optional` field: present when the loader's synthetic oneof names it. */
function present<M extends object>(message: M, key: keyof M & string): boolean {
  const value = (message as Record<string, unknown>)[key]
  const marker = (message as Record<string, unknown>)[`_${key}`]
  return value !== undefined && value !== null && (marker === undefined || marker === key)
}

function optionalText<M extends object>(
  message: M,
  key: keyof M & string,
  field: string,
): string | undefined {
  return present(message, key)
    ? requestText((message as Record<string, unknown>)[key], at(field, key))
    : undefined
}

function order(value: string, field: string): AllocationOrder {
  const found = ORDERS.find((o) => o === value)
  if (found === undefined)
    throw new InvalidRequestError(field, `'${value}' is not one of ${ORDERS.join(', ')}`)
  return found
}

function networkType(value: string, field: string): NetworkType {
  const found = NETWORK_TYPES.find((t) => t === value)
  if (found === undefined)
    throw new InvalidRequestError(field, `'${value}' is not one of ${NETWORK_TYPES.join(', ')}`)
  return found
}

function prefix(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new InvalidRequestError(field, 'must be a non-negative integer')
  }
  return value
}

function ranges(list: readonly AddressRange__Output[] | undefined, field: string): [string, string][] {
  const items = list ?? []
  if (items.length > MAX_RANGES) throw new InvalidRequestError(field, `more than ${MAX_RANGES} ranges`)
  return items.map((r, i) => [
    required(r.start, `${field}[${i}].start`),
    required(r.end, `${field}[${i}].end`),
  ])
}

const ADDRESS_FIELDS = [
  ['floating_address', 'floatingAddress'],
  ['controller0_address', 'controller0Address'],
  ['controller1_address', 'controller1Address'],
  ['gateway_address', 'gatewayAddress'],
] as const

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

function addressUpdate(update: AddressUpdate__Output, field: string): string | null {
  if (update.update === 'address') return required(update.address, at(field, 'address'))
  if (update.update === 'clear') {
    if (update.clear !== true) throw new InvalidRequestError(at(field, 'clear'), 'must be true when set')
    return null
  }
  throw new InvalidRequestError(field, 'one of address or clear must be set')
}

/** `system addrpool-add`. */
export function addrPoolAddCommand(m: AddrPoolAdd__Output, field: string): Command {
  const uuid = optionalText(m, 'uuid', field)
  const orderText = optionalText(m, 'order', field)
  const addresses: Mutable<PoolAddressFields> = {}
  for (const [key, name] of ADDRESS_FIELDS) {
    const value = optionalText(m, key, field)
    if (value !== undefined) addresses[name] = value
  }
  const rangeList = ranges(m.ranges, at(field, 'ranges'))
  return {
    kind: 'addrpool-add',
    name: required(m.name, at(field, 'name')),
    network: required(m.network, at(field, 'network')),
    prefix: prefix(m.prefix, at(field, 'prefix')),
    ...given('uuid', uuid),
    ...given('order', orderText, (text) => order(text, at(field, 'order'))),
    ...(rangeList.length === 0 ? {} : { ranges: rangeList }),
    ...addresses,
  }
}

/** `system addrpool-modify`: only the fields present change. */
export function addrPoolModifyCommand(m: AddrPoolModify__Output, field: string): Command {
  const changes: Mutable<Extract<Command, { kind: 'addrpool-modify' }>['changes']> = {}
  const name = optionalText(m, 'name', field)
  if (name !== undefined) changes.name = required(name, at(field, 'name'))
  const network = optionalText(m, 'network', field)
  if (network !== undefined) changes.network = required(network, at(field, 'network'))
  if (present(m, 'prefix')) changes.prefix = prefix(m.prefix, at(field, 'prefix'))
  const orderText = optionalText(m, 'order', field)
  if (orderText !== undefined) changes.order = order(orderText, at(field, 'order'))
  if (m.ranges !== null && m.ranges !== undefined) {
    const list = ranges(m.ranges.ranges, at(field, 'ranges.ranges'))
    if (list.length === 0)
      throw new InvalidRequestError(at(field, 'ranges'), 'must list at least one range when set')
    changes.ranges = list
  }
  for (const [key, prop] of ADDRESS_FIELDS) {
    const update = m[key]
    if (update !== null && update !== undefined) changes[prop] = addressUpdate(update, at(field, key))
  }
  return { kind: 'addrpool-modify', pool: required(m.pool, at(field, 'pool')), changes }
}

export function addrPoolDeleteCommand(m: AddrPoolDelete__Output, field: string): Command {
  return { kind: 'addrpool-delete', pool: required(m.pool, at(field, 'pool')) }
}

export function networkAddCommand(m: NetworkAdd__Output, field: string): Command {
  const uuid = optionalText(m, 'uuid', field)
  if (typeof m.dynamic !== 'boolean') throw new InvalidRequestError(at(field, 'dynamic'), 'must be a boolean')
  return {
    kind: 'network-add',
    name: required(m.name, at(field, 'name')),
    type: networkType(required(m.type, at(field, 'type')), at(field, 'type')),
    dynamic: m.dynamic,
    pool: required(m.pool, at(field, 'pool')),
    ...given('uuid', uuid),
  }
}

export function networkDeleteCommand(m: NetworkDelete__Output, field: string): Command {
  return { kind: 'network-delete', network: required(m.network, at(field, 'network')) }
}

export function networkAddrPoolAssignCommand(m: NetworkAddrPoolAssign__Output, field: string): Command {
  const uuid = optionalText(m, 'uuid', field)
  return {
    kind: 'network-addrpool-assign',
    network: required(m.network, at(field, 'network')),
    pool: required(m.pool, at(field, 'pool')),
    ...given('uuid', uuid),
  }
}

export function networkAddrPoolRemoveCommand(m: NetworkAddrPoolRemove__Output, field: string): Command {
  return { kind: 'network-addrpool-remove', assignment: required(m.assignment, at(field, 'assignment')) }
}

export function hostLockCommand(m: HostLock__Output, field: string): Command {
  return {
    kind: 'host-lock',
    host: required(m.host, at(field, 'host')),
    ...(m.force === true ? { force: true } : {}),
  }
}

export function hostUnlockCommand(m: HostUnlock__Output, field: string): Command {
  return { kind: 'host-unlock', host: required(m.host, at(field, 'host')) }
}

export function hostSwactCommand(m: HostSwact__Output, field: string): Command {
  return { kind: 'host-swact', host: required(m.host, at(field, 'host')) }
}

/**
 * A proto `Command` as a netmodel command. Malformed input (no case set, a required field empty,
 * an unknown order or network type) is an {@link InvalidRequestError} naming the field under
 * `field`, e.g. `commands[1].addrpool_add.name`. Rules that need the state are netmodel's.
 */
export function commandFromMessage(m: Command__Output | null | undefined, field: string): Command {
  const which = m?.command
  if (m === null || m === undefined || which === undefined) {
    throw new InvalidRequestError(field, 'no command set')
  }
  const body = m[which]
  if (body === null || body === undefined) throw new InvalidRequestError(at(field, which), 'is empty')
  const path = at(field, which)
  switch (which) {
    case 'addrpool_add':
      return addrPoolAddCommand(body as AddrPoolAdd__Output, path)
    case 'addrpool_modify':
      return addrPoolModifyCommand(body as AddrPoolModify__Output, path)
    case 'addrpool_delete':
      return addrPoolDeleteCommand(body as AddrPoolDelete__Output, path)
    case 'network_add':
      return networkAddCommand(body as NetworkAdd__Output, path)
    case 'network_delete':
      return networkDeleteCommand(body as NetworkDelete__Output, path)
    case 'network_addrpool_assign':
      return networkAddrPoolAssignCommand(body as NetworkAddrPoolAssign__Output, path)
    case 'network_addrpool_remove':
      return networkAddrPoolRemoveCommand(body as NetworkAddrPoolRemove__Output, path)
    case 'host_lock':
      return hostLockCommand(body as HostLock__Output, path)
    case 'host_unlock':
      return hostUnlockCommand(body as HostUnlock__Output, path)
    case 'host_swact':
      return hostSwactCommand(body as HostSwact__Output, path)
    default:
      return which satisfies never
  }
}

/** A request's command list: at least one, at most {@link MAX_COMMANDS}. */
export function commandsFromMessages(
  list: readonly (Command__Output | null)[] | undefined,
  field: string,
): Command[] {
  const items = list ?? []
  if (items.length === 0) throw new InvalidRequestError(field, 'at least one command is required')
  if (items.length > MAX_COMMANDS) throw new InvalidRequestError(field, `more than ${MAX_COMMANDS} commands`)
  return items.map((m, i) => commandFromMessage(m, `${field}[${i}]`))
}

function addressFieldMessages(fields: PoolAddressFields): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, prop] of ADDRESS_FIELDS) {
    const value = fields[prop]
    if (value !== undefined && value !== null) out[key] = value
  }
  return out
}

function addressUpdateMessages(
  fields: PoolAddressFields,
): Record<string, { address: string } | { clear: true }> {
  const out: Record<string, { address: string } | { clear: true }> = {}
  for (const [key, prop] of ADDRESS_FIELDS) {
    const value = fields[prop]
    if (value !== undefined) out[key] = value === null ? { clear: true } : { address: value }
  }
  return out
}

/** A netmodel command as a proto `Command`, the inverse of {@link commandFromMessage}. */
export function commandMessage(c: Command): CommandMessage {
  switch (c.kind) {
    case 'addrpool-add':
      return {
        addrpool_add: {
          name: c.name,
          network: c.network,
          prefix: c.prefix,
          ranges: (c.ranges ?? []).map(([start, end]) => ({ start, end })),
          ...given('uuid', c.uuid),
          ...given('order', c.order),
          ...addressFieldMessages(c),
        },
      }
    case 'addrpool-modify': {
      const ch = c.changes
      return {
        addrpool_modify: {
          pool: c.pool,
          ...given('name', ch.name),
          ...given('network', ch.network),
          ...given('prefix', ch.prefix),
          ...given('order', ch.order),
          ...given('ranges', ch.ranges, (list) => ({ ranges: list.map(([start, end]) => ({ start, end })) })),
          ...addressUpdateMessages(ch),
        },
      }
    }
    case 'addrpool-delete':
      return { addrpool_delete: { pool: c.pool } }
    case 'network-add':
      return {
        network_add: {
          name: c.name,
          type: c.type,
          dynamic: c.dynamic,
          pool: c.pool,
          ...given('uuid', c.uuid),
        },
      }
    case 'network-delete':
      return { network_delete: { network: c.network } }
    case 'network-addrpool-assign':
      return {
        network_addrpool_assign: {
          network: c.network,
          pool: c.pool,
          ...given('uuid', c.uuid),
        },
      }
    case 'network-addrpool-remove':
      return { network_addrpool_remove: { assignment: c.assignment } }
    case 'host-lock':
      return { host_lock: { host: c.host, force: c.force ?? false } }
    case 'host-unlock':
      return { host_unlock: { host: c.host } }
    case 'host-swact':
      return { host_swact: { host: c.host } }
    default:
      return c satisfies never
  }
}
