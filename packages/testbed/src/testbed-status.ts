import type { Subcloud__Output } from '@dc/protos'
import { isRunning } from './daemons.js'
import { runCommand } from './run-command.js'
import { namespaceOf } from './testbed-network.js'
import { MAIN } from './testbed-onboard.js'
import { openTestbed } from './testbed-session.js'

/** `status`: sites with their addresses and cuts, processes, and the subclouds each controller has. */
export async function status(env: NodeJS.ProcessEnv, print: (line: string) => void): Promise<void> {
  const session = await openTestbed(env)
  try {
    const { topology, state } = session
    print(`testbed from ${state.topologyFile}, state in ${session.paths.stateDir}`)
    print('sites:')
    for (const site of topology.sites) {
      const cut = state.cuts[site.name]
      const note =
        cut === undefined ? '' : cut === 'all' ? '  CUT from the WAN' : `  CUT from ${cut.join(', ')}`
      print(
        `  ${site.name.padEnd(10)} ${site.role.padEnd(8)} ipv6 ${site.link.ipv6.cidr.padEnd(18)} ipv4 ${site.link.ipv4.cidr}${note}`,
      )
    }
    print('processes:')
    for (const record of Object.values(state.daemons)) {
      const running = isRunning(record) ? `running  pid ${record.pid}` : 'stopped'
      print(`  ${record.name.padEnd(20)} ${running}`)
    }
    for (const site of topology.sites) {
      if (site.role !== 'central') continue
      // Asked from the controller's own namespace, so a cut between sites does not hide it.
      const netns = namespaceOf(state.prefix, site.name)
      const listed = await runCommand(process.execPath, [MAIN, 'internal-subclouds', site.name], { netns })
      if (listed.code !== 0) {
        print(`subclouds on ${site.name}: unreachable (${listed.stderr.trim()})`)
        continue
      }
      const subclouds = JSON.parse(listed.stdout) as Subcloud__Output[]
      print(`subclouds on ${site.name}:`)
      for (const s of subclouds) {
        const fields = [
          s.availability_status,
          s.management_state,
          s.sync,
          s.deploy_status,
          s.bootstrap_address,
        ]
        print(`  ${s.name.padEnd(10)} ${fields.join('  ')}`)
      }
    }
    for (const [name, reason] of Object.entries(state.refused)) print(`refused: ${name}: ${reason}`)
  } finally {
    session.close()
  }
}
