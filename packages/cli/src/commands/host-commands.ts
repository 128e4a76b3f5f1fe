import type { Host__Output, HostMutation__Output } from '@dc/protos'

import type { CliContext } from '../cli-context.js'
import { listCommand, objectCommand } from '../command-spec.js'
import type { CommandArgs, CommandResult, CommandSpec } from '../command-spec.js'
import { CliError } from '../errors.js'
import type { CellValue } from '../format-cell.js'
import { sortRows } from '../sort-rows.js'

/** `host-list` columns. */
export const HOST_COLUMNS = [
  'id',
  'hostname',
  'personality',
  'administrative',
  'operational',
  'availability',
] as const

function hostCells(host: Host__Output): CellValue[] {
  return [host.id, host.hostname, host.personality, host.administrative, host.operational, host.availability]
}

// sysinv reports which controller is active through the host's capabilities, and pending
// configuration through config_status; `host-show` prints its properties sorted by name.
function showHost(host: Host__Output | null): CommandResult {
  if (host === null) throw new CliError('The server answered without the host')
  const role = host.active ? 'Controller-Active' : 'Controller-Standby'
  const fields: [string, CellValue][] = [
    ['administrative', host.administrative],
    ['availability', host.availability],
    ['capabilities', host.personality === 'controller' ? `{'Personality': '${role}'}` : '{}'],
    ['config_status', host.config_up_to_date ? null : 'Config out-of-date'],
    ['hostname', host.hostname],
    ['id', host.id],
    ['operational', host.operational],
    ['personality', host.personality],
    ['uuid', host.uuid],
  ]
  return { kind: 'show', fields }
}

const HOST_ARGUMENT = { name: 'host', metavar: '<hostname or id>', help: 'Name or ID of the host' }

function hostAction(
  name: string,
  summary: string,
  call: (ctx: CliContext, args: CommandArgs) => Promise<HostMutation__Output>,
  force?: string,
): CommandSpec<CliContext> {
  return {
    name,
    summary,
    positionals: [HOST_ARGUMENT],
    options: force === undefined ? [] : [{ name: 'force', short: 'f', kind: 'boolean', help: force }],
    output: 'show',
    async run(ctx, args) {
      return showHost((await call(ctx, args)).host)
    },
  }
}

/** `system host-list|show|lock|unlock|swact` and `system show`. */
export const HOST_COMMANDS: readonly CommandSpec<CliContext>[] = [
  listCommand('host-list', 'List hosts.', async (ctx) => {
    const { hosts } = await ctx.platform.ListHosts({})
    return { kind: 'list', columns: HOST_COLUMNS, rows: sortRows(hosts.map(hostCells), 0) }
  }),
  objectCommand('host-show', 'Show host attributes.', HOST_ARGUMENT, 'show', async (ctx, host) =>
    showHost(await ctx.platform.GetHost({ host })),
  ),
  hostAction(
    'host-lock',
    'Lock a host.',
    (ctx, args) => ctx.platform.LockHost({ host: args.positional('host'), force: args.flag('force') }),
    'Force a lock operation',
  ),
  hostAction('host-unlock', 'Unlock a host.', (ctx, args) =>
    ctx.platform.UnlockHost({ host: args.positional('host') }),
  ),
  hostAction('host-swact', 'Switch activity away from this active host.', (ctx, args) =>
    ctx.platform.SwactHost({ host: args.positional('host') }),
  ),
  {
    name: 'show',
    summary: 'Show system attributes.',
    positionals: [],
    options: [],
    output: 'show',
    async run(ctx) {
      const system = await ctx.platform.GetSystem({})
      const fields: [string, CellValue][] = [
        ['distributed_cloud_role', system.distributed_cloud_role],
        ['generation', Number(system.generation)],
        ['initial_config_complete', system.initial_config_complete],
        ['kubernetes_dual_stack', system.kubernetes_dual_stack],
        ['name', system.name],
        ['region_name', system.region_name === '' ? null : system.region_name],
        ['software_version', system.software_version],
        ['system_mode', system.system_mode],
        ['system_type', system.system_type],
        ['upgrade_in_progress', system.upgrade_in_progress],
        ['uuid', system.uuid],
      ]
      return { kind: 'show', fields }
    },
  },
]
