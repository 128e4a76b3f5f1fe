import type { Subcloud__Output } from '@dc/protos'

import type { CliContext } from '../cli-context.js'
import type { CommandArgs, CommandResult, CommandSpec } from '../command-spec.js'
import { readInputFile } from './read-input-file.js'
import {
  SUBCLOUD_ARGUMENT,
  SYSADMIN_PASSWORD_OPTION,
  WAIT_OPTION,
  showSubcloud,
  waitForDeploy,
} from './subcloud-commands.js'

/** The subcloud a deploy call answered with, followed to its end with `--wait`. */
async function deployResult(
  ctx: CliContext,
  args: CommandArgs,
  started: Subcloud__Output,
): Promise<CommandResult> {
  return showSubcloud(args.flag('wait') ? await waitForDeploy(ctx, started) : started, false)
}

/** `dcmanager subcloud redeploy` and `subcloud deploy resume|abort`: recovering a deploy in place. */
export const SUBCLOUD_DEPLOY_COMMANDS: readonly CommandSpec<CliContext>[] = [
  {
    name: 'subcloud redeploy',
    summary: 'Reset an unmanaged subcloud and deploy it again with new bootstrap values.',
    positionals: [SUBCLOUD_ARGUMENT],
    options: [
      {
        name: 'bootstrap-values',
        kind: 'string',
        metavar: '<file>',
        required: true,
        help: 'YAML file with the bootstrap values, checked as subcloud add checks them; its name must be the subcloud name',
      },
      SYSADMIN_PASSWORD_OPTION,
      WAIT_OPTION,
    ],
    output: 'show',
    async run(ctx, args) {
      const path = args.string('bootstrap-values') ?? ''
      const started = await ctx.dcManager.RedeploySubcloud({
        subcloud: args.positional('subcloud'),
        bootstrap_values_yaml: await readInputFile(ctx, 'bootstrap-values', path, 'a bootstrap values file'),
      })
      return deployResult(ctx, args, started)
    },
  },
  {
    name: 'subcloud deploy resume',
    summary: 'Resume a failed or aborted deploy from the phase that did not complete.',
    positionals: [SUBCLOUD_ARGUMENT],
    options: [SYSADMIN_PASSWORD_OPTION, WAIT_OPTION],
    output: 'show',
    async run(ctx, args) {
      const started = await ctx.dcManager.ResumeSubcloudDeploy({ subcloud: args.positional('subcloud') })
      return deployResult(ctx, args, started)
    },
  },
  {
    name: 'subcloud deploy abort',
    summary: 'Abort a deploy in its bootstrap phase; it ends in bootstrap-aborted.',
    positionals: [SUBCLOUD_ARGUMENT],
    options: [],
    output: 'show',
    async run(ctx, args) {
      return showSubcloud(
        await ctx.dcManager.AbortSubcloudDeploy({ subcloud: args.positional('subcloud') }),
        false,
      )
    },
  },
]
