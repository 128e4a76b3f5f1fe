import type { AddSubcloudRequest, Subcloud__Output, UpdateSubcloudRequest } from '@dc/protos'

import type { CliContext } from '../cli-context.js'
import { deleteCommand, objectCommand, showResult } from '../command-spec.js'
import type { CommandArgs, CommandResult, CommandSpec, OptionSpec } from '../command-spec.js'
import { CliError } from '../errors.js'
import type { CellValue } from '../format-cell.js'
import { withoutUndefined } from '../without-undefined.js'
import { listResult, orNone, withChanges } from './dcmanager-results.js'
import {
  NETWORK_RECONFIGURATION_OPTIONS,
  networkReconfigurationFields,
} from './network-reconfiguration-options.js'
import { readInputFile } from './read-input-file.js'

/** `dcmanager subcloud list` columns. */
export const SUBCLOUD_COLUMNS = [
  'id',
  'name',
  'management',
  'availability',
  'deploy status',
  'sync',
  'backup status',
  'prestage status',
] as const

const DETAIL_COLUMNS = [
  'id',
  'name',
  'description',
  'location',
  'software_version',
  'management',
  'availability',
  'deploy_status',
  'management_subnet',
  'management_start_ip',
  'management_end_ip',
  'management_gateway_ip',
  'systemcontroller_gateway_ip',
  'group_id',
  'peer_group_id',
  'created_at',
  'updated_at',
  'backup_status',
  'backup_datetime',
  'prestage_status',
  'prestage_versions',
] as const

/** `dcmanager subcloud list -d` columns: the detail columns with `sync` after `deploy_status`. */
export const SUBCLOUD_DETAIL_LIST_COLUMNS: readonly string[] = [
  ...DETAIL_COLUMNS.slice(0, 8),
  'sync',
  ...DETAIL_COLUMNS.slice(8),
]

const FIELDS: Readonly<Record<string, (s: Subcloud__Output) => CellValue>> = {
  id: (s) => s.id,
  name: (s) => s.name,
  description: (s) => orNone(s.description),
  location: (s) => orNone(s.location),
  software_version: (s) => s.software_version,
  management: (s) => s.management_state,
  availability: (s) => s.availability_status,
  deploy_status: (s) => s.deploy_status,
  'deploy status': (s) => s.deploy_status,
  sync: (s) => s.sync,
  management_subnet: (s) => s.management_subnet,
  management_start_ip: (s) => s.management_start_ip,
  management_end_ip: (s) => s.management_end_ip,
  management_gateway_ip: (s) => s.management_gateway_ip,
  systemcontroller_gateway_ip: (s) => s.systemcontroller_gateway_ip,
  group_id: (s) => s.group_id,
  peer_group_id: (s) => s.peer_group_id ?? null,
  created_at: (s) => s.created_at,
  updated_at: (s) => orNone(s.updated_at),
  backup_status: (s) => orNone(s.backup_status),
  'backup status': (s) => orNone(s.backup_status),
  backup_datetime: (s) => orNone(s.backup_datetime),
  prestage_status: (s) => orNone(s.prestage_status),
  'prestage status': (s) => orNone(s.prestage_status),
  prestage_versions: (s) => orNone(s.prestage_versions),
  region_name: (s) => s.region_name,
}

function subcloudCells(subcloud: Subcloud__Output, columns: readonly string[]): CellValue[] {
  return columns.map((column) => FIELDS[column]?.(subcloud) ?? null)
}

/** Subclouds as `subcloud-group list-subclouds` and `subcloud-peer-group list-subclouds` show them. */
export function subcloudDetailList(subclouds: readonly Subcloud__Output[]): CommandResult {
  return listResult(
    SUBCLOUD_DETAIL_LIST_COLUMNS,
    subclouds.map((s) => subcloudCells(s, SUBCLOUD_DETAIL_LIST_COLUMNS)),
  )
}

/** Where the controller dials the subcloud's agent, and why there when it is a lab on loopback. */
function operationalAddress(subcloud: Subcloud__Output): string {
  const address = subcloud.operational_address
  return subcloud.loopback_lab ? `${address} (single-machine lab: loopback bootstrap address kept)` : address
}

// What dcmanager prints after add, update, manage and unmanage; `show` adds region_name. The
// per-endpoint sync rows follow the detail columns; the live rows only when they are known.
export function showSubcloud(subcloud: Subcloud__Output, withRegion: boolean): CommandResult {
  const columns: string[] = [...DETAIL_COLUMNS]
  const cells = subcloudCells(subcloud, DETAIL_COLUMNS)
  for (const endpoint of subcloud.endpoint_sync_status) {
    columns.push(`${endpoint.endpoint_type}_sync_status`)
    cells.push(endpoint.sync_status)
  }
  const detail = subcloud.detail
  if (detail !== null && detail.oam_floating_ip !== '' && detail.oam_floating_ip !== 'unavailable') {
    columns.push('oam_floating_ip')
    cells.push(detail.oam_floating_ip)
  }
  if (
    detail !== null &&
    detail.deploy_config_sync_status !== '' &&
    detail.deploy_config_sync_status !== 'unknown'
  ) {
    columns.push('deploy_config_sync_status')
    cells.push(detail.deploy_config_sync_status)
  }
  if (withRegion) {
    columns.push('region_name', 'operational_address')
    cells.push(subcloud.region_name, operationalAddress(subcloud))
  }
  return showResult(columns, cells)
}

