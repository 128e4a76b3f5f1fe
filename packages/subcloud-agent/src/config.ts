import {
  HELP_FLAG,
  LOG_FLAGS,
  LOG_USAGE,
  METRICS_FLAGS,
  METRICS_USAGE,
  integerFlag,
  listenFlag,
  logConfigOf,
  metricsConfigOf,
  parseFlag,
  parseProcessFlags,
} from '@dc/runtime'
import type { FlagValueError, ListenAddress, LogConfig, MetricsConfig } from '@dc/runtime'
import { SERVER_TLS_FLAGS, SERVER_TLS_USAGE, serverTransport } from '@dc/tls'
import type { ServerTransport } from '@dc/tls'

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

/** The agent's flags: what {@link parseAgentConfig} parses and what `--help` lists. */
export const AGENT_FLAGS = {
  listen: {
    type: 'string',
    value: 'ADDR:PORT[,ADDR:PORT...]',
    help: 'where to serve gRPC: the primary address first, the secondary after it (IPv6 in brackets)',
  },
  'state-dir': { type: 'string', value: 'DIR', help: 'the crash-safe state file and the Kubernetes files' },
  'bootstrap-values': {
    type: 'string',
    value: 'FILE',
    help: "bootstrap from this values YAML at start (default: wait for the controller's subcloud add)",
  },
  'heartbeat-interval-ms': {
    type: 'string',
    value: 'N',
    help: `Watch heartbeat interval, ${MIN_HEARTBEAT_INTERVAL_MS} to ${MAX_HEARTBEAT_INTERVAL_MS} (default ${DEFAULT_HEARTBEAT_INTERVAL_MS})`,
  },
  ...SERVER_TLS_FLAGS,
  ...METRICS_FLAGS,
  ...LOG_FLAGS,
  ...HELP_FLAG,
} as const

export const USAGE =
  'usage: dc-agent --listen ADDR:PORT[,ADDR:PORT...] --state-dir DIR [--bootstrap-values FILE] [--heartbeat-interval-ms N]\n' +
  `                ${SERVER_TLS_USAGE}\n` +
  `                ${METRICS_USAGE} ${LOG_USAGE}\n` +
  '       dc-agent --simulate N --listen-base ADDR:PORT [--mix V4:V6:DUAL] [--first-index N] [--state-dir DIR]\n' +
  '                [--heartbeat-interval-ms N] [--manifest FILE] [--control ADDR:PORT]\n' +
  `                ${METRICS_USAGE} ${LOG_USAGE}`

/** A command line the agent cannot run with: one line saying what is wrong and where the flags are listed. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(`${message} (dc-agent --help lists every flag)`)
    this.name = 'ConfigError'
  }
}

/** A bad flag value found by a `@dc/runtime` parser, as the agent reports it. */
export function toConfigError(err: FlagValueError): ConfigError {
  return new ConfigError(err.message)
}

/** Parse `--listen ADDR:PORT[,ADDR:PORT...]` (see `listenFlag` of `@dc/runtime` for the rules). */
export function parseListenList(text: string): ListenAddress[] {
  return parseFlag(() => listenFlag('--listen', text), toConfigError)
}

/** Validate `--heartbeat-interval-ms`. */
export function parseHeartbeatInterval(text: string): number {
  const range = { min: MIN_HEARTBEAT_INTERVAL_MS, max: MAX_HEARTBEAT_INTERVAL_MS }
  return parseFlag(() => integerFlag('--heartbeat-interval-ms', text, range), toConfigError)
}

/**
 * Validate the agent's command line (without the node and script arguments); `--help` is reported
 * as `{ help: true }`.
 */
export function parseAgentConfig(argv: readonly string[]): AgentConfig | { readonly help: true } {
  const values = parseProcessFlags(argv, AGENT_FLAGS, (message) => new ConfigError(message))
  if (values.help === true) return { help: true }
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
