import { loadavg } from 'node:os'
import { SIMULATED_CONTROLLER_VALUES, valuesYaml } from '@dc/subcloud-agent'
import {
  freePort,
  makeTempDir,
  removeTempDir,
  startNatsServer,
  startPostgres,
} from '@dc/test/support/index.js'
import type { PostgresServer } from '@dc/test/support/index.js'
import { startBenchController } from './bench-controller.js'
import type { BenchRow, Scenario } from './bench-row.js'
import { ControllerDatabase } from './controller-database.js'
import { SITE_A, SITE_B, startGeoLink } from './geo-link.js'
import { processRssBytes } from './host-stats.js'
import { measureDetection } from './measure-detection.js'
import { FAN_OUT_CALLS_PER_SUBCLOUD, measureFanOut } from './measure-fan-out.js'
import { measureConsole } from './measure-console.js'
import { measureGeoSync } from './measure-geo-sync.js'
import { measureMassOutage } from './measure-mass-outage.js'
import { measureOnboarding } from './measure-onboarding.js'
import { measureRollout } from './measure-rollout.js'
import { measureSteadyState } from './measure-steady-state.js'
import { rawNatsRoundTrips } from './raw-nats.js'
import type { NatsRoundTrips } from './raw-nats.js'
import { rawBatchedInserts } from './raw-postgres.js'
import { rawUnaryEcho, rawWatchCost } from './raw-grpc.js'
import type { EchoResult, WatchCost } from './raw-grpc.js'
import { startSimulatedFleet } from './simulated-fleet.js'

/** IPv6-only and dual-stack IPv6-primary sites, half each: what an IPv6-primary controller onboards. */
const MIX = '0:1:1'
/** The controller's default audit interval, which the raw streams use too. */
const HEARTBEAT_INTERVAL_MS = 1_000
/** Subclouds in flight in the pool fan-out, the network rollout and their raw echoes. */
const FAN_OUT_PARALLELISM = 64
/** Peer heartbeats every second instead of StarlingX's 60 s, so the pair forms quickly (a bench-only flag). */
const PEER_LINK_ARGS = ['--peer-heartbeat-interval-ms', '1000']

/**
 * Site B of the geo-redundant pair: another dual-stack IPv6-primary controller. Its management
 * network is IPv6 only, so a dual-stack member's IPv4 systemcontroller gateway (site A's) has
 * nothing of B's to be judged against.
 */
const EAST_VALUES_YAML = valuesYaml({
  ...SIMULATED_CONTROLLER_VALUES,
  name: 'east',
  management_subnet: 'fd01:2::/64',
  management_start_address: 'fd01:2::2',
  management_end_address: 'fd01:2::ff',
  external_oam_subnet: 'fd00:2::/64,192.168.99.0/24',
  external_oam_gateway_address: 'fd00:2::1,192.168.99.1',
  external_oam_floating_address: 'fd00:2::2,192.168.99.2',
  cluster_host_subnet: 'fd02:2::/64',
  cluster_pod_subnet: 'fd03:2::/64',
  cluster_service_subnet: 'fd04:2::/112',
})

/** The fleet's phases, in the order they run (`pnpm bench --phases rollout,geo`). */
export const FLEET_PHASES = [
  'onboarding',
  'audit',
  'console',
  'detection',
  'fan-out',
  'rollout',
  'outage',
  'geo',
] as const
export type FleetPhase = (typeof FLEET_PHASES)[number]

/**
 * What a phase needs run before it: every phase works on the onboarded members, and the rollout's
 * plan assumes the fan-out's secondary cluster-host pool on IPv6-only sites.
 */
const PREREQUISITES: Readonly<Record<FleetPhase, readonly FleetPhase[]>> = {
  onboarding: [],
  audit: ['onboarding'],
  console: ['onboarding'],
  detection: ['onboarding'],
  'fan-out': ['onboarding'],
  rollout: ['onboarding', 'fan-out'],
  outage: ['onboarding'],
  geo: ['onboarding'],
}

