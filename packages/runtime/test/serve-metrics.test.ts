import { X509Certificate } from 'node:crypto'
import { readFileSync, rmSync } from 'node:fs'
import { Agent as HttpAgent, request as httpRequest } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { createServer } from 'node:net'
import type { TLSSocket } from 'node:tls'
import { join } from 'node:path'
import { Counter } from 'prom-client'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { InsecureBindingError } from '@dc/tls'
import type { TlsFiles } from '@dc/tls'
import { MetricsBindError, createMetricsRegistry, serveMetrics, silentLogger } from '../src/index.js'
import type { MetricsRegistry, MetricsServer } from '../src/index.js'
// One fixture makes the certificates of every TLS test, with the real dc-pki.
import { certFiles, dcPkiOk, tempDir } from '../../tls/test/tls-fixtures.js'

interface Answer {
  readonly status: number
  readonly headers: IncomingHttpHeaders
  readonly body: string
  /** Serial of the server certificate, over HTTPS. */
  readonly serial: string | undefined
}

interface ClientTls {
  readonly ca: Buffer
  readonly cert?: Buffer
  readonly key?: Buffer
}

/** One request on a fresh connection. */
function fetchText(url: string, options: { method?: string; tls?: ClientTls } = {}): Promise<Answer> {
  const request = url.startsWith('https:') ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', agent: false, ...options.tls }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => {
        const peer = (res.socket as TLSSocket).getPeerCertificate?.()
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, serial: peer?.serialNumber })
      })
    })
    req.setTimeout(10_000, () => req.destroy(new Error('timed out')))
    req.on('error', reject)
    req.end()
  })
}

function sampleRegistry(): MetricsRegistry {
  const registry = createMetricsRegistry({ prefix: 'dc_test_' })
  new Counter({ name: 'dc_test_widgets_total', help: 'Widgets made.', registers: [registry] }).inc(3)
  return registry
}

const LOOPBACK = { host: '127.0.0.1', port: 0 }
const NO_FILES: TlsFiles = { caFile: '', certFile: '', keyFile: '' }

interface Ctx {
  servers: MetricsServer[]
}

const Http = suite<Ctx>('serveMetrics', { servers: [] })

Http.after.each(async (ctx) => {
  await Promise.all(ctx.servers.splice(0).map((s) => s.close()))
})

async function serve(
  ctx: Ctx,
  options: Partial<Parameters<typeof serveMetrics>[0]> = {},
): Promise<MetricsServer> {
  const server = await serveMetrics({
    listen: LOOPBACK,
    registry: sampleRegistry(),
    insecure: false,
    log: silentLogger,
    ...options,
  })
  ctx.servers.push(server)
  return server
}

Http('serveMetrics - answers GET /metrics in the Prometheus text format', async (ctx) => {
  const server = await serve(ctx)
  assert.match(server.address, /^127\.0\.0\.1:\d+$/)
  const answer = await fetchText(`http://${server.address}/metrics`)
  assert.is(answer.status, 200)
  assert.match(String(answer.headers['content-type']), /^text\/plain; version=0\.0\.4/)
  assert.match(answer.body, /^# HELP dc_test_widgets_total Widgets made\.$/m)
  assert.match(answer.body, /^dc_test_widgets_total 3$/m)
  assert.match(answer.body, /^dc_test_process_cpu_seconds_total /m, 'process metrics, prefixed')
  assert.match(answer.body, /^dc_test_log_lines_dropped_total 0$/m, 'log lines dropped, none here')
  assert.match(answer.body, /^dc_test_nodejs_heap_size_used_bytes /m)
})

Http('serveMetrics - other paths are 404, other methods 405', async (ctx) => {
  const server = await serve(ctx)
  assert.is((await fetchText(`http://${server.address}/`)).status, 404)
  assert.is((await fetchText(`http://${server.address}/metrics/x`)).status, 404)
  const post = await fetchText(`http://${server.address}/metrics`, { method: 'POST' })
  assert.is(post.status, 405)
  assert.is(post.headers.allow, 'GET, HEAD')
  assert.is((await fetchText(`http://${server.address}/metrics?name[]=x`)).status, 200)
})

Http('serveMetrics - refuses plain HTTP on a non-loopback address without insecure', async (ctx) => {
  try {
    await serve(ctx, { listen: { host: '192.0.2.10', port: 9100 } })
    assert.unreachable('should have refused')
  } catch (err) {
    assert.instance(err, InsecureBindingError)
    assert.match(
      (err as Error).message,
      /^refusing to serve plaintext metrics on non-loopback address 192\.0\.2\.10:9100: configure TLS .* or pass --insecure/,
    )
  }
})

Http('serveMetrics - a taken port is an error naming the address', async (ctx) => {
  const first = await serve(ctx)
  const port = Number(first.address.split(':').at(-1))
  try {
    await serve(ctx, { listen: { host: '127.0.0.1', port } })
    assert.unreachable('should have failed')
  } catch (err) {
    assert.instance(err, MetricsBindError)
    assert.is((err as Error).message, `cannot serve metrics on 127.0.0.1:${port}: EADDRINUSE`)
  }
})

Http('serveMetrics - close() frees the port, even with a connection kept alive', async (ctx) => {
  const server = await serve(ctx)
  const port = Number(server.address.split(':').at(-1))
  const keepAlive = new HttpAgent({ keepAlive: true })
  await new Promise<void>((resolve, reject) => {
    const req = httpRequest(`http://${server.address}/metrics`, { agent: keepAlive }, (res) => {
      res.resume()
      res.on('end', resolve)
    })
    req.on('error', reject)
    req.end()
  })
  await server.close()
  await server.close()
  const probe = createServer()
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject)
    probe.listen({ host: '127.0.0.1', port }, resolve)
  })
  await new Promise((resolve) => probe.close(resolve))
  keepAlive.destroy()
})

