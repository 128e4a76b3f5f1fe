import type { AlarmDetail__Output, Event__Output, SubcloudAlarms__Output } from '@dc/protos'

import type { CliContext } from '../cli-context.js'
import { listCommand, objectCommand } from '../command-spec.js'
import type { CommandResult, CommandSpec } from '../command-spec.js'
import type { CellValue } from '../format-cell.js'
import { listResult } from './dcmanager-results.js'

/** `fm event-list` columns, as FM's; `--uuid` puts `UUID` in front. */
export const EVENT_COLUMNS = [
  'Time Stamp',
  'State',
  'Event Log ID',
  'Reason Text',
  'Entity Instance ID',
  'Severity',
] as const

/** `dcmanager alarm summary` columns, as dcmanager's. */
export const ALARM_SUMMARY_COLUMNS = [
  'NAME',
  'CRITICAL_ALARMS',
  'MAJOR_ALARMS',
  'MINOR_ALARMS',
  'WARNINGS',
  'STATUS',
] as const

function eventCells(event: Event__Output): CellValue[] {
  return [
    event.timestamp,
    event.state,
    event.event_log_id,
    event.reason_text,
    event.entity_instance_id,
    event.severity,
  ]
}

/** The events as `fm event-list` prints them, in the order the controller sent (newest first). */
export function eventList(events: readonly Event__Output[], withUuid: boolean): CommandResult {
  return {
    kind: 'list',
    columns: withUuid ? ['UUID', ...EVENT_COLUMNS] : EVENT_COLUMNS,
    rows: events.map((event) => (withUuid ? [event.uuid, ...eventCells(event)] : eventCells(event))),
  }
}

/** One alarm as `fm alarm-show` prints it: FM's property names, in its order. */
export function alarmShow(alarm: AlarmDetail__Output): CommandResult {
  return {
    kind: 'show',
    fields: [
      ['alarm_id', alarm.alarm_id],
      ['alarm_state', alarm.alarm_state],
      ['entity_instance_id', alarm.entity_instance_id],
      ['proposed_repair_action', alarm.proposed_repair_action],
      ['reason_text', alarm.reason_text],
      ['region', alarm.region],
      ['service_affecting', alarm.service_affecting ? 'True' : 'False'],
      ['severity', alarm.severity],
      ['timestamp', alarm.timestamp],
      ['uuid', alarm.uuid],
    ],
  }
}

/** The subclouds as `dcmanager alarm summary` prints them. */
export function alarmSummary(subclouds: readonly SubcloudAlarms__Output[]): CommandResult {
  return listResult(
    ALARM_SUMMARY_COLUMNS,
    subclouds.map(({ name, alarms }) => [
      name,
      alarms?.critical ?? 0,
      alarms?.major ?? 0,
      alarms?.minor ?? 0,
      alarms?.warnings ?? 0,
      alarms?.cloud_status ?? '',
    ]),
  )
}

/** `fm event-list` and `fm alarm-show`: the controller's fault history and its active alarms. */
export const FM_FAULT_COMMANDS: readonly CommandSpec<CliContext>[] = [
  {
    name: 'event-list',
    summary: 'List the alarms raised and cleared in the selected region, newest first.',
    positionals: [],
    options: [
      {
        name: 'query',
        short: 'q',
        kind: 'string',
        metavar: '<QUERY>',
        help: 'key=value[;key=value...]; keys: event_log_id, entity_instance_id, severity, state',
      },
      {
        name: 'limit',
        short: 'l',
        kind: 'string',
        metavar: '<NUMBER>',
        help: 'Maximum number of events to return, 1 to 10000 (default 1000)',
      },
      { name: 'uuid', kind: 'boolean', help: 'Include UUID in output' },
    ],
    output: 'list',
    async run(ctx, args) {
      const limit = args.integer('limit')
      if (limit !== undefined && limit < 1) throw args.usageError('--limit must be at least 1')
      const { events } = await ctx.dcManager.ListEvents({
        region: ctx.region,
        query: args.string('query') ?? '',
        limit: limit ?? 0,
      })
      return eventList(events, args.flag('uuid'))
    },
  },
  objectCommand(
    'alarm-show',
    'Show an active alarm.',
    { name: 'uuid', metavar: '<uuid>', help: 'UUID of the alarm (fm alarm-list --uuid)' },
    'show',
    async (ctx, uuid) => alarmShow(await ctx.dcManager.GetAlarm({ uuid })),
  ),
]

/** `dcmanager alarm summary`. */
export const DCMANAGER_FAULT_COMMANDS: readonly CommandSpec<CliContext>[] = [
  listCommand('alarm summary', 'List the alarm counts and status of every subcloud.', async (ctx) =>
    alarmSummary((await ctx.dcManager.GetAlarmSummary({})).subclouds),
  ),
]
