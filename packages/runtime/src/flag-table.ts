/**
 * One command-line flag as a process declares it: how `parseArgs` reads it and how `--help`
 * shows it, in one place so the two never drift apart.
 */
export interface FlagSpec {
  readonly type: 'string' | 'boolean'
  readonly short?: string
  /** What the value is called in the help (`FILE`, `N`, `ADDR:PORT`); none for a boolean flag. */
  readonly value?: string
  /** One line: what the flag does, its default when it has one. */
  readonly help: string
}

/** A process's flags by long name (without the dashes). */
export type FlagTable = Readonly<Record<string, FlagSpec>>

/** `--help`/`-h`, which every process takes. */
export const HELP_FLAG = {
  help: { type: 'boolean', short: 'h', help: 'print this help and exit' },
} as const

/** `--name VALUE` (or `--name` for a boolean) as the help shows a flag. */
function flagSignature(name: string, spec: FlagSpec): string {
  const long = spec.value === undefined ? `--${name}` : `--${name} ${spec.value}`
  return spec.short === undefined ? long : `-${spec.short}, ${long}`
}

/**
 * The help lines of a flag table: every flag with its value and description, descriptions
 * aligned, in the table's order.
 */
export function flagHelp(table: FlagTable): string {
  const rows = Object.entries(table).map(([name, spec]) => [flagSignature(name, spec), spec.help] as const)
  const width = Math.max(...rows.map(([signature]) => signature.length))
  return rows.map(([signature, help]) => `  ${signature.padEnd(width)}  ${help}`).join('\n')
}
