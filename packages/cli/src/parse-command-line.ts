import { parseArgs } from 'node:util'

import type { CommandArgs, CommandSpec, OptionSpec, ProgramSpec } from './command-spec.js'
import type { GlobalFlags } from './config.js'
import { UsageError } from './errors.js'
import { commandOptions, GLOBAL_OPTIONS } from './global-options.js'
import { commandHelp, commandUsage, programHelp, programUsage } from './help-text.js'
import type { OutputFormat } from './render-output.js'

/** What the command line asks for: some help text, the completion script, or one command to run. */
export type ParsedCommandLine<C> =
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'completion' }
  | {
      readonly kind: 'run'
      readonly command: CommandSpec<C>
      readonly args: CommandArgs
      readonly globals: GlobalFlags
      readonly format: OutputFormat
      readonly columns: readonly string[]
    }

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>

function programError<C>(program: ProgramSpec<C>, message: string): UsageError {
  return new UsageError(program.name, programUsage(program), message)
}

/** Global options written before the command name, kept to be parsed again with the command's own. */
function leadingGlobals<C>(
  program: ProgramSpec<C>,
  argv: readonly string[],
): { tokens: string[]; rest: string[] } {
  const takesValue = new Set(GLOBAL_OPTIONS.filter((o) => o.kind === 'string').map((o) => `--${o.name}`))
  const tokens: string[] = []
  let i = 0
  for (let token = argv[i]; token !== undefined && token.startsWith('-'); token = argv[i]) {
    const name = token.split('=')[0] ?? token
    if (token === '-h' || token === '--help' || (takesValue.has(name) && token.includes('='))) {
      tokens.push(token)
      i += 1
    } else if (takesValue.has(name)) {
      const value = argv[i + 1]
      if (value === undefined) throw programError(program, `argument ${name}: expected one argument`)
      tokens.push(token, value)
      i += 2
    } else {
      throw programError(program, `unrecognized arguments: ${token}`)
    }
  }
  return { tokens, rest: argv.slice(i) }
}

function findCommand<C>(
  program: ProgramSpec<C>,
  words: readonly string[],
): { command: CommandSpec<C>; used: number } {
  let found: { command: CommandSpec<C>; used: number } | undefined
  for (const command of program.commands) {
    const parts = command.name.split(' ')
    if (parts.every((part, k) => words[k] === part) && parts.length > (found?.used ?? 0)) {
      found = { command, used: parts.length }
    }
  }
  if (found !== undefined) return found
  const first = words[0] ?? ''
  const group = program.commands.filter((c) => c.name.startsWith(`${first} `))
  if (group.length > 0) {
    const choices = group.map((c) => c.name.slice(first.length + 1)).join(', ')
    const what = words[1] === undefined || words[1].startsWith('-') ? 'a subcommand' : `not '${words[1]}'`
    throw programError(program, `'${first}' needs ${what}: choose from ${choices}`)
  }
  throw programError(program, `'${first}' is not a ${program.name} command. See '${program.name} help'.`)
}

function parseError(error: unknown): string {
  const code = (error as { code?: unknown }).code
  const message = error instanceof Error ? error.message : String(error)
  const quoted = /'([^']+)'/.exec(message)?.[1]
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted !== undefined)
    return `unrecognized arguments: ${quoted}`
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && quoted !== undefined) {
    return `unrecognized arguments: ${quoted}`
  }
  // Node's own messages run on with advice about '--'; the first sentence is the diagnosis.
  return message.split(/\.\s/)[0] ?? message
}

function checkOption(option: OptionSpec, value: Values[string]): string | undefined {
  if (value === undefined)
    return option.required === true ? `the following arguments are required: --${option.name}` : undefined
  if (option.choices === undefined) return undefined
  const bad = (Array.isArray(value) ? value : [value]).find(
    (v) => typeof v === 'string' && !(option.choices ?? []).includes(v),
  )
  if (bad === undefined) return undefined
  const choices = option.choices.map((c) => `'${c}'`).join(', ')
  return `argument --${option.name}: invalid choice: '${String(bad)}' (choose from ${choices})`
}

