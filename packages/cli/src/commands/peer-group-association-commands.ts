import type { AddPeerGroupAssociationRequest, PeerGroupAssociation__Output } from '@dc/protos'

import type { CliContext } from '../cli-context.js'
import { deleteCommand, listCommand, objectCommand, showResult } from '../command-spec.js'
import type { CommandResult, CommandSpec } from '../command-spec.js'
import type { CellValue } from '../format-cell.js'
import { withoutUndefined } from '../without-undefined.js'
import { listResult, orNone } from './dcmanager-results.js'

/** `dcmanager peer-group-association list` columns. */
export const PEER_GROUP_ASSOCIATION_COLUMNS = [
  'id',
  'peer_group_id',
  'system_peer_id',
  'type',
  'sync_status',
  'peer_group_priority',
] as const

const DETAIL_COLUMNS = [
  'id',
  'peer_group_id',
  'system_peer_id',
  'association_type',
  'sync_status',
  'peer_group_priority',
  'sync_message',
  'created_at',
  'updated_at',
] as const

function detailCells(a: PeerGroupAssociation__Output): CellValue[] {
  return [
    a.id,
    a.peer_group_id,
    a.system_peer_id,
    a.association_type,
    a.sync_status,
    a.peer_group_priority,
    orNone(a.sync_message),
    a.created_at,
    orNone(a.updated_at),
  ]
}

const ID_ARGUMENT = { name: 'id', metavar: '<id>', help: 'ID of the peer group association' }

function showAssociation(association: PeerGroupAssociation__Output): CommandResult {
  return showResult(DETAIL_COLUMNS, detailCells(association))
}

function associationCommand(
  verb: 'show' | 'sync',
  summary: string,
  call: (ctx: CliContext, association: string) => Promise<PeerGroupAssociation__Output>,
): CommandSpec<CliContext> {
  return objectCommand(
    `peer-group-association ${verb}`,
    summary,
    ID_ARGUMENT,
    'show',
    async (ctx, association) => showAssociation(await call(ctx, association)),
  )
}

/** `dcmanager peer-group-association add|list|show|update|sync|delete`. */
export const PEER_GROUP_ASSOCIATION_COMMANDS: readonly CommandSpec<CliContext>[] = [
  {
    name: 'peer-group-association add',
    summary: 'Add a new peer group association.',
    positionals: [],
    options: [
      {
        name: 'peer-group-id',
        kind: 'string',
        metavar: '<peer group>',
        required: true,
        help: 'Name or ID of the subcloud peer group',
      },
      {
        name: 'system-peer-id',
        kind: 'string',
        metavar: '<system peer>',
        required: true,
        help: 'Name, UUID or ID of the system peer',
      },
      {
        name: 'peer-group-priority',
        kind: 'string',
        metavar: '<priority>',
        help: 'Priority of the peer group on the peer site; required when the local group priority is 0',
      },
    ],
    output: 'show',
    async run(ctx, args) {
      const request = withoutUndefined<AddPeerGroupAssociationRequest>({
        peer_group: args.string('peer-group-id'),
        system_peer: args.string('system-peer-id'),
        peer_group_priority: args.integer('peer-group-priority'),
      })
      return showAssociation(await ctx.dcManager.AddPeerGroupAssociation(request))
    },
  },
  listCommand('peer-group-association list', 'List peer group associations.', async (ctx) => {
    const { peer_group_associations } = await ctx.dcManager.ListPeerGroupAssociations({})
    return listResult(
      PEER_GROUP_ASSOCIATION_COLUMNS,
      peer_group_associations.map((a) => detailCells(a).slice(0, 6)),
    )
  }),
  associationCommand('show', 'Show the details of a peer group association.', (ctx, association) =>
    ctx.dcManager.GetPeerGroupAssociation({ association }),
  ),
  {
    name: 'peer-group-association update',
    summary: 'Update the peer group priority of a peer group association.',
    positionals: [ID_ARGUMENT],
    options: [
      {
        name: 'peer-group-priority',
        kind: 'string',
        metavar: '<priority>',
        required: true,
        help: 'Priority of the peer group on the peer site',
      },
    ],
    output: 'show',
    async run(ctx, args) {
      const association = await ctx.dcManager.UpdatePeerGroupAssociation({
        association: args.positional('id'),
        peer_group_priority: args.integer('peer-group-priority') ?? 0,
      })
      return showAssociation(association)
    },
  },
  associationCommand('sync', 'Sync the subcloud peer group to the peer site.', (ctx, association) =>
    ctx.dcManager.SyncPeerGroupAssociation({ association }),
  ),
  deleteCommand(
    'peer-group-association delete',
    'Delete a peer group association.',
    ID_ARGUMENT,
    (ctx, association) => ctx.dcManager.DeletePeerGroupAssociation({ association }),
  ),
]
