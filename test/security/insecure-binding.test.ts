import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import {
  createSite,
  createTestCa,
  destroyAll,
  makeTempDir,
  netnsAvailable,
  removeTempDir,
  runNode,
} from '../support/index.js'
import { CONTROLLER_VALUES, valuesYaml } from '../controller/controller-harness.js'

// Plaintext gRPC on an address other hosts can reach needs an explicit --insecure. The refusal
// comes from the command line, before a state or data directory is touched or anything bound,
// so it is checked on 192.0.2.10 (a documentation address this host does not have). What an
// agent does with --insecure, or with TLS, on such an address is checked inside a network
// namespace that owns it.

const NETWORK_ADDRESS = '192.0.2.10'

interface Ctx {
  dir: string
}

const test = suite<Ctx>('insecure binding', { dir: '' })

test.before(async (c) => {
  c.dir = await makeTempDir('dct-insecure-')
})

test.after(async (c) => {
  await destroyAll()
  await removeTempDir(c.dir)
})

test('dc-agent - refuses plaintext on a non-loopback address without --insecure', async (c) => {
  const stateDir = join(c.dir, 'agent-state')
  const result = await runNode('dc-agent', [
    ...['--listen', `[::1]:50999,${NETWORK_ADDRESS}:50051`, '--state-dir', stateDir],
  ])
  assert.is(result.code, 2)
  assert.match(
    result.stderr,
    /refusing to serve plaintext gRPC on non-loopback address 192\.0\.2\.10:50051: configure TLS .* or pass --insecure/,
  )
  assert.not.ok(existsSync(stateDir), 'nothing was opened')
})

test('dc-controller - refuses plaintext on a non-loopback address without --insecure', async (c) => {
  const dataDir = join(c.dir, 'controller-data')
  const values = join(c.dir, 'controller.yml')
  await writeFile(values, valuesYaml(CONTROLLER_VALUES))
  const result = await runNode('dc-controller', [
    ...['--listen', `${NETWORK_ADDRESS}:50050`, '--bootstrap-values', values, '--data-dir', dataDir],
  ])
  assert.is(result.code, 2)
  assert.match(result.stderr, /refusing to serve plaintext gRPC on non-loopback address 192\.0\.2\.10:50050/)
  assert.not.ok(existsSync(dataDir), 'nothing was opened')
})

test('dc-agent - in a namespace owning the address: --insecure serves with a warning, TLS without', async (c) => {
  const available = await netnsAvailable()
  assert.ok(available.ok, available.ok ? '' : `network namespaces unavailable: ${available.reason}`)
  const site = await createSite({ name: 'insecure', v4: `${NETWORK_ADDRESS}/24` })
  const listen = `${NETWORK_ADDRESS}:50051`

  const plaintext = await site.spawnNode(
    'dc-agent',
    ['--listen', listen, '--state-dir', join(c.dir, 'plain'), '--insecure'],
    { readyPattern: /^dc-agent listening on /, name: 'dc-agent --insecure' },
  )
  await plaintext.stop()
  assert.match(
    plaintext.output(),
    /WARNING: serving plaintext gRPC without TLS on 192\.0\.2\.10:50051 \(--insecure\)/,
  )

  const ca = await createTestCa(join(c.dir, 'ca'), 'site-ca')
  const agent = await ca.issue({ kind: 'agent', name: 'edge', ips: [NETWORK_ADDRESS] })
  await mkdir(join(c.dir, 'tls'))
  const tls = await site.spawnNode(
    'dc-agent',
    [
      ...['--listen', listen, '--state-dir', join(c.dir, 'tls')],
      ...['--tls-ca', ca.certFile, '--tls-cert', agent.certFile, '--tls-key', agent.keyFile],
    ],
    { readyPattern: /^dc-agent listening on /, name: 'dc-agent TLS' },
  )
  await tls.stop()
  assert.not.match(tls.output(), /WARNING/)
  assert.match(tls.output(), /mutual TLS: CA bundle/)
})

test.run()
