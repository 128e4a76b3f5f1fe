import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { rejectionOf, waitFor } from '../src/index.js'

const WaitFor = suite('waitFor')

WaitFor('waitFor - resolves with the first truthy value of the predicate', async () => {
  let calls = 0
  const value = await waitFor(() => (++calls >= 3 ? { calls } : undefined), { intervalMs: 1 })
  assert.equal(value, { calls: 3 })
})

WaitFor('waitFor - rejects naming what it waited for and the last error', async () => {
  const error = await rejectionOf(
    waitFor(
      () => {
        throw new Error('still booting')
      },
      { timeoutMs: 50, intervalMs: 5, message: 'the answer' },
    ),
    Error,
  )
  assert.match(error.message, 'timed out after 50 ms waiting for the answer')
  assert.match(error.message, 'still booting')
})

WaitFor('waitFor - a predicate that never settles fails at the deadline too', async () => {
  const error = await rejectionOf(
    waitFor(() => new Promise<boolean>(() => {}), { timeoutMs: 50, message: 'a stuck call' }),
    Error,
  )
  assert.match(
    error.message,
    'timed out after 50 ms waiting for a stuck call: the last check was still running',
  )
})

WaitFor('waitFor - stops when its signal aborts', async () => {
  const stop = new AbortController()
  const reason = new Error('test over')
  const waiting = waitFor(() => false, { intervalMs: 1, signal: stop.signal })
  stop.abort(reason)
  const error = await rejectionOf(waiting, Error)
  assert.ok(error === reason || error.name === 'AbortError', error.message)
})

WaitFor.run()
