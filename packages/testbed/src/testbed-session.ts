import type { DcManagerClient } from '@dc/protos'
import type { CentralSite, TestbedSite, Topology } from './topology.js'
import { loadTopology } from './parse-topology.js'
import { controllerClient } from './controller-client.js'
import { TestbedPaths } from './testbed-paths.js'
import { readState, stateDirOf, writeState, type DaemonRecord, type TestbedState } from './testbed-state.js'

/** A usage or state problem the operator can fix; reported as one line, exit status 2. */
export class TestbedUsageError extends Error {
  readonly code = 'TESTBED_USAGE'
  override readonly name = 'TestbedUsageError'
}

/** A running testbed as the commands after `up` see it: its topology, state and files. */
export class TestbedSession {
  private readonly clients = new Map<string, DcManagerClient>()

  constructor(
    readonly topology: Topology,
    readonly state: TestbedState,
    readonly paths: TestbedPaths,
  ) {}

  save(): Promise<void> {
    return writeState(this.paths.stateDir, this.state)
  }

  site(name: string): TestbedSite {
    const site = this.topology.sites.find((s) => s.name === name)
    if (site === undefined) {
      const known = this.topology.sites.map((s) => s.name).join(', ')
      throw new TestbedUsageError(`no site ${name} in ${this.state.topologyFile}; sites: ${known}`)
    }
    return site
  }

  /** A process by `<site>/<service>`, or by site name alone where the site runs one process. */
  daemon(name: string): DaemonRecord {
    const exact = this.state.daemons[name]
    if (exact !== undefined) return exact
    const ofSite = Object.values(this.state.daemons).filter((d) => d.site === name)
    if (ofSite.length === 1 && ofSite[0] !== undefined) return ofSite[0]
    const known = Object.keys(this.state.daemons).join(', ')
    throw new TestbedUsageError(`no process ${name}; processes: ${known}`)
  }

  leader(): CentralSite {
    const site = this.site(this.topology.geo.leader)
    if (site.role !== 'central') throw new TestbedUsageError(`${site.name} is not a central site`)
    return site
  }

  controller(site: CentralSite): DcManagerClient {
    let client = this.clients.get(site.name)
    if (client === undefined) {
      client = controllerClient(this.topology, this.paths, site)
      this.clients.set(site.name, client)
    }
    return client
  }

  close(): void {
    for (const client of this.clients.values()) client.close()
    this.clients.clear()
  }
}

/** The testbed `up` left in the state directory of `env`; a usage error when there is none. */
export async function openTestbed(env: NodeJS.ProcessEnv): Promise<TestbedSession> {
  const paths = new TestbedPaths(stateDirOf(env))
  const state = await readState(paths.stateDir)
  if (state === undefined) {
    throw new TestbedUsageError(
      `no testbed is up (no state in ${paths.stateDir}); start one with: pnpm testbed up`,
    )
  }
  return new TestbedSession(await loadTopology(state.topologyFile), state, paths)
}
