import type { NetworkStrategy__Output } from '@dc/protos'

import type { CommandResult } from '../command-spec.js'
import type { CellValue } from '../format-cell.js'
import { orNone } from './dcmanager-results.js'

/**
 * `network-strategy show` (and what create, apply, abort and delete answer), laid out like
 * StarlingX's `dcmanager strategy show`, with one `steps <state>` row per step state that has
 * steps, in the order the controller sends them.
 */
export function networkStrategyTable(strategy: NetworkStrategy__Output): CommandResult {
  const fields: (readonly [string, CellValue])[] = [
    ['strategy type', strategy.type],
    ['subcloud apply type', strategy.subcloud_apply_type],
    ['max parallel subclouds', strategy.max_parallel_subclouds],
    ['stop on failure', strategy.stop_on_failure],
    ['state', strategy.state],
    ['plan', strategy.plan_kind],
    ['group', orNone(strategy.group)],
    ['subcloud', orNone(strategy.subcloud)],
    ['steps total', strategy.total_steps],
    ...strategy.step_counts.map((c): readonly [string, CellValue] => [`steps ${c.state}`, c.count]),
    ['refused steps', strategy.refused_steps],
    ['skipped subclouds', strategy.skipped_subclouds],
    ['details', orNone(strategy.details)],
    ['created_at', strategy.created_at],
    ['updated_at', orNone(strategy.updated_at)],
  ]
  return { kind: 'show', fields }
}
