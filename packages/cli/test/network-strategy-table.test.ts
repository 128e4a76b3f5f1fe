import { suite } from 'uvu'
import * as assert from 'uvu/assert'

import { networkStrategyTable } from '../src/commands/network-strategy-table.js'
import { renderOutput } from '../src/render-output.js'
import type { OutputOptions } from '../src/render-output.js'
import { networkStrategy } from './strategy-fixtures.js'

const TABLE: OutputOptions = { format: 'table', columns: [], showHeader: 'Field' }

const APPLYING = networkStrategy(
  'applying',
  { complete: 1, 'applying change': 1, initial: 1 },
  { group: 'edge-east', updated_at: '2026-12-06T07:05:00Z' },
)

const Table = suite('networkStrategyTable')

Table('networkStrategyTable - reads like dcmanager strategy show, one row per step state', () => {
  assert.is(
    renderOutput(networkStrategyTable(APPLYING), TABLE),
    `
+------------------------+----------------------+
| Field                  | Value                |
+------------------------+----------------------+
| strategy type          | network              |
| subcloud apply type    | parallel             |
| max parallel subclouds | 20                   |
| stop on failure        | False                |
| state                  | applying             |
| plan                   | add                  |
| group                  | edge-east            |
| subcloud               | None                 |
| steps total            | 3                    |
| steps complete         | 1                    |
| steps applying change  | 1                    |
| steps initial          | 1                    |
| refused steps          | 0                    |
| skipped subclouds      | 1                    |
| details                | None                 |
| created_at             | 2026-12-06T07:00:00Z |
| updated_at             | 2026-12-06T07:05:00Z |
+------------------------+----------------------+
`.slice(1),
  )
})

Table('networkStrategyTable - json keeps numbers, booleans and null; -c picks rows', () => {
  const result = networkStrategyTable(
    networkStrategy('failed', { failed: 2 }, { details: 'subcloud2 failed', stop_on_failure: true }),
  )
  const json = JSON.parse(renderOutput(result, { ...TABLE, format: 'json' })) as Record<string, unknown>
  assert.is(json['steps failed'], 2)
  assert.is(json['stop on failure'], true)
  assert.is(json['group'], null)
  assert.is(json['details'], 'subcloud2 failed')
  const value = renderOutput(result, { ...TABLE, format: 'value', columns: ['state', 'steps failed'] })
  assert.is(value, 'failed\n2\n')
})

Table.run()
