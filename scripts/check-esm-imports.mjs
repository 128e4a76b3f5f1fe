// Fails when a relative import in our TypeScript sources lacks the `.js` extension nodenext needs.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const bad = []
function walk(dir) {
  for (const name of readdirSync(dir)) {
    if (['node_modules', 'dist', 'gen', '.git', '.tmp'].includes(name)) continue
    const p = join(dir, name)
    if (statSync(p).isDirectory()) walk(p)
    else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) {
      const src = readFileSync(p, 'utf8')
      for (const m of src.matchAll(/from\s+'(\.{1,2}\/[^']+)'/g)) {
        if (!m[1].endsWith('.js') && !m[1].endsWith('.json')) bad.push(`${p}: ${m[1]}`)
      }
    }
  }
}
for (const d of ['packages', 'protos', 'test', 'bench']) {
  try {
    walk(join(root, d))
  } catch {}
}
if (bad.length > 0) {
  console.error(`relative imports without .js:\n${bad.join('\n')}`)
  process.exit(1)
}
