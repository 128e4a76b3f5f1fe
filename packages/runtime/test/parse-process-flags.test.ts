import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { parseProcessFlags } from '../src/index.js'

class TestConfigError extends Error {}

const ParseProcessFlags = suite('parseProcessFlags')

const OPTIONS = {
  listen: { type: 'string', value: 'ADDR:PORT', help: 'where to listen' },
  verbose: { type: 'boolean', short: 'v', help: 'say more' },
} as const

ParseProcessFlags('parseProcessFlags - reads the declared flags, absent ones undefined', () => {
  const values = parseProcessFlags(['--listen', '[::1]:1'], OPTIONS, (m) => new TestConfigError(m))
  assert.equal({ ...values }, { listen: '[::1]:1' })
  assert.is(values.verbose, undefined)
})

ParseProcessFlags(
  'parseProcessFlags - an unknown flag, a positional or a missing value is the caller error',
  () => {
    for (const argv of [['--nope'], ['extra'], ['--listen']]) {
      assert.throws(
        () => parseProcessFlags(argv, OPTIONS, (m) => new TestConfigError(m)),
        (err: unknown) => err instanceof TestConfigError && err.message.length > 0,
        argv.join(' '),
      )
    }
  },
)

ParseProcessFlags.run()
