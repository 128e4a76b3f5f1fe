import { createServer as createHttpServer } from 'node:http'
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { Server as HttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { SecureContextOptions } from 'node:tls'
import { formatHostPort } from '@dc/netmodel'
import { checkInsecureBinding, readTlsMaterial, watchCredentialFiles } from '@dc/tls'
import type { TlsConfigError, TlsFiles, TlsMaterialWithIdentity } from '@dc/tls'
import { listenServer } from './listen-server.js'
import { logTlsReload } from './log-tls-reload.js'
import type { Logger } from './logger.js'
import type { MetricsListen } from './metrics-flags.js'
import type { MetricsRegistry } from './metrics-registry.js'

export interface ServeMetricsOptions {
  /** Port 0 picks a free port; {@link MetricsServer.address} tells which. */
  readonly listen: MetricsListen
  readonly registry: MetricsRegistry
  /**
   * The process's server TLS files: serve HTTPS with them, require a client certificate that
   * chains to a CA of `caFile`, and follow the files as they are rotated. Without: plain HTTP.
   */
  readonly tls?: TlsFiles | undefined
  /** Allow plain HTTP beyond loopback (the process's `--insecure`). */
  readonly insecure: boolean
  readonly log: Logger
  /** Aborting it closes the endpoint, as {@link MetricsServer.close} does. */
  readonly signal?: AbortSignal
}

/** A listening metrics endpoint. */
export interface MetricsServer {
  /** The bound `host:port`, IPv6 bracketed. */
  readonly address: string
  /** Stop listening and drop open connections (a scrape in flight is cut). Idempotent. */
  close(): Promise<void>
}

/** The metrics endpoint could not listen on its address (taken, not local, not permitted). */
export class MetricsBindError extends Error {
  override readonly name = 'MetricsBindError'
  constructor(
    readonly address: string,
    options: ErrorOptions,
  ) {
    const code = (options.cause as NodeJS.ErrnoException | undefined)?.code
    super(`cannot serve metrics on ${address}: ${code ?? String(options.cause)}`, options)
  }
}

const METRICS_PATH = '/metrics'

function secureContextOf(material: TlsMaterialWithIdentity): SecureContextOptions {
  return { ca: material.ca, cert: material.identity.cert, key: material.identity.key }
}

function reply(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${text}\n`)
}

async function respond(
  registry: MetricsRegistry,
  request: IncomingMessage,
  response: ServerResponse,
  log: Logger,
): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://metrics').pathname
  if (path !== METRICS_PATH) return reply(response, 404, `not found: only ${METRICS_PATH} is served`)
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD')
    return reply(response, 405, `${METRICS_PATH} answers GET only`)
  }
  let body: string
  try {
    body = await registry.metrics()
  } catch (err) {
    log.error('collecting metrics failed', { err })
    return reply(response, 500, 'collecting metrics failed')
  }
  response.writeHead(200, { 'Content-Type': registry.contentType })
  response.end(request.method === 'HEAD' ? undefined : body)
}

/**
 * Swaps the TLS context of `server` whenever its files change, the way the gRPC servers follow
 * rotation: files that do not validate are refused and the previous ones stay in force.
 */
function followRotation(server: HttpsServer, files: TlsFiles, log: Logger, signal: AbortSignal): void {
  const { caFile, certFile, keyFile } = files
  watchCredentialFiles(
    [caFile, certFile, keyFile],
    () => {
      let material
      try {
        material = readTlsMaterial(files)
      } catch (err) {
        logTlsReload(log, { type: 'reload-failed', error: err as TlsConfigError })
        return
      }
      server.setSecureContext(secureContextOf(material))
      const { serialNumber, validTo } = material.identity.certificate
      logTlsReload(log, { type: 'reloaded', serialNumber, notAfter: new Date(validTo) })
    },
    { signal },
  )
}

/**
 * Serve `GET /metrics` in the Prometheus text format; any other path is 404, any other method on
 * it 405. Plain HTTP is for loopback unless `insecure` (the refusal and the warning are those of
 * the gRPC servers); with `tls` it is HTTPS with client certificates required, as the gRPC
 * servers require them, so Prometheus scrapes with a `tls_config` of a certificate of the site CA.
 * Throws `InsecureBindingError`, `TlsConfigError` (unusable files) or {@link MetricsBindError}.
 *
 * @example
 * const metrics = await serveMetrics({ listen: { host: '127.0.0.1', port: 9100 }, registry, insecure: false, log })
 * await metrics.close()
 */
export async function serveMetrics(options: ServeMetricsOptions): Promise<MetricsServer> {
  const { listen, registry, tls, insecure, signal } = options
  signal?.throwIfAborted()
  const log = options.log.child({ component: 'metrics' })
  const wanted = formatHostPort(listen.host, listen.port)
  const handle = (request: IncomingMessage, response: ServerResponse): void =>
    void respond(registry, request, response, log)
  const lifetime = new AbortController()
  let server: HttpServer
  if (tls === undefined) {
    const warning = checkInsecureBinding([wanted], { insecure, service: 'metrics' })
    if (warning !== undefined) log.warn(warning, { address: wanted })
    server = createHttpServer(handle)
  } else {
    const secure = createHttpsServer({ requestCert: true, rejectUnauthorized: true }, handle)
    // Watching starts before the first read, so a rotation landing in between is not missed.
    followRotation(secure, tls, log, lifetime.signal)
    try {
      secure.setSecureContext(secureContextOf(readTlsMaterial(tls)))
    } catch (err) {
      lifetime.abort()
      throw err
    }
    server = secure
  }
  try {
    await listenServer(server, listen)
  } catch (err) {
    lifetime.abort()
    throw new MetricsBindError(wanted, { cause: err })
  }
  const bound = server.address() as AddressInfo
  const address = formatHostPort(bound.address, bound.port)
  const scheme = tls === undefined ? 'http' : 'https'
  log.info(`serving Prometheus metrics on ${scheme}://${address}${METRICS_PATH}`, {
    address,
    tls: tls !== undefined,
  })

  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()))
  const close = async (): Promise<void> => {
    if (!lifetime.signal.aborted) {
      lifetime.abort()
      server.close()
      // Prometheus keeps its connection alive between scrapes; it would hold close() forever.
      server.closeAllConnections()
    }
    await closed
  }
  signal?.addEventListener('abort', () => void close(), { once: true, signal: lifetime.signal })
  if (signal?.aborted === true) void close()
  return { address, close }
}
