import { mkdir, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import type { Server } from 'node:net'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { freePort, makeTempDir, removeTempDir, runNode } from '../support/index.js'

// What an operator gets when dc-agent cannot start: one line naming the flag or file and the
// reason, exit 1, never a stack trace.

interface Ctx {
  dir: string
}

const test = suite<Ctx>('dc-agent start-up errors', { dir: '' })

test.before(async (c) => {
  c.dir = await makeTempDir('dct-agent-startup-')
})

test.after(async (c) => {
  await removeTempDir(c.dir)
})

/** Run dc-agent to its exit with text logs; the exit code and every stderr line. */
async function failedStart(args: readonly string[]): Promise<{ code: number | null; lines: string[] }> {
  const result = await runNode('dc-agent', [...args, '--log-format', 'text'], { timeoutMs: 60_000 })
  return { code: result.code, lines: result.stderr.split('\n').filter((l) => l.trim() !== '') }
}

function assertNoStack(lines: readonly string[]): void {
  assert.not.ok(
    lines.some((l) => /^\s+at |No address added|TypeError/.test(l)),
    `no stack trace or grpc-js line:\n${lines.join('\n')}`,
  )
}

test('dc-agent - a listen address in use: one line naming --listen, the address and the reason', async (c) => {
  const port = await freePort('127.0.0.1')
  const holder: Server = createServer()
  await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve))
  try {
    const { code, lines } = await failedStart([
      ...['--listen', `127.0.0.1:${port}`, '--state-dir', join(c.dir, 'in-use')],
    ])
    assert.is(code, 1)
    const line = lines.find((l) => l.includes('cannot listen on'))
    assert.ok(line, lines.join('\n'))
    assert.match(
      line,
      `cannot listen on --listen 127.0.0.1:${port}: the address is already in use by another process (EADDRINUSE)`,
    )
    assertNoStack(lines)
  } finally {
    await new Promise((resolve) => holder.close(resolve))
  }
})

test('dc-agent - a listen address not on this host: one line saying so', async (c) => {
  // A unique-local IPv6 address nobody assigned here; --insecure lets plaintext past the flag check.
  const { code, lines } = await failedStart([
    ...['--listen', '[fd00:dead:beef::1]:50051', '--insecure', '--state-dir', join(c.dir, 'foreign')],
  ])
  assert.is(code, 1)
  const line = lines.find((l) => l.includes('cannot listen on'))
  assert.ok(line, lines.join('\n'))
  assert.match(
    line,
    'cannot listen on --listen [fd00:dead:beef::1]:50051: the address is not on this host (EADDRNOTAVAIL)',
  )
  assertNoStack(lines)
})

test('dc-agent - a state file of the wrong shape: one line naming the file and what is wrong', async (c) => {
  const cases: [string, string][] = [
    ['{"state":{}}', 'unknown state document format undefined'],
    [
      JSON.stringify({
        format: 1,
        state: {},
        bootstrapDigest: null,
        epoch: '0',
        controllerId: '',
        appliedChanges: [],
        restarts: { 'kube-apiserver': 0, 'kube-controller-manager': 0 },
      }),
      'state.uuid is missing',
    ],
  ]
  for (const [index, [document, problem]] of cases.entries()) {
    const stateDir = join(c.dir, `state-${index}`)
    await mkdir(stateDir, { recursive: true })
    const file = join(stateDir, 'agent-state.json')
    await writeFile(file, document)
    const port = await freePort('127.0.0.1')
    const { code, lines } = await failedStart([...['--listen', `127.0.0.1:${port}`, '--state-dir', stateDir]])
    assert.is(code, 1)
    assert.ok(
      lines.some((l) => l.includes(`${file}: ${problem}`)),
      `names ${file} and "${problem}":\n${lines.join('\n')}`,
    )
    assertNoStack(lines)
  }
})

test('dc-agent - a --bootstrap-values file that is missing or a directory: one line naming it', async (c) => {
  for (const file of [join(c.dir, 'no-such-values.yml'), c.dir]) {
    const { code, lines } = await failedStart([
      ...['--listen', `127.0.0.1:${await freePort('127.0.0.1')}`, '--state-dir', join(c.dir, 'values-file')],
      ...['--bootstrap-values', file],
    ])
    assert.is(code, 2)
    assert.equal(
      lines.filter((l) => l.startsWith('dc-agent: cannot read --bootstrap-values')).length,
      1,
      lines.join('\n'),
    )
    assert.ok(
      lines.some((l) => l.includes(file)),
      lines.join('\n'),
    )
    assertNoStack(lines)
  }
})

test.run()