function withPrerequisites(phases: readonly FleetPhase[]): ReadonlySet<FleetPhase> {
  return new Set(phases.flatMap((p) => [...PREREQUISITES[p], p]))
}

interface Timing {
  readonly rawWatchWindowMs: number
  readonly settleMs: number
  readonly steadyWindowMs: number
  readonly detectionTrials: number
  readonly detectionConcurrency: number
  readonly natsSerialRoundTrips: number
  readonly geoSamples: number
  /** Onboarding gives up after this long, reporting how far it got. */
  readonly onboardingBudgetMs: number
  /** The network rollout's apply gives up after this long. */
  readonly rolloutBudgetMs: number
}

const QUICK: Timing = {
  rawWatchWindowMs: 3_000,
  settleMs: 2_000,
  steadyWindowMs: 5_000,
  detectionTrials: 6,
  detectionConcurrency: 6,
  natsSerialRoundTrips: 1_000,
  geoSamples: 10,
  onboardingBudgetMs: 300_000,
  rolloutBudgetMs: 300_000,
}
const FULL: Timing = {
  rawWatchWindowMs: 10_000,
  settleMs: 10_000,
  // One full slow-write period of the audit (30 s), so the steady write rate includes it.
  steadyWindowMs: 30_000,
  detectionTrials: 20,
  detectionConcurrency: 5,
  natsSerialRoundTrips: 5_000,
  // A p99 of fewer than 100 changes is their maximum: one change queued behind anything at all.
  geoSamples: 100,
  onboardingBudgetMs: 20 * 60_000,
  rolloutBudgetMs: 30 * 60_000,
}

function progress(line: string): void {
  process.stderr.write(`bench: ${line}\n`)
}

/** The raw primitives of one size as rows of their own, so they stay on record whatever follows. */
function rawRows(
  label: string,
  raw: { rawInsertsPerSecond: number; rawNats: NatsRoundTrips; rawWatch: WatchCost; echo: EchoResult },
): BenchRow[] {
  const row = (figure: string, value: number, unit: string, note: string): BenchRow => ({
    figure: `raw ${label}: ${figure}`,
    value,
    unit,
    target: null,
    note,
  })
  return [
    row(
      'Watch heartbeats received by a bare grpc-js client',
      raw.rawWatch.cpuShare * 100,
      '% of a core',
      `${raw.rawWatch.eventsPerSecond.toFixed(0)} heartbeats/s, one channel per subcloud, in a process of its own`,
    ),
    row(
      'a bare grpc-js client opens a channel and Watch stream to every agent',
      raw.rawWatch.openSeconds,
      's',
      'all at once, until each stream has brought its first message; in a process of its own',
    ),
    row(
      'memory per bare Watch stream and channel',
      raw.rawWatch.rssPerStreamBytes / 1024,
      'KiB',
      'RSS added by the streams, after a collection',
    ),
    row(
      'unary echo over per-subcloud channels',
      raw.echo.callsPerSecond,
      'calls/s',
      `health checks, ${FAN_OUT_CALLS_PER_SUBCLOUD} per channel, ${FAN_OUT_PARALLELISM} channels in flight`,
    ),
    row(
      'batched inserts',
      raw.rawInsertsPerSecond,
      'rows/s',
      '1,000 status rows per INSERT ... SELECT FROM unnest, autocommit',
    ),
    row('NATS request/reply round trip (p50)', raw.rawNats.p50Ms, 'ms', 'serial, 512 B, two connections'),
    row('NATS request/reply round trip (p99)', raw.rawNats.p99Ms, 'ms', 'serial, 512 B, two connections'),
  ]
}

/**
 * Every fleet figure at one size: one PostgreSQL database, simulators, one controller. `rows`
 * receives each figure as soon as it is measured, so that a run stopped by a failure keeps them.
 */
