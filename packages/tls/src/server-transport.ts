import { checkInsecureBinding } from './check-insecure-binding.js'
import type { TlsFiles } from './read-tls-material.js'
import { TlsFlagsError } from './tls-errors.js'

/** The `node:util` parseArgs options of a server's TLS flags, to spread into its own options. */
export const SERVER_TLS_FLAGS = {
  'tls-ca': {
    type: 'string',
    value: 'FILE',
    help: 'CA bundle that signs the peers (mutual TLS, with --tls-cert and --tls-key)',
  },
  'tls-cert': { type: 'string', value: 'FILE', help: "this server's certificate (PEM)" },
  'tls-key': { type: 'string', value: 'FILE', help: 'the private key of --tls-cert (PEM)' },
  insecure: { type: 'boolean', help: 'allow plaintext on addresses beyond loopback' },
} as const

/** The usage text of {@link SERVER_TLS_FLAGS}. */
export const SERVER_TLS_USAGE = '[--tls-ca FILE --tls-cert FILE --tls-key FILE | --insecure]'

/** What parseArgs returns for {@link SERVER_TLS_FLAGS}. */
export interface ServerTlsFlagValues {
  readonly 'tls-ca'?: string | undefined
  readonly 'tls-cert'?: string | undefined
  readonly 'tls-key'?: string | undefined
  readonly insecure?: boolean | undefined
}

/**
 * How a server serves: mutual TLS with the given files, or plaintext, with the warning to log at
 * start when plaintext reaches beyond this host (`--insecure`).
 */
export type ServerTransport =
  | { readonly kind: 'tls'; readonly files: TlsFiles }
  | { readonly kind: 'plaintext'; readonly warning: string | undefined }

/**
 * Decides a server's transport from its TLS flags and listen addresses, before anything is bound.
 * The three files go together; `--insecure` next to them is refused rather than silently ignored,
 * since one of the two is a mistake. Plaintext on a non-loopback address needs `--insecure`
 * ({@link checkInsecureBinding}). Throws TlsFlagsError or InsecureBindingError, each naming the
 * flag to add or drop; the files themselves are read later, by `loadServerCredentials`.
 */
export function serverTransport(
  values: ServerTlsFlagValues,
  listenAddresses: readonly string[],
): ServerTransport {
  const given = (['tls-ca', 'tls-cert', 'tls-key'] as const).filter((flag) => nonEmpty(values[flag]))
  if (given.length > 0 && given.length < 3) {
    const missing = (['tls-ca', 'tls-cert', 'tls-key'] as const).filter((flag) => !given.includes(flag))
    throw new TlsFlagsError(
      `--tls-ca, --tls-cert and --tls-key go together: missing ${missing.map((f) => `--${f}`).join(', ')}`,
    )
  }
  const insecure = values.insecure === true
  if (given.length === 3) {
    if (insecure)
      throw new TlsFlagsError('--insecure contradicts --tls-ca/--tls-cert/--tls-key: give one or the other')
    return {
      kind: 'tls',
      files: {
        caFile: values['tls-ca'] ?? '',
        certFile: values['tls-cert'] ?? '',
        keyFile: values['tls-key'] ?? '',
      },
    }
  }
  return { kind: 'plaintext', warning: checkInsecureBinding(listenAddresses, { insecure }) }
}

function nonEmpty(value: string | undefined): boolean {
  return value !== undefined && value !== ''
}
