import { isIP } from 'node:net'
import { identityUris } from '@dc/tls'
import type { OperatorRole, PeerIdentity, PeerKind } from '@dc/tls'
import { SIGNING_ALGORITHM, generateKeyPair, privateKeyToPem } from './ec-key.js'
import { PkiError } from './pki-error.js'
import type { SiteCa } from './site-ca.js'
import { checkValidity, validityForDays } from './validity.js'
import type { Validity } from './validity.js'
import { writeFileAtomic } from './write-file-atomic.js'
import { x509 } from './x509.js'

/**
 * What to certify. The certificate follows the identity convention of `@dc/protos`
 * (`identityUris`): subject CN = `name`, URI SAN `spiffe://dc/<kind>/<name>`, and for operators
 * URI SAN `spiffe://dc/role/<role>`. Controllers and agents are servers and clients (they dial
 * each other), so they get both TLS EKUs and must list every address they are dialled at, in both
 * families; operators only ever dial, so they get clientAuth alone.
 */
export interface IssueRequest {
  readonly kind: PeerKind
  readonly name: string
  /** IP SANs: every listen address of a controller or agent, IPv4 and IPv6 (brackets allowed). */
  readonly ipAddresses?: readonly string[]
  /** DNS SANs, for peers dialled by name. */
  readonly dnsNames?: readonly string[]
  /** Required for operators, refused for the other kinds. */
  readonly role?: OperatorRole
  /** @default one year from now ({@link validityForDays}(365)) */
  readonly validity?: Validity
}

/** A leaf certificate and its new private key. */
export interface IssuedCertificate {
  readonly certificate: x509.X509Certificate
  readonly certPem: string
  readonly keyPem: string
}

const DEFAULT_LEAF_DAYS = 365
const DNS_NAME = /^(?=.{1,253}$)(?!-)[A-Za-z0-9-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))*$/

/** Issues a leaf certificate for `request`, signed by `ca`, with a fresh P-256 key. */
export async function issueCertificate(ca: SiteCa, request: IssueRequest): Promise<IssuedCertificate> {
  const { kind, name } = request
  const uris = identitySans(request.role === undefined ? { kind, name } : { kind, name, role: request.role })
  const ipAddresses = (request.ipAddresses ?? []).map(canonicalIp)
  const dnsNames = (request.dnsNames ?? []).map(checkDnsName)
  if (kind === 'operator' && request.role === undefined) {
    throw new PkiError('an operator certificate needs a role: --role admin or --role reader')
  }
  if (kind !== 'operator' && ipAddresses.length + dnsNames.length === 0) {
    throw new PkiError(
      `${kind === 'agent' ? 'an' : 'a'} ${kind} certificate needs the addresses it is dialled at: --ip for every listen address (both families) or --dns`,
    )
  }
  const { notBefore, notAfter } = checkValidity(request.validity ?? validityForDays(DEFAULT_LEAF_DAYS))
  const keys = await generateKeyPair()
  const certificate = await x509.X509CertificateGenerator.create({
    subject: [{ CN: [name] }],
    issuer: ca.certificate.subjectName,
    notBefore,
    notAfter,
    publicKey: keys.publicKey,
    signingKey: ca.privateKey,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension(
        kind === 'operator'
          ? [x509.ExtendedKeyUsage.clientAuth]
          : [x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth],
      ),
      new x509.SubjectAlternativeNameExtension([
        ...uris.map((value) => ({ type: 'url' as const, value })),
        ...ipAddresses.map((value) => ({ type: 'ip' as const, value })),
        ...dnsNames.map((value) => ({ type: 'dns' as const, value })),
      ]),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(ca.certificate),
    ],
  })
  return {
    certificate,
    certPem: certificate.toString('pem') + '\n',
    keyPem: await privateKeyToPem(keys.privateKey),
  }
}

/** Where {@link writeIssuedCertificate} put a certificate. */
export interface IssuedCertificateFiles {
  readonly certFile: string
  readonly keyFile: string
}

/**
 * Writes `PREFIX.crt` and `PREFIX.key` (mode 0600), each replaced atomically, so a running server
 * watching them for rotation never reads a torn file. The key goes first: a reader that sees the
 * new certificate finds its key already there.
 */
export async function writeIssuedCertificate(
  prefix: string,
  issued: IssuedCertificate,
): Promise<IssuedCertificateFiles> {
  const certFile = `${prefix}.crt`
  const keyFile = `${prefix}.key`
  await writeFileAtomic(keyFile, issued.keyPem, 0o600)
  await writeFileAtomic(certFile, issued.certPem, 0o644)
  return { certFile, keyFile }
}

// identityUris owns the naming rules; its TypeError becomes the operator-facing error here.
function identitySans(identity: PeerIdentity): string[] {
  try {
    return identityUris(identity)
  } catch (error) {
    throw new PkiError((error as Error).message)
  }
}

function canonicalIp(address: string): string {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address
  // A zone index (fe80::1%eth0) only means something on one host, never in a certificate.
  if (isIP(bare) === 0 || bare.includes('%'))
    throw new PkiError(`invalid IP address "${address}" for an IP SAN`)
  return bare
}

function checkDnsName(name: string): string {
  if (!DNS_NAME.test(name)) throw new PkiError(`invalid DNS name "${name}" for a DNS SAN`)
  return name
}
