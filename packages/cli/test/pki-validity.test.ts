import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { PkiError } from '../src/pki/pki-error.js'
import { CLOCK_SKEW_ALLOWANCE_MS, checkValidity, validityForDays } from '../src/pki/validity.js'

const ValidityForDays = suite('validityForDays')

ValidityForDays('validityForDays - runs whole days from now, starting a little before it', () => {
  const now = new Date('2030-03-01T12:00:00Z')
  assert.equal(validityForDays(30, now), {
    notBefore: new Date(now.getTime() - CLOCK_SKEW_ALLOWANCE_MS),
    notAfter: new Date('2030-03-31T12:00:00Z'),
  })
})

ValidityForDays('validityForDays - refuses zero, negative and fractional days', () => {
  for (const days of [0, -1, 1.5, Number.NaN]) {
    assert.throws(
      () => validityForDays(days),
      (error: unknown) => error instanceof PkiError,
      String(days),
    )
  }
})

const CheckValidity = suite('checkValidity')

CheckValidity('checkValidity - refuses an empty period and invalid dates', () => {
  const at = new Date('2030-01-01T00:00:00Z')
  assert.throws(() => checkValidity({ notBefore: at, notAfter: at }), /is not after notBefore/)
  assert.throws(() => checkValidity({ notBefore: new Date('nope'), notAfter: at }), /must be valid dates/)
  const fine = { notBefore: at, notAfter: new Date('2030-01-02T00:00:00Z') }
  assert.is(checkValidity(fine), fine)
})

ValidityForDays.run()
CheckValidity.run()
