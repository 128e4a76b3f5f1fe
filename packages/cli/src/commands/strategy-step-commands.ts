import type { StrategyStep__Output } from '@dc/protos'

import type { CliContext } from '../cli-context.js'
import { objectCommand } from '../command-spec.js'
import type { CommandResult, CommandSpec } from '../command-spec.js'
import type { CellValue } from '../format-cell.js'
import { listResult, orNone } from './dcmanager-results.js'

/** `dcmanager strategy-step list` columns, as StarlingX's. */
export const STRATEGY_STEP_COLUMNS = [
  'cloud',
  'stage',
  'state',
  'details',
  'started_at',
  'finished_at',
] as const

function stepCells(step: StrategyStep__Output): CellValue[] {
  return [
    step.cloud,
    step.stage,
    step.state,
    orNone(step.details),
    orNone(step.started_at),
    orNone(step.finished_at),
  ]
}

/** The steps as `strategy-step list` prints them. */
export function strategyStepList(steps: readonly StrategyStep__Output[]): CommandResult {
  return listResult(STRATEGY_STEP_COLUMNS, steps.map(stepCells))
}

/**
 * One step as `strategy-step show` prints it: StarlingX's fields, the generation the plan was made
 * for, then each command and host action on its own row (`command 1`, `host action 1`, ...), so
 * every one reads whole in the table and `-f value` gives one per line.
 */
export function strategyStepShow(step: StrategyStep__Output): CommandResult {
  const numbered = (label: string, lines: readonly string[]) =>
    lines.map((line, i): readonly [string, CellValue] => [`${label} ${i + 1}`, line])
  const cells = stepCells(step)
  return {
    kind: 'show',
    fields: [
      ...STRATEGY_STEP_COLUMNS.map((column, i): readonly [string, CellValue] => [column, cells[i] ?? null]),
      ['created_at', step.created_at],
      ['updated_at', orNone(step.updated_at)],
      ['base generation', step.base_generation],
      ...numbered('command', step.commands),
      ...numbered('host action', step.host_actions),
    ],
  }
}

/** `dcmanager strategy-step list|show`: the steps of the network strategy. */
export const STRATEGY_STEP_COMMANDS: readonly CommandSpec<CliContext>[] = [
  {
    name: 'strategy-step list',
    summary: 'List the steps of the network strategy, one per subcloud.',
    positionals: [],
    options: [
      {
        name: 'include-skipped',
        kind: 'boolean',
        help: 'Also list the subclouds left out at create, in state skipped, with the reason',
      },
    ],
    output: 'list',
    async run(ctx, args) {
      const { steps } = await ctx.dcManager.ListStrategySteps({
        include_skipped: args.flag('include-skipped'),
      })
      return strategyStepList(steps)
    },
  },
  objectCommand(
    'strategy-step show',
    'Show the step of one subcloud: its state, commands and host actions.',
    { name: 'subcloud', metavar: '<subcloud>', help: 'Name, region name or ID of the subcloud' },
    'show',
    async (ctx, cloud) => strategyStepShow(await ctx.dcManager.GetStrategyStep({ cloud })),
  ),
]
