import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { controllerHelp } from '@dc/system-controller'
import { runNode } from '../support/index.js'

// The dc-controller process itself: `--help` prints the help generated from its flag table (and
// the backup/restore usage) and exits 0; an unknown flag is one line on standard error and exit 2.

const test = suite('dc-controller process --help')

test('dc-controller --help - prints the generated help and exits 0', async () => {
  for (const args of [['--help'], ['-h']]) {
    const result = await runNode('dc-controller', args, { timeoutMs: 60_000 })
    assert.is(result.code, 0, result.stderr)
    assert.is(result.stderr, '')
    assert.ok(result.stdout.startsWith(`${controllerHelp()}\n`), result.stdout)
    assert.ok(result.stdout.includes('usage: dc-controller backup --out FILE'), result.stdout)
  }
})

test('dc-controller --bogus - exit 2, one line naming the flag and pointing at --help', async () => {
  const result = await runNode('dc-controller', ['--bogus'], { timeoutMs: 60_000 })
  assert.is(result.code, 2)
  assert.is(result.stdout, '')
  const lines = result.stderr.split('\n').filter((l) => l !== '')
  assert.is(lines.length, 1, result.stderr)
  assert.match(
    lines[0] ?? '',
    /^dc-controller: Unknown option '--bogus'.*\(dc-controller --help lists every flag\)$/,
  )
})

test.run()
