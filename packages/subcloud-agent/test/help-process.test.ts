import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { agentHelp } from '../src/agent-help.js'

// The dc-agent process itself: `--help` prints the help generated from the flag tables and exits
// 0; an unknown flag is one line on standard error and exit 2.

const MAIN = resolve(import.meta.dirname, '../src/main.ts')

interface Outcome {
  code: number
  stdout: string
  stderr: string
}

function runAgent(args: readonly string[]): Promise<Outcome> {
  return new Promise((resolveRun) => {
    execFile(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', MAIN, ...args],
      { timeout: 60_000 },
      (err, stdout, stderr) => {
        const code = err === null ? 0 : typeof err.code === 'number' ? err.code : -1
        resolveRun({ code, stdout, stderr })
      },
    )
  })
}

const test = suite('dc-agent process --help')

test('dc-agent --help - prints the generated help and exits 0, with or without --simulate', async () => {
  for (const args of [['--help'], ['-h'], ['--simulate', '3', '--help']]) {
    const result = await runAgent(args)
    assert.equal(result, { code: 0, stdout: `${agentHelp()}\n`, stderr: '' }, args.join(' '))
  }
})

test('dc-agent --bogus - exit 2, one line naming the flag and pointing at --help', async () => {
  const result = await runAgent(['--listen', '127.0.0.1:1', '--bogus'])
  assert.is(result.code, 2)
  assert.is(result.stdout, '')
  const lines = result.stderr.split('\n').filter((l) => l !== '')
  assert.is(lines.length, 1, result.stderr)
  assert.match(lines[0] ?? '', /^dc-agent: Unknown option '--bogus'.*\(dc-agent --help lists every flag\)$/)
})

test.run()
