// The namespace testbed end to end, as an operator drives it: `up` onboards the topology's
// subclouds across namespaces and refuses the IPv4-primary one, the controller talks to each
// agent over its primary family only, a cut subcloud goes offline and comes back when healed, and
// `down` leaves nothing behind.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { loadTopology, type SubcloudSite } from '@dc/testbed'
import { repoRoot, runCommand, waitFor } from '../support/index.js'
import {
  availabilityAt,
  namespacesWith,
  newTestbed,
  unavailableReason,
  type TestbedRun,
} from './testbed-harness.js'

const topology = await loadTopology(join(repoRoot, 'testbed', 'topology.yml'))
const subclouds = topology.sites.filter((s): s is SubcloudSite => s.role === 'subcloud')
/** The first two accepted subclouds (IPv6 single-stack and dual-stack), to keep the file short. */
const SUBCLOUDS = 2
const accepted = subclouds.filter((s) => s.expect === 'accepted').slice(0, SUBCLOUDS)
const agentPort = topology.ports.agent
const address = (host: string): string =>
  host.includes(':') ? `[${host}]:${agentPort}` : `${host}:${agentPort}`
const controllerA = `[${topology.sites[0]?.link.ipv6.address ?? ''}]:${topology.ports.controller}`
/** The audit's two-strike rule at the topology's short intervals is well inside this. */
const OFFLINE_WITHIN_MS = 5_000

let testbed: TestbedRun

