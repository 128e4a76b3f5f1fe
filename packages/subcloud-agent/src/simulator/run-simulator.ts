import { createMetricsRegistry, serveMetrics } from '@dc/runtime'
import type { Logger, MetricsConfig, MetricsServer } from '@dc/runtime'
import { writeFileAtomic } from '../adapters/atomic-file.js'
import { registerAgentMetrics } from '../adapters/agent-metrics.js'
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

/** Every site's agent metrics in one registry, told apart by a `subcloud` label. */
function serveSimulatorMetrics(
  simulator: Simulator,
  config: MetricsConfig,
  log: Logger,
): Promise<MetricsServer> {
  const registry = createMetricsRegistry({ prefix: 'dc_agent_' })
  const sites = simulator.sites.map((site) => ({
    agent: site.agent,
    activity: site.activity,
    labels: { subcloud: site.name },
  }))
  registerAgentMetrics(registry, sites, ['subcloud'])
  return serveMetrics({ ...config, registry, log })
}

/**
 * Plan the sites, start them, open the control port (and the metrics endpoint) and write the
 * manifest (atomically, so a reader never sees half of it); the manifest exists once this resolves.
 */
export async function runSimulator(config: SimulatorConfig, log: Logger): Promise<RunningSimulator> {
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
    log,
  })
  let control
  let metrics: MetricsServer | undefined
  try {
    control = await startControlServer(
      simulator,
      config.control?.host ?? '127.0.0.1',
      config.control?.port ?? 0,
    )
    if (config.metrics !== undefined) {
      metrics = await serveSimulatorMetrics(simulator, config.metrics, log)
    }
    if (config.manifestFile !== undefined) {
      await writeFileAtomic(config.manifestFile, `${JSON.stringify(buildManifest(sites, control.address))}\n`)
    }
  } catch (err) {
    await metrics?.close()
    await control?.close()
    await simulator.stop()
    throw err
  }
  const first = sites[0]?.primary.port
  const last = sites.at(-1)?.primary.port
  const running = control
  log.child({ component: 'simulator' }).info('simulated subclouds listening', {
    subclouds: sites.length,
    firstPort: first,
    lastPort: last,
    control: running.address,
  })
  return {
    simulator,
    control: running.address,
    readyLine:
      `dc-agent simulating ${sites.length} subclouds on ports ${first}..${last}, ` +
      `control ${running.address}` +
      (config.manifestFile === undefined ? '' : `, manifest ${config.manifestFile}`),
    stop: async () => {
      await metrics?.close()
      await running.close()
      await simulator.stop()
    },
  }
}
