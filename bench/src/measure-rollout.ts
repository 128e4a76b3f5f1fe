import type {
  ListStrategyStepsResponse__Output,
  NetworkStrategy__Output,
  StrategyStep__Output,
} from '@dc/protos'
import type { ManifestSubcloud } from '@dc/subcloud-agent'
import { unary, waitFor } from '@dc/test/support/index.js'
import type { BenchController } from './bench-controller.js'
import { median } from './bench-row.js'
import type { BenchRow } from './bench-row.js'
import { rawUnaryEcho } from './raw-grpc.js'

const TARGET_RATIO = 0.5
/**
 * The issue's add plan, with subnets clear of every range the simulated fleet holds: OAM /24s from
 * a /10 (16,384 of them, enough for any size the bench runs; the sites' IPv4 management /26s sit
 * in 10.0.0.0/11 and their OAM /29s in 172.16.0.0/14), cluster-host likewise (the pool fan-out
 * before this phase already gave every site one, so the plan leaves it alone), and shared cluster
 * pod and service subnets no site uses.
 */
export const ROLLOUT_PLAN_YAML = `add:
  oam:             { allocate_from: 10.128.0.0/10, prefix: 24 }
  cluster-host:    { allocate_from: 10.192.0.0/10, prefix: 24 }
  cluster-pod:     { subnet: 172.24.0.0/16 }
  cluster-service: { subnet: 10.96.0.0/12 }
`
/** Create is a dry run of the whole fleet in one call: a 10,000-site fleet takes a while. */
const CREATE_TIMEOUT_MS = 20 * 60_000
const CALL_TIMEOUT_MS = 60_000
/** Only says when to read the steps' finish times; coarse enough not to load the controller. */
const POLL_INTERVAL_MS = 250
const ENDED: ReadonlySet<string> = new Set(['complete', 'failed', 'aborted'])
/** Failed or refused steps named in an error, at most. */
const NAMED_STEPS = 5

export interface RolloutProps {
  readonly controller: BenchController
  /** The managed subclouds; each gets a step. */
  readonly subclouds: readonly ManifestSubcloud[]
  /** `--max-parallel-subclouds`, and the raw echo's subclouds in flight. */
  readonly parallelism: number
  /** Give up on the apply after this long. */
  readonly budgetMs: number
  readonly signal: AbortSignal
}

async function listSteps(controller: BenchController): Promise<StrategyStep__Output[]> {
  const listed = await unary<ListStrategyStepsResponse__Output>(
    (o, cb) => controller.dcManager.ListStrategySteps({ include_skipped: false }, o, cb),
    CALL_TIMEOUT_MS,
  )
  return listed.steps
}

function stepCount(strategy: NetworkStrategy__Output, state: string): number {
  return strategy.step_counts.find((c) => c.state === state)?.count ?? 0
}

/** A strategy that cannot run or did not complete, with its counts and the first steps at fault. */
async function rolloutError(
  controller: BenchController,
  strategy: NetworkStrategy__Output,
  what: string,
  badState: string,
): Promise<Error> {
  const named = (await listSteps(controller))
    .filter((s) => s.state === badState)
    .slice(0, NAMED_STEPS)
    .map((s) => `${s.cloud}: ${s.details}`)
  const counts = strategy.step_counts.map((c) => `${c.count} ${c.state}`).join(', ')
  return new Error(`network strategy ${what} (${counts}; ${strategy.details}): ${named.join('; ')}`)
}

/** When the last step finished (ms since the epoch) and how long a step took (median, ms). */
async function stepTimes(controller: BenchController): Promise<{ lastFinish: number; medianStepMs: number }> {
  const steps = await listSteps(controller)
  const finished = steps.map((s) => Date.parse(s.finished_at))
  return {
    lastFinish: Math.max(...finished),
    medianStepMs: median(steps.map((s, i) => (finished[i] ?? Number.NaN) - Date.parse(s.started_at))),
  }
}

/**
 * Scenario: the fleet rollout. `dcmanager network-strategy create` with the add plan for
 * every managed subcloud, `--max-parallel-subclouds` = `parallelism`, then `apply` until complete.
 * The raw limit is a unary echo of one call per subcloud over the same kind of per-subcloud
 * channels at the same parallelism, measured just before: a step can be no faster than one round
 * trip to its agent.
 */
export async function measureRollout(props: RolloutProps): Promise<BenchRow[]> {
  const { controller, subclouds, parallelism, signal } = props
  const { dcManager } = controller
  const echo = await rawUnaryEcho(
    subclouds.map((s) => s.primary),
    1,
    parallelism,
  )
  const createStart = performance.now()
  const created = await unary<NetworkStrategy__Output>(
    (o, cb) =>
      dcManager.CreateNetworkStrategy(
        {
          plan_yaml: ROLLOUT_PLAN_YAML,
          subcloud_apply_type: 'parallel',
          max_parallel_subclouds: parallelism,
        },
        o,
        cb,
      ),
    CREATE_TIMEOUT_MS,
  )
  const createSeconds = (performance.now() - createStart) / 1000
  try {
    if (created.refused_steps > 0) throw await rolloutError(controller, created, 'refused', 'refused')
    // Wall clock, as the controller stamps its steps on the same host: the apply ends with the
    // last step's finished_at, not with the next poll.
    const applyStart = Date.now()
    await unary((o, cb) => dcManager.ApplyNetworkStrategy({}, o, cb), CALL_TIMEOUT_MS)
    const ended = await waitFor(
      async () => {
        const s = await unary<NetworkStrategy__Output>(
          (o, cb) => dcManager.GetNetworkStrategy({}, o, cb),
          CALL_TIMEOUT_MS,
        )
        return ENDED.has(s.state) ? s : undefined
      },
      {
        timeoutMs: props.budgetMs,
        intervalMs: POLL_INTERVAL_MS,
        message: 'network strategy applied',
        signal,
      },
    )
    if (ended.state !== 'complete') throw await rolloutError(controller, ended, ended.state, 'failed')
    const { lastFinish, medianStepMs } = await stepTimes(controller)
    const applySeconds = (lastFinish - applyStart) / 1000
    const completed = stepCount(ended, 'complete')
    const perSecond = completed / applySeconds
    const label = subclouds.length.toLocaleString('en-US')
    const skipped = created.skipped_subclouds > 0 ? `, ${created.skipped_subclouds} skipped` : ''
    return [
      {
        figure: `network rollout ${label}: create (dry run of the fleet)`,
        value: createSeconds,
        unit: 's',
        target: null,
        note: `${created.total_steps} steps${skipped}: Describe and Plan on every subcloud, subnets allocated fleet-wide`,
      },
      {
        figure: `network rollout ${label}: apply throughput`,
        value: perSecond,
        unit: 'subclouds/s',
        target: `>= ${TARGET_RATIO} of raw`,
        rawLimit: echo.callsPerSecond,
        ratio: perSecond / echo.callsPerSecond,
        met: perSecond / echo.callsPerSecond >= TARGET_RATIO,
        note:
          `${completed} steps complete in ${applySeconds.toFixed(1)} s, --max-parallel-subclouds ${parallelism}, ` +
          `a step ${Math.round(medianStepMs)} ms (median); ` +
          'raw limit: unary echo, 1 call per subcloud, same channels and parallelism',
      },
    ]
  } finally {
    // Later phases (mass outage, geo) must not find a strategy in their way.
    await unary((o, cb) => dcManager.DeleteNetworkStrategy({}, o, cb), CALL_TIMEOUT_MS).catch(() => undefined)
  }
}
