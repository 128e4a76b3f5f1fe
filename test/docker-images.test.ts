import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import {
  createTestCa,
  freePort,
  hostPort,
  makeTempDir,
  removeTempDir,
  repoRoot,
  runCommand,
  spawnService,
} from './support/index.js'
import type { ServiceProcess } from './support/index.js'
import { CONTROLLER_VALUES, valuesYaml } from './controller/controller-harness.js'

const dockerDir = join(repoRoot, 'docker')

interface Ctx {
  dir: string
  /** server.crt, server.key and ca.crt, as mounted at /etc/dc/tls. */
  tlsDir: string
  /** An empty directory: a container started without the mount. */
  emptyDir: string
  controller: ServiceProcess | undefined
}

const test = suite<Ctx>('docker images', { dir: '', tlsDir: '', emptyDir: '', controller: undefined })

const entrypoint = (tlsDir: string, args: readonly string[]): ReturnType<typeof runCommand> =>
  runCommand(process.execPath, [join(dockerDir, 'entrypoint.mjs'), ...args], { env: { DC_TLS_DIR: tlsDir } })

const probe = (tlsDir: string, target: string): ReturnType<typeof runCommand> =>
  runCommand(process.execPath, [join(dockerDir, 'healthcheck.mjs'), target], { env: { DC_TLS_DIR: tlsDir } })

test.before(async (c) => {
  c.dir = await makeTempDir('dct-images-')
  c.tlsDir = join(c.dir, 'tls')
  c.emptyDir = join(c.dir, 'empty')
  await mkdir(c.tlsDir)
  await mkdir(c.emptyDir)
  const ca = await createTestCa(join(c.dir, 'ca'), 'images-ca')
  await ca.issue({ kind: 'controller', name: 'central', ips: ['127.0.0.1'], out: join(c.tlsDir, 'server') })
  await copyFile(ca.certFile, join(c.tlsDir, 'ca.crt'))
})

test.after(async (c) => {
  await c.controller?.stop()
  await removeTempDir(c.dir)
})

test('entrypoint - without the mounted TLS files it stops with one line naming each missing file', async (c) => {
  for (const role of ['controller', 'agent']) {
    const result = await entrypoint(c.emptyDir, [role, '--listen', '[::]:50051'])
    assert.is(result.code, 2, result.stderr)
    const lines = result.stderr.trim().split('\n')
    assert.is(lines.length, 1, result.stderr)
    assert.match(
      lines[0] ?? '',
      `dc-${role}: missing TLS file(s) server.crt, server.key, ca.crt in ${c.emptyDir}`,
    )
  }
  const unknown = await entrypoint(c.tlsDir, ['router'])
  assert.is(unknown.code, 2)
  assert.match(unknown.stderr, "must be controller or agent, got 'router'")
})

test('entrypoint - with the files the controller serves mutual TLS; the health check calls with them', async (c) => {
  const values = join(c.dir, 'values.yml')
  await writeFile(values, valuesYaml(CONTROLLER_VALUES))
  const address = hostPort('127.0.0.1', await freePort('127.0.0.1'))
  c.controller = await spawnService(
    process.execPath,
    [
      join(dockerDir, 'entrypoint.mjs'),
      'controller',
      ...['--listen', address, '--bootstrap-values', values, '--data-dir', join(c.dir, 'data')],
    ],
    {
      env: { DC_TLS_DIR: c.tlsDir, DATABASE_URL: '' },
      readyPattern: /^dc-controller listening on /,
      name: 'dc-controller',
    },
  )
  assert.match(c.controller.output(), 'mutual TLS')
  const healthy = await probe(c.tlsDir, address)
  assert.is(healthy.code, 0, healthy.stdout + healthy.stderr)
  assert.match(healthy.stdout, `healthy: ${address}`)
  const plaintext = await probe(c.emptyDir, address)
  assert.is(plaintext.code, 1, 'a plaintext probe of a TLS server is unhealthy')
  assert.match(plaintext.stderr, `unhealthy: ${address}`)
})

test.run()
