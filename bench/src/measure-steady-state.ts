import type { BenchController } from './bench-controller.js'
import type { BenchRow } from './bench-row.js'
import type { ControllerDatabase } from './controller-database.js'
import { processCpuSeconds, processRssBytes } from './host-stats.js'
import { waitForFleet } from './wait-for-fleet.js'
import type { WatchCost } from './raw-grpc.js'

export interface SteadyStateProps {
  readonly controller: BenchController
  readonly names: ReadonlySet<string>
  /** Controller RSS before any subcloud existed. */
  readonly baselineRssBytes: number
  readonly database: ControllerDatabase
  readonly simulatorPids: readonly number[]
  /** The same heartbeats received by a bare grpc-js client, measured before the controller started. */
  readonly rawWatch: WatchCost
  readonly settleMs: number
  readonly windowMs: number
  readonly signal: AbortSignal
}

const KIB = 1024
/** The most memory the controller may hold per managed subcloud. */
const RSS_TARGET_KIB = 90

/**
 * Scenario 4, and the steady half of scenario 6: with every subcloud managed, online and in sync,
 * the controller's CPU over a window (from /proc, a share of one core), its resident memory per
 * subcloud above what it held with none, and the rows it writes per second meanwhile.
 */
export async function measureSteadyState(props: SteadyStateProps): Promise<BenchRow[]> {
  const { controller, names, database } = props
  const n = names.size
  await waitForFleet(
    database,
    names,
    (s) =>
      s.management_state === 'managed' && s.availability_status === 'online' && s.platform_sync === 'in-sync',
    'every subcloud managed, online and in sync',
    { timeoutMs: 120_000 + n * 20, signal: props.signal },
  )
  await new Promise((r) => setTimeout(r, props.settleMs))
  const pid = controller.process.pid
  const cpuBefore = processCpuSeconds(pid)
  const writesBefore = await database.rowWrites()
  const start = performance.now()
  await new Promise((r) => setTimeout(r, props.windowMs))
  const cpu = processCpuSeconds(pid) - cpuBefore
  const seconds = (performance.now() - start) / 1000
  const writes = (await database.rowWrites()) - writesBefore
  const cpuShare = cpu / seconds
  const rssPerSubcloud = (processRssBytes(pid) - props.baselineRssBytes) / n
  const simulatorRss = props.simulatorPids.reduce((sum, p) => sum + processRssBytes(p), 0) / n
  const label = n.toLocaleString('en-US')
  return [
    {
      figure: `audit ${label} managed: controller CPU`,
      value: cpuShare * 100,
      unit: '% of a core',
      // Issue 15's target, at every size: no more than a bare client receiving the same heartbeats.
      // The bare client decodes them as grpc-js and the loader do, so the controller's own decoder
      // counts in its favour. The row's first target, 20 % of a core, the bare client itself
      // misses at 10,000.
      target: '<= raw',
      rawLimit: props.rawWatch.cpuShare * 100,
      ratio: props.rawWatch.cpuShare / cpuShare,
      met: cpuShare <= props.rawWatch.cpuShare,
      note: `raw limit: a bare grpc-js client receiving the same ${props.rawWatch.eventsPerSecond.toFixed(0)} heartbeats/s`,
    },
    {
      figure: `audit ${label} managed: controller RSS per subcloud`,
      value: rssPerSubcloud / KIB,
      unit: 'KiB',
      target: `<= ${RSS_TARGET_KIB} KiB`,
      rawLimit: props.rawWatch.rssPerStreamBytes / KIB,
      ratio: props.rawWatch.rssPerStreamBytes / rssPerSubcloud,
      met: rssPerSubcloud <= RSS_TARGET_KIB * KIB,
      note: 'raw limit: memory of one bare Watch stream and its channel',
    },
    {
      figure: `database ${label} managed: steady status writes`,
      value: writes / seconds,
      unit: 'rows/s',
      target: null,
      note:
        `rows written to all tables over ${seconds.toFixed(0)} s (pg_stat_user_tables); the audit writes ` +
        'heartbeat times every 30 s per subcloud, so a shorter window may see none',
    },
    {
      figure: `simulator ${label}: RSS per virtual subcloud, managed`,
      value: simulatorRss / KIB,
      unit: 'KiB',
      target: null,
      note: 'dc-agent --simulate: agent, state and its share of one gRPC server, connection included',
    },
  ]
}
