import type { CommandSpec, OptionSpec, ProgramSpec } from './command-spec.js'
import { commandOptions, GLOBAL_OPTIONS } from './global-options.js'

/** The commands every program has besides its own: `help [COMMAND]` and `completion bash`. */
export const BUILTIN_COMMANDS: readonly { readonly name: string; readonly summary: string }[] = [
  { name: 'help', summary: 'Show help about this program or one of its commands' },
  { name: 'completion', summary: 'Print a bash completion script: eval "$(PROG completion bash)"' },
]

function metavar(option: OptionSpec): string {
  return option.kind === 'boolean' ? '' : ` ${option.metavar ?? `<${option.name}>`}`
}

function optionUsage(option: OptionSpec): string {
  const text = `--${option.name}${metavar(option)}`
  return option.required === true ? text : `[${text}]`
}

function optionLabel(option: OptionSpec): string {
  const short = option.short === undefined ? '' : `-${option.short}, `
  return `${short}--${option.name}${metavar(option)}`
}

function optionHelp(option: OptionSpec): string {
  const choices = option.choices === undefined ? '' : ` (one of: ${option.choices.join(', ')})`
  const required = option.required === true ? ' [REQUIRED]' : ''
  return `${option.help}${choices}${required}`
}

function section(title: string, entries: readonly (readonly [string, string])[]): string {
  if (entries.length === 0) return ''
  const width = Math.min(32, Math.max(...entries.map(([label]) => label.length)) + 2)
  const lines = entries.map(([label, text]) =>
    label.length + 2 > width
      ? `  ${label}\n  ${' '.repeat(width)}${text}`
      : `  ${label.padEnd(width)}${text}`,
  )
  return `\n${title}:\n${lines.join('\n')}\n`
}

/** `usage: system addrpool-add [--ranges <ranges>] ... <name> <network address> <network prefix>` */
export function commandUsage<C>(program: ProgramSpec<C>, spec: CommandSpec<C>): string {
  const parts = [
    `usage: ${program.name} ${spec.name}`,
    ...commandOptions(spec).map(optionUsage),
    ...spec.positionals.map((p) => (p.optional === true ? `[${p.metavar}]` : p.metavar)),
  ]
  return parts.join(' ')
}

/** Full `--help` text of one command. */
export function commandHelp<C>(program: ProgramSpec<C>, spec: CommandSpec<C>): string {
  return (
    `${commandUsage(program, spec)}\n\n${spec.summary}\n` +
    section(
      'Positional arguments',
      spec.positionals.map((p) => [p.metavar, p.help]),
    ) +
    section(
      'Optional arguments',
      [...commandOptions(spec), ...GLOBAL_OPTIONS].map((o) => [optionLabel(o), optionHelp(o)]),
    )
  )
}

/** `usage: system [--url HOST:PORT] ... <command> ...` */
export function programUsage<C>(program: ProgramSpec<C>): string {
  return [`usage: ${program.name}`, ...GLOBAL_OPTIONS.map(optionUsage), '<command> ...'].join(' ')
}

/** `system help`: every command with its one-line summary, then the global options. */
export function programHelp<C>(program: ProgramSpec<C>): string {
  const commands = [...program.commands.map((c) => [c.name, c.summary] as const)]
  commands.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const builtins = BUILTIN_COMMANDS.map((c) => [c.name, c.summary.replace('PROG', program.name)] as const)
  return (
    `${programUsage(program)}\n\n${program.summary}\n` +
    section('Commands', [...commands, ...builtins]) +
    section(
      'Optional arguments',
      GLOBAL_OPTIONS.map((o) => [optionLabel(o), optionHelp(o)]),
    ) +
    `\nSee "${program.name} help COMMAND" for help on a specific command.\n`
  )
}
