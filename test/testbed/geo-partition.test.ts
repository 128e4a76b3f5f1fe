// Geo-redundancy under a real partition on the namespace testbed: site A (leading the peer group)
// is cut off from site B and the witness, so B and the witness hold the NATS majority while A still
// reaches its subclouds. Both controllers keep forwarding mutating `system` calls to a subcloud all
// along; the agents' own records (their logs of claims and applied changes, with epoch and
// controller id) must never show two controllers obeyed in one epoch.
import { join } from 'node:path'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { loadTopology, type SubcloudSite } from '@dc/testbed'
import { repoRoot, runCommand, waitFor } from '../support/index.js'
import { newTestbed, unavailableReason, type TestbedRun } from './testbed-harness.js'

const topology = await loadTopology(join(repoRoot, 'testbed', 'topology.yml'))
const SUBCLOUDS = 2
const members = topology.sites
  .filter((s): s is SubcloudSite => s.role === 'subcloud' && s.expect === 'accepted')
  .slice(0, SUBCLOUDS)
const target = members[0]!
const controllerOf = (site: string): string => {
  const found = topology.sites.find((s) => s.name === site)
  return `[${found?.link.ipv6.address ?? ''}]:${topology.ports.controller}`
}
/** Detection (3 heartbeats), the maintenance timeout, a NATS election, the rehome: well inside this. */
const FAILOVER_WITHIN_MS = 180_000

/** The agent's log lines that record a controller call it obeyed, each with epoch and controller id. */
const ACCEPTED = new Set(['bootstrapped', 'claimed by a controller', 'applied a controller change'])

/** One record an agent keeps of a controller call it obeyed. */
interface Accepted {
  readonly agent: string
  readonly atMs: number
  readonly epoch: bigint
  readonly controllerId: string
  readonly what: string
}

function acceptedCalls(testbed: TestbedRun, agent: string): Accepted[] {
  const out: Accepted[] = []
  for (const line of testbed.log(agent, 'agent').split('\n')) {
    if (!line.startsWith('{')) continue
    const entry = JSON.parse(line) as Record<string, unknown>
    const msg = entry['msg']
    // A local operator's bootstrap (no controller) obeys nobody.
    if (!ACCEPTED.has(String(msg)) || entry['controllerId'] === '') continue
    out.push({
      agent,
      atMs: Date.parse(String(entry['time'])),
      epoch: BigInt(String(entry['epoch'])),
      controllerId: String(entry['controllerId']),
      what: String(msg),
    })
  }
  return out
}

let testbed: TestbedRun

