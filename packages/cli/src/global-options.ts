import type { CommandSpec, OptionSpec } from './command-spec.js'
import { DEFAULT_REGION, DEFAULT_TIMEOUT_SECONDS, DEFAULT_URL } from './config.js'
import { OUTPUT_FORMATS } from './render-output.js'

/** Options every program and every command accepts, before or after the command name. */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'url',
    kind: 'string',
    metavar: 'HOST:PORT',
    help: `Server to talk to: a system controller, or a subcloud agent for local administration (env DC_URL; default ${DEFAULT_URL})`,
  },
  {
    name: 'os-region-name',
    kind: 'string',
    metavar: 'NAME',
    help: `Region whose system the command is for (env OS_REGION_NAME; default ${DEFAULT_REGION})`,
  },
  {
    name: 'os-cacert',
    kind: 'string',
    metavar: 'FILE',
    help: 'CA bundle that verifies the server certificate; turns TLS on (env DC_TLS_CA; default: plaintext)',
  },
  {
    name: 'os-cert',
    kind: 'string',
    metavar: 'FILE',
    help: 'Client certificate naming this operator and role, from dc-pki issue (env DC_TLS_CERT)',
  },
  {
    name: 'os-key',
    kind: 'string',
    metavar: 'FILE',
    help: 'Private key of --os-cert (env DC_TLS_KEY)',
  },
  {
    name: 'timeout',
    kind: 'string',
    metavar: 'SECONDS',
    help: `Deadline of every call to the server (default ${DEFAULT_TIMEOUT_SECONDS})`,
  },
  { name: 'help', short: 'h', kind: 'boolean', help: 'Show this help message and exit' },
]

/**
 * The options a command takes besides the global ones: its own, plus `-f/--format` and `-c/--column`
 * on list and show commands. A command's own short option wins (`host-lock -f` is `--force`), leaving
 * only the long form of the output option.
 */
export function commandOptions<C>(spec: CommandSpec<C>): readonly OptionSpec[] {
  if (spec.output === 'text') return spec.options
  const taken = new Set(spec.options.map((o) => o.short))
  const withShort = (short: string) => (taken.has(short) ? {} : { short })
  return [
    ...spec.options,
    {
      name: 'format',
      ...withShort('f'),
      kind: 'string',
      metavar: 'FORMAT',
      choices: OUTPUT_FORMATS,
      help: 'Output format (default table)',
    },
    {
      name: 'column',
      ...withShort('c'),
      kind: 'string',
      metavar: 'COLUMN',
      multiple: true,
      help: 'Show only this column; repeat to show several',
    },
  ]
}
