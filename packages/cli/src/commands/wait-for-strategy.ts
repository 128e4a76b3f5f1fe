import { setTimeout as sleep } from 'node:timers/promises'

import type { NetworkStrategy__Output } from '@dc/protos'

import type { CliContext } from '../cli-context.js'
import { CliError } from '../errors.js'
import { isStrategySettled, progressLine } from './strategy-progress.js'

/**
 * Follows the network strategy from `first` until it is complete, failed or aborted, polling
 * `GetNetworkStrategy` every `ctx.pollIntervalMs`. On a terminal the progress bar is redrawn in
 * place; otherwise a plain line is printed each time the counts or the state change. Aborting
 * `signal` (Ctrl-C) stops the waiting only: the strategy goes on on the controller.
 */
export async function waitForStrategy(
  ctx: CliContext,
  first: NetworkStrategy__Output,
  options: { readonly signal: AbortSignal },
): Promise<NetworkStrategy__Output> {
  const { signal } = options
  let current = first
  let printed = ''
  const report = (strategy: NetworkStrategy__Output) => {
    if (ctx.interactive) {
      ctx.redraw(progressLine(strategy, 'bar'))
      return
    }
    const line = progressLine(strategy, 'plain')
    if (line !== printed) ctx.progress(line)
    printed = line
  }
  report(current)
  try {
    while (!isStrategySettled(current.state)) {
      await sleep(ctx.pollIntervalMs, undefined, { signal })
      current = await ctx.dcManager.GetNetworkStrategy({})
      report(current)
    }
  } catch (error) {
    // The interrupted call or sleep would read as a failure of the strategy; it is not one.
    if (!signal.aborted) throw error
    throw new CliError(
      `Stopped waiting; the network strategy goes on (state ${current.state}): ` +
        "'dcmanager network-strategy show --wait' follows it again",
      1,
      { cause: error },
    )
  } finally {
    // Ends the bar's line so what follows starts on a line of its own.
    if (ctx.interactive) ctx.progress('')
  }
  return current
}