export const SUBCLOUD_ARGUMENT = {
  name: 'subcloud',
  metavar: '<subcloud>',
  help: 'Name or ID of the subcloud',
}
const GROUP_OPTION: OptionSpec = {
  name: 'group',
  kind: 'string',
  metavar: '<group>',
  help: 'Name or ID of the subcloud group',
}
const DESCRIPTION_OPTION: OptionSpec = {
  name: 'description',
  kind: 'string',
  metavar: '<description>',
  help: 'Description of the subcloud',
}
const LOCATION_OPTION: OptionSpec = {
  name: 'location',
  kind: 'string',
  metavar: '<location>',
  help: 'Location of the subcloud',
}
export const SYSADMIN_PASSWORD_OPTION: OptionSpec = {
  name: 'sysadmin-password',
  kind: 'string',
  metavar: '<password>',
  help: 'Accepted so StarlingX scripts run unchanged; the agent needs no password, so it is not sent',
}
export const WAIT_OPTION: OptionSpec = {
  name: 'wait',
  kind: 'boolean',
  help: 'Follow the deploy, printing each deploy status on stderr, until it completes or fails',
}
const DETAIL_OPTION = {
  name: 'detail',
  short: 'd',
  kind: 'boolean',
  help: 'Show additional details',
} as const

function isSettled(deployStatus: string): boolean {
  return deployStatus === 'complete' || deployStatus.endsWith('-failed') || deployStatus.endsWith('-aborted')
}

// `--wait`: follows the deploy on stderr, one line per status change, until it settles.
export async function waitForDeploy(ctx: CliContext, added: Subcloud__Output): Promise<Subcloud__Output> {
  let current = added
  ctx.progress(`${current.name}: deploy status ${current.deploy_status}`)
  while (!isSettled(current.deploy_status)) {
    await ctx.sleep(ctx.pollIntervalMs)
    const next = await ctx.dcManager.GetSubcloud({ subcloud: String(current.id), detail: false })
    if (next.deploy_status !== current.deploy_status)
      ctx.progress(`${next.name}: deploy status ${next.deploy_status}`)
    current = next
  }
  if (current.deploy_status !== 'complete') {
    throw new CliError(
      `Subcloud ${current.name} deploy ended in ${current.deploy_status}: ${current.error_description}`,
    )
  }
  return current
}

async function updateSubcloud(ctx: CliContext, args: CommandArgs): Promise<CommandResult> {
  const path = args.string('bootstrap-values')
  const request = withChanges(
    args,
    withoutUndefined<UpdateSubcloudRequest>({
      subcloud: args.positional('subcloud'),
      name: args.string('name'),
      description: args.string('description'),
      location: args.string('location'),
      group: args.string('group'),
      bootstrap_address: args.string('bootstrap-address'),
      bootstrap_values_yaml:
        path === undefined
          ? undefined
          : await readInputFile(ctx, 'bootstrap-values', path, 'a bootstrap values file'),
      peer_group: args.string('peer-group'),
      ...networkReconfigurationFields(args),
    }),
  )
  return showSubcloud(await ctx.dcManager.UpdateSubcloud(request), false)
}

/** A change of state with one flag (`--force`, `--migrate`), answered with the subcloud after it. */
function subcloudAction(
  name: string,
  summary: string,
  flag: OptionSpec,
  call: (ctx: CliContext, subcloud: string, flag: boolean) => Promise<Subcloud__Output>,
): CommandSpec<CliContext> {
  return {
    name,
    summary,
    positionals: [SUBCLOUD_ARGUMENT],
    options: [flag],
    output: 'show',
    async run(ctx, args) {
      return showSubcloud(await call(ctx, args.positional('subcloud'), args.flag(flag.name)), false)
    },
  }
}

