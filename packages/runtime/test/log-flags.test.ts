import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { LogFlagError, defaultLogFormat, logConfigOf } from '../src/index.js'

const Flags = suite('logConfigOf')

Flags('logConfigOf - defaults to info and leaves the format to the terminal check', () => {
  assert.equal(logConfigOf({}), { level: 'info', format: undefined })
})

Flags('logConfigOf - takes the given level and format', () => {
  assert.equal(logConfigOf({ 'log-level': 'debug', 'log-format': 'text' }), {
    level: 'debug',
    format: 'text',
  })
})

Flags('logConfigOf - an unknown value names the flag and the choices', () => {
  assert.throws(
    () => logConfigOf({ 'log-level': 'loud' }),
    (err: unknown) =>
      err instanceof LogFlagError && err.message.startsWith('--log-level must be one of error, warn'),
  )
  assert.throws(() => logConfigOf({ 'log-format': 'xml' }), /--log-format must be one of json, text/)
})

Flags('defaultLogFormat - text on a terminal, JSON lines otherwise', () => {
  assert.is(defaultLogFormat({ isTTY: true }), 'text')
  assert.is(defaultLogFormat({}), 'json')
})

Flags.run()
