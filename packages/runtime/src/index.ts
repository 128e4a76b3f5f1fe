/**
 * What every long-running process of the project shares: structured logging with secrets
 * redacted, its command-line flags (log and metrics flags, listen addresses, integers), the
 * Prometheus metrics endpoint, and binding and stopping its servers.
 *
 * @example
 * const { level, format } = logConfigOf(values)
 * const log = createLogger({ name: 'dc-agent', level, format: format ?? defaultLogFormat(process.stderr) })
 * const metrics = metricsConfigOf(values, { tls: false })
 * const registry = createMetricsRegistry({ prefix: 'dc_agent_' })
 * if (metrics !== undefined) await serveMetrics({ ...metrics, registry, log })
 */
export { ListenBindError, bindListenAddress } from './bind-listen-address.js'
export type { BindableServer } from './bind-listen-address.js'
export { FlagValueError, parseFlag } from './flag-value-error.js'
export { HttpBindError, serveHttp } from './http-endpoint.js'
export type { HttpEndpoint, ServeHttpOptions } from './http-endpoint.js'
export { HELP_FLAG, flagHelp } from './flag-table.js'
export type { FlagSpec, FlagTable } from './flag-table.js'
export { integerFlag } from './integer-flag.js'
export type { IntegerRange } from './integer-flag.js'
export { listenAddress, listenAddressFlag, listenFlag } from './listen-flag.js'
export { listenServer } from './listen-server.js'
export type { ListenAddress } from './listen-flag.js'
export { LOG_FORMATS, LOG_LEVELS, createLogger, silentLogger } from './logger.js'
export type { LogDestination, LogFields, LogFormat, LogLevel, Logger, LoggerOptions } from './logger.js'
export { writeStderrLine } from './turn-buffered-stderr.js'
export { LOG_FLAGS, LOG_USAGE, LogFlagError, defaultLogFormat, logConfigOf } from './log-flags.js'
export type { LogConfig } from './log-flags.js'
export { logTlsReload } from './log-tls-reload.js'
export { METRICS_FLAGS, METRICS_USAGE, MetricsFlagError, metricsConfigOf } from './metrics-flags.js'
export type { MetricsConfig, MetricsListen } from './metrics-flags.js'
export { createMetricsRegistry } from './metrics-registry.js'
export type { MetricsRegistry } from './metrics-registry.js'
export { parseProcessFlags } from './parse-process-flags.js'
export { REDACTED, isSecretKey, redactSecrets, scrubSecretText } from './redact-secrets.js'
export { MetricsBindError, serveMetrics } from './serve-metrics.js'
export type { MetricsServer, ServeMetricsOptions } from './serve-metrics.js'
export { shutDownServer } from './shut-down-server.js'
export type { GracefulServer } from './shut-down-server.js'
export { textLine } from './text-log-stream.js'
