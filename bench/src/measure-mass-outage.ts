import type { BenchRow } from './bench-row.js'
import { processCpuSeconds } from './host-stats.js'
import type { ControllerDatabase } from './controller-database.js'
import type { SimulatedFleet } from './simulated-fleet.js'

const POLL_MS = 100
/** After the last verdict, before and over the window of the dead fleet's CPU. */
const DEAD_SETTLE_MS = 3_000
const DEAD_WINDOW_MS = 10_000

export interface MassOutageProps {
  readonly fleet: SimulatedFleet
  /** Subclouds that onboarded (the others never come online). */
  readonly members: number
  readonly database: ControllerDatabase
  readonly controllerPid: number
  /** Raw batched inserts into the same PostgreSQL, rows per second. */
  readonly rawInsertsPerSecond: number
  /** A bare grpc-js client opening a Watch stream to every agent at once, in seconds. */
  readonly rawOpenSeconds: number
  readonly signal: AbortSignal
}

interface Transition {
  /** Wall-clock ms of the first poll that saw any subcloud change, and of the one that saw all. */
  readonly firstAt: number
  readonly allAt: number
  /** Wall-clock ms of the first poll that saw at least half, and nine tenths, changed. */
  readonly halfAt: number
  readonly ninetyAt: number
}

/** When half and nine tenths had changed, from `since`: whether the wait is a tail or the bulk. */
function spreadNote(t: Transition, since: number): string {
  const s = (at: number): string => `${((at - since) / 1000).toFixed(1)} s`
  return `first ${s(t.firstAt)}, half ${s(t.halfAt)}, 90 % ${s(t.ninetyAt)}, all ${s(t.allAt)}`
}

async function waitForAll(
  props: MassOutageProps,
  availability: 'online' | 'offline',
  n: number,
  /** How many were already in that state before the change. */
  baseline: number,
  timeoutMs: number,
): Promise<Transition> {
  const deadline = performance.now() + timeoutMs
  let firstAt: number | undefined
  let halfAt: number | undefined
  let ninetyAt: number | undefined
  for (;;) {
    props.signal.throwIfAborted()
    const counts = await props.database.availability()
    const now = Date.now()
    const changed = counts[availability] - baseline
    if (changed > 0) firstAt ??= now
    if (changed >= (n - baseline) / 2) halfAt ??= now
    if (changed >= ((n - baseline) * 9) / 10) ninetyAt ??= now
    if (counts[availability] >= n) {
      return { firstAt: firstAt ?? now, halfAt: halfAt ?? now, ninetyAt: ninetyAt ?? now, allAt: now }
    }
    if (performance.now() > deadline) {
      throw new Error(`timed out waiting for ${n} subclouds ${availability}: ${counts[availability]} so far`)
    }
    await new Promise((r) => setTimeout(r, POLL_MS))
  }
}

/** Issue 15: a site-wide outage and its end are in the database within this, each way. */
const OUTAGE_TARGET_S = 10

/**
 * The burst half of scenario 6: every virtual agent killed at once (a site-wide outage, as in
 * StarlingX's "200 subclouds offline at once"), timed until the database holds all of them
 * offline, then all revived and timed until all are online. The write rate is the subclouds whose
 * status changed over the time the changes took to land, polled every 100 ms, so it is a floor.
 */
export async function measureMassOutage(props: MassOutageProps): Promise<BenchRow[]> {
  const n = props.members
  const timeoutMs = 120_000 + n * 10
  const before = await props.database.availability()
  const killed = await props.fleet.everywhere('kill *')
  const killedAt = Math.max(...killed.map((a) => a.atMs))
  const down = await waitForAll(props, 'offline', props.fleet.subclouds.length, before.offline, timeoutMs)
  // A regional outage can last hours: what the controller spends on subclouds it cannot reach.
  await new Promise((r) => setTimeout(r, DEAD_SETTLE_MS))
  const cpuBefore = processCpuSeconds(props.controllerPid)
  const windowStart = performance.now()
  await new Promise((r) => setTimeout(r, DEAD_WINDOW_MS))
  const deadCpuShare =
    (processCpuSeconds(props.controllerPid) - cpuBefore) / ((performance.now() - windowStart) / 1000)
  const revived = await props.fleet.everywhere('revive *')
  const revivedAt = Math.max(...revived.map((a) => a.atMs))
  const up = await waitForAll(props, 'online', n, 0, timeoutMs)
  const spreadSeconds = Math.max(POLL_MS, down.allAt - down.firstAt) / 1000
  const updatesPerSecond = n / spreadSeconds
  const label = n.toLocaleString('en-US')
  const offlineSeconds = (down.allAt - killedAt) / 1000
  const onlineSeconds = (up.allAt - revivedAt) / 1000
  return [
    {
      figure: `mass outage ${label}: all killed -> all offline in the database`,
      value: offlineSeconds,
      unit: 's',
      target: `<= ${OUTAGE_TARGET_S} s`,
      met: offlineSeconds <= OUTAGE_TARGET_S,
      note: `${spreadNote(down, killedAt)}; StarlingX: 200 subclouds offline at once drained in 55 s (was 90 s)`,
    },
    {
      figure: `database ${label}: status writes in the mass outage`,
      value: updatesPerSecond,
      unit: 'subclouds/s',
      target: null,
      rawLimit: props.rawInsertsPerSecond,
      ratio: updatesPerSecond / props.rawInsertsPerSecond,
      note: 'a floor (100 ms polls); raw limit: batched inserts of status rows, 1,000 per statement, same server',
    },
    {
      figure: `mass outage ${label}: controller CPU while every subcloud is offline`,
      value: deadCpuShare * 100,
      unit: '% of a core',
      target: null,
      note: `over ${DEAD_WINDOW_MS / 1000} s, from ${DEAD_SETTLE_MS / 1000} s after the last offline verdict landed`,
    },
    {
      figure: `mass outage ${label}: all revived -> all online in the database`,
      value: onlineSeconds,
      unit: 's',
      target: `<= ${OUTAGE_TARGET_S} s`,
      rawLimit: props.rawOpenSeconds,
      ratio: props.rawOpenSeconds / onlineSeconds,
      met: onlineSeconds <= OUTAGE_TARGET_S,
      note: `${spreadNote(up, revivedAt)}; raw limit: a bare grpc-js client opening every stream at once`,
    },
  ]
}
