import type { Alarm__Output } from '@dc/protos'

import type { CliContext } from '../cli-context.js'
import type { CommandSpec } from '../command-spec.js'
import type { CellValue } from '../format-cell.js'
import { sortRows } from '../sort-rows.js'

/** `fm alarm-list` columns; `--uuid` puts `UUID` in front. */
export const ALARM_COLUMNS = ['Alarm ID', 'Reason Text', 'Entity ID', 'Severity', 'Time Stamp'] as const

function alarmCells(alarm: Alarm__Output): CellValue[] {
  return [alarm.alarm_id, alarm.reason_text, alarm.entity_instance_id, alarm.severity, alarm.timestamp]
}

/** `fm alarm-list`: the active alarms of the selected region, newest first. */
export const ALARM_COMMANDS: readonly CommandSpec<CliContext>[] = [
  {
    name: 'alarm-list',
    summary: 'List all active alarms.',
    positionals: [],
    options: [{ name: 'uuid', kind: 'boolean', help: 'Include UUID in output' }],
    output: 'list',
    async run(ctx, args) {
      const { alarms } = await ctx.platform.ListAlarms({})
      const withUuid = args.flag('uuid')
      const rows = alarms.map((alarm) => (withUuid ? [alarm.uuid, ...alarmCells(alarm)] : alarmCells(alarm)))
      return {
        kind: 'list',
        columns: withUuid ? ['UUID', ...ALARM_COLUMNS] : ALARM_COLUMNS,
        rows: sortRows(rows, withUuid ? 5 : 4, 'descending'),
      }
    },
  },
]
