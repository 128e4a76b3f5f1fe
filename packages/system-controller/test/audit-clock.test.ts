import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { systemClock } from '../src/audit/clock.js'

const SystemClock = suite('systemClock')

SystemClock('systemClock - sleep resolves after the delay', async () => {
  const start = performance.now()
  await systemClock.sleep(20)
  assert.ok(performance.now() - start >= 15)
})

SystemClock('systemClock - sleep rejects with the abort reason and cancels its timer', async () => {
  const controller = new AbortController()
  const sleeping = systemClock.sleep(60_000, controller.signal)
  controller.abort(new Error('shutting down'))
  try {
    await sleeping
    assert.unreachable('aborted sleep resolved')
  } catch (error) {
    assert.match(String(error), /shutting down/)
  }
  // An already aborted signal rejects at once.
  try {
    await systemClock.sleep(60_000, controller.signal)
    assert.unreachable('aborted sleep resolved')
  } catch (error) {
    assert.match(String(error), /shutting down/)
  }
})

SystemClock('systemClock - a cancelled timer never fires', async () => {
  let fired = false
  const cancel = systemClock.setTimer(5, () => (fired = true))
  // Node fires timers of one delay in the order they were set: this one comes after the cancelled
  // timer would have fired, whatever the load, so no longer sleep is needed to show it did not.
  const later = systemClock.sleep(5)
  cancel()
  await later
  assert.not.ok(fired)
})

SystemClock.run()
