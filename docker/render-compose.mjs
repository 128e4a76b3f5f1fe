// Writes docker/docker-compose.yml from testbed/topology.yml (see renderCompose in
// packages/testbed/src/compose/). With --check it writes nothing and exits 1 when the committed
// file differs from what the topology renders. Needs `pnpm run build` first.
// Usage: node docker/render-compose.mjs [--check] [--topology FILE] [--out FILE]
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { loadTopology, renderCompose } from '../packages/testbed/dist/index.js'

const root = join(import.meta.dirname, '..')
const { values } = parseArgs({
  options: { check: { type: 'boolean' }, topology: { type: 'string' }, out: { type: 'string' } },
})
const topologyFile = values.topology ?? join(root, 'testbed', 'topology.yml')
const out = values.out ?? join(import.meta.dirname, 'docker-compose.yml')
const rendered = renderCompose(await loadTopology(topologyFile))
if (values.check) {
  const committed = await readFile(out, 'utf8').catch(() => '')
  if (committed !== rendered) {
    console.error(`${out} drifted from ${topologyFile}: run node docker/render-compose.mjs`)
    process.exit(1)
  }
  console.log(`${out} matches ${topologyFile}`)
} else {
  await writeFile(out, rendered)
  console.log(`wrote ${out} from ${topologyFile}`)
}
