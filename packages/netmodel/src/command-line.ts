import type { Command, PoolAddressFields } from './command.js'

// What a POSIX shell takes as one word without quotes.
const PLAIN_WORD = /^[A-Za-z0-9_.:/,@%+=-]+$/

function word(text: string): string {
  return PLAIN_WORD.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`
}

const ADDRESS_OPTIONS: readonly (readonly [keyof PoolAddressFields, string])[] = [
  ['floatingAddress', '--floating-address'],
  ['controller0Address', '--controller0-address'],
  ['controller1Address', '--controller1-address'],
  ['gatewayAddress', '--gateway-address'],
]

type Option = readonly [string, string | number | undefined]

function ranges(pairs: readonly (readonly [string, string])[] | undefined): string | undefined {
  return pairs === undefined || pairs.length === 0 ? undefined : pairs.map(([s, e]) => `${s}-${e}`).join(',')
}

/** Address options; `clear` spells a cleared field as the CLI's `none` (addrpool-modify), else leaves it out. */
function addressOptions(fields: PoolAddressFields, clear: boolean): Option[] {
  return ADDRESS_OPTIONS.map(([field, option]): Option => {
    const value = fields[field]
    return [option, value === null ? (clear ? 'none' : undefined) : value]
  })
}

function line(
  name: string,
  positionals: readonly (string | number)[],
  options: readonly Option[] = [],
): string {
  const words = ['system', name, ...positionals.map(String)]
  for (const [option, value] of options) if (value !== undefined) words.push(option, String(value))
  return words.map(word).join(' ')
}

/**
 * A command as the `system` command line that does it, with the option names of the CLI, e.g.
 * `system addrpool-add oam-ipv4 10.64.0.0 24 --order random --ranges 10.64.0.1-10.64.0.253 ...`.
 * Words a shell would split are single-quoted. A command's optional `uuid` has no CLI form and is
 * left out.
 */
export function commandLine(command: Command): string {
  switch (command.kind) {
    case 'addrpool-add':
      return line(
        'addrpool-add',
        [command.name, command.network, command.prefix],
        [['--order', command.order], ['--ranges', ranges(command.ranges)], ...addressOptions(command, false)],
      )
    case 'addrpool-modify': {
      const c = command.changes
      return line(
        'addrpool-modify',
        [command.pool],
        [
          ['--name', c.name],
          ['--network', c.network],
          ['--prefix', c.prefix],
          ['--order', c.order],
          ['--ranges', ranges(c.ranges)],
          ...addressOptions(c, true),
        ],
      )
    }
    case 'addrpool-delete':
      return line('addrpool-delete', [command.pool])
    case 'network-add':
      return line('network-add', [command.name, command.type, String(command.dynamic), command.pool])
    case 'network-delete':
      return line('network-delete', [command.network])
    case 'network-addrpool-assign':
      return line('network-addrpool-assign', [command.network, command.pool])
    case 'network-addrpool-remove':
      return line('network-addrpool-remove', [command.assignment])
    case 'host-lock':
      return command.force === true
        ? line('host-lock', ['--force', command.host])
        : line('host-lock', [command.host])
    case 'host-unlock':
      return line('host-unlock', [command.host])
    case 'host-swact':
      return line('host-swact', [command.host])
    default:
      return command satisfies never
  }
}