async function runFleet(
  n: number,
  postgres: PostgresServer,
  timing: Timing,
  selected: ReadonlySet<FleetPhase>,
  rows: BenchRow[],
  signal: AbortSignal,
): Promise<void> {
  const dir = await makeTempDir('dc-bench-')
  const label = n.toLocaleString('en-US')
  // A long run's figures are on record as they come, even if a later phase fails.
  const record = (measured: readonly BenchRow[]): void => {
    for (const row of measured) {
      progress(JSON.stringify(row))
      rows.push(row)
    }
  }
  try {
    progress(`${label} subclouds: raw batched inserts`)
    const rawInsertsPerSecond = await rawBatchedInserts(
      await postgres.createDatabase(`raw_${n}`),
      Math.max(20_000, 2 * n),
    )
    progress(`${label} subclouds: raw NATS request/reply`)
    const plainNats = await startNatsServer({ jetstream: false })
    const rawNats = await rawNatsRoundTrips(plainNats.url, timing.natsSerialRoundTrips, n).finally(() =>
      plainNats.stop(),
    )
    progress(`${label} subclouds: starting simulators`)
    const fleet = await startSimulatedFleet({ count: n, mix: MIX, dir })
    try {
      const simulatorRss = fleet.pids.reduce((sum, pid) => sum + processRssBytes(pid), 0)
      const addresses = fleet.subclouds.map((s) => s.primary)
      progress(`${label} subclouds: raw Watch streams and raw unary echo`)
      const rawWatch = await rawWatchCost(addresses, HEARTBEAT_INTERVAL_MS, timing.rawWatchWindowMs, dir)
      const echo = await rawUnaryEcho(addresses, FAN_OUT_CALLS_PER_SUBCLOUD, FAN_OUT_PARALLELISM)
      record([
        ...rawRows(label, { rawInsertsPerSecond, rawNats, rawWatch, echo }),
        {
          figure: `simulator ${label}: RSS per virtual subcloud, listening`,
          value: simulatorRss / n / 1024,
          unit: 'KiB',
          target: null,
          note: `${fleet.pids.length} dc-agent --simulate process(es), no controller connected yet`,
        },
      ])
      const databaseUrl = await postgres.createDatabase(`controller_${n}`)
      const link = await startGeoLink(dir, PEER_LINK_ARGS)
      progress(`${label} subclouds: starting dc-controller`)
      const consoleUrl = `http://127.0.0.1:${await freePort('127.0.0.1')}/`
      const controller = await startBenchController({
        name: 'central',
        valuesYaml: fleet.controllerValuesYaml,
        databaseUrl,
        dir,
        args: [...link.args[SITE_A], '--console-listen', new URL(consoleUrl).host],
      }).catch(async (err: unknown) => {
        await link.stop()
        throw err
      })
      const database = await ControllerDatabase.connect(databaseUrl)
      try {
        await new Promise((r) => setTimeout(r, timing.settleMs))
        const baselineRssBytes = processRssBytes(controller.process.pid)
        // The subclouds that onboarded; every later phase works on them only.
        let members = fleet.subclouds
        const phases: [FleetPhase, () => Promise<BenchRow[]>][] = [
          [
            'onboarding',
            async () => {
              const onboarded = await measureOnboarding({
                controller,
                database,
                subclouds: fleet.subclouds,
                echoCallsPerSecond: echo.callsPerSecond,
                budgetMs: timing.onboardingBudgetMs,
                signal,
              })
              members = onboarded.managed
              return onboarded.rows
            },
          ],
          [
            'audit',
            () =>
              measureSteadyState({
                controller,
                names: new Set(members.map((s) => s.name)),
                baselineRssBytes,
                database,
                simulatorPids: fleet.pids,
                rawWatch,
                settleMs: timing.settleMs,
                windowMs: timing.steadyWindowMs,
                signal,
              }),
          ],
          ['console', () => measureConsole({ url: consoleUrl, subclouds: members.length, signal })],
          [
            'detection',
            () =>
              measureDetection({
                controller,
                database,
                fleet,
                subclouds: members,
                trials: timing.detectionTrials,
                concurrency: timing.detectionConcurrency,
                signal,
              }),
          ],
          [
            'fan-out',
            () =>
              measureFanOut({
                controller,
                subclouds: members,
                parallelism: FAN_OUT_PARALLELISM,
                echo,
                signal,
              }),
          ],
          // After the fan-out, before the mass outage: every member online and in-sync.
          [
            'rollout',
            () =>
              measureRollout({
                controller,
                subclouds: members,
                parallelism: FAN_OUT_PARALLELISM,
                budgetMs: timing.rolloutBudgetMs,
                signal,
              }),
          ],
          [
            'outage',
            () =>
              measureMassOutage({
                fleet,
                members: members.length,
                database,
                controllerPid: controller.process.pid,
                rawInsertsPerSecond,
                rawOpenSeconds: rawWatch.openSeconds,
                signal,
              }),
          ],
          // Last: members of a peer group may no longer be managed or unmanaged locally.
          [
            'geo',
            async () =>
              measureGeoSync({
                siteA: controller,
                startSiteB: async () =>
                  startBenchController({
                    name: 'east',
                    valuesYaml: EAST_VALUES_YAML,
                    databaseUrl: await postgres.createDatabase(`east_${n}`),
                    dir,
                    args: link.args[SITE_B],
                  }),
                link,
                subclouds: members,
                rawNats,
                samples: timing.geoSamples,
                signal,
              }),
          ],
        ]
        for (const [phase, measure] of phases) {
          if (!selected.has(phase)) continue
          progress(`${label} subclouds: ${phase}`)
          try {
            record(await measure())
          } catch (err) {
            const seen = await database.subclouds().catch(() => [])
            const count = (p: (s: (typeof seen)[number]) => boolean): number => seen.filter(p).length
            throw new Error(
              `${phase} failed: ${err instanceof Error ? err.message : String(err)}; by then ` +
                `${count((s) => s.management_state === 'managed')} managed and ` +
                `${count((s) => s.availability_status === 'online')} online of ${n}`,
              { cause: err },
            )
          }
        }
      } finally {
        record([
          {
            figure: `host load at the end of the ${label} fleet (1-minute average)`,
            value: loadavg()[0] ?? Number.NaN,
            unit: 'runnable',
            target: null,
            note: 'everything (simulators, controller, PostgreSQL, the bench) shares the cores; above their count, figures are slowed by the machine',
          },
        ])
        await database.close()
        await controller.stop()
        await link.stop()
      }
    } finally {
      await fleet.stop()
    }
  } finally {
    await removeTempDir(dir)
  }
}

