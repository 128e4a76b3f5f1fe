import type { AddSystemPeerRequest, SystemPeer__Output, UpdateSystemPeerRequest } from '@dc/protos'

import type { CliContext } from '../cli-context.js'
import { deleteCommand, listCommand, objectCommand, showResult } from '../command-spec.js'
import type { CommandArgs, CommandSpec, OptionSpec } from '../command-spec.js'
import type { CellValue } from '../format-cell.js'
import { withoutUndefined } from '../without-undefined.js'
import { listResult, orNone, withChanges } from './dcmanager-results.js'
import { peerGroupCells, SUBCLOUD_PEER_GROUP_COLUMNS } from './subcloud-peer-group-commands.js'

/** `dcmanager system-peer list` columns. */
export const SYSTEM_PEER_COLUMNS = [
  'id',
  'peer uuid',
  'peer name',
  'manager endpoint',
  'controller gateway address',
] as const

const DETAIL_COLUMNS = [
  'id',
  'peer uuid',
  'peer name',
  'manager endpoint',
  'manager username',
  'controller gateway address',
  'administrative state',
  'heartbeat interval',
  'heartbeat failure threshold',
  'heartbeat failure policy',
  'heartbeat maintenance timeout',
  'availability state',
  'created_at',
  'updated_at',
] as const

function detailCells(peer: SystemPeer__Output): CellValue[] {
  return [
    peer.id,
    peer.peer_uuid,
    peer.peer_name,
    peer.manager_endpoint,
    peer.manager_username,
    peer.peer_controller_gateway_ip,
    peer.administrative_state,
    peer.heartbeat_interval,
    peer.heartbeat_failure_threshold,
    peer.heartbeat_failure_policy,
    peer.heartbeat_maintenance_timeout,
    peer.availability_state,
    peer.created_at,
    orNone(peer.updated_at),
  ]
}

const PEER_ARGUMENT = { name: 'peer', metavar: '<peer>', help: 'Name, UUID or ID of the system peer' }

function peerOptions(required: boolean): OptionSpec[] {
  const req = required ? { required: true } : {}
  return [
    { name: 'peer-uuid', kind: 'string', metavar: '<uuid>', help: 'System UUID of the peer', ...req },
    { name: 'peer-name', kind: 'string', metavar: '<name>', help: 'Name of the system peer', ...req },
    {
      name: 'manager-endpoint',
      kind: 'string',
      metavar: '<endpoint>',
      help: 'Endpoint of the peer system controller',
      ...req,
    },
    {
      name: 'peer-controller-gateway-address',
      kind: 'string',
      metavar: '<address>',
      help: 'Gateway subclouds use to reach the peer system controller',
      ...req,
    },
    {
      name: 'manager-username',
      kind: 'string',
      metavar: '<username>',
      help: 'Administrative user name (default admin)',
    },
    {
      name: 'manager-password',
      kind: 'string',
      metavar: '<password>',
      help: 'Password of the administrative user',
    },
    {
      name: 'administrative-state',
      kind: 'string',
      metavar: '<enabled | disabled>',
      choices: ['enabled', 'disabled'],
      help: 'Administrative state of the peer (default enabled)',
    },
    {
      name: 'heartbeat-interval',
      kind: 'string',
      metavar: '<seconds>',
      help: 'Seconds between heartbeats (default 60)',
    },
    {
      name: 'heartbeat-failure-threshold',
      kind: 'string',
      metavar: '<count>',
      help: 'Consecutive missed heartbeats before the peer is declared failed (default 3)',
    },
    {
      name: 'heartbeat-failure-policy',
      kind: 'string',
      metavar: '<alarm | rehome | delegate>',
      choices: ['alarm', 'rehome', 'delegate'],
      help: 'Action on heartbeat failure (default alarm)',
    },
    {
      name: 'heartbeat-maintenance-timeout',
      kind: 'string',
      metavar: '<seconds>',
      help: 'Seconds after a heartbeat failure before the policy acts (default 600)',
    },
  ]
}

function peerFields(args: CommandArgs) {
  return {
    peer_uuid: args.string('peer-uuid'),
    peer_name: args.string('peer-name'),
    manager_endpoint: args.string('manager-endpoint'),
    peer_controller_gateway_ip: args.string('peer-controller-gateway-address'),
    manager_username: args.string('manager-username'),
    manager_password: args.string('manager-password'),
    administrative_state: args.string('administrative-state'),
    heartbeat_interval: args.integer('heartbeat-interval'),
    heartbeat_failure_threshold: args.integer('heartbeat-failure-threshold'),
    heartbeat_failure_policy: args.string('heartbeat-failure-policy'),
    heartbeat_maintenance_timeout: args.integer('heartbeat-maintenance-timeout'),
  }
}

/** `dcmanager system-peer add|list|show|update|delete|list-subcloud-peer-groups`. */
export const SYSTEM_PEER_COMMANDS: readonly CommandSpec<CliContext>[] = [
  {
    name: 'system-peer add',
    summary: 'Add a new system peer.',
    positionals: [],
    options: peerOptions(true),
    output: 'show',
    async run(ctx, args) {
      const fields = peerFields(args)
      const request = withoutUndefined<AddSystemPeerRequest>({
        ...fields,
        manager_username: fields.manager_username ?? 'admin',
        manager_password: fields.manager_password ?? '',
      })
      return showResult(DETAIL_COLUMNS, detailCells(await ctx.dcManager.AddSystemPeer(request)))
    },
  },
  listCommand('system-peer list', 'List system peers.', async (ctx) => {
    const { system_peers } = await ctx.dcManager.ListSystemPeers({})
    return listResult(
      SYSTEM_PEER_COLUMNS,
      system_peers.map((p) => [
        p.id,
        p.peer_uuid,
        p.peer_name,
        p.manager_endpoint,
        p.peer_controller_gateway_ip,
      ]),
    )
  }),
  objectCommand(
    'system-peer show',
    'Show the details of a system peer.',
    PEER_ARGUMENT,
    'show',
    async (ctx, peer) =>
      showResult(DETAIL_COLUMNS, detailCells(await ctx.dcManager.GetSystemPeer({ system_peer: peer }))),
  ),
  {
    name: 'system-peer update',
    summary: 'Update attributes of a system peer.',
    positionals: [PEER_ARGUMENT],
    options: peerOptions(false),
    output: 'show',
    async run(ctx, args) {
      const request = withChanges(
        args,
        withoutUndefined<UpdateSystemPeerRequest>({
          system_peer: args.positional('peer'),
          ...peerFields(args),
        }),
      )
      return showResult(DETAIL_COLUMNS, detailCells(await ctx.dcManager.UpdateSystemPeer(request)))
    },
  },
  deleteCommand('system-peer delete', 'Delete a system peer.', PEER_ARGUMENT, (ctx, peer) =>
    ctx.dcManager.DeleteSystemPeer({ system_peer: peer }),
  ),
  objectCommand(
    'system-peer list-subcloud-peer-groups',
    'List the subcloud peer groups led by a system peer.',
    PEER_ARGUMENT,
    'list',
    async (ctx, peer) => {
      const { subcloud_peer_groups } = await ctx.dcManager.ListSystemPeerPeerGroups({ system_peer: peer })
      // The peer's groups print without their timestamps, as dcmanager prints them.
      const columns = SUBCLOUD_PEER_GROUP_COLUMNS.slice(0, 7)
      return listResult(
        columns,
        subcloud_peer_groups.map((g) => peerGroupCells(g).slice(0, 7)),
      )
    },
  ),
]
