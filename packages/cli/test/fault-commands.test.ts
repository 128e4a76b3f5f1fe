import { suite } from 'uvu'
import * as assert from 'uvu/assert'

import { alarmShow, alarmSummary, eventList } from '../src/commands/fault-commands.js'
import { renderOutput } from '../src/render-output.js'
import type { OutputOptions } from '../src/render-output.js'

const TABLE: OutputOptions = { format: 'table', columns: [], showHeader: 'Property' }

const EVENT = {
  uuid: '7f1c2a9e-1111-4222-8333-444455556666',
  timestamp: '2026-12-06T10:00:01.000Z',
  state: 'clear',
  event_log_id: '280.001',
  reason_text: 'Subcloud subcloud1 is offline',
  entity_instance_id: 'subcloud=subcloud1',
  severity: 'critical',
  proposed_repair_action: 'Check the subcloud agent',
  service_affecting: true,
  region: 'SystemController',
}

const Faults = suite('fault commands')

Faults('eventList - FM event-list columns in the order sent; --uuid puts UUID in front', () => {
  assert.is(
    renderOutput(eventList([EVENT], false), TABLE),
    `
+--------------------------+-------+--------------+-------------------------------+--------------------+----------+
| Time Stamp               | State | Event Log ID | Reason Text                   | Entity Instance ID | Severity |
+--------------------------+-------+--------------+-------------------------------+--------------------+----------+
| 2026-12-06T10:00:01.000Z | clear | 280.001      | Subcloud subcloud1 is offline | subcloud=subcloud1 | critical |
+--------------------------+-------+--------------+-------------------------------+--------------------+----------+
`.slice(1),
  )
  assert.is(
    renderOutput(eventList([EVENT], true), { ...TABLE, format: 'value', columns: ['UUID', 'State'] }),
    `${EVENT.uuid} clear\n`,
  )
})

Faults('alarmShow - FM alarm-show properties', () => {
  const shown = alarmShow({
    uuid: EVENT.uuid,
    alarm_id: '280.001',
    alarm_state: 'set',
    entity_instance_id: 'subcloud=subcloud1',
    timestamp: '2026-12-06T10:00:00.000Z',
    severity: 'critical',
    reason_text: 'Subcloud subcloud1 is offline',
    proposed_repair_action: 'Check the subcloud agent',
    service_affecting: true,
    region: 'SystemController',
  })
  assert.is(
    renderOutput(shown, {
      ...TABLE,
      format: 'value',
      columns: ['alarm_id', 'alarm_state', 'service_affecting'],
    }),
    '280.001\nset\nTrue\n',
  )
})

Faults('alarmSummary - dcmanager alarm summary columns; no subcloud is one <none> row', () => {
  const summary = alarmSummary([
    { name: 'subcloud1', alarms: { critical: 0, major: 2, minor: 0, warnings: 1, cloud_status: 'degraded' } },
  ])
  assert.is(
    renderOutput(summary, { ...TABLE, showHeader: 'Field' }),
    `
+-----------+-----------------+--------------+--------------+----------+----------+
| NAME      | CRITICAL_ALARMS | MAJOR_ALARMS | MINOR_ALARMS | WARNINGS | STATUS   |
+-----------+-----------------+--------------+--------------+----------+----------+
| subcloud1 | 0               | 2            | 0            | 1        | degraded |
+-----------+-----------------+--------------+--------------+----------+----------+
`.slice(1),
  )
  assert.is(
    renderOutput(alarmSummary([]), { ...TABLE, format: 'value' }),
    '<none> <none> <none> <none> <none> <none>\n',
  )
})

Faults.run()