const reason = await unavailableReason()
if (reason !== undefined) {
  process.stdout.write(`geo partition tests skipped: ${reason}\n`)
} else {
  testbed = await newTestbed('geo')
  /** The mutation loops stop when this file exists. */
  const stopFile = join(testbed.stateDir, 'stop-probes')
  const loops: Promise<unknown>[] = []

  /**
   * Adds a fresh address pool to the target subcloud through `site`'s controller every half
   * second, from inside that site, until the stop file appears: a forwarded, fenced mutation each.
   */
  const mutateFrom = (site: string, octet: number): void => {
    const script = [
      'i=0',
      `while [ ! -e ${stopFile} ]; do`,
      '  i=$((i+1))',
      `  system --os-region-name ${target.systemName} addrpool-add probe-${site}-$i 10.${octet}.$((i % 250)).0 24 >/dev/null 2>&1`,
      '  sleep 0.5',
      'done',
    ].join('\n')
    loops.push(testbed.cli(['run', site, '--', 'sh', '-c', script], 30 * 60_000))
  }

  const subcloudsOf = async (site: string) => (await testbed.probe(site, controllerOf(site))).subclouds
  type Listed = Awaited<ReturnType<typeof subcloudsOf>>[number]

  /** Waits until `site`'s controller lists every member as `is` says. */
  const everyMember = (site: string, is: (s: Listed | undefined) => boolean, message: string) =>
    waitFor(
      async () => {
        const listed = await subcloudsOf(site)
        return members.every((m) => is(listed.find((s) => s.name === m.systemName))) ? listed : undefined
      },
      { timeoutMs: FAILOVER_WITHIN_MS, message },
    )
  const deployed = (status: string) => (s: Listed | undefined) => s?.deploy_status === status

  test('up: A leads the peer group with its members online and managed; B holds secondary copies', async () => {
    const up = await testbed.cli(['up', '--subclouds', String(SUBCLOUDS)])
    assert.is(up.code, 0, `up failed: ${up.stderr}\nits progress:\n${up.stdout}`)
    await everyMember(
      'site-a',
      (s) =>
        s?.deploy_status === 'complete' &&
        s.management_state === 'managed' &&
        s.availability_status === 'online',
      'A manages every member, online',
    )
    const onB = await everyMember('site-b', deployed('secondary'), 'B holds a secondary copy of every member')
    assert.ok(onB.length >= SUBCLOUDS)
  })

  test('cut A from B and the witness: A demotes itself, B takes the group, no agent obeys both in one epoch', async () => {
    mutateFrom('site-a', 250)
    mutateFrom('site-b', 251)
    // A commands the target before the cut: its accepted changes are on the agent's record.
    await waitFor(
      () =>
        acceptedCalls(testbed, target.name).some((c) => c.what === 'applied a controller change')
          ? true
          : undefined,
      { timeoutMs: 120_000, message: 'a change from A applied before the cut' },
    )
    const before = acceptedCalls(testbed, target.name)
    const controllerA = before.at(-1)?.controllerId ?? ''
    const cut = await testbed.cli(['cut', 'site-a', '--from', 'site-b,witness'])
    assert.is(cut.code, 0, cut.stderr)

    await everyMember(
      'site-a',
      deployed('secondary'),
      'A demoted every member (it cannot confirm its ownership)',
    )
    await everyMember(
      'site-b',
      (s) => s?.deploy_status === 'complete' && s.management_state === 'managed',
      'B took the peer group and manages every member',
    )
    // B's own forwarded changes now land on the target, in B's epoch.
    await waitFor(
      () =>
        acceptedCalls(testbed, target.name).some(
          (c) => c.what === 'applied a controller change' && c.controllerId !== controllerA,
        )
          ? true
          : undefined,
      { timeoutMs: 120_000, message: 'a change from B applied on the target' },
    )

    for (const m of members) {
      const calls = acceptedCalls(testbed, m.name)
      const byEpoch = new Map<bigint, Set<string>>()
      for (const c of calls) byEpoch.set(c.epoch, (byEpoch.get(c.epoch) ?? new Set()).add(c.controllerId))
      for (const [epoch, ids] of byEpoch) {
        assert.is(ids.size, 1, `${m.name} obeyed ${[...ids].join(' and ')} in epoch ${epoch}`)
      }
      const firstOfB = calls.find((c) => c.controllerId !== controllerA)
      assert.ok(firstOfB, `${m.name} was claimed by B`)
      const lateFromA = calls.filter((c) => c.controllerId === controllerA && c.atMs > firstOfB.atMs)
      assert.equal(lateFromA, [], `${m.name} obeyed A after B claimed it`)
      assert.ok(
        calls.filter((c) => c.controllerId === controllerA).every((c) => c.epoch < firstOfB.epoch),
        `${m.name}: A's epochs are all below B's`,
      )
    }
  })

  test('heal: A rejoins as secondary with 280.005 until a failback migrate, which clears it', async () => {
    const heal = await testbed.cli(['heal', 'site-a'])
    assert.is(heal.code, 0, heal.stderr)
    const alarmsOnA = async (): Promise<string> =>
      (await testbed.cli(['run', 'site-a', '--', 'fm', 'alarm-list'])).stdout
    await waitFor(async () => ((await alarmsOnA()).includes('280.005') ? true : undefined), {
      timeoutMs: 120_000,
      message: 'A raised 280.005 (its preferred group is led by B)',
    })
    const stillSecondary = await subcloudsOf('site-a')
    for (const m of members) {
      assert.is(stillSecondary.find((s) => s.name === m.systemName)?.deploy_status, 'secondary', m.systemName)
    }

    // Healing makes the NATS cluster elect again (the rejoining node forces it), and until it has a
    // leader the bucket refuses writes: migrate answers PEER_LINK_UNAVAILABLE and changes nothing,
    // and the operator runs it again, as here. Any other refusal fails the test.
    const migrate = await waitFor(
      async () => {
        const run = await testbed.cli([
          'run',
          'site-a',
          '--',
          'dcmanager',
          'subcloud-peer-group',
          'migrate',
          topology.geo.peerGroup,
        ])
        return run.code !== 0 && run.stderr.includes('PEER_LINK_UNAVAILABLE') ? undefined : run
      },
      { timeoutMs: 120_000, message: 'the failback migrate past the NATS election' },
    )
    assert.is(migrate.code, 0, `${migrate.stdout}\n${migrate.stderr}`)
    await everyMember('site-a', deployed('complete'), 'A leads its members again after the failback')
    await waitFor(async () => (!(await alarmsOnA()).includes('280.005') ? true : undefined), {
      timeoutMs: 120_000,
      message: '280.005 cleared on A',
    })
  })

  test('the probes stop; down leaves no namespace behind', async () => {
    await runCommand('touch', [stopFile])
    await Promise.all(loops)
    const down = await testbed.cli(['down'])
    assert.is(down.code, 0, down.stderr)
  })
}

test.run()
