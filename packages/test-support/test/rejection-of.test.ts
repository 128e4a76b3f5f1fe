import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { rejectionOf } from '../src/index.js'

class NotFound extends Error {}

const RejectionOf = suite('rejectionOf')

RejectionOf(
  'rejectionOf - resolves with the rejection, checked against a type when one is given',
  async () => {
    const error = new NotFound('gone')
    assert.is(await rejectionOf(Promise.reject(error)), error)
    assert.is(await rejectionOf(Promise.reject(error), NotFound), error)
  },
)

RejectionOf('rejectionOf - fails on a result, or on a rejection of another type', async () => {
  const resolved = await rejectionOf(rejectionOf(Promise.resolve(1)), Error)
  assert.match(resolved.message, 'expected a rejection, got a result')
  const other = await rejectionOf(rejectionOf(Promise.reject(new Error('boom')), NotFound), Error)
  assert.match(other.message, 'expected a NotFound rejection, got Error: boom')
})

RejectionOf.run()
