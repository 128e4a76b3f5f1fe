import { resolve } from 'node:path'
import {
  FlagValueError,
  HELP_FLAG,
  LOG_FLAGS,
  LOG_USAGE,
  METRICS_FLAGS,
  METRICS_USAGE,
  MetricsFlagError,
  flagHelp,
  integerFlag,
  listenFlag,
  logConfigOf,
  metricsConfigOf,
  parseFlag,
  parseProcessFlags,
} from '@dc/runtime'
import type { ListenAddress, LogConfig, MetricsConfig } from '@dc/runtime'
import { InsecureBindingError, SERVER_TLS_FLAGS, SERVER_TLS_USAGE, serverTransport } from '@dc/tls'
import type { ServerTransport } from '@dc/tls'
import { CONSOLE_FLAGS, CONSOLE_USAGE, consoleConfigOf } from './console/console-flags.js'
import type { ConsoleConfig } from './console/console-flags.js'
import { DEFAULT_EVENT_RETENTION } from './alarms/alarm-event.js'
import type { EventRetention } from './alarms/alarm-event.js'
import { ConfigError } from './errors.js'
import { GEO_FLAGS, GEO_USAGE, geoConfigOf } from './geo/geo-config.js'
import type { GeoConfig } from './geo/geo-config.js'

/** Where the controller listens when `--listen` is absent. */
export const DEFAULT_LISTEN = '127.0.0.1:50050'
/** Port of a subcloud agent when a bootstrap address carries none. */
export const DEFAULT_AGENT_PORT = 50051
export const DEFAULT_DATA_DIR = '.dc-controller'
export const DEFAULT_AUDIT_INTERVAL_MS = 1_000
/** StarlingX's two-strike rule (spec distcloud 1.4). */
export const DEFAULT_OFFLINE_AFTER_MISSES = 2
const MAX_EVENT_COUNT = 10_000_000
/** Ten years. */
const MAX_EVENT_AGE_MS = 10 * 365 * 24 * 3_600_000

/** Everything the controller process reads from its command line and environment. */
export interface ControllerConfig {
  readonly listen: readonly ListenAddress[]
  readonly bootstrapValuesFile: string
  /** Embedded PGlite lives here when no `databaseUrl` is given. */
  readonly dataDir: string
  /** `DATABASE_URL`: a real PostgreSQL server instead of PGlite. */
  readonly databaseUrl: string | undefined
  readonly auditIntervalMs: number
  readonly offlineAfterMisses: number
  /** `--event-log-max-count`, `--event-log-max-age-ms`: how much fault history is kept. */
  readonly eventRetention: EventRetention
  /**
   * Mutual TLS (`--tls-ca/--tls-cert/--tls-key`) for the gRPC server and, with the same files, for
   * the channels to agents (a controller certificate carries both TLS usages); or plaintext,
   * loopback-only unless `--insecure`.
   */
  readonly transport: ServerTransport
  /** Geo-redundancy: the NATS link to the peer site, site id and test-only timing overrides. */
  readonly geo: GeoConfig
  /** `--log-level`, `--log-format`. */
  readonly log: LogConfig
  /** `--metrics-listen`: HTTPS with the `transport` files, else plain HTTP; none by default. */
  readonly metrics: MetricsConfig | undefined
  /** `--console-listen`: the read-only web console, HTTPS with the `transport` files; none by default. */
  readonly console: ConsoleConfig | undefined
}

export const USAGE =
  'usage: dc-controller --bootstrap-values FILE [--listen ADDR:PORT[,ADDR:PORT...]] [--data-dir DIR]\n' +
  '                     [--audit-interval-ms N] [--offline-after-misses N]\n' +
  '                     [--event-log-max-count N] [--event-log-max-age-ms N]\n' +
  `                     ${SERVER_TLS_USAGE}\n` +
  `                     ${GEO_USAGE}\n` +
  `                     ${LOG_USAGE} ${METRICS_USAGE} ${CONSOLE_USAGE}\n` +
  '  DATABASE_URL selects a PostgreSQL server; otherwise embedded PGlite is kept in --data-dir.'

/** The controller's flags: what {@link parseControllerArgs} parses and what `--help` lists. */
export const CONTROLLER_FLAGS = {
  'bootstrap-values': {
    type: 'string',
    value: 'FILE',
    help: "the system controller's bootstrap values YAML (distributed_cloud_role: systemcontroller); required",
  },
  listen: {
    type: 'string',
    value: 'ADDR:PORT[,ADDR:PORT...]',
    help: `where to serve gRPC, IPv6 in brackets (default ${DEFAULT_LISTEN})`,
  },
  'data-dir': {
    type: 'string',
    value: 'DIR',
    help: `embedded PGlite store and the writer lock (default ${DEFAULT_DATA_DIR})`,
  },
  'audit-interval-ms': {
    type: 'string',
    value: 'N',
    help: `audit pass interval, 50 to 3600000 (default ${DEFAULT_AUDIT_INTERVAL_MS})`,
  },
  'event-log-max-count': {
    type: 'string',
    value: 'N',
    help: `fault history kept: at most N events, 1 to ${MAX_EVENT_COUNT} (default ${DEFAULT_EVENT_RETENTION.maxCount})`,
  },
  'event-log-max-age-ms': {
    type: 'string',
    value: 'N',
    help: `fault history kept: no event older than N ms, 60000 to ${MAX_EVENT_AGE_MS} (default ${DEFAULT_EVENT_RETENTION.maxAgeMs}, 30 days)`,
  },
  'offline-after-misses': {
    type: 'string',
    value: 'N',
    help: `missed heartbeats before a subcloud is offline, 1 to 100 (default ${DEFAULT_OFFLINE_AFTER_MISSES})`,
  },
  ...SERVER_TLS_FLAGS,
  ...GEO_FLAGS,
  ...LOG_FLAGS,
  ...METRICS_FLAGS,
  ...CONSOLE_FLAGS,
  ...HELP_FLAG,
} as const

