import { FlagValueError } from './flag-value-error.js'
import { LOG_FORMATS, LOG_LEVELS } from './logger.js'
import type { LogFormat, LogLevel } from './logger.js'

/** `--log-level` and `--log-format`, in `node:util` `parseArgs` form. */
export const LOG_FLAGS = {
  'log-level': {
    type: 'string',
    value: 'error|warn|info|debug|trace|silent',
    help: 'how much to log (default info)',
  },
  'log-format': {
    type: 'string',
    value: 'json|text',
    help: 'log lines as JSON, or text (default: text on a terminal, JSON otherwise)',
  },
} as const

export const LOG_USAGE = '[--log-level error|warn|info|debug|trace|silent] [--log-format json|text]'

/** What the log flags chose; the format is `undefined` when left to {@link defaultLogFormat}. */
export interface LogConfig {
  readonly level: LogLevel
  readonly format: LogFormat | undefined
}

/** A log flag's value that is not one of its choices. */
export class LogFlagError extends FlagValueError {
  constructor(flag: string, value: string, allowed: readonly string[]) {
    super(flag, `must be one of ${allowed.join(', ')}, got '${value.slice(0, 40)}'`)
  }
}

function choice<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === value)
  if (found === undefined) throw new LogFlagError(flag, value, allowed)
  return found
}

/** Read the log flags from parsed values; throws {@link LogFlagError} naming the flag. */
export function logConfigOf(values: Readonly<Record<string, unknown>>): LogConfig {
  const level = values['log-level']
  const format = values['log-format']
  return {
    level: typeof level === 'string' ? choice('--log-level', level, LOG_LEVELS) : 'info',
    format: typeof format === 'string' ? choice('--log-format', format, LOG_FORMATS) : undefined,
  }
}

/** JSON lines unless standard error is a terminal, where a person reads text. */
export function defaultLogFormat(stream: { readonly isTTY?: boolean }): LogFormat {
  return stream.isTTY === true ? 'text' : 'json'
}
