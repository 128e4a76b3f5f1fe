import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ServerCredentials, credentials, status } from '@grpc/grpc-js'
import type { Server, ServiceError } from '@grpc/grpc-js'
import { suite } from 'uvu'
import type { Test } from 'uvu'
import * as assert from 'uvu/assert'
import {
  TlsConfigError,
  describeTlsFailure,
  loadChannelCredentials,
  loadServerCredentials,
} from '../src/index.js'
import { callWhoAmI, certFiles, dcPkiOk, rejectionOf, startWhoAmIServer, tempDir } from './tls-fixtures.js'

// One PKI for the whole file: two site CAs, a dual-stack agent as server, and clients of every kind.
const dir = await tempDir('dc-tls-mtls-')
process.on('exit', () => rmSync(dir.path, { recursive: true, force: true }))
const at = (name: string): string => join(dir.path, name)
const ca1 = at('ca1')
const ca2 = at('ca2')
await Promise.all([dcPkiOk(['init', '--dir', ca1, '--name', 'ca-one']), dcPkiOk(['init', '--dir', ca2])])
const issue = (caDir: string, out: string, ...args: string[]): Promise<string> =>
  dcPkiOk(['issue', '--dir', caDir, '--out', at(out), ...args])
await Promise.all([
  issue(ca1, 'agent', '--kind', 'agent', '--name', 'sub1', '--ip', '127.0.0.1', '--ip', '::1'),
  issue(ca1, 'v4only', '--kind', 'agent', '--name', 'sub2', '--ip', '127.0.0.1'),
  issue(ca1, 'alice', '--kind', 'operator', '--name', 'alice', '--role', 'admin'),
  issue(ca1, 'bob', '--kind', 'operator', '--name', 'bob', '--role', 'reader'),
  issue(ca1, 'ctl', '--kind', 'controller', '--name', 'ctl', '--ip', '127.0.0.1'),
  issue(ca2, 'mallory', '--kind', 'operator', '--name', 'mallory', '--role', 'admin'),
  issue(
    ca1,
    'expired',
    ...['--kind', 'operator', '--name', 'old', '--role', 'admin'],
    ...['--not-before', '2020-01-01T00:00:00Z', '--not-after', '2020-02-01T00:00:00Z'],
  ),
])
const ca1File = join(ca1, 'ca.crt')
const ca2File = join(ca2, 'ca.crt')
const client = (name: string, caFile = ca1File) => ({ caFile, ...certFiles(at(name)) })

interface ServerCtx {
  server?: Server
  port: number
}

/** The suite's WhoAmI server on `hosts`, presenting the certificate `name` of CA 1. */
function serveWhoAmI(test: Test<ServerCtx>, name: string, hosts = ['127.0.0.1', '[::1]']): void {
  test.before(async (ctx) => {
    const started = await startWhoAmIServer(
      loadServerCredentials({ caFile: ca1File, ...certFiles(at(name)) }),
      hosts,
    )
    ctx.server = started.server
    ctx.port = started.port
  })
  test.after((ctx) => ctx.server?.forceShutdown())
}

const LoadServerCredentials = suite<ServerCtx>('loadServerCredentials', { port: 0 })

serveWhoAmI(LoadServerCredentials, 'agent')

LoadServerCredentials(
  'loadServerCredentials - accepts an operator certificate of its CA on 127.0.0.1 and [::1]',
  async (ctx) => {
    for (const host of ['127.0.0.1', '[::1]']) {
      const answer = await callWhoAmI(`${host}:${ctx.port}`, loadChannelCredentials(client('alice')))
      assert.equal(answer.identity, { kind: 'operator', name: 'alice', role: 'admin' }, host)
    }
  },
)

LoadServerCredentials('loadServerCredentials - refuses a client without a certificate', async (ctx) => {
  const target = `127.0.0.1:${ctx.port}`
  const error = await rejectionOf(callWhoAmI(target, loadChannelCredentials({ caFile: ca1File })))
  assert.is((error as ServiceError).code, status.UNAVAILABLE)
  assert.is(
    describeTlsFailure(error, target, { caFile: ca1File }),
    `TLS handshake with ${target} failed: the server requires a client certificate and this client sent none`,
  )
})

LoadServerCredentials('loadServerCredentials - refuses a certificate from another CA', async (ctx) => {
  const target = `127.0.0.1:${ctx.port}`
  const error = await rejectionOf(callWhoAmI(target, loadChannelCredentials(client('mallory'))))
  assert.is((error as ServiceError).code, status.UNAVAILABLE)
  const message = describeTlsFailure(error, target, client('mallory')) ?? ''
  assert.match(message, `TLS handshake with ${target} failed: the server refused this client's certificate`)
  assert.match(message, 'certificate signed by unknown authority')
  assert.match(message, 'CN=dc-site-ca')
})

LoadServerCredentials('loadServerCredentials - refuses an expired client certificate', async (ctx) => {
  const target = `[::1]:${ctx.port}`
  const error = await rejectionOf(callWhoAmI(target, loadChannelCredentials(client('expired'))))
  assert.is((error as ServiceError).code, status.UNAVAILABLE)
  assert.is(
    describeTlsFailure(error, target, client('expired')),
    `TLS handshake with ${target} failed: the server refused this client's certificate: it expired on 2020-02-01T00:00:00.000Z`,
  )
})

LoadServerCredentials('loadServerCredentials - refuses a plaintext client', async (ctx) => {
  const target = `127.0.0.1:${ctx.port}`
  const error = await rejectionOf(callWhoAmI(target, credentials.createInsecure()))
  assert.is((error as ServiceError).code, status.UNAVAILABLE)
  assert.match(
    describeTlsFailure(error, target, { insecure: true }) ?? '',
    'the server probably requires TLS',
  )
})

