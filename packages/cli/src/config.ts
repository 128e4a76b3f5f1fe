import { SYSTEM_CONTROLLER_REGION } from '@dc/protos'
import type { CaOnlyTlsFiles } from '@dc/tls'

/** The controller's default listen port, taken when `--url` names a host without one. */
export const DEFAULT_PORT = 50050

/** Where the CLI connects when neither `--url` nor `DC_URL` says: the controller's default listen address. */
export const DEFAULT_URL = `127.0.0.1:${DEFAULT_PORT}`

/** gRPC target schemes, whose targets are passed on as written. */
const TARGET_SCHEME = /^(dns|unix|unix-abstract|ipv4|ipv6|vsock):/

/**
 * `url` with {@link DEFAULT_PORT} when it names a host without a port: `[::1]`, `fd00::2`,
 * `localhost`. grpc-js would otherwise dial 443, the port of its default `dns:` scheme.
 */
export function withDefaultPort(url: string): string {
  if (TARGET_SCHEME.test(url)) return url
  if (url.startsWith('[')) return url.endsWith(']') ? `${url}:${DEFAULT_PORT}` : url
  const colons = url.split(':').length - 1
  if (colons === 0) return `${url}:${DEFAULT_PORT}`
  // Two colons or more without brackets is an IPv6 address, never host:port.
  return colons === 1 ? url : `[${url}]:${DEFAULT_PORT}`
}

/** The region of the system controller itself; sent like any other, as the controller requires on changes. */
export const DEFAULT_REGION = SYSTEM_CONTROLLER_REGION

export const DEFAULT_TIMEOUT_SECONDS = 30

/** The global options as given on the command line, before defaults. */
export interface GlobalFlags {
  readonly url?: string | undefined
  readonly region?: string | undefined
  readonly timeout?: string | undefined
  /** `--os-cacert`: the CA bundle that signed the server's certificate. */
  readonly cacert?: string | undefined
  /** `--os-cert`: this operator's client certificate. */
  readonly cert?: string | undefined
  /** `--os-key`: the private key of `--os-cert`. */
  readonly key?: string | undefined
}

export interface ConnectionConfig {
  readonly url: string
  /** Sent on every `Platform` call, the system controller's own region included. */
  readonly region: string
  readonly timeoutMs: number
  /** Mutual TLS files; absent: plaintext, as the loopback quick start serves. */
  readonly tls?: CaOnlyTlsFiles
}

/**
 * Merges flags over environment (`DC_URL`, `OS_REGION_NAME`, `DC_TLS_CA`, `DC_TLS_CERT`,
 * `DC_TLS_KEY`) over defaults. Returns an error message instead of a config when `--timeout` is not
 * a positive number of seconds, or the TLS files do not fit together (a certificate needs its key,
 * and both need the CA bundle that verifies the server).
 */
export function resolveConnectionConfig(
  flags: GlobalFlags,
  env: Readonly<Record<string, string | undefined>>,
): ConnectionConfig | { readonly error: string } {
  const url = withDefaultPort(flags.url ?? nonEmpty(env['DC_URL']) ?? DEFAULT_URL)
  const region = flags.region ?? nonEmpty(env['OS_REGION_NAME']) ?? DEFAULT_REGION
  const seconds = flags.timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : Number(flags.timeout)
  if (!Number.isFinite(seconds) || seconds <= 0) {
    return {
      error: `argument --timeout: expected a positive number of seconds, got '${flags.timeout ?? ''}'`,
    }
  }
  const tls = tlsFiles(flags, env)
  if ('error' in tls) return tls
  return {
    url,
    region,
    timeoutMs: Math.round(seconds * 1000),
    ...(tls.files === undefined ? {} : { tls: tls.files }),
  }
}

function tlsFiles(
  flags: GlobalFlags,
  env: Readonly<Record<string, string | undefined>>,
): { readonly files: CaOnlyTlsFiles | undefined } | { readonly error: string } {
  const caFile = flags.cacert ?? nonEmpty(env['DC_TLS_CA'])
  const certFile = flags.cert ?? nonEmpty(env['DC_TLS_CERT'])
  const keyFile = flags.key ?? nonEmpty(env['DC_TLS_KEY'])
  if ((certFile === undefined) !== (keyFile === undefined)) {
    return {
      error: `argument ${certFile === undefined ? '--os-cert' : '--os-key'}: required with ${certFile === undefined ? '--os-key' : '--os-cert'} (or env ${certFile === undefined ? 'DC_TLS_CERT' : 'DC_TLS_KEY'})`,
    }
  }
  if (caFile === undefined) {
    if (certFile === undefined) return { files: undefined }
    return { error: 'argument --os-cacert: required with --os-cert (or env DC_TLS_CA), to verify the server' }
  }
  return { files: { caFile, certFile, keyFile } }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value
}
