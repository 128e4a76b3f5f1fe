import { createServer as createHttpServer } from 'node:http'
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { Server as HttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { SecureContextOptions } from 'node:tls'
import { formatHostPort } from '@dc/netmodel'
import { checkInsecureBinding, readTlsMaterial, watchCredentialFiles } from '@dc/tls'
import type { PlaintextService, TlsConfigError, TlsFiles, TlsMaterialWithIdentity } from '@dc/tls'
import { listenServer } from './listen-server.js'
import { logTlsReload } from './log-tls-reload.js'
import type { Logger } from './logger.js'

/** Options of {@link serveHttp}. */
export interface ServeHttpOptions {
  /** An IP literal (IPv6 unbracketed) and a port; port 0 picks a free one. */
  readonly listen: { readonly host: string; readonly port: number }
  /**
   * The process's server TLS files: serve HTTPS with them, require a client certificate that
   * chains to a CA of `caFile`, and follow the files as they are rotated. Without: plain HTTP.
   */
  readonly tls?: TlsFiles | undefined
  /** Allow plain HTTP beyond loopback (the process's `--insecure`). */
  readonly insecure: boolean
  /** Who serves, for the plaintext refusal and warning. */
  readonly service: PlaintextService
  readonly handle: (request: IncomingMessage, response: ServerResponse) => void
  /** Told of a TLS reload and of a plaintext warning. */
  readonly log: Logger
}

/** A listening HTTP(S) endpoint. */
export interface HttpEndpoint {
  /** The bound `host:port`, IPv6 bracketed. */
  readonly address: string
  readonly scheme: 'http' | 'https'
  /** Stop listening and drop open connections (long-lived ones included). Idempotent. */
  close(): Promise<void>
}

/** The endpoint could not listen on its address (taken, not local, not permitted). */
export class HttpBindError extends Error {
  override readonly name: string = 'HttpBindError'
  constructor(
    readonly address: string,
    service: string,
    options: ErrorOptions,
  ) {
    const code = (options.cause as NodeJS.ErrnoException | undefined)?.code
    super(`cannot serve ${service} on ${address}: ${code ?? String(options.cause)}`, options)
  }
}

function secureContextOf(material: TlsMaterialWithIdentity): SecureContextOptions {
  return { ca: material.ca, cert: material.identity.cert, key: material.identity.key }
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
 * Listen with `handle`: plain HTTP, for loopback unless `insecure` (the refusal and the warning
 * are those of the gRPC servers), or with `tls` HTTPS that requires a client certificate of the
 * site CA, as the gRPC servers require one. Throws `InsecureBindingError`, `TlsConfigError`
 * (unusable files) or {@link HttpBindError}.
 */
export async function serveHttp(options: ServeHttpOptions): Promise<HttpEndpoint> {
  const { listen, tls, insecure, service, handle, log } = options
  const wanted = formatHostPort(listen.host, listen.port)
  const lifetime = new AbortController()
  let server: HttpServer
  if (tls === undefined) {
    const warning = checkInsecureBinding([wanted], { insecure, service })
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
    throw new HttpBindError(wanted, service, { cause: err })
  }
  const bound = server.address() as AddressInfo
  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()))
  return {
    address: formatHostPort(bound.address, bound.port),
    scheme: tls === undefined ? 'http' : 'https',
    close: async () => {
      if (!lifetime.signal.aborted) {
        lifetime.abort()
        server.close()
        // Keep-alive clients and event streams would hold close() forever.
        server.closeAllConnections()
      }
      await closed
    },
  }
}
