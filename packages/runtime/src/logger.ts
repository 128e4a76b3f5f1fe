import { pino } from 'pino'
import type { DestinationStream, Logger as PinoLogger } from 'pino'
import { redactSecrets, scrubSecretText } from './redact-secrets.js'
import { textLogStream } from './text-log-stream.js'
import { turnBufferedStderr } from './turn-buffered-stderr.js'

/** Severity threshold of a logger; `silent` logs nothing. */
export type LogLevel = 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

export const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug', 'trace', 'silent']

/** `json`: one JSON object per line (for collectors); `text`: one readable line (for a terminal). */
export type LogFormat = 'json' | 'text'

export const LOG_FORMATS: readonly LogFormat[] = ['json', 'text']

/** Structured context of a line: names, ids, counts, an `err`. Secrets in it are redacted. */
export type LogFields = Readonly<Record<string, unknown>>

/**
 * The logging port every component takes. One logger per process, a child per component
 * (`log.child({ component: 'audit' })`); fields are data, the message is a sentence.
 *
 * @example
 * const log = createLogger({ name: 'dc-controller', level: 'info', format: 'json' })
 * log.child({ component: 'audit' }).info('subcloud online', { subcloud: 'subcloud1' })
 */
export interface Logger {
  readonly level: LogLevel
  error(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  debug(message: string, fields?: LogFields): void
  /** Whether a line at `level` would be written (to skip building costly fields). */
  isLevelEnabled(level: Exclude<LogLevel, 'silent'>): boolean
  /** A logger that adds `bindings` to every line. */
  child(bindings: LogFields): Logger
}

/** Where lines go: a file descriptor's sync writer by default, any `write(line)` in tests. */
export interface LogDestination {
  write(line: string): unknown
}

export interface LoggerOptions {
  /** The `service` field of every line: `dc-controller`, `dc-agent`, `dc-agent-simulator`. */
  readonly name: string
  /** @default 'info' */
  readonly level?: LogLevel
  /** @default 'json' */
  readonly format?: LogFormat
  /**
   * @default standard error, one write per turn of the event loop that never holds the process
   * up (see {@link turnBufferedStderr}); what the reader has not taken is written at exit
   */
  readonly destination?: LogDestination
}

type WriteMethod = 'error' | 'warn' | 'info' | 'debug'

class PinoBackedLogger implements Logger {
  readonly #pino: PinoLogger

  constructor(logger: PinoLogger) {
    this.#pino = logger
  }

  get level(): LogLevel {
    return this.#pino.level as LogLevel
  }

  #write(method: WriteMethod, message: string, fields: LogFields | undefined): void {
    if (!this.#pino.isLevelEnabled(method)) return
    // Redaction here rather than with pino's path list: secrets hide under keys no list foresees.
    if (fields === undefined) this.#pino[method](scrubSecretText(message))
    else this.#pino[method](redactSecrets(fields) as object, scrubSecretText(message))
  }

  error(message: string, fields?: LogFields): void {
    this.#write('error', message, fields)
  }

  warn(message: string, fields?: LogFields): void {
    this.#write('warn', message, fields)
  }

  info(message: string, fields?: LogFields): void {
    this.#write('info', message, fields)
  }

  debug(message: string, fields?: LogFields): void {
    this.#write('debug', message, fields)
  }

  isLevelEnabled(level: Exclude<LogLevel, 'silent'>): boolean {
    return this.#pino.isLevelEnabled(level)
  }

  child(bindings: LogFields): Logger {
    return new PinoBackedLogger(this.#pino.child(redactSecrets(bindings) as object))
  }
}

/** The process logger: JSON lines (or readable text) on standard error. */
export function createLogger(options: LoggerOptions): Logger {
  const format = options.format ?? 'json'
  const sink: DestinationStream =
    options.destination === undefined
      ? turnBufferedStderr()
      : { write: (line: string) => void options.destination?.write(line) }
  const logger = pino(
    {
      level: options.level ?? 'info',
      base: { service: options.name, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Errors are turned into plain objects by the redaction above; pino's own serializer would
      // put the unredacted message back.
      serializers: { err: (value: unknown) => value },
    },
    format === 'text' ? textLogStream(sink) : sink,
  )
  return new PinoBackedLogger(logger)
}

/** Logs nothing: the default of library entry points whose caller gave no logger. */
export const silentLogger: Logger = {
  level: 'silent',
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
  isLevelEnabled: () => false,
  child: () => silentLogger,
}
