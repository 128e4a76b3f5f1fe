import { suite } from 'uvu'
import * as assert from 'uvu/assert'

import { strategyStepList, strategyStepShow } from '../src/commands/strategy-step-commands.js'
import { renderOutput } from '../src/render-output.js'
import type { OutputOptions } from '../src/render-output.js'
import { strategyStep } from './strategy-fixtures.js'

const TABLE: OutputOptions = { format: 'table', columns: [], showHeader: 'Field' }

const List = suite('strategyStepList')

List('strategyStepList - the columns of StarlingX strategy-step list, None where unset', () => {
  const steps = [
    strategyStep('subcloud1', 'complete', {
      stage: 3,
      started_at: '2026-12-06T07:01:00Z',
      finished_at: '2026-12-06T07:03:00Z',
    }),
    strategyStep('subcloud2', 'refused', { details: 'oam-ipv4 10.20.7.0/24 overlaps subcloud7' }),
  ]
  assert.is(
    renderOutput(strategyStepList(steps), TABLE),
    `
+-----------+-------+----------+------------------------------------------+----------------------+----------------------+
| cloud     | stage | state    | details                                  | started_at           | finished_at          |
+-----------+-------+----------+------------------------------------------+----------------------+----------------------+
| subcloud1 | 3     | complete | None                                     | 2026-12-06T07:01:00Z | 2026-12-06T07:03:00Z |
| subcloud2 | 2     | refused  | oam-ipv4 10.20.7.0/24 overlaps subcloud7 | None                 | None                 |
+-----------+-------+----------+------------------------------------------+----------------------+----------------------+
`.slice(1),
  )
})

List('strategyStepList - no steps is one <none> row, as dcmanager prints it', () => {
  assert.is(
    renderOutput(strategyStepList([]), { ...TABLE, format: 'value' }),
    '<none> <none> <none> <none> <none> <none>\n',
  )
})

List.run()

const Show = suite('strategyStepShow')

Show('strategyStepShow - every field, then each command and host action on a row of its own', () => {
  const step = strategyStep('subcloud2', 'host actions', {
    details: 'lock controller-1',
    started_at: '2026-12-06T07:01:00Z',
    commands: [
      'system addrpool-add oam-ipv4 10.64.2.0 24 --ranges 10.64.2.1-10.64.2.253',
      'system network-addrpool-assign oam oam-ipv4',
    ],
    host_actions: ['system host-lock controller-1', 'system host-unlock controller-1'],
  })
  const result = strategyStepShow(step)
  assert.is(
    renderOutput(result, { ...TABLE, format: 'value' }),
    [
      'subcloud2',
      '2',
      'host actions',
      'lock controller-1',
      '2026-12-06T07:01:00Z',
      'None',
      '2026-12-06T07:00:00Z',
      'None',
      '7',
      'system addrpool-add oam-ipv4 10.64.2.0 24 --ranges 10.64.2.1-10.64.2.253',
      'system network-addrpool-assign oam oam-ipv4',
      'system host-lock controller-1',
      'system host-unlock controller-1',
      '',
    ].join('\n'),
  )
  assert.equal(result.kind === 'show' ? result.fields.map(([name]) => name).slice(8) : [], [
    'base generation',
    'command 1',
    'command 2',
    'host action 1',
    'host action 2',
  ])
})

Show.run()
