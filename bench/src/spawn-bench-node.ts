import { nodeEntryArgs, spawnService } from '@dc/test/support/index.js'
import type { ServiceProcess, SpawnServiceOptions } from '@dc/test/support/index.js'

/**
 * `spawnNode` with the Node.js flags of `BENCH_NODE_FLAGS` (space-separated) put before the entry,
 * so a run can profile the controller and the simulators (`--cpu-prof --cpu-prof-dir=DIR`): Node
 * refuses those flags in NODE_OPTIONS.
 */
export function spawnBenchNode(
  entry: string,
  args: readonly string[],
  options: SpawnServiceOptions,
): Promise<ServiceProcess> {
  const flags = (process.env['BENCH_NODE_FLAGS'] ?? '').split(/\s+/).filter((flag) => flag !== '')
  return spawnService(process.execPath, [...flags, ...nodeEntryArgs(entry), ...args], {
    name: entry,
    ...options,
  })
}
