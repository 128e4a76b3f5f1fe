import type { CellValue } from './format-cell.js'

/** An option of one command, spelled as StarlingX's client spells it (`floating-address`, `update_apply_type`). */
export interface OptionSpec {
  /** Long name without the leading `--`. */
  readonly name: string
  readonly short?: string
  readonly kind: 'string' | 'boolean'
  /** Placeholder in usage text, e.g. `<ranges>`; string options only. */
  readonly metavar?: string
  readonly help: string
  readonly choices?: readonly string[]
  readonly required?: boolean
  readonly multiple?: boolean
}

export interface PositionalSpec {
  /** Key under which the value is read. */
  readonly name: string
  readonly metavar: string
  readonly help: string
  /** May be left out (only the last positional): `network-strategy create [<subcloud>]`. */
  readonly optional?: boolean
}

/** What a command hands back for rendering; `list` and `show` honour `-f` and `-c`. */
export type CommandResult =
  | {
      readonly kind: 'list'
      readonly columns: readonly string[]
      readonly rows: readonly (readonly CellValue[])[]
    }
  | { readonly kind: 'show'; readonly fields: readonly (readonly [string, CellValue])[] }
  | { readonly kind: 'text'; readonly text: string }

/** Parsed arguments of one command, keyed by positional name and option long name. */
export interface CommandArgs {
  positional(name: string): string
  /** An optional positional, undefined when left out. */
  optionalPositional(name: string): string | undefined
  string(name: string): string | undefined
  strings(name: string): readonly string[]
  flag(name: string): boolean
  /** A positional or option that must be a non-negative integer; a usage error otherwise. */
  integer(name: string): number | undefined
  /** A usage error of this command (exit status 2, usage printed), for checks parsing cannot make. */
  usageError(message: string): Error
}

/**
 * One command of one program. `name` is the words after the program: `addrpool-add`, `subcloud add`.
 * `output` decides whether the command takes `-f/--format` and `-c/--column`.
 */
export interface CommandSpec<Context> {
  readonly name: string
  readonly summary: string
  readonly positionals: readonly PositionalSpec[]
  readonly options: readonly OptionSpec[]
  readonly output: 'list' | 'show' | 'text'
  readonly run: (ctx: Context, args: CommandArgs) => Promise<CommandResult>
}

export type ProgramName = 'system' | 'dcmanager' | 'fm'

/** A program (`system`, `dcmanager`, `fm`) and its commands. */
export interface ProgramSpec<Context> {
  readonly name: ProgramName
  readonly summary: string
  /** Header of the first column of `show` tables: `Property` (sysinv, fm) or `Field` (cliff, dcmanager). */
  readonly showHeader: 'Property' | 'Field'
  readonly commands: readonly CommandSpec<Context>[]
}

/** A command without positionals or options, such as `network-list` and `subcloud-group list`. */
export function listCommand<Context>(
  name: string,
  summary: string,
  list: (ctx: Context) => Promise<CommandResult>,
): CommandSpec<Context> {
  return { name, summary, positionals: [], options: [], output: 'list', run: (ctx) => list(ctx) }
}

/**
 * A command on the one object its positional names, without options: show it, delete it, list
 * its members. `run` gets the reference as typed.
 */
export function objectCommand<Context>(
  name: string,
  summary: string,
  argument: PositionalSpec,
  output: CommandSpec<Context>['output'],
  run: (ctx: Context, ref: string) => Promise<CommandResult>,
): CommandSpec<Context> {
  return {
    name,
    summary,
    positionals: [argument],
    options: [],
    output,
    run: (ctx, args) => run(ctx, args.positional(argument.name)),
  }
}

/** dcmanager's delete of the object its positional names; like dcmanager, it prints nothing. */
export function deleteCommand<Context>(
  name: string,
  summary: string,
  argument: PositionalSpec,
  remove: (ctx: Context, ref: string) => Promise<unknown>,
): CommandSpec<Context> {
  return objectCommand(name, summary, argument, 'text', async (ctx, ref) => {
    await remove(ctx, ref)
    return { kind: 'text', text: '' }
  })
}

/** A `Field | Value` show result from parallel column names and cells. */
export function showResult(columns: readonly string[], cells: readonly CellValue[]): CommandResult {
  return { kind: 'show', fields: columns.map((column, i) => [column, cells[i] ?? null] as const) }
}
