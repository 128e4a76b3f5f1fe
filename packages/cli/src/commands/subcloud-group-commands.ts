import type { SubcloudGroup__Output, UpdateSubcloudGroupRequest } from '@dc/protos'

import type { CliContext } from '../cli-context.js'
import { deleteCommand, listCommand, objectCommand, showResult } from '../command-spec.js'
import type { CommandSpec, OptionSpec } from '../command-spec.js'
import type { CellValue } from '../format-cell.js'
import { withoutUndefined } from '../without-undefined.js'
import { listResult, orNone, withChanges } from './dcmanager-results.js'
import { subcloudDetailList } from './subcloud-commands.js'

/** `dcmanager subcloud-group list` columns. */
export const SUBCLOUD_GROUP_COLUMNS = ['id', 'name', 'description'] as const

const DETAIL_COLUMNS = [
  'id',
  'name',
  'description',
  'update apply type',
  'max parallel subclouds',
  'created_at',
  'updated_at',
] as const

function detailCells(group: SubcloudGroup__Output): CellValue[] {
  return [
    group.id,
    group.name,
    group.description,
    group.update_apply_type,
    group.max_parallel_subclouds,
    group.created_at,
    orNone(group.updated_at),
  ]
}

const GROUP_ARGUMENT = { name: 'group', metavar: '<group>', help: 'Name or ID of the subcloud group' }
const APPLY_TYPE: OptionSpec = {
  name: 'update_apply_type',
  kind: 'string',
  metavar: '<parallel | serial>',
  choices: ['parallel', 'serial'],
  help: 'Apply type of updates to the subclouds of the group',
}
const MAX_PARALLEL: OptionSpec = {
  name: 'max_parallel_subclouds',
  kind: 'string',
  metavar: '<count>',
  help: 'Maximum number of subclouds updated in parallel (1-5000)',
}

/** `dcmanager subcloud-group add|list|list-subclouds|show|update|delete`. */
export const SUBCLOUD_GROUP_COMMANDS: readonly CommandSpec<CliContext>[] = [
  {
    name: 'subcloud-group add',
    summary: 'Add a new subcloud group.',
    positionals: [],
    options: [
      {
        name: 'name',
        kind: 'string',
        metavar: '<name>',
        required: true,
        help: 'Name of the new subcloud group',
      },
      { name: 'description', kind: 'string', metavar: '<description>', help: 'Description of the new group' },
      { ...APPLY_TYPE, help: `${APPLY_TYPE.help} (default parallel)` },
      { ...MAX_PARALLEL, help: `${MAX_PARALLEL.help} (default 2)` },
    ],
    output: 'show',
    async run(ctx, args) {
      const group = await ctx.dcManager.AddSubcloudGroup({
        name: args.string('name') ?? '',
        description: args.string('description') ?? 'No description provided',
        update_apply_type: args.string('update_apply_type') ?? 'parallel',
        max_parallel_subclouds: args.integer('max_parallel_subclouds') ?? 2,
      })
      return showResult(DETAIL_COLUMNS, detailCells(group))
    },
  },
  listCommand('subcloud-group list', 'List subcloud groups.', async (ctx) => {
    const { subcloud_groups } = await ctx.dcManager.ListSubcloudGroups({})
    return listResult(
      SUBCLOUD_GROUP_COLUMNS,
      subcloud_groups.map((g) => [g.id, g.name, g.description]),
    )
  }),
  objectCommand(
    'subcloud-group list-subclouds',
    'List the subclouds of a subcloud group.',
    GROUP_ARGUMENT,
    'list',
    async (ctx, group) =>
      subcloudDetailList((await ctx.dcManager.ListSubcloudGroupSubclouds({ group })).subclouds),
  ),
  objectCommand(
    'subcloud-group show',
    'Show the details of a subcloud group.',
    GROUP_ARGUMENT,
    'show',
    async (ctx, group) =>
      showResult(DETAIL_COLUMNS, detailCells(await ctx.dcManager.GetSubcloudGroup({ group }))),
  ),
  {
    name: 'subcloud-group update',
    summary: 'Update attributes of a subcloud group.',
    positionals: [GROUP_ARGUMENT],
    options: [
      { name: 'name', kind: 'string', metavar: '<name>', help: 'New name of the subcloud group' },
      { name: 'description', kind: 'string', metavar: '<description>', help: 'Description of the group' },
      APPLY_TYPE,
      MAX_PARALLEL,
    ],
    output: 'show',
    async run(ctx, args) {
      const request = withChanges(
        args,
        withoutUndefined<UpdateSubcloudGroupRequest>({
          group: args.positional('group'),
          name: args.string('name'),
          description: args.string('description'),
          update_apply_type: args.string('update_apply_type'),
          max_parallel_subclouds: args.integer('max_parallel_subclouds'),
        }),
      )
      return showResult(DETAIL_COLUMNS, detailCells(await ctx.dcManager.UpdateSubcloudGroup(request)))
    },
  },
  deleteCommand('subcloud-group delete', 'Delete a subcloud group.', GROUP_ARGUMENT, (ctx, group) =>
    ctx.dcManager.DeleteSubcloudGroup({ group }),
  ),
]
