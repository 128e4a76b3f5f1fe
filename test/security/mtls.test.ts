import { readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { request } from 'node:https'
import type { TLSSocket } from 'node:tls'
import { join } from 'node:path'
import { status } from '@grpc/grpc-js'
import type { ChannelCredentials, ClientUnaryCall, ServiceError } from '@grpc/grpc-js'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { loadProtos } from '@dc/protos'
import type { ListSubcloudsResponse__Output } from '@dc/protos'
import { ignoreIpServernameWarning, loadChannelCredentials } from '@dc/tls'
import type { CaOnlyTlsFiles } from '@dc/tls'
import { createTestCa, freePort, makeTempDir, removeTempDir, runNode, waitFor } from '../support/index.js'
import type { CommandResult, IssuedFiles, TestCa } from '../support/index.js'
import {
  failure,
  startTestAgent,
  startTestController,
  subcloudValues,
  unary,
  valuesYaml,
} from '../controller/controller-harness.js'
import type { TestAgent, TestController } from '../controller/controller-harness.js'

// One site PKI made by dc-pki, a dc-controller and a dc-agent serving mutual TLS, and every
// client the issue names: none, another CA's, an expired one, the wrong identity, a reader.

ignoreIpServernameWarning()

interface Ctx {
  dir: string
  ca: TestCa
  files: Record<'controller' | 'agent' | 'alice' | 'bob' | 'mallory' | 'expired', IssuedFiles>
  controller: TestController
  agent: TestAgent
  /** `127.0.0.1:port` of the agent's `/metrics` */
  metrics: string
}

const test = suite<Ctx>('mutual TLS', {} as Ctx)

const tlsArgs = (caFile: string, files: IssuedFiles): string[] => [
  ...['--tls-ca', caFile, '--tls-cert', files.certFile, '--tls-key', files.keyFile],
]

/** What the CLI dials with: CA only, or a certificate too; undefined for plaintext. */
type CliTls = CaOnlyTlsFiles | undefined

/** Runs a CLI program against the controller; the TLS files go in as flags. */
async function cli(c: Ctx, program: string, args: readonly string[], tls: CliTls): Promise<CommandResult> {
  const flags =
    tls === undefined
      ? []
      : [
          ...['--os-cacert', tls.caFile],
          ...(tls.certFile === undefined ? [] : ['--os-cert', tls.certFile]),
          ...(tls.keyFile === undefined ? [] : ['--os-key', tls.keyFile]),
        ]
  return runNode(program, ['--url', c.controller.address, ...flags, ...args], { timeoutMs: 120_000 })
}

const as = (c: Ctx, who: keyof Ctx['files']): CaOnlyTlsFiles => ({ caFile: c.ca.certFile, ...c.files[who] })

/** `GET https://address/metrics` on a new connection, presenting `who`'s certificate (or none). */
function scrapeMetrics(
  c: Ctx,
  who: keyof Ctx['files'] | undefined,
): Promise<{ status: number; body: string; serial: string }> {
  const identity =
    who === undefined
      ? {}
      : { cert: readFileSync(c.files[who].certFile), key: readFileSync(c.files[who].keyFile) }
  return new Promise((resolve, reject) => {
    const req = request(
      `https://${c.metrics}/metrics`,
      { ca: readFileSync(c.ca.certFile), ...identity, agent: false, timeout: 20_000 },
      (res) => {
        let body = ''
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk))
        res.on('end', () => {
          const serial = (res.socket as TLSSocket).getPeerCertificate().serialNumber.toUpperCase()
          resolve({ status: res.statusCode ?? 0, body, serial })
        })
      },
    )
    req.on('timeout', () => req.destroy(new Error('timed out')))
    req.on('error', reject)
    req.end()
  })
}

/** The serial number of the certificate a server presents to a new connection, in upper case. */
async function serverSerial(target: string, credentials: ChannelCredentials): Promise<string> {
  const client = new (loadProtos().dc.platform.v1.Platform)(target, credentials)
  try {
    return await new Promise<string>((resolve, reject) => {
      const call: ClientUnaryCall = client.GetSystem({}, { deadline: Date.now() + 20_000 }, (err) => {
        if (err !== null) return reject(err)
        resolve((call.getAuthContext()?.sslPeerCertificate?.serialNumber ?? '').toUpperCase())
      })
    })
  } finally {
    client.close()
  }
}

