import { credentials } from '@grpc/grpc-js'
import type { ChannelCredentials } from '@grpc/grpc-js'
import { readTlsMaterial } from './read-tls-material.js'
import type { CaOnlyTlsFiles } from './read-tls-material.js'

/**
 * Client TLS credentials from PEM files, read now: the server must present a certificate chaining
 * to a CA of `caFile` and naming the dialled host or IP address in its SANs; the client presents
 * `certFile` (with `keyFile`) when given. Throws a TlsConfigError naming a bad file.
 *
 * A channel keeps the credentials it was created with. To follow a rotation, create new channels
 * after the files change (see `watchCredentialFiles`): the next ones use the new files.
 */
export function loadChannelCredentials(options: CaOnlyTlsFiles): ChannelCredentials {
  const { ca, identity } = readTlsMaterial(options)
  return credentials.createSsl(ca, identity?.key ?? null, identity?.cert ?? null)
}
