import type { OptionSpec, ProgramSpec } from './command-spec.js'
import { commandOptions, GLOBAL_OPTIONS } from './global-options.js'
import { BUILTIN_COMMANDS } from './help-text.js'

const optionWords = (options: readonly OptionSpec[]) =>
  options.flatMap((o) => [`--${o.name}`, ...(o.short === undefined ? [] : [`-${o.short}`])])

const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`

/**
 * A bash completion script for one program: `eval "$(system completion bash)"`. It completes
 * command words (`dcmanager subcloud <TAB>`), then that command's options, skipping option values,
 * and completes file names after options that take a value.
 */
export function bashCompletion<C>(program: ProgramSpec<C>): string {
  const exact = new Map<string, Set<string>>()
  const add = (path: string, word: string) => exact.set(path, (exact.get(path) ?? new Set()).add(word))
  for (const builtin of BUILTIN_COMMANDS) add('', builtin.name)
  for (const option of optionWords(GLOBAL_OPTIONS)) add('', option)
  add('completion', 'bash')
  for (const command of program.commands) {
    const words = command.name.split(' ')
    words.forEach((word, k) => {
      add(words.slice(0, k).join(' '), word)
      if (k === 0) add('help', word)
    })
  }
  const arms = [...exact].map(
    ([path, words]) => `    ${quote(path)}) words=${quote([...words].join(' '))} ;;`,
  )
  // A full command name matches however many positionals follow it, so its options keep completing.
  const commandArms = program.commands.map((command) => {
    const words = optionWords([...commandOptions(command), ...GLOBAL_OPTIONS]).join(' ')
    return `    ${quote(command.name)}|${quote(`${command.name} `)}*) words=${quote(words)} ;;`
  })
  const valueOptions = new Set(
    [GLOBAL_OPTIONS, ...program.commands.map((c) => commandOptions(c))].flatMap((options) =>
      options.filter((o) => o.kind === 'string').flatMap((o) => optionWords([o])),
    ),
  )
  const fn = `_dc_complete_${program.name}`
  return [
    `# bash completion for ${program.name}; load with: eval "$(${program.name} completion bash)"`,
    `${fn}() {`,
    '  local cur=${COMP_WORDS[COMP_CWORD]} path="" word i skip=0 words=""',
    `  local value_options=${quote(` ${[...valueOptions].join(' ')} `)}`,
    '  for ((i = 1; i < COMP_CWORD; i++)); do',
    '    word=${COMP_WORDS[i]}',
    '    if ((skip)); then skip=0; continue; fi',
    '    case $word in',
    '      -*) [[ $word != *=* && $value_options == *" $word "* ]] && skip=1 ;;',
    '      *) path=${path:+$path }$word ;;',
    '    esac',
    '  done',
    '  if ((skip)); then',
    '    COMPREPLY=($(compgen -f -- "$cur"))',
    '    return',
    '  fi',
    '  case $path in',
    ...arms,
    ...commandArms,
    '  esac',
    '  COMPREPLY=($(compgen -W "$words" -- "$cur"))',
    '}',
    `complete -F ${fn} ${program.name}`,
    '',
  ].join('\n')
}
