import { listenAddressFlag } from '@dc/runtime'
import { checkInsecureBinding } from '@dc/tls'

/** `--console-listen`, in `node:util` `parseArgs` form; `--insecure` comes with the TLS flags. */
export const CONSOLE_FLAGS = {
  'console-listen': {
    type: 'string',
    value: 'ADDR:PORT',
    help: 'serve the read-only web console there (HTTPS with the server TLS files; off by default)',
  },
} as const

export const CONSOLE_USAGE = '[--console-listen ADDR:PORT]'

/** Where the web console listens; absent when `--console-listen` is. */
export interface ConsoleConfig {
  readonly listen: { readonly host: string; readonly port: number }
  /** `--insecure`: plain HTTP may listen beyond loopback. */
  readonly insecure: boolean
}

/**
 * Read `--console-listen ADDR:PORT` (IPv6 bracketed). Without the server's TLS files an address
 * beyond loopback also needs `--insecure`, checked here so that a refused console starts nothing.
 * Throws `FlagValueError` naming the flag, or `InsecureBindingError` naming `--insecure`.
 */
export function consoleConfigOf(
  values: Readonly<Record<string, unknown>>,
  transport: { readonly tls: boolean },
): ConsoleConfig | undefined {
  const text = values['console-listen']
  if (typeof text !== 'string') return undefined
  const address = listenAddressFlag('--console-listen', text)
  const insecure = values.insecure === true
  if (!transport.tls) checkInsecureBinding([address.text], { insecure, service: 'console' })
  return { listen: { host: address.host, port: address.port }, insecure }
}
