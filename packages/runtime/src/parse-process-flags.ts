import { parseArgs } from 'node:util'
import type { ParseArgsConfig } from 'node:util'
import type { FlagTable } from './flag-table.js'

type FlagOptions = NonNullable<ParseArgsConfig['options']>

/** How {@link parseProcessFlags} calls `parseArgs`, for the type of what it returns. */
type ProcessFlagsConfig<O extends FlagOptions> = {
  args: string[]
  strict: true
  allowPositionals: false
  options: O
}

/**
 * The flags of a process's command line (without the node and script arguments), read the way
 * every process of the project reads them: strictly, so an unknown flag or a missing value is an
 * error, and without positionals. What `parseArgs` refuses is thrown as `toError(message)`, the
 * process's own config error. The table is the one `flagHelp` prints for `--help`.
 *
 * @example
 * const values = parseProcessFlags(argv, { listen: { type: 'string', value: 'ADDR:PORT', help: '...' }, ...LOG_FLAGS }, (m) => new ConfigError(m))
 */
export function parseProcessFlags<O extends FlagTable & FlagOptions>(
  argv: readonly string[],
  table: O,
  toError: (message: string) => Error,
): ReturnType<typeof parseArgs<ProcessFlagsConfig<O>>>['values'] {
  // Only what parseArgs knows: the help fields stay out of its way.
  const options = Object.fromEntries(
    Object.entries(table).map(([name, { type, short }]) => [
      name,
      short === undefined ? { type } : { type, short },
    ]),
  ) as O
  try {
    return parseArgs({ args: [...argv], strict: true, allowPositionals: false, options }).values
  } catch (err) {
    throw toError(err instanceof Error ? err.message : String(err))
  }
}
