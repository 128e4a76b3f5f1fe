import { once } from 'node:events'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { ignoreIpServernameWarning } from '../src/index.js'

const IgnoreIpServernameWarning = suite('ignoreIpServernameWarning')

IgnoreIpServernameWarning(
  'ignoreIpServernameWarning - drops DEP0123 and passes other warnings on',
  async () => {
    ignoreIpServernameWarning()
    ignoreIpServernameWarning()
    const seen: string[] = []
    const listener = (warning: Error & { code?: string }): void =>
      void seen.push(warning.code ?? warning.message)
    process.on('warning', listener)
    try {
      // As Node's TLS client raises it, then in the options form.
      process.emitWarning('Setting the TLS ServerName to an IP address ...', 'DeprecationWarning', 'DEP0123')
      process.emitWarning('Setting the TLS ServerName ...', { type: 'DeprecationWarning', code: 'DEP0123' })
      process.emitWarning('something else', 'Warning', 'DC0001')
      await once(process, 'warning')
    } finally {
      process.off('warning', listener)
    }
    assert.equal(seen, ['DC0001'])
  },
)

IgnoreIpServernameWarning.run()
