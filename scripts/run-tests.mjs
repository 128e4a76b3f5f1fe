// Runs every uvu test file in its own node process (uvu needs that: one process, one report),
// sums uvu's per-file totals and ends with the `N passed, N failed` line CI reads.
// Usage: node scripts/run-tests.mjs [dir or file ...]   (default: every package and test/)
// Environment:
//   TEST_CONCURRENCY       files run at once (default 1)
//   TEST_FILE_TIMEOUT_MS   deadline of one file (default DEFAULT_FILE_TIMEOUT_MS; 0 for none, e.g.
//                          under a debugger). A file past it is stopped with everything it started
//                          and counts as failed, so a hanging test fails CI instead of stalling it.
import { spawn } from 'node:child_process'
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'

// Five times the slowest file (test/cli/seed-walkthrough.test.ts: 113 s in a full run of 19 min on
// a 2-core machine at load 10): room for a slower day, while a hang costs CI minutes, not hours.
const DEFAULT_FILE_TIMEOUT_MS = 10 * 60_000
// Time for a stopped file's exit hooks (test/support/exit-cleanup.ts) to kill its services, stop
// its PostgreSQL, delete its network namespaces and temp dirs before everything is SIGKILLed.
const KILL_GRACE_MS = 20_000

const root = resolve(import.meta.dirname, '..')
const args = process.argv.slice(2)
const roots =
  args.length > 0
    ? args.map((a) => resolve(root, a))
    : [join(root, 'protos'), join(root, 'packages'), join(root, 'test')]

function findTests(dir) {
  if (statSync(dir).isFile()) return [dir]
  const out = []
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue
    const p = join(dir, name)
    if (statSync(p).isDirectory()) out.push(...findTests(p))
    else if (name.endsWith('.test.ts')) out.push(p)
  }
  return out.sort()
}

function wholeNumber(name, fallback) {
  const text = process.env[name]
  if (text === undefined || text === '') return fallback
  if (!/^\d+$/.test(text)) {
    process.stderr.write(`${name}: '${text}' is not a whole number\n`)
    process.exit(2)
  }
  return Number(text)
}

const files = roots.flatMap(findTests)
const concurrency = Math.max(1, wholeNumber('TEST_CONCURRENCY', 1))
const fileTimeoutMs = wholeNumber('TEST_FILE_TIMEOUT_MS', DEFAULT_FILE_TIMEOUT_MS)
let passed = 0
let failed = 0
const failures = []
/** Files running now: the stop function of each, for an interrupted run. */
const running = new Set()

/**
 * Every process as /proc shows it: parent, process group and start time (which tells a process
 * from a later one that reuses its pid). Empty where there is no /proc: then only process groups
 * are signalled.
 */
function readProcesses() {
  const processes = new Map()
  let names = []
  try {
    names = readdirSync('/proc')
  } catch {
    return processes
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      // Fields after the command name, which may itself hold spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      processes.set(Number(name), { ppid: Number(fields[1]), pgrp: Number(fields[2]), start: fields[19] })
    } catch {
      // Exited while we looked.
    }
  }
  return processes
}

/** `roots` and all their descendants, as pid -> start time. */
function processTree(rootPids, processes = readProcesses()) {
  const children = new Map()
  for (const [pid, { ppid }] of processes) children.set(ppid, [...(children.get(ppid) ?? []), pid])
  const tree = new Map()
  const pending = rootPids.filter((pid) => processes.has(pid))
  while (pending.length > 0) {
    const pid = pending.pop()
    if (tree.has(pid)) continue
    tree.set(pid, processes.get(pid).start)
    pending.push(...(children.get(pid) ?? []))
  }
  return tree
}

function signal(target, name) {
  try {
    process.kill(target, name)
  } catch {
    // ESRCH: already gone.
  }
}

/**
 * SIGKILLs what is left of a stopped file: its process group, and every process of `snapshot` (its
 * tree before it was signalled: harness services run in process groups of their own, and lose
 * their parent when the file dies) that is still the same process, with their groups and
 * descendants.
 */
