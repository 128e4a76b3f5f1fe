import type { StepUpdate } from './network-strategy.js'

/**
 * One update with the effect of `earlier` then `later` on the same step: the later state, and
 * each other field from the later update where it has one, else from the earlier.
 */
export function mergeStepUpdate(earlier: StepUpdate, later: StepUpdate): StepUpdate {
  const merged: Record<string, unknown> = { ...earlier }
  for (const [field, value] of Object.entries(later)) {
    if (value !== undefined) merged[field] = value
  }
  return merged as unknown as StepUpdate
}

/**
 * At most one update per subcloud, in the order each subcloud first appears, each the merge of
 * that subcloud's updates in order: a set-based statement may touch a row only once.
 */
export function mergeStepUpdates(updates: readonly StepUpdate[]): StepUpdate[] {
  const bySubcloud = new Map<string, StepUpdate>()
  for (const update of updates) {
    const earlier = bySubcloud.get(update.subcloudName)
    bySubcloud.set(update.subcloudName, earlier === undefined ? update : mergeStepUpdate(earlier, update))
  }
  return [...bySubcloud.values()]
}
