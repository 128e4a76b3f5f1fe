import type { Network__Output, NetworkAddrPool__Output } from '@dc/protos'

import type { CliContext } from '../cli-context.js'
import { listCommand, objectCommand, showResult } from '../command-spec.js'
import type { CommandResult, CommandSpec } from '../command-spec.js'
import { CliError } from '../errors.js'
import type { CellValue } from '../format-cell.js'
import { sortRows } from '../sort-rows.js'

/** `network-list` columns, and `network-show` rows. */
export const NETWORK_COLUMNS = [
  'id',
  'uuid',
  'name',
  'type',
  'dynamic',
  'pool_uuid',
  'primary_pool_family',
] as const

/** `network-addrpool-list` columns: `$2` is the uuid and `$6` the pool name for awk. */
export const NETWORK_ADDRPOOL_COLUMNS = ['uuid', 'network_name', 'addrpool_name'] as const

function networkCells(network: Network__Output): CellValue[] {
  return [
    network.id,
    network.uuid,
    network.name,
    network.type,
    network.dynamic,
    network.pool_uuid ?? null,
    network.primary_pool_family ?? null,
  ]
}

function assignmentCells(assignment: NetworkAddrPool__Output): CellValue[] {
  return [assignment.uuid, assignment.network_name, assignment.address_pool_name]
}

function showNetwork(network: Network__Output | null): CommandResult {
  if (network === null) throw new CliError('The server answered without the network')
  return showResult(NETWORK_COLUMNS, networkCells(network))
}

// StarlingX labels the pool `pool_name` in show output but `addrpool_name` in the list.
function showAssignment(assignment: NetworkAddrPool__Output | null): CommandResult {
  if (assignment === null) throw new CliError('The server answered without the network-addrpool association')
  return {
    kind: 'show',
    fields: [
      ['uuid', assignment.uuid],
      ['network_name', assignment.network_name],
      ['pool_name', assignment.address_pool_name],
    ],
  }
}

const NETWORK_ARGUMENT = {
  name: 'network',
  metavar: '<network name or uuid>',
  help: 'Name or UUID of the network',
}
const ASSIGNMENT_ARGUMENT = {
  name: 'assignment',
  metavar: '<network addrpool uuid>',
  help: 'UUID of the network-addrpool association',
}
const DYNAMIC_CHOICES = ['true', 'false', 'True', 'False']

/** `system network-list|show|add|delete` and `network-addrpool-list|show|assign|remove`. */
export const NETWORK_COMMANDS: readonly CommandSpec<CliContext>[] = [
  listCommand('network-list', 'List IP networks.', async (ctx) => {
    const { networks } = await ctx.platform.ListNetworks({})
    return { kind: 'list', columns: NETWORK_COLUMNS, rows: sortRows(networks.map(networkCells), 1) }
  }),
  objectCommand('network-show', 'Show IP network details.', NETWORK_ARGUMENT, 'show', async (ctx, network) =>
    showNetwork(await ctx.platform.GetNetwork({ network })),
  ),
  {
    name: 'network-add',
    summary: 'Add a network.',
    positionals: [
      { name: 'name', metavar: '<network_name>', help: 'Name of the network [REQUIRED]' },
      { name: 'type', metavar: '<network type>', help: 'Type of the network [REQUIRED]' },
      {
        name: 'dynamic',
        metavar: '<dynamic>',
        help: `Dynamic address allocation: ${DYNAMIC_CHOICES.join(', ')} [REQUIRED]`,
      },
      { name: 'pool', metavar: '<pool_uuid>', help: 'Name or UUID of the primary address pool [REQUIRED]' },
    ],
    options: [],
    output: 'show',
    async run(ctx, args) {
      const dynamic = args.positional('dynamic')
      if (!DYNAMIC_CHOICES.includes(dynamic)) {
        const choices = DYNAMIC_CHOICES.map((c) => `'${c}'`).join(', ')
        throw args.usageError(`argument <dynamic>: invalid choice: '${dynamic}' (choose from ${choices})`)
      }
      const { network } = await ctx.platform.AddNetwork({
        name: args.positional('name'),
        type: args.positional('type'),
        dynamic: dynamic.toLowerCase() === 'true',
        pool: args.positional('pool'),
      })
      return showNetwork(network)
    },
  },
  objectCommand('network-delete', 'Delete a network.', NETWORK_ARGUMENT, 'text', async (ctx, network) => {
    await ctx.platform.DeleteNetwork({ network })
    return { kind: 'text', text: `Deleted Network: ${network}` }
  }),
  listCommand('network-addrpool-list', 'List network and address pool associations.', async (ctx) => {
    const { network_addrpools } = await ctx.platform.ListNetworkAddrPools({})
    return {
      kind: 'list',
      columns: NETWORK_ADDRPOOL_COLUMNS,
      rows: sortRows(network_addrpools.map(assignmentCells), 1),
    }
  }),
  objectCommand(
    'network-addrpool-show',
    'Show network address pool association attributes.',
    ASSIGNMENT_ARGUMENT,
    'show',
    async (ctx, assignment) => showAssignment(await ctx.platform.GetNetworkAddrPool({ assignment })),
  ),
  {
    name: 'network-addrpool-assign',
    summary: 'Assign an address pool to a network; the first pool of a network is its primary pool.',
    positionals: [
      { name: 'network', metavar: '<network name or uuid>', help: 'Name or UUID of the network [REQUIRED]' },
      {
        name: 'pool',
        metavar: '<addrpool name or uuid>',
        help: 'Name or UUID of the address pool [REQUIRED]',
      },
    ],
    options: [],
    output: 'show',
    async run(ctx, args) {
      const { network_addrpool } = await ctx.platform.AssignNetworkAddrPool({
        network: args.positional('network'),
        pool: args.positional('pool'),
      })
      return showAssignment(network_addrpool)
    },
  },
  objectCommand(
    'network-addrpool-remove',
    'Remove an assigned address pool from a network.',
    ASSIGNMENT_ARGUMENT,
    'text',
    async (ctx, assignment) => {
      await ctx.platform.RemoveNetworkAddrPool({ assignment })
      return { kind: 'text', text: `Deleted Network Addrpool: ${assignment}` }
    },
  ),
]
