import { formatHostPort, parseHostPort } from '@dc/netmodel'
import { checkInsecureBinding } from '@dc/tls'

/** `--metrics-listen`, in `node:util` `parseArgs` form; `--insecure` comes with the TLS flags. */
export const METRICS_FLAGS = {
  'metrics-listen': { type: 'string' },
} as const

export const METRICS_USAGE = '[--metrics-listen ADDR:PORT]'

/** Where the Prometheus endpoint listens: an IP literal (IPv6 unbracketed) and a port. */
export interface MetricsListen {
  readonly host: string
  readonly port: number
}

/** What `--metrics-listen` chose; {@link metricsConfigOf} gives `undefined` when it is absent. */
export interface MetricsConfig {
  readonly listen: MetricsListen
  /** `--insecure` was given: plain HTTP may listen beyond loopback. */
  readonly insecure: boolean
}

/** A `--metrics-listen` value that is not a usable address. */
export class MetricsFlagError extends Error {
  override readonly name = 'MetricsFlagError'
}

/**
 * Read `--metrics-listen` from parsed values: `ADDR:PORT` with an IP literal (IPv6 bracketed) and
 * a port in 1..65535. Without TLS for the process (`transport.tls` false) an address beyond
 * loopback also needs `--insecure`, checked here so that a refused endpoint starts nothing.
 * Throws {@link MetricsFlagError} naming the flag, or `InsecureBindingError` naming `--insecure`.
 */
export function metricsConfigOf(
  values: Readonly<Record<string, unknown>>,
  transport: { readonly tls: boolean },
): MetricsConfig | undefined {
  const text = values['metrics-listen']
  if (text === undefined) return undefined
  if (typeof text !== 'string' || !/^(\[[^\]]+\]|[^:[\]]+):\d+$/.test(text.trim())) {
    throw new MetricsFlagError(
      `--metrics-listen must be ADDR:PORT with IPv6 bracketed (e.g. 127.0.0.1:9100 or [::1]:9100), got '${String(text).slice(0, 60)}'`,
    )
  }
  let listen: MetricsListen
  try {
    const parsed = parseHostPort(text)
    listen = { host: parsed.host.toString(), port: parsed.port }
  } catch (err) {
    throw new MetricsFlagError(`--metrics-listen: ${err instanceof Error ? err.message : String(err)}`)
  }
  const insecure = values.insecure === true
  if (!transport.tls) {
    checkInsecureBinding([formatHostPort(listen.host, listen.port)], { insecure, service: 'metrics' })
  }
  return { listen, insecure }
}
