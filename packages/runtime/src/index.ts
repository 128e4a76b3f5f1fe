/**
 * What every long-running process of the project shares: structured logging with secrets
 * redacted, its command-line flags (log flags, listen addresses, integers), and (later) the
 * metrics endpoint.
 *
 * @example
 * const { level, format } = logConfigOf(values)
 * const log = createLogger({ name: 'dc-agent', level, format: format ?? defaultLogFormat(process.stderr) })
 */
export { LOG_FORMATS, LOG_LEVELS, createLogger, silentLogger } from './logger.js'
export type { LogDestination, LogFields, LogFormat, LogLevel, Logger, LoggerOptions } from './logger.js'
export { LOG_FLAGS, LOG_USAGE, LogFlagError, defaultLogFormat, logConfigOf } from './log-flags.js'
export type { LogConfig } from './log-flags.js'
export { REDACTED, isSecretKey, redactSecrets, scrubSecretText } from './redact-secrets.js'
export { textLine } from './text-log-stream.js'
export { FlagValueError, parseFlag } from './flag-value-error.js'
export { integerFlag } from './integer-flag.js'
export type { IntegerRange } from './integer-flag.js'
export { listenAddress, listenFlag } from './listen-flag.js'
export type { ListenAddress } from './listen-flag.js'
