import type { StepState } from './network-strategy.js'

/** Every step state in the order a step goes through them: `step_counts` and listings follow it. */
export const STEP_STATES: readonly StepState[] = [
  'initial',
  'pre-check',
  'applying change',
  'host actions',
  'wait for kubernetes',
  'wait for in-sync',
  'complete',
  'failed',
  'aborted',
  'refused',
  'skipped',
]

/** Steps a previous run left between `pre-check` and `wait for in-sync`: resumed first. */
export const IN_FLIGHT_STEP_STATES: readonly StepState[] = [
  'pre-check',
  'applying change',
  'host actions',
  'wait for kubernetes',
  'wait for in-sync',
]
