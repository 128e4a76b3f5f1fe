import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { StaleEpochError } from '@dc/platform-service'
import { fence } from '../src/fencing.js'

const Fence = suite('fence')

Fence('fence - a higher epoch takes over from any holder', () => {
  assert.equal(fence({ epoch: 0n, controllerId: '' }, { epoch: 1n, controllerId: 'a' }), {
    epoch: 1n,
    controllerId: 'a',
  })
  assert.equal(fence({ epoch: 4n, controllerId: 'a' }, { epoch: 5n, controllerId: 'b' }), {
    epoch: 5n,
    controllerId: 'b',
  })
})

Fence('fence - the same epoch from the same controller is confirmed', () => {
  const held = { epoch: 4n, controllerId: 'a' }
  assert.is(fence(held, { epoch: 4n, controllerId: 'a' }), held)
})

Fence('fence - a lower epoch, or the same epoch from another controller, is refused', () => {
  const held = { epoch: 4n, controllerId: 'a' }
  for (const request of [
    { epoch: 3n, controllerId: 'a' },
    { epoch: 3n, controllerId: 'b' },
    { epoch: 4n, controllerId: 'b' },
    { epoch: 0n, controllerId: '' },
  ]) {
    assert.throws(
      () => fence(held, request),
      (err: unknown) =>
        err instanceof StaleEpochError && err.currentEpoch === 4n && err.requestEpoch === request.epoch,
    )
  }
})

Fence.run()