test.before(async (c) => {
  c.dir = await makeTempDir('dct-mtls-')
  c.ca = await createTestCa(join(c.dir, 'ca'), 'site-ca')
  const other = await createTestCa(join(c.dir, 'other-ca'), 'other-ca')
  const loopback = ['127.0.0.1', '::1']
  const [controller, agent, alice, bob, mallory, expired] = await Promise.all([
    c.ca.issue({ kind: 'controller', name: 'central', ips: loopback }),
    c.ca.issue({ kind: 'agent', name: 'subcloud1', ips: loopback }),
    c.ca.issue({ kind: 'operator', name: 'alice', role: 'admin' }),
    c.ca.issue({ kind: 'operator', name: 'bob', role: 'reader' }),
    other.issue({ kind: 'operator', name: 'mallory', role: 'admin' }),
    c.ca.issue({
      kind: 'operator',
      name: 'old',
      role: 'admin',
      validity: { notBefore: '2020-01-01T00:00:00Z', notAfter: '2020-02-01T00:00:00Z' },
    }),
  ])
  c.files = { controller, agent, alice, bob, mallory, expired }
  c.metrics = `127.0.0.1:${await freePort('127.0.0.1')}`
  c.agent = await startTestAgent(['::1'], join(c.dir, 'subcloud1'), 500, {
    args: [...tlsArgs(c.ca.certFile, agent), '--metrics-listen', c.metrics],
    credentials: loadChannelCredentials({ caFile: c.ca.certFile, ...controller }),
  })
  c.controller = await startTestController({
    dataDir: c.dir,
    args: tlsArgs(c.ca.certFile, controller),
    credentials: loadChannelCredentials({ caFile: c.ca.certFile, ...alice }),
  })
})

test.after(async (c) => {
  await c.controller?.stop()
  await c.agent?.stop()
  if (c.dir !== undefined) await removeTempDir(c.dir)
})

test('dcmanager - an admin operator onboards a subcloud; the controller reaches the agent over mTLS', async (c) => {
  const valuesFile = join(c.dir, 'subcloud1.yml')
  await writeFile(valuesFile, valuesYaml(subcloudValues(1, 'ipv6')))
  const address = c.agent.addresses[0] ?? ''
  const added = await cli(
    c,
    'dcmanager',
    ['subcloud', 'add', '--bootstrap-address', address, '--bootstrap-values', valuesFile],
    as(c, 'alice'),
  )
  assert.is(added.code, 0, added.stderr)
  await c.controller.waitFor('subcloud1', (s) => s.deploy_status === 'complete', 'complete')
  await c.controller.waitFor('subcloud1', (s) => s.availability_status === 'online', 'online')
  assert.match(c.controller.process.output(), /mutual TLS: CA bundle/)
})

test('TLS - a client without a certificate is refused with a clear message', async (c) => {
  const result = await cli(c, 'dcmanager', ['subcloud', 'list'], { caFile: c.ca.certFile })
  assert.is(result.code, 1)
  assert.match(
    result.stderr.trim(),
    new RegExp(
      `^TLS handshake with ${c.controller.address.replace(/[.[\]]/g, '\\$&')} failed: .*client certificate and this client sent none`,
    ),
  )
  const err = await failure(describeWith(c, { caFile: c.ca.certFile }))
  assert.is(err.code, status.UNAVAILABLE, 'the agent refuses it too')
})

/** Describe on the agent with other client credentials than the harness's. */
function describeWith(c: Ctx, files: CaOnlyTlsFiles): Promise<unknown> {
  const client = new (loadProtos().dc.agent.v1.Agent)(
    c.agent.addresses[0] ?? '',
    loadChannelCredentials(files),
  )
  return unary((o, cb) => client.Describe({}, o, cb)).finally(() => client.close())
}

test('TLS - a certificate from another CA is refused with a clear message', async (c) => {
  const result = await cli(c, 'dcmanager', ['subcloud', 'list'], as(c, 'mallory'))
  assert.is(result.code, 1)
  assert.match(result.stderr, /^TLS handshake with .* failed: .*(unknown authority|does not trust the CA)/)
  const err = await failure(describeWith(c, as(c, 'mallory')))
  assert.is(err.code, status.UNAVAILABLE, 'the agent refuses it too')
})

