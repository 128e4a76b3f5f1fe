import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { status } from '@grpc/grpc-js'
import type { ServiceError } from '@grpc/grpc-js'
import fc from 'fast-check'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { DescribeResponse__Output } from '@dc/protos'
import { freePort, makeTempDir, removeTempDir, runNode, spawnNode } from '../support/index.js'
import type { CommandResult } from '../support/index.js'
import {
  CONTROLLER_VALUES,
  startTestAgent,
  startTestController,
  subcloudValues,
  unary,
  valuesYaml,
} from '../controller/controller-harness.js'
import type { TestAgent, TestController } from '../controller/controller-harness.js'
import { startAgent } from '../agent/agent-process.js'
import type { AgentProcess } from '../agent/agent-process.js'
import { DUAL_STACK_VALUES } from '../agent/seed-values.js'

// Unquoted passwords that start with each YAML indicator character, in bootstrap values given to
// the controller (subcloud add, its own --bootstrap-values) and to the agent (Bootstrap, its own
// --bootstrap-values). Whatever each one does (refused, or read as text or a comment), no part
// of any password may appear in an error, a log line, or show or list output.

/** Every character YAML gives a meaning at the start of a plain value (YAML 1.2, 5.3). */
const INDICATORS = [
  '-',
  '?',
  ':',
  ',',
  '[',
  ']',
  '{',
  '}',
  '#',
  '&',
  '*',
  '!',
  '|',
  '>',
  "'",
  '"',
  '%',
  '@',
  '`',
]
/** Indicators after which the value is still a string or a comment, so the document is accepted. */
const ACCEPTED = new Set(['-', '?', ':', '#'])
const SECRET_KEYS = ['admin_password', 'sysadmin_password', 'ansible_become_pass', 'bmc_password']
const SEED = 110011
const PASSWORDS_PER_INDICATOR = 3

/** `Pw` and random letters and digits: what follows the indicator, the part searched for. */
const passwordBodies = fc.sample(fc.stringMatching(/^[A-Za-z0-9]{12,18}$/), {
  numRuns: INDICATORS.length * PASSWORDS_PER_INDICATOR,
  seed: SEED,
})

interface Secret {
  readonly indicator: string
  readonly key: string
  /** The password without its indicator. */
  readonly body: string
}

// Refused documents first: once one is accepted, a subcloud or an agent is bootstrapped and later
// calls may be refused before their values are even read.
const SECRETS: readonly Secret[] = [...INDICATORS]
  .sort((a, b) => Number(ACCEPTED.has(a)) - Number(ACCEPTED.has(b)))
  .flatMap((indicator, i) =>
    Array.from({ length: PASSWORDS_PER_INDICATOR }, (_, n) => ({
      indicator,
      key: SECRET_KEYS[(i + n) % SECRET_KEYS.length] ?? 'admin_password',
      body: `Pw${passwordBodies[i * PASSWORDS_PER_INDICATOR + n] ?? ''}`,
    })),
  )

/** `values` as YAML with every value quoted, then the password line unquoted, as an operator typed it. */
function withSecret(values: string, secret: Secret): string {
  const kept = values
    .split('\n')
    .filter((line) => !line.startsWith(`${secret.key}:`))
    .join('\n')
  return `${kept.trimEnd()}\n${secret.key}: ${secret.indicator}${secret.body}\n`
}

/** The first secret any of `lines` holds, with the line. */
function leak(lines: readonly string[], secrets: readonly Secret[] = SECRETS): string | undefined {
  for (const secret of secrets) {
    const line = lines.find((l) => l.includes(secret.body))
    if (line !== undefined) return `${secret.indicator}${secret.body} (${secret.key}) in: ${line}`
  }
  return undefined
}

async function bounded<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items]
  await Promise.all(
    Array.from({ length: limit }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await fn(item)
    }),
  )
}

interface Ctx {
  dir: string
  controller: TestController | undefined
  subcloudAgent: TestAgent | undefined
  agent: AgentProcess | undefined
  /** Everything a process or a call printed or answered, searched at the end. */
  seen: string[]
  /** Errors that must name the key and the line, one per refused secret. */
  errors: [Secret, string][]
  /** Secrets accepted that should have been refused, or the reverse; checked once all ran. */
  surprises: string[]
}

