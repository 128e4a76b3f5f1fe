import type { SubcloudGroup__Output, UpdateSubcloudGroupRequest } from '@dc/protos'

import type { CliContext } from '../cli-context.js'
import type { CommandSpec, OptionSpec } from '../command-spec.js'
import type { CellValue } from '../format-cell.js'
import { withoutUndefined } from '../without-undefined.js'
import { listResult, orNone, showResult } from './dcmanager-results.js'
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
  {
    name: 'subcloud-group list',
    summary: 'List subcloud groups.',
    positionals: [],
    options: [],
    output: 'list',
    async run(ctx) {
      const { subcloud_groups } = await ctx.dcManager.ListSubcloudGroups({})
      return listResult(
        SUBCLOUD_GROUP_COLUMNS,
        subcloud_groups.map((g) => [g.id, g.name, g.description]),
      )
    },
  },
  {
    name: 'subcloud-group list-subclouds',
    summary: 'List the subclouds of a subcloud group.',
    positionals: [GROUP_ARGUMENT],
    options: [],
    output: 'list',
    async run(ctx, args) {
      const { subclouds } = await ctx.dcManager.ListSubcloudGroupSubclouds({
        group: args.positional('group'),
      })
      return subcloudDetailList(subclouds)
    },
  },
  {
    name: 'subcloud-group show',
    summary: 'Show the details of a subcloud group.',
    positionals: [GROUP_ARGUMENT],
    options: [],
    output: 'show',
    async run(ctx, args) {
      return showResult(
        DETAIL_COLUMNS,
        detailCells(await ctx.dcManager.GetSubcloudGroup({ group: args.positional('group') })),
      )
    },
  },
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
      const request = withoutUndefined<UpdateSubcloudGroupRequest>({
        group: args.positional('group'),
        name: args.string('name'),
        description: args.string('description'),
        update_apply_type: args.string('update_apply_type'),
        max_parallel_subclouds: args.integer('max_parallel_subclouds'),
      })
      if (Object.keys(request).length === 1) throw args.usageError('Nothing to update')
      return showResult(DETAIL_COLUMNS, detailCells(await ctx.dcManager.UpdateSubcloudGroup(request)))
    },
  },
  {
    name: 'subcloud-group delete',
    summary: 'Delete a subcloud group.',
    positionals: [GROUP_ARGUMENT],
    options: [],
    output: 'text',
    async run(ctx, args) {
      await ctx.dcManager.DeleteSubcloudGroup({ group: args.positional('group') })
      return { kind: 'text', text: '' }
    },
  },
]
