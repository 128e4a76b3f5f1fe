import { checkInsecureBinding } from '@dc/tls'
import { FlagValueError, parseFlag } from './flag-value-error.js'
import { listenAddressFlag } from './listen-flag.js'

const FLAG = '--metrics-listen'

/** `--metrics-listen`, in `node:util` `parseArgs` form; `--insecure` comes with the TLS flags. */
export const METRICS_FLAGS = {
  'metrics-listen': {
    type: 'string',
    value: 'ADDR:PORT',
    help: 'serve Prometheus metrics at /metrics here (HTTPS with the --tls-* files); none by default',
  },
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
export class MetricsFlagError extends FlagValueError {
  constructor(problem: string, options?: ErrorOptions) {
    super(FLAG, problem, options)
  }
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
  // The shape first, for a message with an example of it.
  if (typeof text !== 'string' || !/^(\[[^\]]+\]|[^:[\]]+):\d+$/.test(text.trim())) {
    throw new MetricsFlagError(
      `must be ADDR:PORT with IPv6 bracketed (e.g. 127.0.0.1:9100 or [::1]:9100), got '${String(text).slice(0, 60)}'`,
    )
  }
  const address = parseFlag(
    () => listenAddressFlag(FLAG, text),
    (err) => new MetricsFlagError(err.problem, { cause: err }),
  )
  const listen: MetricsListen = { host: address.host, port: address.port }
  const insecure = values.insecure === true
  if (!transport.tls) checkInsecureBinding([address.text], { insecure, service: 'metrics' })
  return { listen, insecure }
}