function expect(c: Ctx, accepted: boolean, secret: Secret, answer: string): void {
  if (accepted !== ACCEPTED.has(secret.indicator)) {
    c.surprises.push(`${secret.indicator} ${accepted ? 'accepted' : 'refused'}: ${answer}`)
  }
}

const test = suite<Ctx>('secret fuzz', {
  dir: '',
  controller: undefined,
  subcloudAgent: undefined,
  agent: undefined,
  seen: [],
  errors: [],
  surprises: [],
})

test.before(async (c) => {
  c.dir = await makeTempDir('dct-secret-fuzz-')
  await mkdir(join(c.dir, 'controller'))
  c.subcloudAgent = await startTestAgent(['::1'], join(c.dir, 'subcloud-agent'))
  c.controller = await startTestController({ dataDir: join(c.dir, 'controller') })
  c.agent = await startAgent({ stateDir: join(c.dir, 'agent') })
})

test.after(async (c) => {
  await c.controller?.stop()
  await c.subcloudAgent?.stop()
  await c.agent?.close()
  if (c.dir !== '') await removeTempDir(c.dir)
})

test('secret fuzz - the passwords cover every YAML indicator', () => {
  assert.equal(new Set(SECRETS.map((s) => s.indicator)).size, 19)
  assert.ok(SECRETS.every((s) => s.body.length >= 14))
})

test('secret fuzz - dcmanager subcloud add, then show and list', async (c) => {
  const controller = c.controller
  const address = c.subcloudAgent?.addresses[0]
  if (controller === undefined || address === undefined) throw new Error('not started')
  const cli = async (args: readonly string[]): Promise<CommandResult> => {
    const result = await runNode('dcmanager', ['--url', controller.address, ...args], { timeoutMs: 120_000 })
    c.seen.push(result.stdout, result.stderr)
    return result
  }
  const added: string[] = []
  // One add per indicator through the CLI (its error line is what an operator sees), the other
  // passwords straight over gRPC.
  await bounded([...SECRETS.entries()], 3, async ([i, secret]) => {
    const name = `fuzz${i}`
    const yaml = withSecret(valuesYaml(subcloudValues(20 + i, 'ipv6', name)), secret)
    if (i % PASSWORDS_PER_INDICATOR === 0) {
      const file = join(c.dir, `${name}.yml`)
      await writeFile(file, yaml)
      const result = await cli([
        'subcloud',
        'add',
        '--bootstrap-address',
        address,
        '--bootstrap-values',
        file,
      ])
      if (result.code === 0) added.push(name)
      else c.errors.push([secret, result.stderr])
      expect(c, result.code === 0, secret, result.stderr)
      return
    }
    const refusal = await unary((o, cb) =>
      controller.dcManager.AddSubcloud({ bootstrap_address: address, bootstrap_values_yaml: yaml }, o, cb),
    ).then(
      () => undefined,
      (err: unknown) => err as ServiceError,
    )
    if (refusal === undefined) {
      added.push(name)
    } else {
      c.seen.push(String(refusal.details), String(refusal.message))
      c.errors.push([secret, String(refusal.details)])
      if (refusal.code !== status.INVALID_ARGUMENT)
        c.surprises.push(`${secret.indicator}: ${refusal.details}`)
    }
    expect(c, refusal === undefined, secret, refusal?.details ?? '')
  })
  assert.ok(added.length > 0, 'an accepted password reached a stored subcloud')
  for (const args of [
    ['subcloud', 'list', '-f', 'json'],
    ['subcloud', 'list', '--detail', '-f', 'yaml'],
    ['subcloud', 'list'],
    ...added.flatMap((name) => [
      ['subcloud', 'show', name, '--detail', '-f', 'json'],
      ['subcloud', 'show', name, '--detail'],
      ['subcloud', 'errors', name],
    ]),
  ]) {
    const result = await cli(args)
    assert.is(result.code, 0, `${args.join(' ')}: ${result.stderr}`)
  }
})