function commandArgs<C>(
  spec: CommandSpec<C>,
  values: Values,
  positionals: readonly string[],
  usageError: (message: string) => UsageError,
): CommandArgs {
  const positional = (name: string) => {
    const index = spec.positionals.findIndex((p) => p.name === name)
    return index < 0 ? undefined : { metavar: spec.positionals[index]?.metavar, value: positionals[index] }
  }
  const string = (name: string) => {
    const value = values[name]
    return typeof value === 'string' ? value : undefined
  }
  return {
    positional(name) {
      const value = positional(name)?.value
      if (value === undefined) throw new Error(`${spec.name} has no positional argument '${name}'`)
      return value
    },
    integer(name) {
      const found = positional(name)
      const value = found === undefined ? string(name) : found.value
      if (value === undefined) return undefined
      if (!/^\d+$/.test(value)) {
        throw usageError(`argument ${found?.metavar ?? `--${name}`}: invalid int value: '${value}'`)
      }
      return Number(value)
    },
    optionalPositional(name) {
      return positional(name)?.value
    },
    usageError,
    string,
    strings(name) {
      const value = values[name]
      if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string')
      return typeof value === 'string' ? [value] : []
    },
    flag(name) {
      return values[name] === true
    },
  }
}

/**
 * Parses `argv` (without node and the script) for one program, the way argparse does for StarlingX's
 * clients: global options before or after the command, command options before or after positionals.
 * Throws {@link UsageError} for anything malformed.
 */
export function parseCommandLine<C>(program: ProgramSpec<C>, argv: readonly string[]): ParsedCommandLine<C> {
  const { tokens, rest } = leadingGlobals(program, argv)
  const [first, ...more] = rest
  if (first === undefined) {
    if (tokens.includes('-h') || tokens.includes('--help'))
      return { kind: 'help', text: programHelp(program) }
    throw programError(program, 'a command is required')
  }
  if (first === 'help') {
    if (more.length === 0) return { kind: 'help', text: programHelp(program) }
    const { command, used } = findCommand(program, more)
    if (used < more.length)
      throw programError(program, `unrecognized arguments: ${more.slice(used).join(' ')}`)
    return { kind: 'help', text: commandHelp(program, command) }
  }
  if (first === 'completion') {
    if (more.length === 1 && more[0] === 'bash') return { kind: 'completion' }
    throw programError(program, "argument shell: expected exactly one of: 'bash'")
  }

  const { command, used } = findCommand(program, rest)
  const usageError = (message: string) =>
    new UsageError(`${program.name} ${command.name}`, commandUsage(program, command), message)
  const options = [...commandOptions(command), ...GLOBAL_OPTIONS]
  let parsed: { values: Values; positionals: string[] }
  try {
    parsed = parseArgs({
      args: [...tokens, ...rest.slice(used)],
      options: Object.fromEntries(
        options.map((o) => [
          o.name,
          {
            type: o.kind,
            ...(o.short === undefined ? {} : { short: o.short }),
            multiple: o.multiple === true,
          },
        ]),
      ),
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    throw usageError(parseError(error))
  }
  const { values, positionals } = parsed
  if (values['help'] === true) return { kind: 'help', text: commandHelp(program, command) }

  const missing = command.positionals.slice(positionals.length).filter((p) => p.optional !== true)
  if (missing.length > 0) {
    throw usageError(`the following arguments are required: ${missing.map((p) => p.metavar).join(', ')}`)
  }
  if (positionals.length > command.positionals.length) {
    throw usageError(`unrecognized arguments: ${positionals.slice(command.positionals.length).join(' ')}`)
  }
  for (const option of options) {
    const problem = checkOption(option, values[option.name])
    if (problem !== undefined) throw usageError(problem)
  }
  const args = commandArgs(command, values, positionals, usageError)
  const text = (name: string) => args.string(name)
  const format = text('format') ?? 'table'
  const globals: GlobalFlags = {
    url: text('url'),
    region: text('os-region-name'),
    timeout: text('timeout'),
    cacert: text('os-cacert'),
    cert: text('os-cert'),
    key: text('os-key'),
  }
  return {
    kind: 'run',
    command,
    args,
    globals,
    // checkOption has held the value to the format option's choices.
    format: format as OutputFormat,
    columns: args.strings('column'),
  }
}