/** What `dc-controller --help` prints: the usage, then every flag from the table that parses them. */
export function controllerHelp(): string {
  return `${USAGE}\n\nflags:\n${flagHelp(CONTROLLER_FLAGS)}`
}

function toConfigError(err: FlagValueError): ConfigError {
  return new ConfigError(err.message, { cause: err })
}

/** Parse `--listen` items: `ADDR:PORT`, `[V6]:PORT` (see `listenFlag` of `@dc/runtime` for the rules). */
export function parseListen(text: string): ListenAddress[] {
  return parseFlag(() => listenFlag('--listen', text), toConfigError)
}

/**
 * Read the controller's flags and environment. Throws {@link ConfigError} with a message naming
 * the flag on any problem; `--help` is reported as `{ help: true }`.
 */
export function parseControllerArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): ControllerConfig | { readonly help: true } {
  const values: Record<string, string | boolean | undefined> = parseProcessFlags(
    argv,
    CONTROLLER_FLAGS,
    (message) => new ConfigError(message),
  )
  if (values.help === true) return { help: true }
  const bootstrapValues = values['bootstrap-values']
  if (typeof bootstrapValues !== 'string' || bootstrapValues.length === 0) {
    throw new ConfigError('--bootstrap-values FILE is required (the system controller bootstrap values YAML)')
  }
  const dataDir = values['data-dir']
  if (dataDir === '') throw new ConfigError('--data-dir must not be empty')
  const databaseUrl = env.DATABASE_URL !== undefined && env.DATABASE_URL !== '' ? env.DATABASE_URL : undefined
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL')
  }
  const audit = values['audit-interval-ms']
  const misses = values['offline-after-misses']
  const listen = parseListen(typeof values.listen === 'string' ? values.listen : DEFAULT_LISTEN)
  const transport = transportOf(values, listen)
  return {
    listen,
    bootstrapValuesFile: resolve(cwd, bootstrapValues),
    dataDir: resolve(cwd, typeof dataDir === 'string' ? dataDir : DEFAULT_DATA_DIR),
    databaseUrl,
    auditIntervalMs:
      typeof audit === 'string'
        ? parseFlag(
            () => integerFlag('--audit-interval-ms', audit, { min: 50, max: 3_600_000 }),
            toConfigError,
          )
        : DEFAULT_AUDIT_INTERVAL_MS,
    offlineAfterMisses:
      typeof misses === 'string'
        ? parseFlag(() => integerFlag('--offline-after-misses', misses, { min: 1, max: 100 }), toConfigError)
        : DEFAULT_OFFLINE_AFTER_MISSES,
    eventRetention: eventRetentionOf(values),
    transport,
    geo: geoConfigOf(values, cwd),
    log: parseFlag(() => logConfigOf(values), toConfigError),
    metrics: metricsFlags(values, transport),
    console: consoleFlags(values, transport),
  }
}

function eventRetentionOf(values: Readonly<Record<string, unknown>>): EventRetention {
  const count = values['event-log-max-count']
  const age = values['event-log-max-age-ms']
  return {
    maxCount:
      typeof count === 'string'
        ? parseFlag(
            () => integerFlag('--event-log-max-count', count, { min: 1, max: MAX_EVENT_COUNT }),
            toConfigError,
          )
        : DEFAULT_EVENT_RETENTION.maxCount,
    maxAgeMs:
      typeof age === 'string'
        ? parseFlag(
            () => integerFlag('--event-log-max-age-ms', age, { min: 60_000, max: MAX_EVENT_AGE_MS }),
            toConfigError,
          )
        : DEFAULT_EVENT_RETENTION.maxAgeMs,
  }
}

function metricsFlags(
  values: Readonly<Record<string, unknown>>,
  transport: ServerTransport,
): MetricsConfig | undefined {
  try {
    return metricsConfigOf(values, { tls: transport.kind === 'tls' })
  } catch (err) {
    if (err instanceof MetricsFlagError || err instanceof InsecureBindingError)
      throw new ConfigError(err.message)
    throw err
  }
}

function consoleFlags(
  values: Readonly<Record<string, unknown>>,
  transport: ServerTransport,
): ConsoleConfig | undefined {
  try {
    return consoleConfigOf(values, { tls: transport.kind === 'tls' })
  } catch (err) {
    if (err instanceof FlagValueError || err instanceof InsecureBindingError)
      throw new ConfigError(err.message)
    throw err
  }
}

/**
 * The TLS flags against the listen addresses, decided before anything is opened or bound: a
 * plaintext controller on a network address without --insecure never starts.
 */
function transportOf(
  values: Readonly<Record<string, string | boolean | undefined>>,
  listen: readonly ListenAddress[],
): ServerTransport {
  const text = (flag: string): string | undefined => {
    const value = values[flag]
    return typeof value === 'string' ? value : undefined
  }
  try {
    return serverTransport(
      {
        'tls-ca': text('tls-ca'),
        'tls-cert': text('tls-cert'),
        'tls-key': text('tls-key'),
        insecure: values.insecure === true,
      },
      listen.map((address) => address.text),
    )
  } catch (err) {
    throw new ConfigError(err instanceof Error ? err.message : String(err))
  }
}
