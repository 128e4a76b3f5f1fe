/**
 * Mutual TLS for every gRPC endpoint of the project: server and channel credentials read from PEM
 * files and reloaded when the files are rotated, the peer identity a certificate speaks for, the
 * `--tls-*`/`--insecure` server flags with the refusal to serve plaintext off loopback, and
 * operator-facing explanations of failed handshakes.
 *
 * @example
 * const transport = serverTransport(values, ['[fd00::2]:50051'])
 * const credentials =
 *   transport.kind === 'tls'
 *     ? loadServerCredentials({ ...transport.files, onReload: (e) => log(describeTlsReload(e)) })
 *     : ServerCredentials.createInsecure()
 */
export { checkInsecureBinding, isLoopbackAddress } from './check-insecure-binding.js'
export { describeTlsFailure } from './describe-tls-failure.js'
export { describeTlsReload } from './describe-tls-reload.js'
export { ignoreIpServernameWarning } from './ignore-ip-servername-warning.js'
export { loadChannelCredentials } from './load-channel-credentials.js'
export { loadServerCredentials } from './load-server-credentials.js'
export {
  OPERATOR_ROLES,
  PEER_KINDS,
  identityUris,
  isValidIdentityName,
  parseIdentityUris,
  peerIdentity,
} from './peer-identity.js'
export { readTlsMaterial } from './read-tls-material.js'
export { SERVER_TLS_FLAGS, SERVER_TLS_USAGE, serverTransport } from './server-transport.js'
export { InsecureBindingError, TlsConfigError, TlsFlagsError } from './tls-errors.js'
export { watchCredentialFiles } from './watch-credential-files.js'

export type { TlsFailureContext } from './describe-tls-failure.js'
export type { TlsReloadEvent } from './file-certificate-provider.js'
export type { ServerTlsOptions } from './load-server-credentials.js'
export type { AuthContextSource, OperatorRole, PeerIdentity, PeerKind } from './peer-identity.js'
export type { CaOnlyTlsFiles, TlsFiles, TlsMaterialWithIdentity } from './read-tls-material.js'
export type { ServerTlsFlagValues, ServerTransport } from './server-transport.js'
export type { PlaintextService } from './tls-errors.js'
export type { WatchCredentialFilesOptions } from './watch-credential-files.js'
