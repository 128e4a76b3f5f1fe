import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { InvalidFieldError } from '../src/errors.js'
import { agentAddress, ipAddress, reference } from '../src/grpc/field-validators.js'

const test = suite('field validators')

function refusal(run: () => unknown): InvalidFieldError {
  try {
    run()
  } catch (err) {
    if (err instanceof InvalidFieldError) return err
    throw err
  }
  throw new Error('accepted')
}

test('reference - spaces around a name are trimmed', () => {
  assert.is(reference('name', '  g1 '), 'g1')
})

test('reference - a control character at either end is refused, not trimmed away', () => {
  for (const value of ['g1\n', '\ng1', '\tg1', 'g1\r\n', 'g1\u0085']) {
    const err = refusal(() => reference('name', value))
    assert.is(err.field, 'name')
    assert.match(err.message, /control/)
  }
})

test('addresses - a trailing newline is refused with the text rule, naming the field', () => {
  assert.is(ipAddress('gateway', ' 10.0.0.1 '), '10.0.0.1')
  assert.match(refusal(() => ipAddress('gateway', '10.0.0.1\n')).message, /^gateway invalid: .*control/)
  assert.is(agentAddress('bootstrap_address', '[::1]', 50051), '[::1]:50051')
  assert.match(
    refusal(() => agentAddress('bootstrap_address', '[::1]:50051\n', 50051)).message,
    /^bootstrap_address invalid: .*control/,
  )
})

test.run()
