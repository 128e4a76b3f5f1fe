// Fails (exit 1) when protos/gen differs from a fresh generation: someone edited a .proto, the
// loader options or the generator version without running `pnpm --filter @dc/protos run gen`.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { generate } from './gen.mjs'
import { protosDir } from './proto-files.mjs'

function listFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => relative(dir, path))
    .sort()
}

const committed = join(protosDir, 'gen')
const fresh = mkdtempSync(join(tmpdir(), 'dc-protos-gen-'))
try {
  generate(fresh)
  const before = new Set(listFiles(committed))
  const after = new Set(listFiles(fresh))
  const drift = [
    ...[...after].filter((f) => !before.has(f)).map((f) => `missing from protos/gen: ${f}`),
    ...[...before].filter((f) => !after.has(f)).map((f) => `stale in protos/gen: ${f}`),
    ...[...after]
      .filter((f) => before.has(f))
      .filter((f) => readFileSync(join(committed, f), 'utf8') !== readFileSync(join(fresh, f), 'utf8'))
      .map((f) => `differs: ${f}`),
  ]
  if (drift.length > 0) {
    console.error(
      `protos/gen is out of date; run \`pnpm --filter @dc/protos run gen\`:\n  ${drift.join('\n  ')}`,
    )
    process.exitCode = 1
  } else {
    console.log('protos/gen is up to date')
  }
} finally {
  rmSync(fresh, { recursive: true, force: true })
}