/** `dcmanager subcloud add|list|show|update|manage|unmanage|delete|errors`. */
export const SUBCLOUD_COMMANDS: readonly CommandSpec<CliContext>[] = [
  {
    name: 'subcloud add',
    summary: 'Add a new subcloud: validated at once, then deployed in the background.',
    positionals: [],
    options: [
      {
        name: 'bootstrap-address',
        kind: 'string',
        metavar: '<address>',
        required: true,
        help: "Address of the subcloud's agent, of its primary OAM family ([addr]:port or addr; port 50051 by default)",
      },
      {
        name: 'bootstrap-values',
        kind: 'string',
        metavar: '<file>',
        required: true,
        help: 'YAML file with the bootstrap values of the subcloud (comma-separated dual-stack values, primary first)',
      },
      GROUP_OPTION,
      { name: 'release', kind: 'string', metavar: '<release>', help: 'Software release of the subcloud' },
      {
        name: 'name',
        kind: 'string',
        metavar: '<name>',
        help: 'Subcloud name; must equal the name in the bootstrap values',
      },
      DESCRIPTION_OPTION,
      LOCATION_OPTION,
      SYSADMIN_PASSWORD_OPTION,
      {
        name: 'migrate',
        kind: 'boolean',
        help: 'The subcloud is already deployed: check that its state matches the values, then claim it without bootstrapping it again',
      },
      WAIT_OPTION,
    ],
    output: 'show',
    async run(ctx, args) {
      const path = args.string('bootstrap-values') ?? ''
      const request = withoutUndefined<AddSubcloudRequest>({
        bootstrap_address: args.string('bootstrap-address'),
        bootstrap_values_yaml: await readInputFile(ctx, 'bootstrap-values', path, 'a bootstrap values file'),
        group: args.string('group'),
        release: args.string('release'),
        name: args.string('name'),
        description: args.string('description'),
        location: args.string('location'),
        migrate: args.flag('migrate') || undefined,
      })
      const added = await ctx.dcManager.AddSubcloud(request)
      return showSubcloud(args.flag('wait') ? await waitForDeploy(ctx, added) : added, false)
    },
  },
  {
    name: 'subcloud list',
    summary: 'List subclouds.',
    positionals: [],
    options: [
      { name: 'all', kind: 'boolean', help: 'List all subclouds, including secondary ones' },
      { ...DETAIL_OPTION, help: 'List all columns of the subclouds' },
    ],
    output: 'list',
    async run(ctx, args) {
      const detail = args.flag('detail')
      const { subclouds } = await ctx.dcManager.ListSubclouds({ all: args.flag('all'), detail })
      // As in dcmanager, choosing columns switches to the detail columns, whose names have no spaces.
      const columns =
        detail || args.strings('column').length > 0 ? SUBCLOUD_DETAIL_LIST_COLUMNS : SUBCLOUD_COLUMNS
      return listResult(
        columns,
        subclouds.map((s) => subcloudCells(s, columns)),
      )
    },
  },
  {
    name: 'subcloud show',
    summary: 'Show the details of a subcloud.',
    positionals: [SUBCLOUD_ARGUMENT],
    options: [DETAIL_OPTION],
    output: 'show',
    async run(ctx, args) {
      const subcloud = await ctx.dcManager.GetSubcloud({
        subcloud: args.positional('subcloud'),
        detail: args.flag('detail'),
      })
      return showSubcloud(subcloud, true)
    },
  },
  {
    name: 'subcloud update',
    summary: 'Update attributes of a subcloud.',
    positionals: [SUBCLOUD_ARGUMENT],
    options: [
      { name: 'name', kind: 'string', metavar: '<name>', help: 'New name of the subcloud' },
      DESCRIPTION_OPTION,
      LOCATION_OPTION,
      GROUP_OPTION,
      {
        name: 'bootstrap-address',
        kind: 'string',
        metavar: '<address>',
        help: "New agent address, of the subcloud's primary OAM family",
      },
      {
        name: 'bootstrap-values',
        kind: 'string',
        metavar: '<file>',
        help: 'YAML file with new bootstrap values',
      },
      {
        name: 'peer-group',
        kind: 'string',
        metavar: '<peer group>',
        help: "Name or ID of the subcloud peer group, or 'none' to leave it",
      },
      ...NETWORK_RECONFIGURATION_OPTIONS,
    ],
    output: 'show',
    run: updateSubcloud,
  },
  subcloudAction(
    'subcloud manage',
    'Manage a subcloud.',
    { name: 'force', kind: 'boolean', help: 'Disregard the deploy and availability status' },
    (ctx, subcloud, force) => ctx.dcManager.ManageSubcloud({ subcloud, force }),
  ),
  subcloudAction(
    'subcloud unmanage',
    'Unmanage a subcloud.',
    { name: 'migrate', kind: 'boolean', help: 'Mark the subcloud for an upcoming migration' },
    (ctx, subcloud, migrate) => ctx.dcManager.UnmanageSubcloud({ subcloud, migrate }),
  ),
  deleteCommand('subcloud delete', 'Delete a subcloud.', SUBCLOUD_ARGUMENT, (ctx, subcloud) =>
    ctx.dcManager.DeleteSubcloud({ subcloud }),
  ),
  objectCommand(
    'subcloud errors',
    'Show the error of the last failed operation of a subcloud.',
    SUBCLOUD_ARGUMENT,
    'text',
    async (ctx, subcloud) => ({
      kind: 'text',
      text: (await ctx.dcManager.GetSubcloudErrors({ subcloud })).error_description,
    }),
  ),
]
