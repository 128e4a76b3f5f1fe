import type { CreateNetworkStrategyRequest, NetworkStrategy__Output } from '@dc/protos'

import type { CliContext } from '../cli-context.js'
import type { CommandArgs, CommandResult, CommandSpec, OptionSpec } from '../command-spec.js'
import { UnsuccessfulOutcomeError } from '../errors.js'
import { withoutUndefined } from '../without-undefined.js'
import { networkStrategyTable } from './network-strategy-table.js'
import { readInputFile } from './read-input-file.js'
import { unsuccessfulReport } from './strategy-progress.js'
import { waitForStrategy } from './wait-for-strategy.js'

/** `--max-parallel-subclouds` bounds, as StarlingX's orchestration. */
export const MAX_PARALLEL_SUBCLOUDS_RANGE = { min: 1, max: 5000 } as const

/**
 * The create request without its plan: the scope and pacing flags, checked as StarlingX checks
 * them, each refusal a usage error naming the flag.
 */
export function strategyScope(args: CommandArgs): Omit<CreateNetworkStrategyRequest, 'plan_yaml'> {
  const group = args.string('group')
  const subcloud = args.optionalPositional('subcloud')
  const applyType = args.string('subcloud-apply-type')
  const maxParallel = args.integer('max-parallel-subclouds')
  const { min, max } = MAX_PARALLEL_SUBCLOUDS_RANGE
  if (maxParallel !== undefined && (maxParallel < min || maxParallel > max)) {
    throw args.usageError(
      `argument --max-parallel-subclouds: must be from ${min} to ${max}, not ${maxParallel}`,
    )
  }
  if (group !== undefined && subcloud !== undefined) {
    throw args.usageError(
      'argument --group: not allowed with a subcloud; a strategy is for a group or one subcloud',
    )
  }
  // A group brings its own apply type and max parallel subclouds (StarlingX's rule).
  if (group !== undefined && (applyType !== undefined || maxParallel !== undefined)) {
    throw args.usageError(
      'argument --group: not allowed with --subcloud-apply-type or --max-parallel-subclouds; ' +
        "the group's own apply type and max parallel subclouds apply",
    )
  }
  return withoutUndefined<Omit<CreateNetworkStrategyRequest, 'plan_yaml'>>({
    group,
    subcloud,
    subcloud_apply_type: applyType,
    max_parallel_subclouds: maxParallel,
    stop_on_failure: args.flag('stop-on-failure'),
  })
}

// `--wait`: the final table, or the table plus the failed steps when it did not complete.
async function followToEnd(ctx: CliContext, strategy: NetworkStrategy__Output): Promise<CommandResult> {
  const last = await waitForStrategy(ctx, strategy, { signal: ctx.signal })
  const table = networkStrategyTable(last)
  if (last.state === 'complete') return table
  const { steps } = await ctx.dcManager.ListStrategySteps({ include_skipped: false })
  const report = unsuccessfulReport(last, steps)
  throw new UnsuccessfulOutcomeError(report.message, table, report.details)
}

const WAIT_OPTION: OptionSpec = {
  name: 'wait',
  kind: 'boolean',
  help:
    'Follow the strategy until it is complete, failed or aborted (a progress bar on a terminal), ' +
    'then show it; exit status 1 unless it completed. Ctrl-C stops waiting, not the strategy',
}

/** A strategy command without arguments, answered with the strategy table. */
function strategyCommand(
  name: string,
  summary: string,
  options: readonly OptionSpec[],
  call: (ctx: CliContext) => Promise<NetworkStrategy__Output>,
): CommandSpec<CliContext> {
  return {
    name,
    summary,
    positionals: [],
    options,
    output: 'show',
    async run(ctx, args) {
      const strategy = await call(ctx)
      return args.flag('wait') ? followToEnd(ctx, strategy) : networkStrategyTable(strategy)
    },
  }
}

/** `dcmanager network-strategy create|show|apply|abort|delete`. */
export const NETWORK_STRATEGY_COMMANDS: readonly CommandSpec<CliContext>[] = [
  {
    name: 'network-strategy create',
    summary:
      'Create the network strategy: a dry run of the plan on every subcloud taking part, one step per subcloud.',
    positionals: [
      {
        name: 'subcloud',
        metavar: '<subcloud>',
        optional: true,
        help: 'Name or ID of the one subcloud to change (default: every managed, online subcloud)',
      },
    ],
    options: [
      {
        name: 'plan',
        kind: 'string',
        metavar: '<file>',
        required: true,
        help: 'YAML plan: add: (secondary pools) or remove: (networks back to single stack)',
      },
      {
        name: 'group',
        kind: 'string',
        metavar: '<group>',
        help: 'Name or ID of the subcloud group to change',
      },
      {
        name: 'subcloud-apply-type',
        kind: 'string',
        metavar: '<parallel | serial>',
        choices: ['parallel', 'serial'],
        help: 'Apply the steps in parallel or one at a time (default parallel)',
      },
      {
        name: 'max-parallel-subclouds',
        kind: 'string',
        metavar: '<count>',
        help: `Steps in flight at most (${MAX_PARALLEL_SUBCLOUDS_RANGE.min}-${MAX_PARALLEL_SUBCLOUDS_RANGE.max}; default 20)`,
      },
      { name: 'stop-on-failure', kind: 'boolean', help: 'Start no new step after the first failed one' },
    ],
    output: 'show',
    async run(ctx, args) {
      const scope = strategyScope(args)
      const planYaml = await readInputFile(ctx, '--plan', args.string('plan') ?? '', 'a plan file')
      return networkStrategyTable(
        await ctx.dcManager.CreateNetworkStrategy({ ...scope, plan_yaml: planYaml }),
      )
    },
  },
  strategyCommand(
    'network-strategy show',
    'Show the network strategy and its steps counted by state.',
    [WAIT_OPTION],
    (ctx) => ctx.dcManager.GetNetworkStrategy({}),
  ),
  strategyCommand(
    'network-strategy apply',
    'Apply the network strategy; refused while any step is refused.',
    [WAIT_OPTION],
    (ctx) => ctx.dcManager.ApplyNetworkStrategy({}),
  ),
  strategyCommand(
    'network-strategy abort',
    'Abort the network strategy: steps in flight finish, no new one starts.',
    [],
    (ctx) => ctx.dcManager.AbortNetworkStrategy({}),
  ),
  strategyCommand(
    'network-strategy delete',
    'Delete the network strategy; refused while it is applying or aborting.',
    [],
    (ctx) => ctx.dcManager.DeleteNetworkStrategy({}),
  ),
]
