import type { NetworkStrategy__Output, StrategyStep__Output } from '@dc/protos'

// A strategy ends in one of these; `--wait` stops there.
const END_STATES: ReadonlySet<string> = new Set(['complete', 'failed', 'aborted'])
// Steps that have not started, or never will; every other state is a step in flight, whatever
// host action (`lock controller-1`) the controller names it by.
const NOT_STARTED_STATES: ReadonlySet<string> = new Set(['initial', 'refused', 'skipped'])

const BAR_WIDTH = 16

/** True when the strategy state is an end state: complete, failed or aborted. */
export function isStrategySettled(state: string): boolean {
  return END_STATES.has(state)
}

/** Steps of a strategy counted the way the progress line shows them. */
export interface StrategyProgress {
  readonly total: number
  readonly complete: number
  readonly failed: number
  readonly aborted: number
  readonly inProgress: number
}

/** Counts from the strategy's per-state step counts. */
export function strategyProgress(strategy: NetworkStrategy__Output): StrategyProgress {
  const count = (state: string) =>
    strategy.step_counts.filter((c) => c.state === state).reduce((sum, c) => sum + c.count, 0)
  const inProgress = strategy.step_counts
    .filter((c) => !END_STATES.has(c.state) && !NOT_STARTED_STATES.has(c.state))
    .reduce((sum, c) => sum + c.count, 0)
  return {
    total: strategy.total_steps,
    complete: count('complete'),
    failed: count('failed'),
    aborted: count('aborted'),
    inProgress,
  }
}

/**
 * One line of `--wait` progress. `bar` (for a terminal, redrawn in place) leads with a bar of the
 * steps that have ended; `plain` is the same text without it, printed once per change.
 *
 * @example
 * progressLine(strategy, 'bar')
 * // [#########.......] 120/200 complete  3 failed  20 in progress  state applying
 */
export function progressLine(strategy: NetworkStrategy__Output, style: 'bar' | 'plain'): string {
  const p = strategyProgress(strategy)
  const parts = [`${p.complete}/${p.total} complete`, `${p.failed} failed`]
  if (p.aborted > 0) parts.push(`${p.aborted} aborted`)
  parts.push(`${p.inProgress} in progress`, `state ${strategy.state}`)
  const text = parts.join('  ')
  if (style === 'plain') return text
  const ended = p.complete + p.failed + p.aborted
  const filled = p.total === 0 ? 0 : Math.min(BAR_WIDTH, Math.floor((ended / p.total) * BAR_WIDTH))
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${text}`
}

/**
 * What `--wait` reports on stderr when the strategy ended failed or aborted: a summary line, then
 * each failed step's cloud and why.
 */
export function unsuccessfulReport(
  strategy: NetworkStrategy__Output,
  steps: readonly StrategyStep__Output[],
): { readonly message: string; readonly details: readonly string[] } {
  const why = strategy.details === '' ? '' : `: ${strategy.details}`
  return {
    message: `Network strategy ${strategy.state}${why}`,
    details: steps
      .filter((step) => step.state === 'failed')
      .map((step) => `${step.cloud}: ${step.details === '' ? 'failed' : step.details}`),
  }
}
