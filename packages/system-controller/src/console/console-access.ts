import type { TLSSocket } from 'node:tls'
import type { IncomingMessage } from 'node:http'
import { peerIdentity } from '@dc/tls'
import type { PeerIdentity } from '@dc/tls'
import type { Viewer } from '@dc/console'

/** The request's verdict: a viewer, or why it is refused (HTTP 403). */
export type AccessVerdict = { readonly viewer: Viewer } | { readonly refused: string }

function describe(identity: PeerIdentity): string {
  return `${identity.kind} ${identity.name}${identity.role === undefined ? '' : ` (role ${identity.role})`}`
}

/**
 * Who may look, as the gRPC services decide lists and shows: an operator certificate with the
 * `reader` or `admin` role, or a peer system controller. The TLS handshake already refused a
 * certificate of another CA; a plaintext console (loopback, or `--insecure`) has no certificate
 * to read.
 */
export function consoleAccess(request: IncomingMessage, tls: boolean): AccessVerdict {
  if (!tls) return { viewer: { label: 'local user (no TLS)', readOnly: true } }
  const socket = request.socket as TLSSocket
  const identity = peerIdentity({
    getAuthContext: () => ({ sslPeerCertificate: socket.getPeerCertificate() }),
  })
  if (identity === undefined) {
    return { refused: 'the console needs an operator certificate naming one identity and a role' }
  }
  if (identity.kind === 'controller' || (identity.kind === 'operator' && identity.role !== undefined)) {
    return { viewer: { label: describe(identity), readOnly: true } }
  }
  return { refused: `the console needs the reader or admin role; the client presented ${describe(identity)}` }
}
