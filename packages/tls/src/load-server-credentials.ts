import { experimental } from '@grpc/grpc-js'
import type { ServerCredentials } from '@grpc/grpc-js'
import { FileCertificateProvider } from './file-certificate-provider.js'
import type { TlsReloadEvent } from './file-certificate-provider.js'
import type { TlsFiles } from './read-tls-material.js'

export interface ServerTlsOptions extends TlsFiles {
  /**
   * Refuse, in the TLS handshake, clients without a certificate chaining to a CA of `caFile`.
   * Off only for servers that authorize per call themselves and accept anonymous clients.
   * @default true
   */
  readonly requireClientCert?: boolean
  /** Told about every certificate rotation (new serial in force, or rejected files). */
  readonly onReload?: (event: TlsReloadEvent) => void
  /** Quiet time after a file change before it is reloaded. @default 250 */
  readonly debounceMs?: number
  /** Interval of the content poll backing up fs.watch. @default 2000 */
  readonly pollIntervalMs?: number
}

/**
 * mTLS server credentials from PEM files that follow the files as they change: replace the
 * certificate, key or CA bundle (atomically, e.g. `dc-pki issue --out` onto the same prefix) and
 * the next TLS handshake uses the new ones, with no restart and no effect on open connections.
 * `caFile` may hold several CAs (rollover overlap: old and new). Reads and checks the files now and
 * throws a TlsConfigError naming the bad file; a later bad rotation is reported through `onReload`
 * and leaves the previous files in force.
 *
 * Rotation rides on grpc-js's certificate-provider credentials, which is how grpc-js itself swaps
 * a running server's TLS context (`setSecureContext` on every listener). That API is exported
 * under `experimental` in grpc-js 1.14 (and used by its xDS package); it is confined to this file
 * and file-certificate-provider.ts so an API change touches nothing else.
 *
 * @example
 * server.bindAsync('[::]:50051', loadServerCredentials({ caFile, certFile, keyFile }), callback)
 */
export function loadServerCredentials(options: ServerTlsOptions): ServerCredentials {
  const { caFile, certFile, keyFile, requireClientCert = true } = options
  const provider = new FileCertificateProvider(
    { caFile, certFile, keyFile },
    { onReload: options.onReload, debounceMs: options.debounceMs, pollIntervalMs: options.pollIntervalMs },
  )
  // grpc-js names these parameters the other way round but reads the first as the identity
  // provider and the second as the CA provider; one provider serves both.
  return experimental.createCertificateProviderServerCredentials(provider, provider, requireClientCert)
}
