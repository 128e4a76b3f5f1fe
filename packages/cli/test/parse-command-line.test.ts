import { suite } from 'uvu'
import * as assert from 'uvu/assert'

import type { CliContext } from '../src/cli-context.js'
import type { ParsedCommandLine } from '../src/parse-command-line.js'
import { parseCommandLine } from '../src/parse-command-line.js'
import { UsageError } from '../src/errors.js'
import { PROGRAMS } from '../src/programs.js'

// The seed's `system` command lines, verbatim (continuation lines joined as the shell joins them).
const SEED = `
system network-list
system network-addrpool-list
system addrpool-list
system addrpool-add oam-ipv4 10.10.204.0 24 --order random --ranges 10.10.204.1-10.10.204.253 \\
 --floating-address 10.10.204.1 --controller0-address 10.10.204.2 --controller1-address 10.10.204.3 \\
 --gateway-address 10.10.204.254
system network-addrpool-assign oam oam-ipv4
system host-lock controller-1
system host-unlock controller-1
system host-swact controller-0
system host-lock controller-0
system host-unlock controller-0
system host-swact controller-1
system addrpool-add cluster-pod-ipv4 172.16.0.0 16 --order random --ranges 172.16.0.1-172.16.254.254
system addrpool-add cluster-service-ipv4 10.96.0.0 12 --order random --ranges 10.96.0.1-10.96.254.254
system addrpool-add cluster-host-ipv4 171.168.204.0 24 --order random --ranges 171.168.204.1-171.168.204.254 \\
 --floating-address 171.168.204.1 --controller0-address 171.168.204.2 --controller1-address 171.168.204.3
system network-addrpool-assign cluster-service cluster-service-ipv4
system network-addrpool-assign cluster-pod cluster-pod-ipv4
system network-addrpool-assign cluster-host cluster-host-ipv4
system network-addrpool-remove 5530e24c-f868-4cca-9dcc-ba860078a83d
`
const seedLines = SEED.replaceAll('\\\n', ' ')
  .split('\n')
  .filter((line) => line.startsWith('system '))
  .map((line) => line.trim().split(/\s+/).slice(1))

type Run = Extract<ParsedCommandLine<CliContext>, { kind: 'run' }>

function run(program: keyof typeof PROGRAMS, argv: readonly string[]): Run {
  const parsed = parseCommandLine(PROGRAMS[program], argv)
  if (parsed.kind !== 'run') throw new Error(`expected a command, got ${parsed.kind}`)
  return parsed
}

