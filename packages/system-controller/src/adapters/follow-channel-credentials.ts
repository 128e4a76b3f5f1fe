import type { Logger } from '@dc/runtime'
import { loadChannelCredentials, watchCredentialFiles } from '@dc/tls'
import type { TlsFiles } from '@dc/tls'
import type { AgentChannels } from './agent-channels.js'

export interface FollowChannelCredentialsOptions {
  /** Stops following the files. */
  readonly signal: AbortSignal
  /** One line per rotation: applied, or refused with the reason. */
  readonly log: Logger
}

/**
 * Keeps the agent channels on the current TLS files: whenever the CA bundle, certificate or key
 * changes, the files are read again and, when they hold a usable certificate with its key, become
 * the credentials of every new connection. A half-written rotation (a certificate replaced before
 * its key) is refused and the previous credentials stay; the next change retries. Credentials are
 * read once here first, so unusable files fail the start with a TlsConfigError.
 */
export function followChannelCredentials(
  files: TlsFiles,
  channels: Pick<AgentChannels, 'useCredentials'>,
  options: FollowChannelCredentialsOptions,
): void {
  channels.useCredentials(loadChannelCredentials(files))
  const { caFile, certFile, keyFile } = files
  watchCredentialFiles(
    [caFile, certFile, keyFile],
    (changed) => {
      try {
        channels.useCredentials(loadChannelCredentials(files))
        options.log.info(
          `agent channels: new TLS files in use for new connections (${changed.join(', ')} changed)`,
        )
      } catch (err) {
        // Whatever the reason, the running credentials stay: a watcher callback must not throw.
        const reason = err instanceof Error ? err.message : String(err)
        options.log.warn(`agent channels: TLS files not reloaded, the previous ones stay in use: ${reason}`)
      }
    },
    { signal: options.signal },
  )
}
