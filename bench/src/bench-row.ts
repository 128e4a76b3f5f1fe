/** One line of `bench/results.json`. Later scenarios fill the raw-limit columns. */
export interface BenchRow {
  readonly figure: string
  readonly value: number
  readonly unit: string
  /** The goal, as text (`<= 1 ms`), or null where the figure is informational. */
  readonly target: string | null
  /** The same work done by the raw primitive in the same run, when the scenario has one. */
  readonly rawLimit?: number
  /** value / rawLimit, or rawLimit / value for throughputs: always "fraction of the raw limit". */
  readonly ratio?: number
  /** false when the target is missed; absent when there is no target. */
  readonly met?: boolean
}

export interface BenchContext {
  readonly quick: boolean
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

/** Milliseconds taken by `fn`, measured with the monotonic clock. */
export function timeMs(fn: () => void): number {
  const start = process.hrtime.bigint()
  fn()
  return Number(process.hrtime.bigint() - start) / 1e6
}
