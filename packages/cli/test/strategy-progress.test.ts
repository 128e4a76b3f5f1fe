import { suite } from 'uvu'
import * as assert from 'uvu/assert'

import {
  isStrategySettled,
  progressLine,
  strategyProgress,
  unsuccessfulReport,
} from '../src/commands/strategy-progress.js'
import { networkStrategy, strategyStep } from './strategy-fixtures.js'

const MIDWAY = networkStrategy('applying', {
  complete: 120,
  failed: 3,
  'applying change': 12,
  'lock controller-1': 3,
  'wait for in-sync': 5,
  initial: 57,
})

const Progress = suite('strategyProgress')

Progress('strategyProgress - counts every state that is neither waiting nor ended as in progress', () => {
  assert.equal(strategyProgress(MIDWAY), { total: 200, complete: 120, failed: 3, aborted: 0, inProgress: 20 })
})

Progress.run()

const Line = suite('progressLine')

Line('progressLine - the terminal form leads with a bar of the ended steps', () => {
  assert.is(
    progressLine(MIDWAY, 'bar'),
    '[#########.......] 120/200 complete  3 failed  20 in progress  state applying',
  )
})

Line('progressLine - the plain form is the same text without the bar', () => {
  assert.is(progressLine(MIDWAY, 'plain'), '120/200 complete  3 failed  20 in progress  state applying')
})

Line('progressLine - aborted steps are named only when there are some', () => {
  const aborting = networkStrategy('aborting', { complete: 2, aborted: 6, 'host actions': 2 })
  assert.is(
    progressLine(aborting, 'plain'),
    '2/10 complete  0 failed  6 aborted  2 in progress  state aborting',
  )
  assert.is(progressLine(aborting, 'bar').slice(0, 18), '[############....]')
})

Line('progressLine - an empty strategy draws an empty bar, a finished one a full bar', () => {
  assert.is(
    progressLine(networkStrategy('complete', {}), 'bar'),
    '[................] 0/0 complete  0 failed  0 in progress  state complete',
  )
  assert.is(
    progressLine(networkStrategy('complete', { complete: 3 }), 'bar').slice(0, 18),
    `[${'#'.repeat(16)}]`,
  )
})

Line.run()

const Settled = suite('isStrategySettled')

Settled('isStrategySettled - only complete, failed and aborted end a wait', () => {
  for (const state of ['complete', 'failed', 'aborted']) assert.ok(isStrategySettled(state), state)
  for (const state of ['initial', 'applying', 'abort requested', 'aborting', 'deleting']) {
    assert.not.ok(isStrategySettled(state), state)
  }
})

Settled.run()

const Report = suite('unsuccessfulReport')

Report('unsuccessfulReport - names the end state, its details and each failed step', () => {
  const failed = networkStrategy('failed', { complete: 1, failed: 2 }, { details: 'stopped on failure' })
  const steps = [
    strategyStep('subcloud1', 'complete'),
    strategyStep('subcloud2', 'failed', { details: 'pre-check: subcloud2 is offline' }),
    strategyStep('subcloud3', 'failed'),
  ]
  assert.equal(unsuccessfulReport(failed, steps), {
    message: 'Network strategy failed: stopped on failure',
    details: ['subcloud2: pre-check: subcloud2 is offline', 'subcloud3: failed'],
  })
  assert.equal(unsuccessfulReport(networkStrategy('aborted', { aborted: 1 }), []), {
    message: 'Network strategy aborted',
    details: [],
  })
})

Report.run()
