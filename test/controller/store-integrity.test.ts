import { cp, mkdir, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { AddressPoolMutation__Output, ListSubcloudGroupsResponse__Output } from '@dc/protos'
import { makeTempDir, removeTempDir, runNode } from '../support/index.js'
import type { CommandResult } from '../support/index.js'
import {
  CONTROLLER_VALUES,
  regionMetadata,
  startTestAgent,
  startTestController,
  subcloudValues,
  unary,
  valuesYaml,
} from './controller-harness.js'
import type { TestAgent, TestController } from './controller-harness.js'

interface Ctx {
  dir: string
  controller: TestController | undefined
  agent: TestAgent | undefined
}

const test = suite<Ctx>('dc-controller store integrity, one writer, backup and restore', {
  dir: '',
  controller: undefined,
  agent: undefined,
})

/** Groups added so that subcloud_groups spans several pages, as the probe's 883 subclouds did. */
const GROUPS = 300
const DAMAGE_SCRIPT = 'packages/system-controller/test/damage-store.ts'

const dataDir = (c: Ctx, name: string): string => join(c.dir, name)

function running(c: Ctx): TestController {
  if (c.controller === undefined) throw new Error('no controller')
  return c.controller
}

async function groupCount(controller: TestController): Promise<number> {
  const { subcloud_groups } = await unary<ListSubcloudGroupsResponse__Output>((o, cb) =>
    controller.dcManager.ListSubcloudGroups({}, o, cb),
  )
  return subcloud_groups.length
}

async function addGroups(controller: TestController): Promise<void> {
  for (let i = 0; i < GROUPS; i++) {
    await unary((o, cb) => controller.dcManager.AddSubcloudGroup({ name: `group-${i}` }, o, cb))
  }
}

/**
 * A controller start that must be refused: it exits non-zero with exactly one line on stderr. A
 * controller that starts instead is killed at the timeout and fails the assertions.
 */
async function refusedStart(c: Ctx, dir: string): Promise<CommandResult> {
  const values = join(c.dir, 'controller-values.yml')
  await writeFile(values, valuesYaml(CONTROLLER_VALUES))
  const result = await runNode(
    'dc-controller',
    ['--listen', '127.0.0.1:1', '--bootstrap-values', values, '--data-dir', dir, '--log-level', 'error'],
    { env: { DATABASE_URL: '' }, timeoutMs: 60_000 },
  )
  assert.is(result.code, 1, `exit code; output: ${result.stdout}${result.stderr}`)
  assert.not.match(result.stdout, /listening/)
  const lines = result.stderr.trimEnd().split('\n')
  assert.is(lines.length, 1, `one line, got: ${result.stderr}`)
  assert.not.match(result.stderr, /\n\s+at /)
  return result
}

test.before(async (c) => {
  c.dir = await makeTempDir('dct-store-integrity-')
  await mkdir(dataDir(c, 'a'), { recursive: true })
  c.controller = await startTestController({ dataDir: dataDir(c, 'a') })
})

test.after(async (c) => {
  await c.controller?.stop()
  await c.agent?.stop()
  if (c.dir !== '') await removeTempDir(c.dir)
})

test('a second controller on the same --data-dir refuses to start, naming the holder', async (c) => {
  const holder = running(c)
  const { stderr } = await refusedStart(c, dataDir(c, 'a'))
  assert.match(
    stderr,
    new RegExp(
      `^dc-controller: Data directory .* is in use by another dc-controller \\(pid ${holder.process.pid}, host `,
    ),
  )
  assert.is(await groupCount(holder), 1, 'the holder still answers')
})

test('kill -9 leaves no stale lock: the controller starts again on its directory with its data', async (c) => {
  const controller = running(c)
  c.agent = await startTestAgent(['::1'], join(c.dir, 'agent'))
  await controller.addSubcloud(c.agent.addresses[0] ?? '', subcloudValues(1, 'ipv6'))
  await controller.waitFor('subcloud1', (s) => s.availability_status === 'online', 'online', 90_000)
  await addGroups(controller)
  await controller.kill9()
  c.controller = await startTestController({ dataDir: dataDir(c, 'a') })
  assert.is(await groupCount(c.controller), GROUPS + 1)
  await c.controller.waitFor('subcloud1', (s) => s.availability_status === 'online', 'online again', 90_000)
})

test('backup while the controller runs; a restored controller takes its agent back untouched', async (c) => {
  const controller = running(c)
  const file = join(c.dir, 'a.backup')
  const backup = await runNode('dc-controller', ['backup', '--data-dir', dataDir(c, 'a'), '--out', file], {
    timeoutMs: 120_000,
  })
  const agent = c.agent
  if (agent === undefined) throw new Error('no agent')
  const before = await agent.describe()
  // Stopped whatever the backup did: the tests after this one copy its directory.
  await controller.stop()
  c.controller = undefined
  assert.is(backup.code, 0, backup.stderr)
  assert.match(backup.stdout, /^backup of .* written to /)

  const restore = await runNode('dc-controller', ['restore', '--from', file, '--data-dir', dataDir(c, 'b')])
  assert.is(restore.code, 0, restore.stderr)
  assert.match(restore.stdout, new RegExp(`^restored system ${before.controller_id} `))
  const again = await runNode('dc-controller', ['restore', '--from', file, '--data-dir', dataDir(c, 'b')])
  assert.is(again.code, 1)
  assert.match(again.stderr, /is not empty; restore into a new directory/)

  c.controller = await startTestController({ dataDir: dataDir(c, 'b') })
  const restored = c.controller
  assert.is(await groupCount(restored), GROUPS + 1)
  await restored.waitFor(
    'subcloud1',
    (s) => s.availability_status === 'online',
    'online after restore',
    90_000,
  )
  // A change pushed to the agent is accepted: the restored controller is the one that holds its epoch.
  const added = await unary<AddressPoolMutation__Output>((o, cb) =>
    restored.platform.AddAddressPool(
      { name: 'storage-ipv6', network: 'fd05:11::', prefix: 64, order: 'random', ranges: [] },
      regionMetadata('subcloud1'),
      o,
      cb,
    ),
  )
  assert.is(added.address_pool?.name, 'storage-ipv6')
  const after = await agent.describe()
  assert.is(after.controller_id, before.controller_id)
  assert.is(String(after.epoch), String(before.epoch))
  await restored.stop()
  c.controller = undefined
})

test('a data directory whose database lost PG_VERSION is refused, never initialised over', async (c) => {
  // A store of its own, stopped cleanly, that the damage tests copy too.
  await mkdir(dataDir(c, 'pristine'))
  const pristine = await startTestController({ dataDir: dataDir(c, 'pristine') })
  await addGroups(pristine)
  await pristine.stop()
  const dir = dataDir(c, 'no-pg-version')
  await cp(dataDir(c, 'pristine'), dir, { recursive: true })
  await unlink(join(dir, 'pglite', 'PG_VERSION'))
  const { stderr } = await refusedStart(c, dir)
  assert.match(stderr, /missing or damaged \(no PG_VERSION\); refusing to initialise/)
})

for (const damage of [
  'zero-table-page',
  'garbage-table-page',
  'truncate-table',
  'truncate-primary-key',
] as const) {
  test(`a store with ${damage} of subcloud_groups is refused at start with one line`, async (c) => {
    const dir = dataDir(c, damage)
    await cp(dataDir(c, 'pristine'), dir, { recursive: true })
    const damaged = await runNode(DAMAGE_SCRIPT, [dir, 'subcloud_groups', damage])
    assert.is(damaged.code, 0, damaged.stderr)
    const { stderr } = await refusedStart(c, dir)
    assert.match(
      stderr,
      /^dc-controller: The store is damaged: (table subcloud_groups|index subcloud_groups_\w+ of table subcloud_groups)/,
    )
  })
}

test.run()