LoadServerCredentials('loadServerCredentials - fails at load on a key of another certificate', () => {
  const error = rejectionOfSync(() =>
    loadServerCredentials({ caFile: ca1File, certFile: at('agent.crt'), keyFile: at('alice.key') }),
  )
  assert.instance(error, TlsConfigError)
  assert.is((error as TlsConfigError).file, at('alice.key'))
  assert.match((error as Error).message, `does not belong to certificate ${at('agent.crt')}`)
})

LoadServerCredentials('loadServerCredentials - fails at load on a missing file', () => {
  const error = rejectionOfSync(() =>
    loadServerCredentials({ caFile: at('nowhere.crt'), ...certFiles(at('agent')) }),
  )
  assert.instance(error, TlsConfigError)
  assert.is((error as Error).message, `cannot read TLS CA bundle ${at('nowhere.crt')}: ENOENT`)
})

LoadServerCredentials('loadServerCredentials - fails at load on a CA bundle holding a leaf', () => {
  const error = rejectionOfSync(() =>
    loadServerCredentials({ caFile: at('alice.crt'), ...certFiles(at('agent')) }),
  )
  assert.instance(error, TlsConfigError)
  assert.match((error as Error).message, 'is not a CA')
})

const LoadChannelCredentials = suite<ServerCtx>('loadChannelCredentials', { port: 0 })

serveWhoAmI(LoadChannelCredentials, 'v4only')

LoadChannelCredentials(
  'loadChannelCredentials - refuses a server whose certificate another CA signed',
  async (ctx) => {
    const target = `127.0.0.1:${ctx.port}`
    const error = await rejectionOf(callWhoAmI(target, loadChannelCredentials(client('alice', ca2File))))
    assert.is(
      describeTlsFailure(error, target),
      `TLS handshake with ${target} failed: server certificate signed by unknown authority (no CA of this client's bundle signed it)`,
    )
  },
)

LoadChannelCredentials(
  'loadChannelCredentials - refuses a server certificate lacking the dialled address',
  async (ctx) => {
    const answer = await callWhoAmI(`127.0.0.1:${ctx.port}`, loadChannelCredentials(client('alice')))
    assert.equal(answer.identity, { kind: 'operator', name: 'alice', role: 'admin' })
    const target = `[::1]:${ctx.port}`
    const error = await rejectionOf(callWhoAmI(target, loadChannelCredentials(client('alice'))))
    assert.match(describeTlsFailure(error, target) ?? '', 'the server certificate does not name ::1')
  },
)

LoadChannelCredentials('loadChannelCredentials - wants a certificate and its key together', () => {
  const error = rejectionOfSync(() => loadChannelCredentials({ caFile: ca1File, certFile: at('alice.crt') }))
  assert.instance(error, TlsConfigError)
  assert.match((error as Error).message, 'give both files or neither')
})

LoadChannelCredentials('loadChannelCredentials - fails at load on a file that is not PEM', () => {
  writeFileSync(at('garbage.crt'), 'not a certificate\n')
  const error = rejectionOfSync(() => loadChannelCredentials({ caFile: at('garbage.crt') }))
  assert.instance(error, TlsConfigError)
  assert.is((error as Error).message, `TLS CA bundle ${at('garbage.crt')} holds no PEM certificate`)
})

const PeerIdentity = suite<ServerCtx>('peerIdentity', { port: 0 })

serveWhoAmI(PeerIdentity, 'agent', ['127.0.0.1'])

PeerIdentity('peerIdentity - names a controller client, with no role', async (ctx) => {
  const answer = await callWhoAmI(`127.0.0.1:${ctx.port}`, loadChannelCredentials(client('ctl')))
  assert.equal(answer.identity, { kind: 'controller', name: 'ctl' })
})

PeerIdentity('peerIdentity - carries the reader role of an operator', async (ctx) => {
  const answer = await callWhoAmI(`127.0.0.1:${ctx.port}`, loadChannelCredentials(client('bob')))
  assert.equal(answer.identity, { kind: 'operator', name: 'bob', role: 'reader' })
})

PeerIdentity('peerIdentity - is undefined on an insecure connection', async () => {
  const { server, port } = await startWhoAmIServer(ServerCredentials.createInsecure(), ['127.0.0.1'])
  try {
    const answer = await callWhoAmI(`127.0.0.1:${port}`, credentials.createInsecure())
    assert.is(answer.identity, null)
  } finally {
    server.forceShutdown()
  }
})

const DescribeTlsFailure = suite<ServerCtx>('describeTlsFailure', { port: 0 })

DescribeTlsFailure.before(async (ctx) => {
  const started = await startWhoAmIServer(ServerCredentials.createInsecure(), ['127.0.0.1'])
  ctx.server = started.server
  ctx.port = started.port
})

DescribeTlsFailure.after((ctx) => ctx.server?.forceShutdown())

DescribeTlsFailure('describeTlsFailure - says a plaintext server does not speak TLS', async (ctx) => {
  const target = `127.0.0.1:${ctx.port}`
  const error = await rejectionOf(callWhoAmI(target, loadChannelCredentials(client('alice'))))
  assert.match(describeTlsFailure(error, target) ?? '', 'the server does not speak TLS')
})

function rejectionOfSync(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('expected a throw, got a result')
}

LoadServerCredentials.run()
LoadChannelCredentials.run()
PeerIdentity.run()
DescribeTlsFailure.run()
