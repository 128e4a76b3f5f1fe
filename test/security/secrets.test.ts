import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { BOOTSTRAP_SECRET_KEYS } from '@dc/netmodel'
import { ignoreIpServernameWarning, loadChannelCredentials } from '@dc/tls'
import { createTestCa, makeTempDir, removeTempDir, runNode } from '../support/index.js'
import type { CommandResult, IssuedFiles, TestCa } from '../support/index.js'
import { startTestAgent, startTestController, subcloudValues } from '../controller/controller-harness.js'
import type { TestAgent, TestController } from '../controller/controller-harness.js'

// An end-to-end onboarding over mutual TLS whose bootstrap values carry a password under every
// secret key, then everything an operator does with them (add, a refused add, show, list,
// errors, update with rehome values, a refused update, forwarded calls). Afterwards every line
// the controller, the agent and the CLI printed is searched for each password.

ignoreIpServernameWarning()

/** One distinct password per secret key, each unlikely to occur by chance. */
const SECRETS: Readonly<Record<string, string>> = {
  admin_password: 'Adm1n-pw-7Qz!kx',
  ansible_become_pass: 'B3come-pw-4Rt#vw',
  ansible_ssh_pass: 'Ssh-pw-9Lm$pp',
  sysadmin_password: 'Sys4dm1n-pw-2Hd%',
  bmc_password: 'Bmc-pw-6Yc&zz',
  // A docker registry's nested `password`.
  password: 'R3gistry-pw-5Gn*',
}

/** The subcloud's values as YAML: the harness's IPv6 values plus every secret, one nested. */
function valuesWithSecrets(name = 'subcloud1', overrides: Readonly<Record<string, string>> = {}): string {
  const network = Object.entries({ ...subcloudValues(1, 'ipv6', name), ...overrides }).filter(
    ([key]) => !(key in SECRETS),
  )
  const topLevel = Object.entries(SECRETS).filter(([key]) => key !== 'password')
  return [
    ...[...network, ...topLevel].map(([k, v]) => `${k}: ${JSON.stringify(v)}`),
    'docker_registries:',
    '  quay.io:',
    '    url: "registry.local/quay.io"',
    '    username: "puller"',
    `    password: ${JSON.stringify(SECRETS['password'])}`,
    '',
  ].join('\n')
}

interface Ctx {
  dir: string
  ca: TestCa
  alice: IssuedFiles
  controller: TestController
  agent: TestAgent
  /** stdout and stderr of every CLI run. */
  cliOutput: string[]
}

const test = suite<Ctx>('secrets', {} as Ctx)

async function cli(c: Ctx, program: string, args: readonly string[]): Promise<CommandResult> {
  const result = await runNode(program, ['--url', c.controller.address, ...args], {
    timeoutMs: 120_000,
    // The TLS files through the environment this time, as a shell profile would set them.
    env: { DC_TLS_CA: c.ca.certFile, DC_TLS_CERT: c.alice.certFile, DC_TLS_KEY: c.alice.keyFile },
  })
  c.cliOutput.push(result.stdout, result.stderr)
  return result
}

test.before(async (c) => {
  c.cliOutput = []
  c.dir = await makeTempDir('dct-secrets-')
  c.ca = await createTestCa(join(c.dir, 'ca'), 'site-ca')
  const loopback = ['127.0.0.1', '::1']
  const [controller, agent, alice] = await Promise.all([
    c.ca.issue({ kind: 'controller', name: 'central', ips: loopback }),
    c.ca.issue({ kind: 'agent', name: 'subcloud1', ips: loopback }),
    c.ca.issue({ kind: 'operator', name: 'alice', role: 'admin' }),
  ])
  c.alice = alice
  const tls = (files: IssuedFiles): string[] => [
    ...['--tls-ca', c.ca.certFile, '--tls-cert', files.certFile, '--tls-key', files.keyFile],
  ]
  c.agent = await startTestAgent(['::1'], join(c.dir, 'subcloud1'), 500, { args: tls(agent) })
  c.controller = await startTestController({
    dataDir: c.dir,
    args: tls(controller),
    credentials: loadChannelCredentials({ caFile: c.ca.certFile, ...alice }),
  })
})

test.after(async (c) => {
  await c.controller?.stop()
  await c.agent?.stop()
  if (c.dir !== undefined) await removeTempDir(c.dir)
})

test('secrets - the test covers every secret key netmodel knows', () => {
  assert.equal(Object.keys(SECRETS).sort(), [...BOOTSTRAP_SECRET_KEYS].sort())
})

