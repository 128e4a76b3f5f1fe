import type { ControllerDatabase, SubcloudRow } from './controller-database.js'

export interface WaitForFleetOptions {
  readonly timeoutMs: number
  readonly signal: AbortSignal
}

export function deployFailed(s: SubcloudRow): boolean {
  return s.deploy_status.endsWith('-failed')
}

/**
 * Runs `poll` until it reports nothing pending, at an interval that grows with `fleetSize` to keep
 * the bench's own load small; throws after `timeoutMs`, saying what was waited for.
 */
export async function pollUntilDone(
  poll: () => Promise<number>,
  what: string,
  fleetSize: number,
  options: WaitForFleetOptions,
): Promise<void> {
  const deadline = performance.now() + options.timeoutMs
  const intervalMs = Math.max(250, fleetSize / 20)
  for (;;) {
    options.signal.throwIfAborted()
    const pending = await poll()
    if (pending <= 0) return
    if (performance.now() > deadline) {
      throw new Error(
        `timed out after ${options.timeoutMs} ms waiting for ${what}: ${pending} of ${fleetSize} not yet`,
      )
    }
    await new Promise((r) => setTimeout(r, intervalMs))
  }
}

/** Polls the controller's database until `done` holds for every subcloud in `names`; a failed deploy fails it. */
export async function waitForFleet(
  database: ControllerDatabase,
  names: ReadonlySet<string>,
  done: (s: SubcloudRow) => boolean,
  what: string,
  options: WaitForFleetOptions,
): Promise<void> {
  await pollUntilDone(
    async () => {
      const rows = (await database.subclouds()).filter((s) => names.has(s.name))
      const failed = rows.find(deployFailed)
      if (failed !== undefined) {
        throw new Error(`${failed.name}: ${failed.deploy_status}: ${failed.error_description}`)
      }
      return names.size - rows.filter(done).length
    },
    what,
    names.size,
    options,
  )
}