test('TLS - an expired certificate is refused with a clear message', async (c) => {
  const result = await cli(c, 'dcmanager', ['subcloud', 'list'], as(c, 'expired'))
  assert.is(result.code, 1)
  assert.match(result.stderr, /^TLS handshake with .* failed: .*expired/)
  const err = await failure(describeWith(c, as(c, 'expired')))
  assert.is(err.code, status.UNAVAILABLE, 'the agent refuses it too')
})

test('TLS - a plaintext client of a TLS server is told the server probably requires TLS', async (c) => {
  const result = await cli(c, 'dcmanager', ['subcloud', 'list'], undefined)
  assert.is(result.code, 1)
  assert.match(result.stderr, /probably requires TLS/)
})

test('Agent - an operator certificate may not Apply, Claim or Bootstrap; PERMISSION_DENIED names why', async (c) => {
  const { dc } = loadProtos()
  const target = c.agent.addresses[0] ?? ''
  const admin = new dc.agent.v1.Agent(target, loadChannelCredentials(as(c, 'alice')))
  try {
    const before = await c.agent.describe()
    const apply = await failure(
      unary((o, cb) =>
        admin.Apply(
          { commands: [], change_id: 'x', epoch: before.epoch, controller_id: before.controller_id },
          o,
          cb,
        ),
      ),
    )
    assert.is(apply.code, status.PERMISSION_DENIED)
    assert.is(
      apply.details,
      "Apply needs a controller certificate; the client presented operator 'alice' (role admin)",
    )
    const claim = await failure(unary((o, cb) => admin.Claim({ epoch: '99', controller_id: 'rogue' }, o, cb)))
    assert.is(claim.code, status.PERMISSION_DENIED)
    assert.match(claim.details, /^Claim needs a controller certificate/)
    const after = await c.agent.describe()
    assert.is(after.epoch, before.epoch, 'the refused Claim changed no owner')
    assert.is(after.generation, before.generation)
    // Reads stay open to any identity of the site.
    const described = await unary((o, cb) => admin.Describe({}, o, cb))
    assert.ok(described)
  } finally {
    admin.close()
  }
  assert.match(c.agent.process.output(), /Apply needs a controller certificate/)
})

test('Platform on an agent - a reader reads but may not change the site', async (c) => {
  const { dc } = loadProtos()
  const reader = new dc.platform.v1.Platform(c.agent.addresses[0] ?? '', loadChannelCredentials(as(c, 'bob')))
  try {
    const hosts = await unary<{ hosts: unknown[] }>((o, cb) => reader.ListHosts({}, o, cb))
    assert.ok(hosts.hosts.length > 0)
    const lock = await failure(unary((o, cb) => reader.LockHost({ host: 'controller-0' }, o, cb)))
    assert.is(lock.code, status.PERMISSION_DENIED)
    assert.is(
      lock.details,
      "LockHost needs a controller certificate or the admin role; the client presented operator 'bob' (role reader)",
    )
  } finally {
    reader.close()
  }
})

test('dcmanager - a reader lists and shows but may not change anything (PERMISSION_DENIED names admin)', async (c) => {
  const listed = await cli(c, 'dcmanager', ['subcloud', 'list', '-f', 'value', '-c', 'name'], as(c, 'bob'))
  assert.is(listed.code, 0, listed.stderr)
  assert.is(listed.stdout.trim(), 'subcloud1')
  const shown = await cli(c, 'dcmanager', ['subcloud', 'show', 'subcloud1', '--detail'], as(c, 'bob'))
  assert.is(shown.code, 0, shown.stderr)

  const added = await cli(c, 'dcmanager', ['subcloud-group', 'add', '--name', 'edge'], as(c, 'bob'))
  assert.is(added.code, 1)
  assert.match(
    added.stderr,
    /^AddSubcloudGroup needs the admin role; the client presented operator 'bob' \(role reader\)/,
  )
  const groups = await cli(
    c,
    'dcmanager',
    ['subcloud-group', 'list', '-f', 'value', '-c', 'name'],
    as(c, 'bob'),
  )
  assert.not.match(groups.stdout, /edge/, 'the refused add wrote nothing')

  const unmanage = await cli(c, 'dcmanager', ['subcloud', 'unmanage', 'subcloud1'], as(c, 'bob'))
  assert.is(unmanage.code, 1)
  assert.match(unmanage.stderr, /^UnmanageSubcloud needs the admin role/)
})

