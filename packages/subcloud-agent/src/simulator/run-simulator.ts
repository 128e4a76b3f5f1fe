import { writeFileAtomic } from '../adapters/atomic-file.js'
import type { ErrorLogger } from '@dc/platform-service'
import { startControlServer } from './control-protocol.js'
import type { SimulatorConfig } from './simulator-config.js'
import { buildManifest } from './simulator-manifest.js'
import { Simulator } from './simulator.js'
import { planSites } from './site-plan.js'

/** A running `dc-agent --simulate`. */
export interface RunningSimulator {
  readonly simulator: Simulator
  /** `host:port` of the control protocol. */
  readonly control: string
  /** What the process prints once everything listens. */
  readonly readyLine: string
  stop(): Promise<void>
}

/**
 * Plan the sites, start them, open the control port and write the manifest (atomically, so a
 * reader never sees half of it); the manifest exists once this resolves.
 */
export async function runSimulator(
  config: SimulatorConfig,
  logs: { readonly log: (line: string) => void; readonly errorLog: ErrorLogger },
): Promise<RunningSimulator> {
  const sites = planSites({
    count: config.count,
    firstIndex: config.firstIndex,
    mix: config.mix,
    basePort: config.listenBase.port,
    hosts: config.hosts,
  })
  const simulator = await Simulator.start({
    sites,
    heartbeatIntervalMs: config.heartbeatIntervalMs,
    stateDir: config.stateDir,
    log: logs.log,
    errorLog: logs.errorLog,
  })
  let control
  try {
    control = await startControlServer(
      simulator,
      config.control?.host ?? '127.0.0.1',
      config.control?.port ?? 0,
    )
    if (config.manifestFile !== undefined) {
      await writeFileAtomic(config.manifestFile, `${JSON.stringify(buildManifest(sites, control.address))}\n`)
    }
  } catch (err) {
    await control?.close()
    await simulator.stop()
    throw err
  }
  const first = sites[0]?.primary.port
  const last = sites.at(-1)?.primary.port
  const running = control
  return {
    simulator,
    control: running.address,
    readyLine:
      `dc-agent simulating ${sites.length} subclouds on ports ${first}..${last}, ` +
      `control ${running.address}` +
      (config.manifestFile === undefined ? '' : `, manifest ${config.manifestFile}`),
    stop: async () => {
      await running.close()
      await simulator.stop()
    },
  }
}