/**
 * Every scenario on one fleet per size: N virtual subclouds in `dc-agent --simulate` processes,
 * onboarded into one dc-controller on PostgreSQL, later paired with a second controller over NATS,
 * each figure beside its raw primitive measured in the same run on the same machine.
 */
export const fleetScenario: Scenario = {
  name: 'fleet',
  async run({ quick, sizes, phases, signal }) {
    const counts = sizes ?? (quick ? [200] : [1_000, 10_000])
    const selected = withPrerequisites(phases ?? FLEET_PHASES)
    const postgres = await startPostgres({ signal })
    try {
      const rows: BenchRow[] = []
      for (const n of counts) {
        try {
          await runFleet(n, postgres, quick ? QUICK : FULL, selected, rows, signal)
        } catch (err) {
          // CI's quick run must fail loudly; a full run reports how far a size got and goes on.
          if (quick || signal.aborted) throw err
          progress(`${n} subclouds: ${err instanceof Error ? err.message : String(err)}`)
          rows.push({
            figure: `fleet ${n.toLocaleString('en-US')}: run stopped`,
            value: Number.NaN,
            unit: '',
            target: null,
            note: err instanceof Error ? err.message : String(err),
          })
        }
      }
      return rows
    } finally {
      await postgres.stop()
    }
  },
}
