import type { FleetPhase } from './fleet-scenario.js'

/** One line of `bench/results.json`. Later scenarios fill the raw-limit columns. */
export interface BenchRow {
  readonly figure: string
  /** NaN (null in JSON) when the figure could not be measured; `note` says why. */
  readonly value: number
  readonly unit: string
  /** The goal, as text (`<= 1 ms`), or null where the figure is informational. */
  readonly target: string | null
  /** The same work done by the raw primitive in the same run, when the scenario has one. */
  readonly rawLimit?: number
  /**
   * The fraction of the raw limit reached, 1 meaning as good as the raw primitive: value / rawLimit
   * for throughputs, rawLimit / value for durations.
   */
  readonly ratio?: number
  /** false when the target is missed; absent when there is no target. */
  readonly met?: boolean
  /** What the reader must know to read the figure (conditions, what was not measured and why). */
  readonly note?: string
}

export interface BenchContext {
  readonly quick: boolean
  /** Fleet sizes asked for on the command line (`--sizes 1000,10000`); scenarios pick their own otherwise. */
  readonly sizes: readonly number[] | undefined
  /** Fleet phases asked for (`--phases rollout,geo`), their prerequisites added; all when absent. */
  readonly phases: readonly FleetPhase[] | undefined
  readonly signal: AbortSignal
}

export interface Scenario {
  readonly name: string
  run(ctx: BenchContext): Promise<readonly BenchRow[]>
}

/** Median of a sample; the sample is sorted in place. */
export function median(sample: number[]): number {
  sample.sort((a, b) => a - b)
  const mid = sample.length >> 1
  return sample.length % 2 === 1 ? (sample[mid] ?? 0) : ((sample[mid - 1] ?? 0) + (sample[mid] ?? 0)) / 2
}

/** A duration target as text, with as many decimals as small fleets need: `<= 0.12 s`, `<= 60 s`. */
export function secondsTarget(seconds: number, why: string): string {
  const digits = seconds >= 10 ? 0 : seconds >= 1 ? 1 : 2
  return `<= ${seconds.toFixed(digits)} s (${why})`
}

/** Nearest-rank percentile (`p` in 0..100) of a sample; NaN for an empty one. */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) return Number.NaN
  const sorted = [...sample].sort((a, b) => a - b)
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1] ?? Number.NaN
}

/** Milliseconds taken by `fn`, measured with the monotonic clock. */
export function timeMs(fn: () => void): number {
  const start = process.hrtime.bigint()
  fn()
  return Number(process.hrtime.bigint() - start) / 1e6
}
