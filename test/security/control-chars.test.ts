import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { makeTempDir, removeTempDir, runNode } from '../support/index.js'
import type { CommandResult } from '../support/index.js'
import { startTestController } from '../controller/controller-harness.js'
import type { TestController } from '../controller/controller-harness.js'
import { startAgent, unary } from '../agent/agent-process.js'
import type { AgentProcess } from '../agent/agent-process.js'
import { IPV6_SINGLE_STACK_VALUES } from '../agent/seed-values.js'

// The probe's repros through the real CLI against the real processes: a control character in a
// name is refused with a line naming the field, nothing is created, and nothing the CLI prints
// holds a raw control byte.

// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/

interface Ctx {
  dir: string
  agent: AgentProcess | undefined
  controller: TestController | undefined
}

const test = suite<Ctx>('control characters', { dir: '', agent: undefined, controller: undefined })

test.before(async (c) => {
  c.dir = await makeTempDir('dct-control-chars-')
  c.agent = await startAgent({ stateDir: join(c.dir, 'agent') })
  const agent = c.agent
  await unary((o, cb) =>
    agent.agent().Bootstrap({ values_yaml: IPV6_SINGLE_STACK_VALUES, epoch: '0', controller_id: '' }, o, cb),
  )
  c.controller = await startTestController({ dataDir: c.dir })
})

test.after(async (c) => {
  await c.controller?.stop()
  await c.agent?.close()
  if (c.dir !== '') await removeTempDir(c.dir)
})

function cli(program: string, url: string, args: readonly string[]): Promise<CommandResult> {
  return runNode(program, ['--url', url, ...args], { timeoutMs: 120_000, env: { OS_REGION_NAME: '' } })
}

function assertNoRawControl(result: CommandResult, what: string): void {
  assert.not.match(result.stdout, RAW_CONTROL, `${what} stdout`)
  assert.not.match(result.stderr, RAW_CONTROL, `${what} stderr`)
}

test("control characters - system addrpool-add $'p\\x01x' is refused by the agent, naming the field", async (c) => {
  const url = c.agent?.v6 ?? ''
  for (const name of ['p\u0001x', 'p\u001b[31mx', 'p\u202ex']) {
    const refused = await cli('system', url, ['addrpool-add', name, 'fd10::', '64'])
    assert.is(refused.code, 1, refused.stdout)
    assert.match(
      refused.stderr,
      /Invalid request: name: must not contain control or bidirectional formatting characters/,
      refused.stderr,
    )
    assertNoRawControl(refused, name)
  }
  const listed = await cli('system', url, ['addrpool-list', '-f', 'value', '-c', 'name'])
  assert.is(listed.code, 0, listed.stderr)
  assert.match(listed.stdout, /^pxeboot$/m, 'the list is not empty')
  assert.not.match(listed.stdout, /^p(\\|[^x])/m, 'no pool was created')
  assertNoRawControl(listed, 'addrpool-list')
})

test('control characters - a subcloud group name with a newline or an escape is refused by the controller', async (c) => {
  const url = c.controller?.address ?? ''
  for (const name of ['g1\n| 2 | forged', 'g\u001b[2Jx', 'g\u0085x']) {
    const refused = await cli('dcmanager', url, ['subcloud-group', 'add', '--name', name])
    assert.is(refused.code, 1, refused.stdout)
    assert.match(
      refused.stderr,
      /name invalid: must not contain control or bidirectional formatting characters/,
      refused.stderr,
    )
    assertNoRawControl(refused, JSON.stringify(name))
  }
  const listed = await cli('dcmanager', url, ['subcloud-group', 'list', '-f', 'value', '-c', 'name'])
  assert.is(listed.code, 0, listed.stderr)
  assert.is(listed.stdout, 'Default\n')
})

test.run()