const reason = await unavailableReason()
if (reason !== undefined) {
  process.stdout.write(`testbed tests skipped: ${reason}\n`)
} else {
  testbed = await newTestbed('e2e')

  test('up builds the testbed: accepted subclouds online, managed, in-sync; the IPv4-primary one refused with its reason', async () => {
    const up = await testbed.cli(['up', '--subclouds', String(SUBCLOUDS)])
    assert.is(up.code, 0, `up failed: ${up.stderr}\nits progress:\n${up.stdout}`)
    for (const s of accepted)
      assert.match(up.stdout, new RegExp(`ready: ${s.systemName} online managed in-sync`))
    assert.match(
      up.stdout,
      /onboard: subcloud4 refused as expected: .*primary OAM family IPv4 differs from the system controller's primary OAM family IPv6/,
    )
    // Idempotent: a second `up` finds everything running and starts nothing.
    const again = await testbed.cli(['up', '--subclouds', String(SUBCLOUDS)])
    assert.is(again.code, 0, again.stderr)
    assert.not.match(again.stdout, /start: /)
    assert.match(again.stdout, /up: the testbed is ready/)
  })

  test('the controller reaches every subcloud over its primary-family route; no agent is called on its secondary address', async () => {
    const dual = accepted.filter((s) => s.listen.length === 2)
    assert.ok(dual.length >= 1, 'a dual-stack subcloud takes part')
    const probe = await testbed.probe(
      'site-a',
      controllerA,
      accepted.map((s) => address(s.link.ipv6.address)),
    )
    for (const s of accepted) {
      const sub = probe.subclouds.find((x) => x.name === s.systemName)
      assert.ok(sub, `${s.systemName} on site-a`)
      assert.is(sub.bootstrap_address, address(s.link.ipv6.address))
      assert.equal(
        [sub.availability_status, sub.management_state, sub.sync],
        ['online', 'managed', 'in-sync'],
      )
      const route = await runCommand('ip', [
        '-n',
        `${testbed.prefix}site-a`,
        'route',
        'get',
        s.link.ipv6.address,
      ])
      assert.match(
        route.stdout,
        new RegExp(`via ${topology.sites[0]?.link.ipv6.gateway} dev eth0`),
        route.stdout,
      )
      const calls = probe.agents[address(s.link.ipv6.address)]?.address_calls ?? []
      const on = (a: string): number => Number(calls.find((c) => c.local_address === a)?.calls ?? 'NaN')
      assert.ok(
        on(address(s.link.ipv6.address)) > 0,
        `${s.name} served its controller on IPv6: ${JSON.stringify(calls)}`,
      )
      if (s.listen.includes('ipv4'))
        assert.is(on(address(s.link.ipv4.address)), 0, `${s.name} IPv4 calls: ${JSON.stringify(calls)}`)
    }
    assert.not.ok(
      probe.subclouds.some((x) => x.name === 'subcloud4'),
      'the refused subcloud was never stored',
    )
  })

  test('cut: a subcloud partitioned from the WAN is offline within 5 s; heal: online again, nothing lost', async () => {
    const site = accepted.find((s) => s.listen.length === 2) ?? accepted[0]!
    const agent = address(site.link.ipv6.address)
    const before = (await testbed.probe('site-a', controllerA, [agent])).agents[agent]
    const cut = await testbed.cli(['cut', site.name])
    assert.is(cut.code, 0, cut.stderr)
    const cutAt = Date.now()
    const state = JSON.parse(readFileSync(join(testbed.stateDir, 'state.json'), 'utf8')) as {
      cuts: Record<string, unknown>
    }
    assert.equal(state.cuts, { [site.name]: 'all' })
    const offlineAt = await waitFor(
      () => availabilityAt(testbed.log('site-a', 'controller'), site.systemName, 'offline', cutAt - 30_000),
      {
        timeoutMs: 60_000,
        message: `${site.systemName} offline in the controller's log`,
      },
    )
    assert.ok(offlineAt - cutAt <= OFFLINE_WITHIN_MS, `offline ${offlineAt - cutAt} ms after the cut`)
    const heal = await testbed.cli(['heal', site.name])
    assert.is(heal.code, 0, heal.stderr)
    await waitFor(
      () => availabilityAt(testbed.log('site-a', 'controller'), site.systemName, 'online', offlineAt),
      {
        timeoutMs: 60_000,
        message: `${site.systemName} online again`,
      },
    )
    const after = await waitFor(
      async () => {
        const probe = await testbed.probe('site-a', controllerA, [agent])
        const sub = probe.subclouds.find((x) => x.name === site.systemName)
        return sub?.sync === 'in-sync' && sub.availability_status === 'online'
          ? { sub, agent: probe.agents[agent] }
          : undefined
      },
      { timeoutMs: 60_000, message: `${site.systemName} in-sync after heal` },
    )
    assert.is(after.sub.management_state, 'managed')
    assert.is(after.sub.peer_group_name, topology.geo.peerGroup)
    assert.is(after.agent?.config_hash, before?.config_hash)
    assert.is(after.agent?.generation, before?.generation)
  })

  test('down stops every process and removes every namespace and the state; a second down is a no-op', async () => {
    const state = JSON.parse(readFileSync(join(testbed.stateDir, 'state.json'), 'utf8')) as {
      daemons: Record<string, { pid?: number }>
    }
    const pids = Object.values(state.daemons).flatMap((d) => (d.pid === undefined ? [] : [d.pid]))
    assert.is(pids.length, 2 + 3 + 2 + SUBCLOUDS + 1, 'PostgreSQL x2, NATS x3, controllers x2, agents')
    const down = await testbed.cli(['down'])
    assert.is(down.code, 0, down.stderr)
    assert.equal(await namespacesWith(testbed.prefix), [])
    // A killed daemon lingers as a zombie until init reaps it (its parent, `up`, exited long ago).
    const alive = (): number[] => pids.filter((pid) => existsSync(`/proc/${pid}`) && !isZombie(pid))
    await waitFor(() => (alive().length === 0 ? true : undefined), {
      timeoutMs: 15_000,
      message: 'every process of the testbed gone',
    }).catch(() => undefined)
    assert.equal(alive(), [], 'no process of the testbed is left')
    assert.not.ok(existsSync(testbed.stateDir))
    const again = await testbed.cli(['down'])
    assert.is(again.code, 0, again.stderr)
  })
}

/** Whether `pid` has exited and only waits to be reaped (state Z in /proc/PID/stat). */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')
  } catch {
    return false
  }
}

test.run()
