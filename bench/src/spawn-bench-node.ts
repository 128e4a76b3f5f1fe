import { builtNodeEntry, spawnService } from '@dc/test/support/index.js'
import type { ServiceProcess, SpawnServiceOptions } from '@dc/test/support/index.js'

/**
 * A daemon (`dc-controller`, `dc-agent`) as it is deployed: its built `dist/main.js` under plain
 * Node.js (`pnpm bench` builds first), not the TypeScript source through tsx as the tests run it.
 * The Node.js flags of `BENCH_NODE_FLAGS` (space-separated) go before the entry, so a run can
 * profile the controller and the simulators (`--cpu-prof --cpu-prof-dir=DIR`): Node refuses those
 * flags in NODE_OPTIONS.
 */
export function spawnBenchNode(
  entry: string,
  args: readonly string[],
  options: SpawnServiceOptions,
): Promise<ServiceProcess> {
  const flags = (process.env['BENCH_NODE_FLAGS'] ?? '').split(/\s+/).filter((flag) => flag !== '')
  return spawnService(process.execPath, [...flags, builtNodeEntry(entry), ...args], {
    name: entry,
    ...options,
  })
}
