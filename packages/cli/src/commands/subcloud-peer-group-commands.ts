import type {
  AddSubcloudPeerGroupRequest,
  SubcloudPeerGroup__Output,
  UpdateSubcloudPeerGroupRequest,
} from '@dc/protos'

import type { CliContext } from '../cli-context.js'
import { deleteCommand, listCommand, objectCommand, showResult } from '../command-spec.js'
import type { CommandArgs, CommandResult, CommandSpec, OptionSpec } from '../command-spec.js'
import type { CellValue } from '../format-cell.js'
import { withoutUndefined } from '../without-undefined.js'
import { listResult, orNone, withChanges } from './dcmanager-results.js'
import { subcloudDetailList } from './subcloud-commands.js'

/** `dcmanager subcloud-peer-group list` columns. */
export const SUBCLOUD_PEER_GROUP_COLUMNS = [
  'id',
  'peer_group_name',
  'group_priority',
  'group_state',
  'system_leader_id',
  'system_leader_name',
  'max_subcloud_rehoming',
  'created_at',
  'updated_at',
] as const

/** The peer group cells, in {@link SUBCLOUD_PEER_GROUP_COLUMNS} order. */
export function peerGroupCells(group: SubcloudPeerGroup__Output): CellValue[] {
  return [
    group.id,
    group.peer_group_name,
    group.group_priority,
    group.group_state,
    group.system_leader_id,
    group.system_leader_name,
    group.max_subcloud_rehoming,
    group.created_at,
    orNone(group.updated_at),
  ]
}

function showPeerGroup(group: SubcloudPeerGroup__Output): CommandResult {
  return showResult(SUBCLOUD_PEER_GROUP_COLUMNS, peerGroupCells(group))
}

const STATUS_COLUMNS = [
  'peer_group_id',
  'peer_group_name',
  'total_subclouds',
  'complete',
  'waiting_for_migrate',
  'rehoming',
  'rehome_failed',
  'managed',
  'unmanaged',
] as const

const GROUP_ARGUMENT = { name: 'group', metavar: '<group>', help: 'Name or ID of the subcloud peer group' }
const GROUP_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'group-priority',
    kind: 'string',
    metavar: '<priority>',
    help: 'Priority of the group: 0 is the owning site',
  },
  {
    name: 'group-state',
    kind: 'string',
    metavar: '<enabled | disabled>',
    choices: ['enabled', 'disabled'],
    help: 'Administrative state of the group',
  },
  {
    name: 'max-subcloud-rehoming',
    kind: 'string',
    metavar: '<count>',
    help: 'Maximum number of subclouds migrated in parallel',
  },
]

function peerGroupFields(args: CommandArgs) {
  return {
    peer_group_name: args.string('peer-group-name'),
    group_priority: args.integer('group-priority'),
    group_state: args.string('group-state'),
    max_subcloud_rehoming: args.integer('max-subcloud-rehoming'),
  }
}

/** `dcmanager subcloud-peer-group add|list|show|update|delete|list-subclouds|migrate|status`. */
export const SUBCLOUD_PEER_GROUP_COMMANDS: readonly CommandSpec<CliContext>[] = [
  {
    name: 'subcloud-peer-group add',
    summary: 'Add a new subcloud peer group.',
    positionals: [],
    options: [
      {
        name: 'peer-group-name',
        kind: 'string',
        metavar: '<name>',
        required: true,
        help: 'Name of the new subcloud peer group',
      },
      ...GROUP_OPTIONS,
    ],
    output: 'show',
    async run(ctx, args) {
      const request = withoutUndefined<AddSubcloudPeerGroupRequest>(peerGroupFields(args))
      return showPeerGroup(await ctx.dcManager.AddSubcloudPeerGroup(request))
    },
  },
  listCommand('subcloud-peer-group list', 'List subcloud peer groups.', async (ctx) => {
    const { subcloud_peer_groups } = await ctx.dcManager.ListSubcloudPeerGroups({})
    return listResult(SUBCLOUD_PEER_GROUP_COLUMNS, subcloud_peer_groups.map(peerGroupCells))
  }),
  objectCommand(
    'subcloud-peer-group show',
    'Show the details of a subcloud peer group.',
    GROUP_ARGUMENT,
    'show',
    async (ctx, group) => showPeerGroup(await ctx.dcManager.GetSubcloudPeerGroup({ peer_group: group })),
  ),
  {
    name: 'subcloud-peer-group update',
    summary: 'Update attributes of a subcloud peer group.',
    positionals: [GROUP_ARGUMENT],
    options: [
      {
        name: 'peer-group-name',
        kind: 'string',
        metavar: '<name>',
        help: 'New name of the subcloud peer group',
      },
      ...GROUP_OPTIONS,
    ],
    output: 'show',
    async run(ctx, args) {
      const request = withChanges(
        args,
        withoutUndefined<UpdateSubcloudPeerGroupRequest>({
          peer_group: args.positional('group'),
          ...peerGroupFields(args),
        }),
      )
      return showPeerGroup(await ctx.dcManager.UpdateSubcloudPeerGroup(request))
    },
  },
  deleteCommand('subcloud-peer-group delete', 'Delete a subcloud peer group.', GROUP_ARGUMENT, (ctx, group) =>
    ctx.dcManager.DeleteSubcloudPeerGroup({ peer_group: group }),
  ),
  objectCommand(
    'subcloud-peer-group list-subclouds',
    'List the subclouds of a subcloud peer group.',
    GROUP_ARGUMENT,
    'list',
    async (ctx, group) =>
      subcloudDetailList(
        (await ctx.dcManager.ListSubcloudPeerGroupSubclouds({ peer_group: group })).subclouds,
      ),
  ),
  {
    name: 'subcloud-peer-group migrate',
    summary: 'Migrate the subclouds of a subcloud peer group to this system controller.',
    positionals: [GROUP_ARGUMENT],
    options: [
      {
        name: 'sysadmin-password',
        kind: 'string',
        metavar: '<password>',
        help: 'Sysadmin password of the subclouds',
      },
    ],
    output: 'show',
    async run(ctx, args) {
      const group = await ctx.dcManager.MigrateSubcloudPeerGroup({
        peer_group: args.positional('group'),
        sysadmin_password: args.string('sysadmin-password') ?? '',
      })
      return showPeerGroup(group)
    },
  },
  objectCommand(
    'subcloud-peer-group status',
    'Show a summary of the subcloud statuses within a subcloud peer group.',
    GROUP_ARGUMENT,
    'show',
    async (ctx, group) => {
      const s = await ctx.dcManager.GetSubcloudPeerGroupStatus({ peer_group: group })
      return showResult(STATUS_COLUMNS, [
        s.peer_group_id,
        s.peer_group_name,
        s.total_subclouds,
        s.complete,
        s.waiting_for_migrate,
        s.rehoming,
        s.rehome_failed,
        s.managed,
        s.unmanaged,
      ])
    },
  ),
]
