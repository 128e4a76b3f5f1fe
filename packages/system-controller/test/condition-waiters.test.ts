import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { ConditionWaiters } from '../src/audit/condition-waiters.js'

test('ConditionWaiters - resolves at once when the condition holds', async () => {
  await new ConditionWaiters().wait('a', () => true, new AbortController().signal)
})

test('ConditionWaiters - a waiter resolves on the wake of its key once the condition holds', async () => {
  const waiters = new ConditionWaiters()
  let holds = false
  let resolved = false
  const waiting = waiters.wait('a', () => holds, new AbortController().signal).then(() => (resolved = true))
  waiters.wake('a')
  await Promise.resolve()
  assert.not.ok(resolved, 'still false: woken, not resolved')
  holds = true
  waiters.wake('b')
  await Promise.resolve()
  assert.not.ok(resolved, 'another key does not wake it')
  waiters.wake('a')
  await waiting
  assert.ok(resolved)
})

test('ConditionWaiters - an abort rejects with its reason and forgets the waiter', async () => {
  const waiters = new ConditionWaiters()
  const abort = new AbortController()
  let checks = 0
  const waiting = waiters.wait(
    'a',
    () => {
      checks++
      return false
    },
    abort.signal,
  )
  abort.abort(new Error('stopping'))
  const reason = await waiting.then(
    () => 'resolved',
    (err: unknown) => (err instanceof Error ? err.message : String(err)),
  )
  assert.is(reason, 'stopping')
  const before = checks
  waiters.wake('a')
  assert.is(checks, before, 'an aborted waiter is no longer checked')
})

test.run()
