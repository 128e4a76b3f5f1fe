// Runs every uvu test file in its own node process (uvu needs that: one process, one report),
// sums uvu's per-file totals and ends with the `N passed, N failed` line CI reads.
// Usage: node scripts/run-tests.mjs [dir ...]   (default: every package and test/)
import { spawn } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const args = process.argv.slice(2)
const roots =
  args.length > 0
    ? args.map((a) => resolve(root, a))
    : [join(root, 'protos'), join(root, 'packages'), join(root, 'test')]

function findTests(dir) {
  const out = []
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue
    const p = join(dir, name)
    if (statSync(p).isDirectory()) out.push(...findTests(p))
    else if (name.endsWith('.test.ts')) out.push(p)
  }
  return out.sort()
}

const files = roots.flatMap(findTests)
const concurrency = Number(process.env.TEST_CONCURRENCY ?? 1)
let passed = 0
let failed = 0
const failures = []

function runOne(file) {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', file], {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    child.on('close', (code) => {
      const rel = relative(root, file)
      const total = Number(/Total:\s+(\d+)/.exec(out)?.[1] ?? 0)
      const ok = Number(/Passed:\s+(\d+)/.exec(out)?.[1] ?? 0)
      const bad = Math.max(total - ok, code === 0 ? 0 : 1)
      passed += ok
      failed += bad
      process.stdout.write(`${bad === 0 && code === 0 ? 'ok  ' : 'FAIL'} ${rel} (${ok}/${total})\n`)
      if (bad > 0 || code !== 0) failures.push({ rel, out })
      done()
    })
  })
}

const queue = [...files]
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    for (let f = queue.shift(); f; f = queue.shift()) await runOne(f)
  }),
)
for (const f of failures) process.stdout.write(`\n---- ${f.rel}\n${f.out}\n`)
process.stdout.write(`\n${passed} passed, ${failed} failed\n`)
process.exitCode = failed > 0 || files.length === 0 ? 1 : 0
