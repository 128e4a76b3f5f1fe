import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { SubcloudSite, Topology } from './topology.js'
import {
  associatePeerGroup,
  manageInPeerGroup,
  onboard,
  pairCentralSites,
  waitInSync,
  type Controllers,
} from './geo-setup.js'
import { namespaceOf } from './testbed-network.js'
import type { TestbedSession } from './testbed-session.js'

/** The first `count` accepted subclouds of the topology (all by default) and every refused one. */
export function selectSubclouds(topology: Topology, count: number | undefined): SubcloudSite[] {
  const all = topology.sites.flatMap((s) => (s.role === 'subcloud' ? [s] : []))
  const accepted = all.filter((s) => s.expect === 'accepted').slice(0, count ?? all.length)
  return all.filter((s) => s.expect === 'refused' || accepted.includes(s))
}

/**
 * Runs this program's `args` inside `site`'s namespace, its output shown as it comes: only there
 * are the controllers reachable, nothing of the testbed is attached to the host's network.
 */
/** This program's entry, built. */
export const MAIN = fileURLToPath(new URL('./main.js', import.meta.url))

export function inSite(
  session: TestbedSession,
  site: string,
  args: readonly string[],
  startedAt: number,
): Promise<void> {
  const netns = namespaceOf(session.state.prefix, site)
  return new Promise((resolve, reject) => {
    const child = spawn('ip', ['netns', 'exec', netns, process.execPath, MAIN, ...args], {
      stdio: 'inherit',
      env: { ...process.env, DC_TESTBED_T0: String(startedAt) },
    })
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args[0]} in ${netns} exited ${code}`)),
    )
  })
}

/**
 * Pairs the central sites and onboards `subclouds` on the leader. It calls the controllers, so it
 * runs inside a site's namespace: `up` starts it there as `internal-onboard`.
 */
export async function onboardAll(
  session: TestbedSession,
  subclouds: readonly SubcloudSite[],
  progress: (line: string) => void,
): Promise<void> {
  const { topology } = session
  const leaderSite = session.leader()
  const controllers: Controllers = {
    leader: { site: leaderSite, client: session.controller(leaderSite) },
    followers: topology.sites.flatMap((s) =>
      s.role === 'central' && s.name !== leaderSite.name ? [{ site: s, client: session.controller(s) }] : [],
    ),
  }
  const leader = controllers.leader.client
  await pairCentralSites(topology, controllers)
  progress(
    `geo: ${leaderSite.name} and its peers paired, peer group ${topology.geo.peerGroup} on ${leaderSite.name}`,
  )
  const accepted: string[] = []
  for (const subcloud of subclouds) {
    const outcome = await onboard(topology, leader, subcloud)
    const name = subcloud.systemName
    if (outcome.accepted) {
      if (subcloud.expect === 'refused')
        throw new Error(`${name} was accepted, but the topology expects a refusal`)
      accepted.push(name)
      progress(`onboard: ${name} accepted by ${leaderSite.name}`)
    } else {
      if (subcloud.expect === 'accepted') throw new Error(`${name} was refused: ${outcome.reason}`)
      session.state.refused[name] = outcome.reason
      progress(`onboard: ${name} refused as expected: ${outcome.reason}`)
    }
  }
  await session.save()
  for (const name of accepted) await manageInPeerGroup(topology, leader, name)
  await associatePeerGroup(topology, controllers)
  progress(`geo: peer group ${topology.geo.peerGroup} associated`)
  const ready = await waitInSync(leader, accepted)
  for (const s of ready) progress(`ready: ${s.name} ${s.availability_status} ${s.management_state} ${s.sync}`)
}
