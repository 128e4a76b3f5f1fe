import type { PeerCertificate } from 'node:tls'

/**
 * Who a certificate speaks for. The convention every certificate of a site follows (the PKI in
 * `dc-pki` issues them so, and servers read them back with {@link peerIdentity}):
 *
 * - subject CN = the name (informational: authorization never reads the CN);
 * - one identity URI SAN `spiffe://dc/<kind>/<name>`, kind `controller`, `agent` or `operator`;
 * - operators also carry one role URI SAN `spiffe://dc/role/<admin|reader>`.
 *
 * URIs rather than CN or OU because a SAN URI is a single, typed, unambiguous value that TLS
 * libraries expose verbatim, and the `spiffe://` shape lets a SPIFFE-aware proxy read them too.
 */
export type PeerKind = 'controller' | 'agent' | 'operator'

/** What an operator may do on the controller: `admin` changes things, `reader` lists and shows. */
export type OperatorRole = 'admin' | 'reader'

/** The identity a verified client (or server) certificate names. `role` is set for operators only. */
export interface PeerIdentity {
  readonly kind: PeerKind
  readonly name: string
  readonly role?: OperatorRole
}

export const PEER_KINDS: readonly PeerKind[] = ['controller', 'agent', 'operator']
export const OPERATOR_ROLES: readonly OperatorRole[] = ['admin', 'reader']

const TRUST_DOMAIN = 'spiffe://dc/'
const ROLE_SEGMENT = 'role'
// Names end up in a URI path and in file names, so they stay one plain token (StarlingX subcloud
// names fit): no escaping rules for anyone to get wrong.
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/

/** True when `name` may name a controller, agent or operator in a certificate. */
export function isValidIdentityName(name: string): boolean {
  return NAME_PATTERN.test(name)
}

/**
 * The URI SANs a certificate for `identity` carries (identity URI first, then the role URI).
 * Throws a TypeError for a name that is not one token or a role on a non-operator.
 */
export function identityUris(identity: PeerIdentity): string[] {
  if (!isValidIdentityName(identity.name)) {
    throw new TypeError(
      `invalid identity name "${identity.name}": use 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit`,
    )
  }
  if (identity.role !== undefined && identity.kind !== 'operator') {
    throw new TypeError(`a role is only meaningful for an operator, not for a ${identity.kind}`)
  }
  const uris = [`${TRUST_DOMAIN}${identity.kind}/${identity.name}`]
  if (identity.role !== undefined) uris.push(`${TRUST_DOMAIN}${ROLE_SEGMENT}/${identity.role}`)
  return uris
}

/**
 * Reads the identity back from a certificate's URI SANs. Undefined unless exactly one well-formed
 * identity URI is present; `role` is kept for operators only and only when exactly one role URI is
 * present, so an ambiguous certificate gets the least privilege, never the most.
 */
export function parseIdentityUris(uris: readonly string[]): PeerIdentity | undefined {
  const identities: { kind: PeerKind; name: string }[] = []
  const roles: OperatorRole[] = []
  for (const uri of uris) {
    if (!uri.startsWith(TRUST_DOMAIN)) continue
    const segments = uri.slice(TRUST_DOMAIN.length).split('/')
    if (segments.length !== 2) continue
    const [head = '', value = ''] = segments
    const kind = PEER_KINDS.find((k) => k === head)
    const role = OPERATOR_ROLES.find((r) => r === value)
    if (kind !== undefined && isValidIdentityName(value)) identities.push({ kind, name: value })
    else if (head === ROLE_SEGMENT && role !== undefined) roles.push(role)
  }
  const [identity] = identities
  if (identity === undefined || identities.length > 1) return undefined
  const [role] = roles
  return identity.kind === 'operator' && role !== undefined && roles.length === 1
    ? { ...identity, role }
    : identity
}

/** The part of a grpc-js server call {@link peerIdentity} reads (every call type has it). */
export interface AuthContextSource {
  getAuthContext(): { sslPeerCertificate?: PeerCertificate } | null
}

/**
 * The identity of the peer of a server call, from its verified client certificate; undefined on
 * an insecure connection, without a client certificate, or when the certificate names no single
 * identity. grpc-js only exposes the certificate once the TLS layer authorized it against the
 * server's CA bundle, so what this returns has been verified.
 */
export function peerIdentity(call: AuthContextSource): PeerIdentity | undefined {
  const certificate = call.getAuthContext()?.sslPeerCertificate
  if (certificate?.subjectaltname === undefined) return undefined
  return parseIdentityUris(subjectAltNameUris(certificate.subjectaltname))
}

// Node renders SANs as `TYPE:value, TYPE:value` and JSON-quotes a value containing a separator or
// quote, so values are read token by token rather than split on commas.
const SAN_ENTRY = /([A-Za-z ]+):("(?:[^"\\]|\\.)*"|[^,]*)(?:, |$)/g

function subjectAltNameUris(subjectAltName: string): string[] {
  return [...subjectAltName.matchAll(SAN_ENTRY)]
    .filter(([, type]) => type === 'URI')
    .map(([, , raw = '']) => (raw.startsWith('"') ? (JSON.parse(raw) as string) : raw))
}
