import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { suite } from 'uvu'
import * as assert from 'uvu/assert'

import { runCli } from '../src/cli-app.js'
import { strategyScope } from '../src/commands/network-strategy-commands.js'
import { UsageError } from '../src/errors.js'
import { parseCommandLine } from '../src/parse-command-line.js'
import { PROGRAMS } from '../src/programs.js'
import { startFakeDcServer, type FakeDcServer } from './fake-dc-server.js'
import { networkStrategy, strategyStep } from './strategy-fixtures.js'

function scope(argv: readonly string[]): ReturnType<typeof strategyScope> {
  const parsed = parseCommandLine(PROGRAMS.dcmanager, ['network-strategy', 'create', ...argv])
  if (parsed.kind !== 'run') throw new Error(`expected a command, got ${parsed.kind}`)
  return strategyScope(parsed.args)
}

function scopeError(argv: readonly string[]): string {
  try {
    scope(argv)
  } catch (error) {
    if (error instanceof UsageError) return error.message
    throw error
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`)
}

const Scope = suite('strategyScope')

Scope('strategyScope - the whole fleet by default, with the server choosing the pacing', () => {
  assert.equal(scope(['--plan', 'plan.yaml']), { stop_on_failure: false })
})

Scope('strategyScope - one subcloud, or a group, and the pacing flags as given', () => {
  assert.equal(
    scope([
      '--plan',
      'p.yaml',
      'subcloud7',
      '--subcloud-apply-type',
      'serial',
      '--max-parallel-subclouds',
      '5000',
      '--stop-on-failure',
    ]),
    {
      subcloud: 'subcloud7',
      subcloud_apply_type: 'serial',
      max_parallel_subclouds: 5000,
      stop_on_failure: true,
    },
  )
  assert.equal(scope(['--plan', 'p.yaml', '--group', 'edge']), { group: 'edge', stop_on_failure: false })
})

Scope('strategyScope - refusals name the flag and the rule', () => {
  assert.is(
    scopeError(['--plan', 'p', '--max-parallel-subclouds', '0']),
    'argument --max-parallel-subclouds: must be from 1 to 5000, not 0',
  )
  assert.is(
    scopeError(['--plan', 'p', '--max-parallel-subclouds', '5001']),
    'argument --max-parallel-subclouds: must be from 1 to 5000, not 5001',
  )
  assert.is(
    scopeError(['--plan', 'p', '--max-parallel-subclouds', 'ten']),
    "argument --max-parallel-subclouds: invalid int value: 'ten'",
  )
  assert.match(
    scopeError(['--plan', 'p', '--group', 'g', '--subcloud-apply-type', 'serial']),
    /^argument --group: not allowed with --subcloud-apply-type/,
  )
  assert.match(
    scopeError(['--plan', 'p', '--group', 'g', '--max-parallel-subclouds', '2']),
    /^argument --group: not allowed with/,
  )
  assert.match(
    scopeError(['--plan', 'p', '--group', 'g', 'subcloud7']),
    /^argument --group: not allowed with a subcloud/,
  )
})

Scope('strategyScope - the apply type and the plan are checked by the parser', () => {
  const error = (argv: readonly string[]) => {
    try {
      parseCommandLine(PROGRAMS.dcmanager, ['network-strategy', 'create', ...argv])
    } catch (e) {
      return e instanceof UsageError ? e.message : String(e)
    }
    return ''
  }
  assert.is(
    error(['--plan', 'p', '--subcloud-apply-type', 'random']),
    "argument --subcloud-apply-type: invalid choice: 'random' (choose from 'parallel', 'serial')",
  )
  assert.is(error([]), 'the following arguments are required: --plan')
})

Scope.run()

interface Outcome {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

interface CliOptions {
  readonly interactive?: boolean
  /** Called with each stderr write, to interrupt at a known point. */
  readonly onStderr?: (text: string) => void
  readonly signal?: AbortSignal
}

async function dcmanager(
  fake: FakeDcServer,
  argv: readonly string[],
  options: CliOptions = {},
): Promise<Outcome> {
  let stdout = ''
  let stderr = ''
  const code = await runCli('dcmanager', argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => {
      stderr += text
      options.onStderr?.(text)
    },
    env: { DC_URL: fake.url },
    pollIntervalMs: 1,
    interactive: options.interactive ?? false,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  })
  return { code, stdout, stderr }
}

const Commands = suite<{ fake: FakeDcServer; dir: string }>('network-strategy commands', {
  fake: undefined as unknown as FakeDcServer,
  dir: '',
})

Commands.before.each(async (ctx) => {
  ctx.fake = await startFakeDcServer()
  ctx.dir = await mkdtemp(join(tmpdir(), 'dc-cli-strategy-'))
})
Commands.after.each(async (ctx) => {
  await ctx.fake.close()
  await rm(ctx.dir, { recursive: true, force: true })
})

const PLAN = `add:
  oam:             { allocate_from: 10.64.0.0/12, prefix: 24 }
  cluster-host:    { allocate_from: 10.128.0.0/12, prefix: 24 }
  cluster-pod:     { subnet: 172.16.0.0/16 }
  cluster-service: { subnet: 10.96.0.0/12 }
`

Commands(
  'network-strategy create - sends the plan text and the scope, shows the strategy',
  async ({ fake, dir }) => {
    const plan = join(dir, 'plan.yaml')
    await writeFile(plan, PLAN)
    fake.strategies.push(networkStrategy('initial', { initial: 2, refused: 1 }))
    const out = await dcmanager(fake, [
      'network-strategy',
      'create',
      '--plan',
      plan,
      '--stop-on-failure',
      '-f',
      'value',
      '-c',
      'state',
      '-c',
      'refused steps',
    ])
    assert.equal(out, { code: 0, stdout: 'initial\n1\n', stderr: '' })
    const request = fake.calls.find((c) => c.method === 'CreateNetworkStrategy')?.request as Record<
      string,
      unknown
    >
    assert.is(request['plan_yaml'], PLAN)
    assert.is(request['stop_on_failure'], true)
  },
)

Commands(
  'network-strategy create - a missing, directory or oversized plan is refused before anything is sent',
  async ({ fake, dir }) => {
    const create = (path: string) => dcmanager(fake, ['network-strategy', 'create', '--plan', path])
    assert.equal(await create(join(dir, 'none.yaml')), {
      code: 1,
      stdout: '',
      stderr: `--plan does not exist: ${join(dir, 'none.yaml')}\n`,
    })
    assert.equal(await create(dir), {
      code: 1,
      stdout: '',
      stderr: `--plan is a directory, not a file: ${dir}\n`,
    })
    const big = join(dir, 'big.yaml')
    await writeFile(big, `remove: [${'oam, '.repeat(60_000)}oam]\n`)
    const out = await create(big)
    assert.is(out.code, 1)
    assert.match(
      out.stderr,
      /^--plan .*big\.yaml is \d+ bytes; a plan file holds at most 256 KiB \(262144 bytes\)\n$/,
    )
    assert.equal(fake.calls, [])
  },
)

Commands("network-strategy show - the controller's refusal is one line, exit status 1", async ({ fake }) => {
  assert.equal(await dcmanager(fake, ['network-strategy', 'show']), {
    code: 1,
    stdout: '',
    stderr: 'Network strategy not found\n',
  })
})

// The strategy as the fake serves it poll after poll: a repeated answer prints no new line.
function applying(fake: FakeDcServer, end: 'complete' | 'failed'): void {
  fake.strategies.push(
    networkStrategy('applying', { initial: 2 }),
    networkStrategy('applying', { 'applying change': 1, initial: 1 }),
    networkStrategy('applying', { 'applying change': 1, initial: 1 }),
    networkStrategy('applying', { complete: 1, 'wait for in-sync': 1 }),
    end === 'complete'
      ? networkStrategy('complete', { complete: 2 })
      : networkStrategy('failed', { complete: 1, failed: 1 }, { details: 'a step failed' }),
  )
}

Commands(
  'network-strategy apply --wait - plain lines on change, then the final table, exit 0',
  async ({ fake }) => {
    applying(fake, 'complete')
    const out = await dcmanager(fake, ['network-strategy', 'apply', '--wait', '-f', 'value', '-c', 'state'])
    assert.equal(out, {
      code: 0,
      stdout: 'complete\n',
      stderr: [
        '0/2 complete  0 failed  0 in progress  state applying',
        '0/2 complete  0 failed  1 in progress  state applying',
        '1/2 complete  0 failed  1 in progress  state applying',
        '2/2 complete  0 failed  0 in progress  state complete',
        '',
      ].join('\n'),
    })
    assert.equal(
      fake.calls.map((c) => c.method),
      ['ApplyNetworkStrategy', ...Array.from({ length: 5 }, () => 'GetNetworkStrategy')],
    )
  },
)

Commands(
  'network-strategy apply --wait - on a terminal the bar is redrawn in place and its line ended',
  async ({ fake }) => {
    applying(fake, 'complete')
    const out = await dcmanager(fake, ['network-strategy', 'apply', '--wait', '-f', 'value', '-c', 'state'], {
      interactive: true,
    })
    assert.is(out.code, 0)
    const redraws = out.stderr.split('\r').slice(1)
    assert.is(redraws.length, 6, 'the first answer, then one redraw per poll')
    assert.is(redraws[0], '[................] 0/2 complete  0 failed  0 in progress  state applying\x1b[K')
    assert.is(
      redraws.at(-1),
      `[${'#'.repeat(16)}] 2/2 complete  0 failed  0 in progress  state complete\x1b[K\n`,
    )
  },
)

Commands(
  'network-strategy apply --wait - a failed strategy shows its table, names the failed steps, exit 1',
  async ({ fake }) => {
    applying(fake, 'failed')
    fake.steps.push(
      strategyStep('subcloud1', 'complete'),
      strategyStep('subcloud2', 'failed', { details: 'pre-check: subcloud2 is offline' }),
    )
    const out = await dcmanager(fake, ['network-strategy', 'apply', '--wait', '-f', 'value', '-c', 'state'])
    assert.is(out.code, 1)
    assert.is(out.stdout, 'failed\n')
    assert.match(
      out.stderr,
      /state failed\nNetwork strategy failed: a step failed\nsubcloud2: pre-check: subcloud2 is offline\n$/,
    )
  },
)

Commands(
  'network-strategy apply --wait - an unknown -c column of the final table is a usage error',
  async ({ fake }) => {
    fake.strategies.push(networkStrategy('aborted', { aborted: 1 }))
    const out = await dcmanager(fake, ['network-strategy', 'apply', '--wait', '-c', 'bogus'])
    assert.is(out.code, 2)
    assert.is(out.stdout, '')
    assert.match(out.stderr, "dcmanager network-strategy apply: error: No column named 'bogus'")
  },
)

Commands(
  'network-strategy show - without --wait a failed strategy is just shown, exit 0',
  async ({ fake }) => {
    fake.strategies.push(networkStrategy('failed', { failed: 1 }))
    const out = await dcmanager(fake, ['network-strategy', 'show', '-f', 'value', '-c', 'state'])
    assert.equal(out, { code: 0, stdout: 'failed\n', stderr: '' })
  },
)

Commands('network-strategy show --wait - Ctrl-C stops the waiting, not the strategy', async ({ fake }) => {
  fake.strategies.push(networkStrategy('applying', { 'applying change': 1 }))
  const interrupt = new AbortController()
  const out = await dcmanager(fake, ['network-strategy', 'show', '--wait'], {
    signal: interrupt.signal,
    onStderr: () => interrupt.abort(),
  })
  assert.is(out.code, 1)
  assert.is(out.stdout, '')
  assert.match(
    out.stderr,
    "Stopped waiting; the network strategy goes on (state applying): 'dcmanager network-strategy show --wait' follows it again\n",
  )
  assert.not.ok(fake.calls.some((c) => c.method === 'AbortNetworkStrategy'))
})

Commands(
  'strategy-step list and show - ask for skipped steps only with --include-skipped',
  async ({ fake }) => {
    fake.steps.push(
      strategyStep('subcloud1', 'initial'),
      strategyStep('subcloud3', 'skipped', { details: 'already dual-stack' }),
    )
    const list = (argv: readonly string[]) =>
      dcmanager(fake, ['strategy-step', 'list', ...argv, '-f', 'value', '-c', 'cloud', '-c', 'details'])
    assert.is((await list([])).stdout, 'subcloud1 None\n')
    assert.is((await list(['--include-skipped'])).stdout, 'subcloud1 None\nsubcloud3 already dual-stack\n')
    const show = await dcmanager(fake, ['strategy-step', 'show', 'subcloud3', '-f', 'value', '-c', 'state'])
    assert.equal(show, { code: 0, stdout: 'skipped\n', stderr: '' })
    assert.equal(
      (await dcmanager(fake, ['strategy-step', 'show', 'nope'])).stderr,
      'Strategy step nope not found\n',
    )
  },
)

Commands(
  'dcmanager help and completion - list the strategy commands from the command table',
  async ({ fake }) => {
    const help = await dcmanager(fake, ['help', 'network-strategy', 'create'])
    assert.match(help.stdout, /^usage: dcmanager network-strategy create --plan <file> .*\[<subcloud>\]\n/)
    const completion = await dcmanager(fake, ['completion', 'bash'])
    assert.match(completion.stdout, "'network-strategy') words='create show apply abort delete'")
    assert.match(completion.stdout, "'strategy-step') words='list show'")
  },
)

Commands.run()
