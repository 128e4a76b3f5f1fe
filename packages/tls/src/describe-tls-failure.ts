import { status } from '@grpc/grpc-js'
import { readCertificates } from './read-tls-material.js'

/** What the client dialled with, so a failure the server gave no reason for can be diagnosed locally. */
export interface TlsFailureContext {
  /** The client's CA bundle (its `loadChannelCredentials` caFile). */
  readonly caFile?: string | undefined
  /** The client's certificate, checked for expiry and issuer when the server closes silently. */
  readonly certFile?: string | undefined
  /** The client dialled without TLS. */
  readonly insecure?: boolean | undefined
}

// Reasons the client's own TLS stack reports, in Node's (OpenSSL's) words.
const CLIENT_SIDE_REASONS: readonly (readonly [RegExp, (host: string) => string])[] = [
  [
    /ERR_TLS_CERT_ALTNAME_INVALID|does not match certificate's altnames/,
    (host) =>
      `the server certificate does not name ${host} (its IP SANs must list every address it is dialled at)`,
  ],
  [
    /self[- ]signed certificate|unable to verify the first certificate|unable to get (local )?issuer certificate/,
    () => `server certificate signed by unknown authority (no CA of this client's bundle signed it)`,
  ],
  [/certificate has expired/, () => 'the server certificate has expired'],
  [/certificate is not yet valid/, () => 'the server certificate is not valid yet (check both clocks)'],
  [/alert certificate required/, () => 'the server requires a client certificate and this client sent none'],
  [/alert unknown ca/, () => `the server does not trust the CA that signed this client's certificate`],
  [/alert certificate expired/, () => `the server refused this client's certificate as expired`],
  [
    /alert (bad certificate|certificate unknown|unsupported certificate|access denied)/,
    () => `the server refused this client's certificate`,
  ],
  [
    /wrong version number|packet length too long|unknown protocol|http request/i,
    () => 'the server does not speak TLS (a plaintext server? then dial it without TLS)',
  ],
]

// Node's TLS server verifies a client certificate after the TLS 1.3 handshake and, on failure,
// just destroys the socket: no alert reaches the client, grpc-js reports a bare closed connection.
const SILENT_CLOSE =
  /Failed to connect|Connection closed before starting HTTP\/2 handshake|Socket closed|ECONNRESET|socket hang up|disconnected before secure TLS/

/**
 * A one-line explanation of a failed call that failed because TLS did, e.g. `TLS handshake with
 * 10.20.2.2:50051 failed: server certificate signed by unknown authority (...)`; undefined when
 * `error` is not a connection failure a TLS problem explains (then render it as usual). When the
 * server closed the connection without a reason, which is how a Node server refuses a client
 * certificate, the client's own certificate is checked against `context` to say why.
 */
export function describeTlsFailure(
  error: unknown,
  target: string,
  context: TlsFailureContext = {},
): string | undefined {
  if ((error as { code?: unknown } | null)?.code !== status.UNAVAILABLE) return undefined
  const details = String((error as { details?: unknown }).details ?? (error as Error).message ?? '')
  const host = hostOf(target)
  const reason = CLIENT_SIDE_REASONS.find(([pattern]) => pattern.test(details))?.[1](host)
  if (reason !== undefined) return `TLS handshake with ${target} failed: ${reason}`
  if (!SILENT_CLOSE.test(details)) return undefined
  if (context.insecure === true) {
    return `connection to ${target} closed before gRPC started: the server probably requires TLS (this client dialled without it)`
  }
  return `TLS handshake with ${target} failed: ${silentCloseReason(context)}`
}

function silentCloseReason({ caFile, certFile }: TlsFailureContext): string {
  if (certFile === undefined) {
    return 'the server closed the connection; it probably requires a client certificate and this client sent none'
  }
  const refused = `the server refused this client's certificate`
  try {
    const [certificate] = readCertificates(certFile, 'certificate')
    if (certificate === undefined) return refused
    const now = Date.now()
    if (now > Date.parse(certificate.validTo))
      return `${refused}: it expired on ${isoDate(certificate.validTo)}`
    if (now < Date.parse(certificate.validFrom)) {
      return `${refused}: it is not valid until ${isoDate(certificate.validFrom)}`
    }
    if (caFile !== undefined) {
      const cas = readCertificates(caFile, 'CA bundle')
      const signed = cas.some((ca) => certificate.checkIssued(ca) && certificate.verify(ca.publicKey))
      if (!signed) {
        return (
          `${refused}: certificate signed by unknown authority (its issuer ${oneLine(certificate.issuer)} ` +
          `is not in this client's CA bundle, so the server most likely does not trust it either)`
        )
      }
    }
  } catch {
    // An unreadable file gives no clue; the general reason below still holds.
  }
  return `${refused} (signed by a CA it does not trust, expired, or revoked) or its TLS setup differs`
}

function hostOf(target: string): string {
  const authority = target.replace(/^(dns|ipv4|ipv6):(\/\/[^/]*\/)?/, '')
  const bracketed = /^\[([^\]]+)\]/.exec(authority)
  if (bracketed?.[1] !== undefined) return bracketed[1]
  return authority.replace(/:\d+$/, '')
}

function isoDate(text: string): string {
  return new Date(text).toISOString()
}

function oneLine(distinguishedName: string): string {
  return distinguishedName.split('\n').join(', ')
}
