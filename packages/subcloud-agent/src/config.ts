import { parseArgs } from 'node:util'
import { formatHostPort, parseHostPort } from '@dc/netmodel'
import { SERVER_TLS_FLAGS, SERVER_TLS_USAGE, serverTransport } from '@dc/protos'
import type { ServerTransport } from '@dc/protos'
import { LOG_FLAGS, LOG_USAGE, METRICS_FLAGS, METRICS_USAGE, logConfigOf, metricsConfigOf } from '@dc/runtime'
import type { LogConfig, MetricsConfig } from '@dc/runtime'

/** One address the agent listens on. */
export interface ListenAddress {
  /** canonical address text, unbracketed: `::1`, `127.0.0.1` */
  readonly host: string
  readonly port: number
  /** `host:port` with IPv6 bracketed, the key of the per-address call counters */
  readonly text: string
}

/** The agent's command line, validated. */
export interface AgentConfig {
  readonly listen: readonly ListenAddress[]
  readonly stateDir: string
  readonly bootstrapValuesFile: string | undefined
  /** @default 1000 */
  readonly heartbeatIntervalMs: number
  /** Mutual TLS (`--tls-ca/--tls-cert/--tls-key`), or plaintext, loopback-only unless `--insecure`. */
  readonly transport: ServerTransport
  /** `--log-level`, `--log-format`. */
  readonly log: LogConfig
  /** `--metrics-listen`: HTTPS with the `transport` files, else plain HTTP; none by default. */
  readonly metrics: MetricsConfig | undefined
}

export const DEFAULT_HEARTBEAT_INTERVAL_MS = 1000
/** Heartbeat intervals outside these bounds are refused: faster floods the stream, slower hides a dead site. */
export const MIN_HEARTBEAT_INTERVAL_MS = 50
export const MAX_HEARTBEAT_INTERVAL_MS = 60_000

export const USAGE =
  'usage: dc-agent --listen ADDR:PORT[,ADDR:PORT...] --state-dir DIR [--bootstrap-values FILE] [--heartbeat-interval-ms N]\n' +
  `                ${SERVER_TLS_USAGE}\n` +
  `                ${METRICS_USAGE} ${LOG_USAGE}\n` +
  '       dc-agent --simulate N --listen-base ADDR:PORT [--mix V4:V6:DUAL] [--first-index N] [--state-dir DIR]\n' +
  '                [--heartbeat-interval-ms N] [--manifest FILE] [--control ADDR:PORT]\n' +
  `                ${METRICS_USAGE} ${LOG_USAGE}`

/** A command line the agent cannot run with; the message says what is wrong and shows the usage. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(`${message}\n${USAGE}`)
    this.name = 'ConfigError'
  }
}

/** Parse `ADDR:PORT[,ADDR:PORT...]`; IPv6 must be bracketed so the port is unambiguous. */
export function parseListenList(text: string): ListenAddress[] {
  const items = text.split(',').map((s) => s.trim())
  if (items.some((s) => s === '')) throw new ConfigError(`--listen: empty address in '${text}'`)
  const out: ListenAddress[] = []
  for (const item of items) {
    if (item.includes(':') && !item.startsWith('[') && item.indexOf(':') !== item.lastIndexOf(':')) {
      throw new ConfigError(`--listen: IPv6 address '${item}' must be bracketed, e.g. [fd00::2]:50051`)
    }
    let parsed
    try {
      parsed = parseHostPort(item)
    } catch (err) {
      throw new ConfigError(`--listen: '${item}': ${err instanceof Error ? err.message : String(err)}`)
    }
    const host = parsed.host.toString()
    const listenText = formatHostPort(host, parsed.port)
    if (out.some((a) => a.text === listenText)) throw new ConfigError(`--listen: '${item}' is listed twice`)
    out.push({ host, port: parsed.port, text: listenText })
  }
  return out
}

/** Validate `--heartbeat-interval-ms`. */
export function parseHeartbeatInterval(text: string): number {
  if (!/^\d+$/.test(text)) throw new ConfigError(`--heartbeat-interval-ms: '${text}' is not a whole number`)
  const ms = Number(text)
  if (ms < MIN_HEARTBEAT_INTERVAL_MS || ms > MAX_HEARTBEAT_INTERVAL_MS) {
    throw new ConfigError(
      `--heartbeat-interval-ms: ${ms} is outside ${MIN_HEARTBEAT_INTERVAL_MS}..${MAX_HEARTBEAT_INTERVAL_MS}`,
    )
  }
  return ms
}

/** Validate the agent's command line (without the node and script arguments). */
export function parseAgentConfig(argv: readonly string[]): AgentConfig {
  let values
  try {
    ;({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        listen: { type: 'string' },
        'state-dir': { type: 'string' },
        'bootstrap-values': { type: 'string' },
        'heartbeat-interval-ms': { type: 'string' },
        ...SERVER_TLS_FLAGS,
        ...METRICS_FLAGS,
        ...LOG_FLAGS,
      },
    }))
  } catch (err) {
    throw new ConfigError(err instanceof Error ? err.message : String(err))
  }
  if (values.listen === undefined) throw new ConfigError('--listen is required')
  if (values['state-dir'] === undefined || values['state-dir'] === '') {
    throw new ConfigError('--state-dir is required')
  }
  const listen = parseListenList(values.listen)
  let transport: ServerTransport
  let log: LogConfig
  let metrics: MetricsConfig | undefined
  try {
    // Decided here, before the state is opened or anything bound, so a plaintext agent (or
    // metrics endpoint) on a network address without --insecure never starts at all.
    transport = serverTransport(
      values,
      listen.map((a) => a.text),
    )
    metrics = metricsConfigOf(values, { tls: transport.kind === 'tls' })
    log = logConfigOf(values)
  } catch (err) {
    throw new ConfigError(err instanceof Error ? err.message : String(err))
  }
  return {
    listen,
    stateDir: values['state-dir'],
    bootstrapValuesFile: values['bootstrap-values'],
    heartbeatIntervalMs:
      values['heartbeat-interval-ms'] === undefined
        ? DEFAULT_HEARTBEAT_INTERVAL_MS
        : parseHeartbeatInterval(values['heartbeat-interval-ms']),
    transport,
    log,
    metrics,
  }
}
