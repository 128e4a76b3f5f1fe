import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { FlagValueError, integerFlag, parseFlag } from '../src/index.js'

const IntegerFlag = suite('integerFlag')

const RANGE = { min: 50, max: 60_000 }

IntegerFlag('integerFlag - reads decimal digits within the range, both ends included', () => {
  assert.is(integerFlag('--heartbeat-interval-ms', '250', RANGE), 250)
  assert.is(integerFlag('--heartbeat-interval-ms', '50', RANGE), 50)
  assert.is(integerFlag('--heartbeat-interval-ms', '60000', RANGE), 60_000)
})

IntegerFlag('integerFlag - refuses what is not a whole number, naming the flag and the range', () => {
  for (const bad of ['1e3', '-1', '+5', '2.5', ' 7', '', 'soon', '0x10']) {
    assert.throws(
      () => integerFlag('--audit-interval-ms', bad, RANGE),
      (err: unknown) =>
        err instanceof FlagValueError &&
        err.flag === '--audit-interval-ms' &&
        err.message ===
          `--audit-interval-ms must be an integer between 50 and 60000; '${bad}' is not a whole number`,
      bad,
    )
  }
})

IntegerFlag('integerFlag - refuses a value outside the range, naming the flag and the range', () => {
  assert.throws(
    () => integerFlag('--offline-after-misses', '0', { min: 1, max: 100 }),
    /^--offline-after-misses must be between 1 and 100; 0 is outside that range$/,
  )
  assert.throws(() => integerFlag('--simulate', '99999999999999999999', { min: 1, max: 10 }), /is outside/)
})

const ParseFlag = suite('parseFlag')

ParseFlag("parseFlag - turns a FlagValueError into the caller's error and passes anything else", () => {
  class ConfigError extends Error {}
  const toError = (err: FlagValueError): Error => new ConfigError(`config: ${err.message}`)
  assert.is(
    parseFlag(() => integerFlag('--n', '3', { min: 1, max: 5 }), toError),
    3,
  )
  assert.throws(
    () => parseFlag(() => integerFlag('--n', '9', { min: 1, max: 5 }), toError),
    (err: unknown) =>
      err instanceof ConfigError && err.message.startsWith('config: --n must be between 1 and 5'),
  )
  const bug = new TypeError('not a flag problem')
  assert.throws(
    () =>
      parseFlag(() => {
        throw bug
      }, toError),
    (err: unknown) => err === bug,
  )
})

IntegerFlag.run()
ParseFlag.run()