test('secret fuzz - dc-agent Bootstrap, then Describe', async (c) => {
  const agent = c.agent
  if (agent === undefined) throw new Error('not started')
  for (const secret of SECRETS) {
    try {
      await unary((o, cb) =>
        agent
          .agent()
          .Bootstrap(
            { values_yaml: withSecret(DUAL_STACK_VALUES, secret), epoch: '1', controller_id: 'ctl-fuzz' },
            o,
            cb,
          ),
      )
    } catch (err) {
      const e = err as ServiceError
      c.seen.push(String(e.details), String(e.message))
      if (!ACCEPTED.has(secret.indicator)) c.errors.push([secret, String(e.details)])
    }
  }
  const described = await unary<DescribeResponse__Output>((o, cb) => agent.agent().Describe({}, o, cb))
  c.seen.push(JSON.stringify(described))
  assert.ok(described.bootstrapped, 'an accepted password bootstrapped the agent')
})

/** Start `program` with its own values file holding `secret`; refused or ready, keep what it printed. */
async function startWithValues(
  c: Ctx,
  program: 'dc-controller' | 'dc-agent',
  secret: Secret,
  index: number,
): Promise<void> {
  const dir = join(c.dir, `${program}-${index}`)
  await mkdir(dir)
  const values = join(dir, 'values.yml')
  const base = program === 'dc-controller' ? valuesYaml(CONTROLLER_VALUES) : DUAL_STACK_VALUES
  await writeFile(values, withSecret(base, secret))
  for (let attempt = 1; ; attempt++) {
    const args =
      program === 'dc-controller'
        ? [
            '--listen',
            `127.0.0.1:${await freePort('127.0.0.1')}`,
            '--bootstrap-values',
            values,
            '--data-dir',
            dir,
          ]
        : ['--listen', `[::1]:${await freePort('::1')}`, '--state-dir', dir, '--bootstrap-values', values]
    let output: string
    let ready = false
    try {
      const started = await spawnNode(program, args, {
        readyPattern: new RegExp(`^${program} listening on `),
        readyTimeoutMs: 120_000,
        env: { DATABASE_URL: '' },
      })
      ready = true
      await started.stop('SIGTERM')
      output = started.output()
    } catch (err) {
      output = String(err)
    }
    c.seen.push(output)
    // A port taken between probing and binding: try another.
    if (!ready && /EADDRINUSE/.test(output) && attempt < 3) continue
    if (!ready) c.errors.push([secret, output])
    expect(c, ready, secret, `${program}: ${output}`)
    return
  }
}

test('secret fuzz - dc-controller and dc-agent --bootstrap-values files', async (c) => {
  const firsts = SECRETS.filter((_, i) => i % PASSWORDS_PER_INDICATOR === 0)
  await bounded([...firsts.entries()], 3, async ([i, secret]) => {
    await startWithValues(c, 'dc-controller', secret, i)
    await startWithValues(c, 'dc-agent', secret, i)
  })
})

test('secret fuzz - each refusal names the key and the line, and says to quote', (c) => {
  assert.equal(c.surprises, [])
  assert.ok(c.errors.length >= (INDICATORS.length - ACCEPTED.size) * 4, `${c.errors.length} refusals`)
  for (const [secret, error] of c.errors) {
    assert.match(error, new RegExp(`${secret.key} \\(line \\d+, column \\d+\\)`), error)
    assert.match(error, /quote|more than once/, error)
    assert.not.match(error, /"stack"|\n\s+at /, `a stack trace: ${error}`)
  }
})

test('secret fuzz - no password in any error, log line, show or list output', (c) => {
  const sources: [string, readonly string[]][] = [
    ['calls and commands', c.seen.flatMap((text) => text.split('\n'))],
    ['dc-controller', c.controller?.process.lines() ?? []],
    ['the subcloud agent', c.subcloudAgent?.process.lines() ?? []],
    ['dc-agent', c.agent?.process.lines() ?? []],
  ]
  for (const [source, lines] of sources) {
    assert.ok(lines.length > 0, `${source} printed nothing to search`)
    const found = leak(lines)
    assert.is(found, undefined, `${source} printed a password: ${found ?? ''}`)
  }
})

test.run()
