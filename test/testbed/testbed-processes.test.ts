// The testbed's processes: `status` shows them and the subclouds, `kill`/`start` of an agent takes
// its subcloud offline and back, and geo-redundancy on the three-node NATS cluster: one node killed
// while site A changes a member of its peer group; the change still reaches site B, and nothing is
// lost once the node is back.
import { join } from 'node:path'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { loadTopology, type SubcloudSite } from '@dc/testbed'
import { repoRoot, waitFor } from '../support/index.js'
import { availabilityAt, newTestbed, unavailableReason, type TestbedRun } from './testbed-harness.js'

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

  test('status: sites with both addresses, every process running, the subclouds of each controller', async () => {
    const up = await testbed.cli(['up', '--subclouds', String(SUBCLOUDS)])
    assert.is(up.code, 0, `up failed: ${up.stderr}\nits progress:\n${up.stdout}`)
    const status = await testbed.cli(['status'])
    assert.is(status.code, 0, status.stderr)
    assert.match(status.stdout, /site-a +central +ipv6 fd10:0:1::2\/64 +ipv4 192\.0\.2\.2\/28/)
    for (const name of [
      'site-a/postgres',
      'site-b/nats',
      'witness/nats',
      'site-b/controller',
      `${members[0]?.name}/agent`,
    ]) {
      assert.match(status.stdout, new RegExp(`${name} +running +pid \\d+`))
    }
    assert.match(
      status.stdout,
      new RegExp(`subclouds on site-a:\\n +${members[0]?.systemName} +online +managed +in-sync`),
    )
    assert.match(status.stdout, /refused: subcloud4: .*IPv4/)
  })

  test('kill and start an agent: the subcloud goes offline and returns', async () => {
    const site = members[0]!
    const killed = await testbed.cli(['kill', site.name])
    assert.is(killed.code, 0, killed.stderr)
    const killedAt = Date.now()
    await waitFor(
      () =>
        availabilityAt(testbed.log('site-a', 'controller'), site.systemName, 'offline', killedAt - 30_000),
      {
        timeoutMs: 60_000,
        message: `${site.systemName} offline after its agent was killed`,
      },
    )
    const started = await testbed.cli(['start', `${site.name}/agent`])
    assert.is(started.code, 0, started.stderr)
    await waitFor(
      () => availabilityAt(testbed.log('site-a', 'controller'), site.systemName, 'online', killedAt),
      {
        timeoutMs: 60_000,
        message: `${site.systemName} online after its agent started again`,
      },
    )
  })

  test('a member change on A reaches B while a NATS node is down, and nothing is lost when it returns', async () => {
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