test('secrets - onboarding with passwords in the values, and everything around it', async (c) => {
  const address = c.agent.addresses[0] ?? ''
  const good = join(c.dir, 'subcloud1.yml')
  await writeFile(good, valuesWithSecrets())
  // Refused before anything is written: the values name a subnet the controller itself uses.
  const bad = join(c.dir, 'bad.yml')
  await writeFile(bad, valuesWithSecrets('subcloud9', { management_subnet: 'fd01:1::/64' }))
  const refused = await cli(c, 'dcmanager', [
    ...['subcloud', 'add', '--bootstrap-address', address, '--bootstrap-values', bad],
    ...['--sysadmin-password', SECRETS['sysadmin_password'] ?? ''],
  ])
  assert.is(refused.code, 1, 'the overlapping subcloud is refused')
  assert.ok(refused.stderr.length > 0)
  const garbledAdd = join(c.dir, 'garbled-add.yml')
  await writeFile(
    garbledAdd,
    `${valuesWithSecrets()}ansible_become_pass: ${SECRETS['ansible_become_pass']}\n`,
  )
  const duplicate = await cli(c, 'dcmanager', [
    ...['subcloud', 'add', '--bootstrap-address', address, '--bootstrap-values', garbledAdd],
  ])
  assert.is(duplicate.code, 1, 'a repeated key is refused')
  assert.match(duplicate.stderr, /not valid YAML/)

  const added = await cli(c, 'dcmanager', [
    ...['subcloud', 'add', '--bootstrap-address', address, '--bootstrap-values', good, '--wait'],
    ...['--sysadmin-password', SECRETS['sysadmin_password'] ?? ''],
  ])
  assert.is(added.code, 0, added.stderr)
  await c.controller.waitFor('subcloud1', (s) => s.availability_status === 'online', 'online')
  const managed = await cli(c, 'dcmanager', ['subcloud', 'manage', 'subcloud1'])
  assert.is(managed.code, 0, managed.stderr)

  for (const args of [
    ['subcloud', 'show', 'subcloud1', '--detail', '-f', 'json'],
    ['subcloud', 'list', '-f', 'json'],
    ['subcloud', 'list', '--detail', '-f', 'yaml'],
    ['subcloud', 'errors', 'subcloud1'],
  ]) {
    const shown = await cli(c, 'dcmanager', args)
    assert.is(shown.code, 0, `${args.join(' ')}: ${shown.stderr}`)
  }

  // Rehome values: kept by the controller, never shown back.
  const rehome = join(c.dir, 'rehome.yml')
  await writeFile(rehome, valuesWithSecrets())
  const updated = await cli(c, 'dcmanager', ['subcloud', 'update', 'subcloud1', '--bootstrap-values', rehome])
  assert.is(updated.code, 0, updated.stderr)
  const garbled = join(c.dir, 'garbled.yml')
  await writeFile(garbled, `admin_password: ${SECRETS['admin_password']}\n  : [unbalanced\n`)
  const badUpdate = await cli(c, 'dcmanager', [
    'subcloud',
    'update',
    'subcloud1',
    '--bootstrap-values',
    garbled,
  ])
  assert.is(badUpdate.code, 1)
  const afterUpdate = await cli(c, 'dcmanager', ['subcloud', 'show', 'subcloud1', '--detail', '-f', 'json'])
  assert.is(afterUpdate.code, 0, afterUpdate.stderr)

  const forwarded = await cli(c, 'system', ['--os-region-name', 'subcloud1', 'show'])
  assert.is(forwarded.code, 0, forwarded.stderr)
})

test('secrets - no password appears in any line the controller, the agent or the CLI printed', (c) => {
  const sources: [string, readonly string[]][] = [
    ['dc-controller', c.controller.process.lines()],
    ['dc-agent', c.agent.process.lines()],
    ['CLI', c.cliOutput.flatMap((text) => text.split('\n'))],
  ]
  for (const [source, lines] of sources) {
    // Not vacuous: each source printed something about the onboarding.
    assert.ok(
      lines.some((line) => /subcloud1|bootstrap|listening/.test(line)),
      `${source} printed nothing to search`,
    )
    for (const [key, password] of Object.entries(SECRETS)) {
      const leak = lines.find((line) => line.includes(password))
      assert.is(leak, undefined, `${source} printed the ${key} password: ${leak ?? ''}`)
    }
  }
})

test('secrets - the controller logs JSON lines, each with a time, a level and a message', (c) => {
  const lines = c.controller.process.stderrLines().filter((line) => line.trim() !== '')
  assert.ok(lines.length > 0, 'the controller logged something')
  const records = lines.map((line) => {
    try {
      return JSON.parse(line) as Record<string, unknown>
    } catch {
      throw new Error(`not a JSON line: ${line}`)
    }
  })
  for (const record of records) {
    assert.type(record.time, 'string')
    assert.type(record.level, 'string')
    assert.type(record.msg, 'string')
    assert.is(record.service, 'dc-controller')
  }
  assert.ok(
    records.some((r) => r.component === 'deploy' && String(r.msg).includes('subcloud1')),
    'the onboarding is in the log, by component',
  )
})

test.run()