Http('serveMetrics - an aborted signal closes the endpoint', async (ctx) => {
  const stop = new AbortController()
  const server = await serve(ctx, { signal: stop.signal })
  stop.abort()
  await server.close()
  try {
    await fetchText(`http://${server.address}/metrics`)
    assert.unreachable('should be closed')
  } catch (err) {
    assert.match(String(err), /ECONNREFUSED/)
  }
})

Http.run()

// HTTPS with certificates of a site CA, issued by the real dc-pki.
interface TlsCtx extends Ctx {
  dir: string
  serverTls: TlsFiles
  ca: Buffer
}

const Https = suite<TlsCtx>('serveMetrics over TLS', {
  servers: [],
  dir: '',
  serverTls: NO_FILES,
  ca: Buffer.alloc(0),
})

const agentArgs = ['--kind', 'agent', '--name', 'sub1', '--ip', '127.0.0.1']
const scraperArgs = ['--kind', 'operator', '--name', 'prometheus', '--role', 'reader']

function issue(ctx: TlsCtx, caDir: string, out: string, args: readonly string[]): Promise<string> {
  return dcPkiOk(['issue', '--dir', join(ctx.dir, caDir), '--out', join(ctx.dir, out), ...args])
}

function clientTls(ctx: TlsCtx, prefix: string): ClientTls {
  const files = certFiles(join(ctx.dir, prefix))
  return { ca: ctx.ca, cert: readFileSync(files.certFile), key: readFileSync(files.keyFile) }
}

Https.before(async (ctx) => {
  const dir = await tempDir('dc-metrics-tls-')
  process.on('exit', () => rmSync(dir.path, { recursive: true, force: true }))
  ctx.dir = dir.path
  await Promise.all([
    dcPkiOk(['init', '--dir', join(ctx.dir, 'ca'), '--name', 'site-ca']),
    dcPkiOk(['init', '--dir', join(ctx.dir, 'other-ca'), '--name', 'other-ca']),
  ])
  await Promise.all([
    issue(ctx, 'ca', 'agent', agentArgs),
    issue(ctx, 'ca', 'prometheus', scraperArgs),
    issue(ctx, 'other-ca', 'stranger', scraperArgs),
  ])
  ctx.serverTls = { caFile: join(ctx.dir, 'ca', 'ca.crt'), ...certFiles(join(ctx.dir, 'agent')) }
  ctx.ca = readFileSync(ctx.serverTls.caFile)
})

Https.after.each(async (ctx) => {
  await Promise.all(ctx.servers.splice(0).map((s) => s.close()))
})

Https('serveMetrics - with TLS files: HTTPS for a client certificate of the site CA', async (ctx) => {
  const server = await serve(ctx, { tls: ctx.serverTls })
  const answer = await fetchText(`https://${server.address}/metrics`, { tls: clientTls(ctx, 'prometheus') })
  assert.is(answer.status, 200)
  assert.match(answer.body, /^dc_test_widgets_total 3$/m)
})

Https('serveMetrics - with TLS files: no client certificate, or another CA, gets nothing', async (ctx) => {
  const server = await serve(ctx, { tls: ctx.serverTls })
  for (const tls of [{ ca: ctx.ca }, clientTls(ctx, 'stranger')]) {
    try {
      const answer = await fetchText(`https://${server.address}/metrics`, { tls })
      assert.unreachable(`answered ${answer.status}`)
    } catch (err) {
      assert.match(String(err), /ECONNRESET|socket hang up|certificate|alert/i)
    }
  }
  try {
    await fetchText(`http://${server.address}/metrics`)
    assert.unreachable('plain HTTP answered')
  } catch (err) {
    assert.match(String(err), /ECONNRESET|socket hang up|Parse Error/i)
  }
})

Https('serveMetrics - with TLS files: a non-loopback address needs no --insecure', async (ctx) => {
  // 192.0.2.10 is not on this host: the TLS endpoint gets as far as binding, which fails.
  try {
    await serve(ctx, { tls: ctx.serverTls, listen: { host: '192.0.2.10', port: 9100 } })
    assert.unreachable('bound an address this host does not have')
  } catch (err) {
    assert.instance(err, MetricsBindError)
    assert.match((err as Error).message, /^cannot serve metrics on 192\.0\.2\.10:9100: EADDRNOTAVAIL/)
  }
})

Https('serveMetrics - with TLS files: follows a rotated certificate without restart', async (ctx) => {
  await issue(ctx, 'ca', 'live', agentArgs)
  const live = { caFile: ctx.serverTls.caFile, ...certFiles(join(ctx.dir, 'live')) }
  const server = await serve(ctx, { tls: live })
  const url = `https://${server.address}/metrics`
  const before = (await fetchText(url, { tls: clientTls(ctx, 'prometheus') })).serial
  await issue(ctx, 'ca', 'live', agentArgs)
  const next = new X509Certificate(readFileSync(live.certFile)).serialNumber
  assert.is.not(next, before)
  const deadline = Date.now() + 20_000
  let served = before
  while (served !== next && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    served = (await fetchText(url, { tls: clientTls(ctx, 'prometheus') })).serial
  }
  assert.is(served, next)
})

Https.run()
