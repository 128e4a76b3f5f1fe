import type { ControllerDatabase, SubcloudRow } from './controller-database.js'

export interface WaitForFleetOptions {
  readonly timeoutMs: number
  readonly signal: AbortSignal
  /** Sees the subclouds named on every poll, before the check (to act on those that are ready). */
  readonly each?: (rows: SubcloudRow[]) => Promise<void>
  /** Let a failed deploy count as done instead of failing at once (the caller judges them). */
  readonly acceptFailedDeploys?: boolean
}

export function deployFailed(s: SubcloudRow): boolean {
  return s.deploy_status.endsWith('-failed')
}

/**
 * Polls the controller's database until `done` holds for every subcloud in `names`, failing fast
 * on a failed deploy unless told otherwise. The poll gets slower as the fleet grows, to keep its
 * own load small.
 */
export async function waitForFleet(
  database: ControllerDatabase,
  names: ReadonlySet<string>,
  done: (s: SubcloudRow) => boolean,
  what: string,
  options: WaitForFleetOptions,
): Promise<void> {
  const deadline = performance.now() + options.timeoutMs
  const intervalMs = Math.max(250, names.size / 20)
  for (;;) {
    options.signal.throwIfAborted()
    const rows = (await database.subclouds()).filter((s) => names.has(s.name))
    const failed = rows.find(deployFailed)
    if (failed !== undefined && options.acceptFailedDeploys !== true) {
      throw new Error(`${failed.name}: ${failed.deploy_status}: ${failed.error_description}`)
    }
    await options.each?.(rows)
    const finished = (s: SubcloudRow): boolean =>
      done(s) || (options.acceptFailedDeploys === true && deployFailed(s))
    const pending = names.size - rows.filter(finished).length
    if (pending === 0) return
    if (performance.now() > deadline) {
      throw new Error(
        `timed out after ${options.timeoutMs} ms waiting for ${what}: ${pending} of ${names.size} not yet`,
      )
    }
    await new Promise((r) => setTimeout(r, intervalMs))
  }
}
