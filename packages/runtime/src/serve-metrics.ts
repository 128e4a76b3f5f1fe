import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TlsFiles } from '@dc/tls'
import { HttpBindError, serveHttp } from './http-endpoint.js'
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
export class MetricsBindError extends HttpBindError {
  override readonly name = 'MetricsBindError'
  constructor(address: string, options: ErrorOptions) {
    super(address, 'metrics', options)
  }
}

const METRICS_PATH = '/metrics'

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
  const handle = (request: IncomingMessage, response: ServerResponse): void =>
    void respond(registry, request, response, log)
  let endpoint
  try {
    endpoint = await serveHttp({ listen, tls, insecure, service: 'metrics', handle, log })
  } catch (err) {
    if (err instanceof HttpBindError) throw new MetricsBindError(err.address, { cause: err.cause })
    throw err
  }
  const { address, scheme, close } = endpoint
  log.info(`serving Prometheus metrics on ${scheme}://${address}${METRICS_PATH}`, {
    address,
    tls: tls !== undefined,
  })
  signal?.addEventListener('abort', () => void close(), { once: true })
  if (signal?.aborted === true) void close()
  return { address, close }
}
