import { parseIdentityUris } from '@dc/tls'
import type { PeerIdentity } from '@dc/tls'
import { PkiError } from './pki-error.js'
import { x509 } from './x509.js'

/** What `dc-pki show` tells about one certificate. */
export interface CertificateSummary {
  readonly subject: string
  readonly issuer: string
  readonly serialNumber: string
  readonly notBefore: Date
  readonly notAfter: Date
  /** SANs as `TYPE:value` (`URI:`, `IP:`, `DNS:`), in certificate order. */
  readonly subjectAltNames: readonly string[]
  /** The identity the URI SANs name, when they follow the site convention. */
  readonly identity?: PeerIdentity
  /** Extended key usages by name (`serverAuth`, `clientAuth`) or OID when unnamed. */
  readonly extendedKeyUsages: readonly string[]
  readonly isCa: boolean
}

const SAN_PREFIX: Readonly<Record<string, string>> = { url: 'URI', ip: 'IP', dns: 'DNS', email: 'email' }
const EKU_NAMES: ReadonlyMap<string, string> = new Map(
  Object.entries(x509.ExtendedKeyUsage).map(([name, oid]) => [oid, name]),
)

/** Summaries of every certificate in `pem` (a CA bundle holds several). */
export function describeCertificates(pem: string, source: string): CertificateSummary[] {
  const blocks = x509.PemConverter.isPem(pem) ? x509.PemConverter.decodeWithHeaders(pem) : []
  const certificates = blocks.filter((block) => block.type === 'CERTIFICATE')
  if (certificates.length === 0) throw new PkiError(`${source}: no PEM certificate found`)
  return certificates.map((block, index) => {
    try {
      return summarize(new x509.X509Certificate(block.rawData))
    } catch (error) {
      throw new PkiError(`${source}: certificate ${index + 1} does not parse (${(error as Error).message})`)
    }
  })
}

function summarize(certificate: x509.X509Certificate): CertificateSummary {
  const names = certificate.getExtension(x509.SubjectAlternativeNameExtension)?.names.toJSON() ?? []
  const uris = names.filter((n) => n.type === 'url').map((n) => n.value)
  const identity = parseIdentityUris(uris)
  const usages = certificate.getExtension(x509.ExtendedKeyUsageExtension)?.usages ?? []
  const summary: CertificateSummary = {
    subject: certificate.subject,
    issuer: certificate.issuer,
    serialNumber: certificate.serialNumber,
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    subjectAltNames: names.map((n) => `${SAN_PREFIX[n.type] ?? n.type}:${n.value}`),
    // Array.from: the library hands back its own array subclass; summaries are plain data.
    extendedKeyUsages: Array.from(usages, (oid) => EKU_NAMES.get(String(oid)) ?? String(oid)),
    isCa: certificate.getExtension(x509.BasicConstraintsExtension)?.ca ?? false,
  }
  return identity === undefined ? summary : { ...summary, identity }
}

/** `summary` as aligned `label: value` lines; validity is judged against `now`. */
export function formatCertificateSummary(summary: CertificateSummary, now: Date = new Date()): string {
  const state = now < summary.notBefore ? ' (not yet valid)' : now > summary.notAfter ? ' (expired)' : ''
  const identity = summary.identity
  const rows: [string, string][] = [
    ['subject', summary.subject],
    ['issuer', summary.issuer],
    ['serial', summary.serialNumber],
    ['not before', summary.notBefore.toISOString()],
    ['not after', summary.notAfter.toISOString() + state],
    ['SANs', summary.subjectAltNames.join(', ') || '(none)'],
    [
      'identity',
      identity === undefined
        ? '(none)'
        : `${identity.kind} ${identity.name}${identity.role === undefined ? '' : `, role ${identity.role}`}`,
    ],
    ['usages', summary.extendedKeyUsages.join(', ') || '(any)'],
    ['CA', summary.isCa ? 'yes' : 'no'],
  ]
  const width = Math.max(...rows.map(([label]) => label.length)) + 1
  return rows.map(([label, value]) => `${`${label}:`.padEnd(width)} ${value}\n`).join('')
}