function killLeftovers(pid, snapshot) {
  const processes = readProcesses()
  const ownGroup = processes.get(process.pid)?.pgrp
  const same = [...snapshot].filter(([p, start]) => processes.get(p)?.start === start).map(([p]) => p)
  const leftovers = processTree([pid, ...same], processes)
  const groups = new Set([pid])
  for (const p of leftovers.keys()) {
    const group = processes.get(p)?.pgrp
    if (group !== undefined && leftovers.has(group)) groups.add(group)
  }
  groups.delete(ownGroup)
  for (const group of groups) signal(-group, 'SIGKILL')
  for (const p of leftovers.keys()) signal(p, 'SIGKILL')
}

/**
 * Removes the temp dirs of a file that had to be SIGKILLed, whose exit hooks never ran: the e2e
 * harness names them `<prefix><pid>-XXXXXX` (test/support/temp-dir.ts). A PostgreSQL cluster left
 * running in one shuts itself down once its data directory is gone. Its network namespaces are
 * deleted by the next e2e run (test/support/netns.ts removes those of dead pids).
 */
function removeTempDirsOf(pid) {
  const own = new RegExp(`(^|\\D)${pid}-[A-Za-z0-9]{6}$`)
  for (const name of readdirSync(tmpdir())) {
    if (own.test(name)) rmSync(join(tmpdir(), name), { recursive: true, force: true })
  }
}

function exitedWithin(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true)
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), ms)
    child.once('exit', () => {
      clearTimeout(timer)
      done(true)
    })
  })
}

/**
 * Stops a file with everything it started: SIGTERM to its process group runs its exit hooks (which
 * kill its services and clean up), then, after KILL_GRACE_MS at most, SIGKILL to whatever is left.
 * Returns a line saying how it went.
 */
async function stopFile(child) {
  const pid = child.pid
  const snapshot = processTree([pid])
  signal(-pid, 'SIGTERM')
  const graceful = await exitedWithin(child, KILL_GRACE_MS)
  killLeftovers(pid, snapshot)
  if (graceful) return 'stopped with SIGTERM'
  removeTempDirsOf(pid)
  return `stopped with SIGKILL: it ignored SIGTERM for ${KILL_GRACE_MS} ms`
}

function runOne(file) {
  return new Promise((done) => {
    const rel = relative(root, file)
    const started = performance.now()
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', file], {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so that stopping it reaches whatever it forked.
      detached: true,
    })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    let stopReason
    let stopped
    const stop = (reason) => {
      stopReason ??= reason
      stopped ??= stopFile(child).then((how) => {
        // A process that escaped the kill may still hold the output pipes open.
        child.stdout.destroy()
        child.stderr.destroy()
        return how
      })
      return stopped
    }
    running.add(stop)
    const timer =
      fileTimeoutMs > 0
        ? setTimeout(() => void stop(`timed out after ${fileTimeoutMs} ms`), fileTimeoutMs)
        : undefined
    child.on('close', async (code) => {
      clearTimeout(timer)
      running.delete(stop)
      const how = stopped === undefined ? undefined : await stopped
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      const total = Number(/Total:\s+(\d+)/.exec(out)?.[1] ?? 0)
      const ok = Number(/Passed:\s+(\d+)/.exec(out)?.[1] ?? 0)
      const bad = Math.max(total - ok, code === 0 && stopReason === undefined ? 0 : 1)
      passed += ok
      failed += bad
      const why = stopReason === undefined ? '' : `: ${stopReason}`
      process.stdout.write(`${bad === 0 ? 'ok  ' : 'FAIL'} ${rel} (${ok}/${total}) ${seconds} s${why}\n`)
      if (bad > 0) {
        const verdict = stopReason === undefined ? '' : `\n${rel} ${stopReason}; ${how}`
        failures.push({ rel, out: `${out}${verdict}` })
      }
      done()
    })
  })
}

const queue = [...files]
// The files run in process groups of their own, which a Ctrl-C at the terminal does not reach.
for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(name, () => {
    queue.length = 0
    process.exitCode = 1
    for (const stop of running) void stop(`interrupted by ${name}`)
  })
}

await Promise.all(
  Array.from({ length: concurrency }, async () => {
    for (let f = queue.shift(); f; f = queue.shift()) await runOne(f)
  }),
)
for (const f of failures) process.stdout.write(`\n---- ${f.rel}\n${f.out}\n`)
process.stdout.write(`\n${passed} passed, ${failed} failed\n`)
process.exitCode = failed > 0 || files.length === 0 ? 1 : (process.exitCode ?? 0)
