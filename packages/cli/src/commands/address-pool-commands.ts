import type {
  AddressPool__Output,
  AddressRange,
  AddressUpdate,
  AddrPoolAdd,
  AddrPoolModify,
} from '@dc/protos'

import type { CliContext } from '../cli-context.js'
import { listCommand, objectCommand, showResult } from '../command-spec.js'
import type { CommandArgs, CommandResult, CommandSpec, OptionSpec } from '../command-spec.js'
import { CliError } from '../errors.js'
import type { CellValue } from '../format-cell.js'
import { sortRows } from '../sort-rows.js'
import { withoutUndefined } from '../without-undefined.js'

/** `addrpool-list` columns, and `addrpool-show` rows, in StarlingX's order. */
export const ADDRESS_POOL_COLUMNS = [
  'uuid',
  'name',
  'network',
  'prefix',
  'order',
  'ranges',
  'floating_address',
  'controller0_address',
  'controller1_address',
  'gateway_address',
] as const

function poolCells(pool: AddressPool__Output): CellValue[] {
  return [
    pool.uuid,
    pool.name,
    pool.network,
    pool.prefix,
    pool.order,
    pool.ranges.map((range) => `${range.start}-${range.end}`),
    pool.floating_address ?? null,
    pool.controller0_address ?? null,
    pool.controller1_address ?? null,
    pool.gateway_address ?? null,
  ]
}

function showPool(pool: AddressPool__Output | null): CommandResult {
  if (pool === null) throw new CliError('The server answered without the address pool')
  return showResult(ADDRESS_POOL_COLUMNS, poolCells(pool))
}

const ADDRESS_FIELDS = [
  ['floating-address', 'floating_address', 'Floating IP address'],
  ['controller0-address', 'controller0_address', 'Controller-0 IP address'],
  ['controller1-address', 'controller1_address', 'Controller-1 IP address'],
  ['gateway-address', 'gateway_address', 'Gateway IP address'],
] as const

const RANGES: OptionSpec = {
  name: 'ranges',
  kind: 'string',
  metavar: '<ranges>',
  help: 'Inclusive ranges of addresses to allocate: <start1-end1>[,<start2-end2>,...]',
}
const ORDER: OptionSpec = {
  name: 'order',
  kind: 'string',
  metavar: '<sequential | random>',
  choices: ['sequential', 'random'],
  help: 'Allocation order within the ranges',
}

function addressOptions(clearable: boolean): OptionSpec[] {
  return ADDRESS_FIELDS.map(([name, , help]) => ({
    name,
    kind: 'string',
    metavar: `<${name.replace('-', ' ')}>`,
    help: clearable ? `${help}; 'none' clears it` : help,
  }))
}

function parseRanges(args: CommandArgs): AddressRange[] | undefined {
  const text = args.string('ranges')
  if (text === undefined) return undefined
  return text.split(',').map((part) => {
    const [start, end, ...extra] = part.split('-').map((bound) => bound.trim())
    if (start === undefined || end === undefined || start === '' || end === '' || extra.length > 0) {
      throw args.usageError(`argument --ranges: expected <start>-<end>[,<start>-<end>,...], got '${text}'`)
    }
    return { start, end }
  })
}

function addressUpdate(value: string | undefined): AddressUpdate | undefined {
  if (value === undefined) return undefined
  return value.toLowerCase() === 'none' ? { clear: true } : { address: value }
}

const POOL_ARGUMENT = {
  name: 'pool',
  metavar: '<address pool name or uuid>',
  help: 'Name or UUID of the address pool',
}

/** `system addrpool-list|show|add|modify|delete`. */
export const ADDRESS_POOL_COMMANDS: readonly CommandSpec<CliContext>[] = [
  listCommand('addrpool-list', 'List IP address pools.', async (ctx) => {
    const { address_pools } = await ctx.platform.ListAddressPools({})
    return { kind: 'list', columns: ADDRESS_POOL_COLUMNS, rows: sortRows(address_pools.map(poolCells), 1) }
  }),
  objectCommand(
    'addrpool-show',
    'Show IP address pool attributes.',
    POOL_ARGUMENT,
    'show',
    async (ctx, pool) => showPool(await ctx.platform.GetAddressPool({ pool })),
  ),
  {
    name: 'addrpool-add',
    summary: 'Add an IP address pool.',
    positionals: [
      { name: 'name', metavar: '<name>', help: 'Name of the address pool [REQUIRED]' },
      { name: 'network', metavar: '<network address>', help: 'Network IP address [REQUIRED]' },
      { name: 'prefix', metavar: '<network prefix>', help: 'Network IP address prefix length [REQUIRED]' },
    ],
    options: [RANGES, ORDER, ...addressOptions(false)],
    output: 'show',
    async run(ctx, args) {
      const request = withoutUndefined<AddrPoolAdd>({
        name: args.positional('name'),
        network: args.positional('network'),
        prefix: args.integer('prefix'),
        order: args.string('order'),
        ranges: parseRanges(args),
        floating_address: args.string('floating-address'),
        controller0_address: args.string('controller0-address'),
        controller1_address: args.string('controller1-address'),
        gateway_address: args.string('gateway-address'),
      })
      return showPool((await ctx.platform.AddAddressPool(request)).address_pool)
    },
  },
  {
    name: 'addrpool-modify',
    summary: 'Modify IP address pool attributes.',
    positionals: [POOL_ARGUMENT],
    options: [
      { name: 'name', kind: 'string', metavar: '<name>', help: 'New name of the address pool' },
      { name: 'network', kind: 'string', metavar: '<network address>', help: 'New network IP address' },
      { name: 'prefix', kind: 'string', metavar: '<network prefix>', help: 'New network prefix length' },
      RANGES,
      ORDER,
      ...addressOptions(true),
    ],
    output: 'show',
    async run(ctx, args) {
      const ranges = parseRanges(args)
      const request = withoutUndefined<AddrPoolModify>({
        pool: args.positional('pool'),
        name: args.string('name'),
        network: args.string('network'),
        prefix: args.integer('prefix'),
        order: args.string('order'),
        ranges: ranges === undefined ? undefined : { ranges },
        floating_address: addressUpdate(args.string('floating-address')),
        controller0_address: addressUpdate(args.string('controller0-address')),
        controller1_address: addressUpdate(args.string('controller1-address')),
        gateway_address: addressUpdate(args.string('gateway-address')),
      })
      if (Object.keys(request).length === 1)
        throw args.usageError('nothing to modify: give at least one option')
      return showPool((await ctx.platform.ModifyAddressPool(request)).address_pool)
    },
  },
  objectCommand('addrpool-delete', 'Delete an IP address pool.', POOL_ARGUMENT, 'text', async (ctx, pool) => {
    await ctx.platform.DeleteAddressPool({ pool })
    return { kind: 'text', text: `Deleted address pool: ${pool}` }
  }),
]
