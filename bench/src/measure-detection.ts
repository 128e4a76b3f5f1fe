import { credentials } from '@grpc/grpc-js'
import { loadProtos } from '@dc/protos'
import type { Subcloud__Output } from '@dc/protos'
import type { ManifestSubcloud } from '@dc/subcloud-agent'
import { unary } from '@dc/test/support/index.js'
import { CALL_TIMEOUT_MS } from './bench-controller.js'
import type { BenchController } from './bench-controller.js'
import { percentile } from './bench-row.js'
import type { BenchRow } from './bench-row.js'
import type { ControllerDatabase } from './controller-database.js'
import { forEachBounded } from './for-each-bounded.js'
import { waitForFleet } from './wait-for-fleet.js'
import { AGENT_CHANNEL_OPTIONS, literalTarget } from './raw-grpc.js'
import type { SimulatedFleet } from './simulated-fleet.js'

export type Fault = 'kill' | 'freeze'

export interface DetectionProps {
  readonly controller: BenchController
  readonly database: ControllerDatabase
  readonly fleet: SimulatedFleet
  /** The managed subclouds to pick victims from. */
  readonly subclouds: readonly ManifestSubcloud[]
  readonly trials: number
  /** Trials running at once, on different subclouds. */
  readonly concurrency: number
  readonly signal: AbortSignal
}

const POLL_MS = 50
const UNDO: Record<Fault, string> = { kill: 'revive', freeze: 'thaw' }
/** Targets with the controller's default settings (1 s heartbeats, two strikes). */
const TARGET_P99_MS: Record<Fault, number> = { kill: 1_000, freeze: 5_000 }
/** The two-strike rule's floor with default settings: two missed windows of interval plus grace. */
const FREEZE_FLOOR_MS = 2 * (1_000 + 500)

interface Sample {
  readonly detectMs: number
  /** When a bare stream of this bench saw the same kill (kill only). */
  readonly rawMs: number | undefined
}

/** Resolves with the wall-clock time a bare Watch stream to `address` breaks. */
function rawStreamBreak(address: string): { ready: Promise<void>; broken: Promise<number>; close(): void } {
  const client = new (loadProtos().dc.agent.v1.Agent)(
    literalTarget(address),
    credentials.createInsecure(),
    AGENT_CHANNEL_OPTIONS,
  )
  const stream = client.Watch({ heartbeat_interval_ms: 1_000 })
  let closing = false
  const ready = new Promise<void>((resolve) => stream.once('data', () => resolve()))
  const broken = new Promise<number>((resolve) => {
    const done = (): void => {
      if (!closing) resolve(Date.now())
    }
    stream.once('error', done)
    stream.once('end', done)
  })
  return {
    ready,
    broken,
    close: () => {
      closing = true
      stream.cancel()
      client.close()
    },
  }
}

async function offlineSeenAt(
  controller: BenchController,
  name: string,
  signal: AbortSignal,
): Promise<number> {
  const deadline = performance.now() + 120_000
  while (performance.now() < deadline) {
    signal.throwIfAborted()
    const s = await unary<Subcloud__Output>(
      (o, cb) => controller.dcManager.GetSubcloud({ subcloud: name }, o, cb),
      CALL_TIMEOUT_MS,
    )
    if (s.availability_status === 'offline') return Date.now()
    await new Promise((r) => setTimeout(r, POLL_MS))
  }
  throw new Error(`${name} was never reported offline`)
}

async function trial(props: DetectionProps, fault: Fault, victim: ManifestSubcloud): Promise<Sample> {
  const control = props.fleet.controlOf(victim.name)
  const raw = fault === 'kill' ? rawStreamBreak(victim.primary) : undefined
  try {
    await raw?.ready
    // A random point in the heartbeat cycle, so the sample covers all of it.
    await new Promise((r) => setTimeout(r, Math.random() * 1_000))
    const { atMs } = await control.fault(`${fault} ${victim.name}`)
    const seenAt = await offlineSeenAt(props.controller, victim.name, props.signal)
    const rawAt = raw === undefined ? undefined : await raw.broken
    return { detectMs: seenAt - atMs, rawMs: rawAt === undefined ? undefined : rawAt - atMs }
  } finally {
    raw?.close()
    await control.fault(`${UNDO[fault]} ${victim.name}`)
  }
}

/**
 * Scenario 2: kill (process dies, connections closed) or freeze (silent, connections open) one
 * virtual agent at a time among N managed, at a random point of its heartbeat cycle, and time
 * from the fault to the controller's API reporting the subcloud offline (polled every 50 ms).
 * Different subclouds take turns, a few at once; each is restored afterwards.
 */
export async function measureDetection(props: DetectionProps): Promise<BenchRow[]> {
  const { subclouds } = props
  const n = subclouds.length
  const step = Math.max(1, Math.floor(n / (2 * props.trials)))
  const victims = (offset: number): ManifestSubcloud[] =>
    Array.from({ length: props.trials }, (_, i) => subclouds[(i * 2 * step + offset) % n]).filter(
      (s): s is ManifestSubcloud => s !== undefined,
    )
  const rows: BenchRow[] = []
  const label = n.toLocaleString('en-US')
  for (const [fault, offset] of [
    ['kill', 0],
    ['freeze', step],
  ] as const) {
    const samples: Sample[] = []
    await forEachBounded(victims(offset), props.concurrency, async (victim) => {
      samples.push(await trial(props, fault, victim))
    })
    const detect = samples.map((s) => s.detectMs)
    const raw = samples.flatMap((s) => (s.rawMs === undefined ? [] : [s.rawMs]))
    for (const p of [50, 99]) {
      const value = percentile(detect, p)
      const rawLimit = fault === 'kill' ? percentile(raw, p) : FREEZE_FLOOR_MS
      rows.push({
        figure: `time to detect ${fault} at ${label} managed (p${p}, ${samples.length} trials)`,
        value,
        unit: 'ms',
        target: p === 99 ? `<= ${TARGET_P99_MS[fault]} ms` : null,
        rawLimit,
        ratio: rawLimit / value,
        ...(p === 99 ? { met: value <= TARGET_P99_MS[fault] } : {}),
        note:
          fault === 'kill'
            ? 'raw limit: a bare Watch stream of the bench seeing the same kill'
            : 'raw limit: the floor of the two-strike rule, 2 x (1 s heartbeat + 0.5 s grace), not a measurement',
      })
    }
  }
  await waitForFleet(
    props.database,
    new Set(subclouds.map((s) => s.name)),
    (s) => s.availability_status === 'online',
    'every victim back online',
    { timeoutMs: 120_000, signal: props.signal },
  )
  return rows
}
