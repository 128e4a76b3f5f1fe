import { writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { freePort, makeTempDir, removeTempDir, runNode } from '../support/index.js'
import { CONTROLLER_VALUES, valuesYaml } from './controller-harness.js'

// A listen address dc-controller cannot bind is one line naming the flag, the address and the
// reason, exit 1: never grpc-js's "No address added out of total 1 resolved" and a stack.

interface Ctx {
  dir: string
  values: string
}

const test = suite<Ctx>('dc-controller start-up errors', { dir: '', values: '' })

test.before(async (c) => {
  c.dir = await makeTempDir('dct-controller-startup-')
  c.values = join(c.dir, 'controller.yml')
  await writeFile(c.values, valuesYaml(CONTROLLER_VALUES))
})

test.after(async (c) => {
  await removeTempDir(c.dir)
})

async function failedStart(c: Ctx, name: string, listen: readonly string[]): Promise<string[]> {
  const result = await runNode(
    'dc-controller',
    [...listen, '--bootstrap-values', c.values, '--data-dir', join(c.dir, name), '--log-format', 'text'],
    { timeoutMs: 120_000, env: { DATABASE_URL: '' } },
  )
  assert.is(result.code, 1, result.stderr)
  const lines = result.stderr.split('\n').filter((l) => l.trim() !== '')
  assert.not.ok(
    lines.some((l) => /^\s+at |No address added|fatal/.test(l)),
    `no stack trace or grpc-js line:\n${result.stderr}`,
  )
  return lines
}

test('dc-controller - a listen address in use: one line naming --listen, the address and the reason', async (c) => {
  const port = await freePort('127.0.0.1')
  const holder = createServer()
  await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve))
  try {
    const lines = await failedStart(c, 'in-use', ['--listen', `127.0.0.1:${port}`])
    assert.equal(lines.slice(-1), [
      `dc-controller: cannot listen on --listen 127.0.0.1:${port}: the address is already in use by another process (EADDRINUSE)`,
    ])
  } finally {
    await new Promise((resolve) => holder.close(resolve))
  }
})

test('dc-controller - a listen address not on this host: one line saying so', async (c) => {
  const lines = await failedStart(c, 'foreign', ['--listen', '[fd00:dead:beef::1]:50050', '--insecure'])
  assert.equal(lines.slice(-1), [
    'dc-controller: cannot listen on --listen [fd00:dead:beef::1]:50050: the address is not on this host (EADDRNOTAVAIL)',
  ])
})

test.run()
