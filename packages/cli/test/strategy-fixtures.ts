// Network strategies and steps as the controller answers them (every field present), for the
// rendering tests and the fake server.
import type { NetworkStrategy__Output, StrategyStep__Output } from '@dc/protos'

/** A fleet strategy in `state` with `counts` steps per step state; total is their sum. */
export function networkStrategy(
  state: string,
  counts: Readonly<Record<string, number>>,
  more: Partial<NetworkStrategy__Output> = {},
): NetworkStrategy__Output {
  const stepCounts = Object.entries(counts).map(([s, count]) => ({ state: s, count }))
  return {
    uuid: '5d2c6a0e-7f4b-4c1d-9a8e-0b1c2d3e4f50',
    type: 'network',
    state,
    subcloud_apply_type: 'parallel',
    max_parallel_subclouds: 20,
    stop_on_failure: false,
    plan_kind: 'add',
    group: '',
    subcloud: '',
    step_counts: stepCounts,
    refused_steps: counts['refused'] ?? 0,
    skipped_subclouds: 1,
    created_at: '2026-12-06T07:00:00Z',
    updated_at: '',
    details: '',
    total_steps: stepCounts.filter((c) => c.state !== 'skipped').reduce((sum, c) => sum + c.count, 0),
    ...more,
  }
}

/** One subcloud's step in `state`. */
export function strategyStep(
  cloud: string,
  state: string,
  more: Partial<StrategyStep__Output> = {},
): StrategyStep__Output {
  return {
    cloud,
    stage: state === 'initial' ? 1 : 2,
    state,
    details: '',
    started_at: '',
    finished_at: '',
    created_at: '2026-12-06T07:00:00Z',
    updated_at: '',
    commands: [],
    host_actions: [],
    base_generation: '7',
    ...more,
  }
}