function usageError(program: keyof typeof PROGRAMS, argv: readonly string[]): UsageError {
  try {
    parseCommandLine(PROGRAMS[program], argv)
  } catch (error) {
    if (error instanceof UsageError) return error
    throw error
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`)
}

const Parse = suite('parseCommandLine')

Parse('parseCommandLine - accepts every seed command line as written', () => {
  assert.is(seedLines.length, 18)
  for (const argv of seedLines) {
    const parsed = run('system', argv)
    assert.is(parsed.command.name, argv[0])
  }
})

Parse('parseCommandLine - addrpool-add takes options after the positionals, as the seed writes them', () => {
  const argv = seedLines[3] ?? []
  const { command, args } = run('system', argv)
  assert.is(command.name, 'addrpool-add')
  assert.is(args.positional('name'), 'oam-ipv4')
  assert.is(args.positional('network'), '10.10.204.0')
  assert.is(args.integer('prefix'), 24)
  assert.is(args.string('order'), 'random')
  assert.is(args.string('ranges'), '10.10.204.1-10.10.204.253')
  assert.is(args.string('floating-address'), '10.10.204.1')
  assert.is(args.string('controller0-address'), '10.10.204.2')
  assert.is(args.string('controller1-address'), '10.10.204.3')
  assert.is(args.string('gateway-address'), '10.10.204.254')
})

Parse('parseCommandLine - options may also come before the positionals', () => {
  const { args } = run('system', ['addrpool-add', '--ranges', 'fd05::1-fd05::ff', 'p', 'fd05::', '64'])
  assert.is(args.positional('name'), 'p')
  assert.is(args.string('ranges'), 'fd05::1-fd05::ff')
})

Parse('parseCommandLine - network-addrpool-assign takes NETWORK then POOL', () => {
  const { args } = run('system', ['network-addrpool-assign', 'oam', 'oam-ipv4'])
  assert.is(args.positional('network'), 'oam')
  assert.is(args.positional('pool'), 'oam-ipv4')
})

Parse('parseCommandLine - network-add takes StarlingX order NAME TYPE DYNAMIC POOL', () => {
  const { args } = run('system', ['network-add', 'storage', 'storage', 'True', 'storage-pool'])
  assert.equal(
    ['name', 'type', 'dynamic', 'pool'].map((p) => args.positional(p)),
    ['storage', 'storage', 'True', 'storage-pool'],
  )
})

Parse('parseCommandLine - global options work before and after the command', () => {
  const before = run('system', ['--url', '[fd00::2]:50051', '--os-region-name', 'subcloud1', 'host-list'])
  const noTls = { cacert: undefined, cert: undefined, key: undefined }
  assert.equal(before.globals, {
    url: '[fd00::2]:50051',
    region: 'subcloud1',
    timeout: undefined,
    ...noTls,
  })
  const after = run('system', ['host-list', '--timeout=5', '--url=127.0.0.1:1'])
  assert.equal(after.globals, { url: '127.0.0.1:1', region: undefined, timeout: '5', ...noTls })
})

Parse('parseCommandLine - TLS options work before and after the command', () => {
  const parsed = run('dcmanager', [
    '--os-cacert',
    'ca.crt',
    'subcloud',
    'list',
    '--os-cert=alice.crt',
    '--os-key',
    'alice.key',
  ])
  assert.equal(
    [parsed.globals.cacert, parsed.globals.cert, parsed.globals.key],
    ['ca.crt', 'alice.crt', 'alice.key'],
  )
})

Parse('parseCommandLine - list and show commands take -f and repeated -c', () => {
  const parsed = run('system', ['addrpool-list', '-f', 'json', '-c', 'name', '-c', 'ranges'])
  assert.is(parsed.format, 'json')
  assert.equal(parsed.columns, ['name', 'ranges'])
  assert.is(run('system', ['network-list']).format, 'table')
})

Parse('parseCommandLine - host-lock -f is --force, and --format still works there', () => {
  const parsed = run('system', ['host-lock', '-f', 'controller-0', '--format', 'value'])
  assert.ok(parsed.args.flag('force'))
  assert.is(parsed.format, 'value')
})

Parse('parseCommandLine - dcmanager commands are two words, options as StarlingX spells them', () => {
  const parsed = run('dcmanager', [
    'subcloud',
    'add',
    '--bootstrap-address',
    '[fd00:1::2]:50051',
    '--bootstrap-values',
    'subcloud1.yml',
    '--group',
    'edge',
  ])
  assert.is(parsed.command.name, 'subcloud add')
  assert.is(parsed.args.string('bootstrap-address'), '[fd00:1::2]:50051')
  assert.is(
    run('dcmanager', ['subcloud-group', 'add', '--name', 'g', '--max_parallel_subclouds', '4']).args.integer(
      'max_parallel_subclouds',
    ),
    4,
  )
  assert.ok(run('dcmanager', ['subcloud', 'list', '-d']).args.flag('detail'))
  assert.is(
    run('dcmanager', ['subcloud-peer-group', 'list-subclouds', 'spg1']).command.name,
    'subcloud-peer-group list-subclouds',
  )
})

Parse('parseCommandLine - help forms return help text, not a command', () => {
  for (const argv of [
    ['help'],
    ['--help'],
    ['help', 'addrpool-add'],
    ['addrpool-add', '--help'],
    ['addrpool-add', '-h'],
  ]) {
    const parsed = parseCommandLine(PROGRAMS.system, argv)
    assert.is(parsed.kind, 'help', argv.join(' '))
  }
  const help = parseCommandLine(PROGRAMS.dcmanager, ['help', 'subcloud', 'add'])
  assert.ok(help.kind === 'help' && help.text.includes('--bootstrap-values <file>'))
})

Parse('parseCommandLine - usage errors carry the command usage', () => {
  const missing = usageError('system', ['addrpool-add', 'oam-ipv4', '10.10.204.0'])
  assert.is(missing.exitCode, 2)
  assert.is(missing.prog, 'system addrpool-add')
  assert.match(missing.usage, 'usage: system addrpool-add')
  assert.match(missing.message, '<network prefix>')
  assert.match(usageError('system', ['network-addrpool-remove']).message, 'required: <network addrpool uuid>')
  assert.match(usageError('system', ['host-list', 'extra']).message, 'unrecognized arguments: extra')
  assert.match(usageError('system', ['addrpool-list', '--bogus']).message, 'unrecognized arguments: --bogus')
  assert.match(usageError('system', ['addrpool-list', '-f', 'xml']).message, "invalid choice: 'xml'")
  assert.match(
    usageError('system', ['addrpool-add', 'a', 'b', 'c', '--order', 'first']).message,
    "invalid choice: 'first'",
  )
  assert.match(
    usageError('dcmanager', ['subcloud', 'add', '--bootstrap-values', 'x.yml']).message,
    '--bootstrap-address',
  )
})

Parse('parseCommandLine - unknown commands and missing subcommands are usage errors of the program', () => {
  const unknown = usageError('system', ['addrpool-frobnicate'])
  assert.is(unknown.prog, 'system')
  assert.match(unknown.message, "'addrpool-frobnicate' is not a system command")
  assert.match(usageError('dcmanager', ['subcloud']).message, 'add, list, show')
  assert.match(usageError('system', []).message, 'a command is required')
  assert.match(usageError('system', ['--nope', 'host-list']).message, 'unrecognized arguments: --nope')
})

Parse('parseCommandLine - a non-integer prefix is a usage error naming the argument', () => {
  const { args } = run('system', ['addrpool-add', 'p', 'fd05::', 'sixty-four'])
  assert.throws(
    () => args.integer('prefix'),
    (e: unknown) =>
      e instanceof UsageError && e.message.includes("<network prefix>: invalid int value: 'sixty-four'"),
  )
})

Parse('parseCommandLine - completion bash is a built-in command', () => {
  assert.is(parseCommandLine(PROGRAMS.fm, ['completion', 'bash']).kind, 'completion')
  assert.match(usageError('fm', ['completion', 'zsh']).message, 'bash')
})

Parse.run()