test('system --os-region-name - the controller checks the role before it forwards', async (c) => {
  const region = ['--os-region-name', 'subcloud1']
  const read = await cli(c, 'system', [...region, 'host-list', '-f', 'value', '-c', 'hostname'], as(c, 'bob'))
  assert.is(read.code, 0, read.stderr)
  assert.match(read.stdout, /controller-0/)
  const lock = await cli(c, 'system', [...region, 'host-lock', 'controller-0'], as(c, 'bob'))
  assert.is(lock.code, 1)
  // The controller's wording, not the agent's ("a controller certificate or the admin role").
  assert.match(lock.stderr, /^LockHost needs the admin role; the client presented operator 'bob'/)
  const host = await cli(
    c,
    'system',
    [...region, 'host-show', 'controller-0', '-f', 'value', '-c', 'administrative'],
    as(c, 'alice'),
  )
  assert.is(host.stdout.trim(), 'unlocked', 'nothing was forwarded')
})

test('DcManager - an agent certificate gets nothing from the controller', async (c) => {
  const client = new (loadProtos().dc.manager.v1.DcManager)(
    c.controller.address,
    loadChannelCredentials({ caFile: c.ca.certFile, ...c.files.agent }),
  )
  try {
    const err = await failure(
      unary<ListSubcloudsResponse__Output>((o, cb) => client.ListSubclouds({}, o, cb)),
    )
    assert.is(err.code, status.PERMISSION_DENIED)
    assert.is(
      (err as ServiceError).details,
      "ListSubclouds needs the reader or admin role; the client presented agent 'subcloud1'",
    )
  } finally {
    client.close()
  }
})

test('rotation - a re-issued controller certificate is served to new connections without a restart', async (c) => {
  const target = c.controller.address
  const credentials = (): ChannelCredentials => loadChannelCredentials(as(c, 'bob'))
  const before = await serverSerial(target, credentials())
  const reissued = await c.ca.issue({ kind: 'controller', name: 'central', ips: ['127.0.0.1', '::1'] })
  assert.is.not(reissued.serial.toUpperCase(), before)
  await waitFor(async () => (await serverSerial(target, credentials())) === reissued.serial.toUpperCase(), {
    message: 'the controller serves the re-issued certificate',
  })
  await c.controller.process.waitForLine(/TLS files reloaded: certificate serial/i)
  // The same files are the controller's client certificate: new agent connections use them.
  await c.controller.process.waitForLine(/agent channels: new TLS files in use/)
  const read = await cli(c, 'system', ['--os-region-name', 'subcloud1', 'host-list'], as(c, 'alice'))
  assert.is(read.code, 0, read.stderr)
  const shown = await c.controller.show('subcloud1')
  assert.is(shown.availability_status, 'online')
})

test('metrics - the agent serves /metrics over HTTPS to a certificate of the site CA only', async (c) => {
  const scraped = await scrapeMetrics(c, 'bob')
  assert.is(scraped.status, 200)
  assert.match(scraped.body, /^dc_agent_bootstrapped 1$/m)
  for (const who of [undefined, 'mallory', 'expired'] as const) {
    const refused = await scrapeMetrics(c, who).then(
      (answer) => `answered ${answer.status}`,
      (err: unknown) => String(err),
    )
    assert.match(
      refused,
      /ECONNRESET|socket hang up|certificate|alert/i,
      `${who ?? 'no certificate'}: ${refused}`,
    )
  }
})

test('rotation - a re-issued agent certificate is served to new connections without a restart', async (c) => {
  const target = c.agent.addresses[0] ?? ''
  const credentials = (): ChannelCredentials => loadChannelCredentials(as(c, 'alice'))
  const before = await serverSerial(target, credentials())
  const reissued = await c.ca.issue({ kind: 'agent', name: 'subcloud1', ips: ['127.0.0.1', '::1'] })
  assert.is.not(reissued.serial.toUpperCase(), before)
  await waitFor(async () => (await serverSerial(target, credentials())) === reissued.serial.toUpperCase(), {
    message: 'the agent serves the re-issued certificate',
  })
  assert.match(c.agent.process.output(), /TLS files reloaded: certificate serial/)
  await waitFor(async () => (await scrapeMetrics(c, 'bob')).serial === reissued.serial.toUpperCase(), {
    message: 'the metrics endpoint serves the re-issued certificate',
  })
  const shown = await c.controller.show('subcloud1')
  assert.is(shown.availability_status, 'online')
})

test.run()
