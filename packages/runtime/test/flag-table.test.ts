import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { HELP_FLAG, flagHelp, parseProcessFlags } from '../src/index.js'

const FlagHelp = suite('flagHelp')

const TABLE = {
  listen: { type: 'string', value: 'ADDR:PORT', help: 'where to listen' },
  'state-dir': { type: 'string', value: 'DIR', help: 'where the state is kept' },
  insecure: { type: 'boolean', help: 'allow plaintext' },
  ...HELP_FLAG,
} as const

FlagHelp('flagHelp - one line per flag, in table order: value and description, descriptions aligned', () => {
  assert.is(
    flagHelp(TABLE),
    [
      '  --listen ADDR:PORT  where to listen',
      '  --state-dir DIR     where the state is kept',
      '  --insecure          allow plaintext',
      '  -h, --help          print this help and exit',
    ].join('\n'),
  )
})

FlagHelp('flagHelp - the table it prints is the one parseProcessFlags reads, short forms included', () => {
  const values = parseProcessFlags(['-h', '--listen', '[::1]:1'], TABLE, (m) => new Error(m))
  assert.equal({ ...values }, { help: true, listen: '[::1]:1' })
})

FlagHelp.run()
