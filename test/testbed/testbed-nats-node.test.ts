// Geo-redundancy on the testbed's three-node NATS cluster: one node killed while site A changes a
// member of its peer group; the change still reaches site B, and nothing is lost once the node is
// back.
import { join } from 'node:path'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { loadTopology, type SubcloudSite } from '@dc/testbed'
import { repoRoot, waitFor } from '../support/index.js'
import { newTestbed, unavailableReason, type TestbedRun } from './testbed-harness.js'

const topology = await loadTopology(join(repoRoot, 'testbed', 'topology.yml'))
const SUBCLOUDS = 2
const members = topology.sites
  .filter((s): s is SubcloudSite => s.role === 'subcloud' && s.expect === 'accepted')
  .slice(0, SUBCLOUDS)
const controllerOf = (site: string): string => {
  const found = topology.sites.find((s) => s.name === site)
  return `[${found?.link.ipv6.address ?? ''}]:${topology.ports.controller}`
}

let testbed: TestbedRun

/** What site B's controller holds of the members: name and description. */
async function membersOnB(): Promise<Record<string, string>> {
  const probe = await testbed.probe('site-b', controllerOf('site-b'))
  return Object.fromEntries(probe.subclouds.map((s) => [s.name, s.description]))
}

const reason = await unavailableReason()
if (reason !== undefined) {
  process.stdout.write(`testbed tests skipped: ${reason}\n`)
} else {
  testbed = await newTestbed('nats')

  test('a member change on A reaches B while a NATS node is down, and nothing is lost when it returns', async () => {
    const up = await testbed.cli(['up', '--subclouds', String(SUBCLOUDS)])
    assert.is(up.code, 0, `up failed:\n${up.stdout}\n${up.stderr}`)
    await waitFor(async () => Object.keys(await membersOnB()).length === SUBCLOUDS || undefined, {
      timeoutMs: 120_000,
      message: 'both members copied to site B',
    })
    const [first, second] = members.map((m) => m.systemName)
    // The witness's node dies while A changes a member: the other two nodes keep the majority.
    const [killed, changed] = await Promise.all([
      testbed.cli(['kill', 'witness/nats']),
      testbed.cli([
        'run',
        'site-a',
        '--',
        'dcmanager',
        'subcloud',
        'update',
        first!,
        '--description',
        'during-kill',
      ]),
    ])
    assert.is(killed.code, 0, killed.stderr)
    assert.is(changed.code, 0, changed.stderr)
    await waitFor(async () => (await membersOnB())[first!] === 'during-kill' || undefined, {
      timeoutMs: 120_000,
      message: `${first} changed on B with the witness's NATS node down`,
    })
    const started = await testbed.cli(['start', 'witness/nats'])
    assert.is(started.code, 0, started.stderr)
    const after = await testbed.cli([
      'run',
      'site-a',
      '--',
      'dcmanager',
      'subcloud',
      'update',
      second!,
      '--description',
      'after-restart',
    ])
    assert.is(after.code, 0, after.stderr)
    const onB = await waitFor(
      async () => {
        const held = await membersOnB()
        return held[second!] === 'after-restart' ? held : undefined
      },
      { timeoutMs: 120_000, message: `${second} changed on B after the node returned` },
    )
    assert.equal(onB, { [first!]: 'during-kill', [second!]: 'after-restart' })
    const down = await testbed.cli(['down'])
    assert.is(down.code, 0, down.stderr)
  })
}

test.run()
