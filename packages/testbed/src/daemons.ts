import { spawn } from 'node:child_process'
import { closeSync, openSync, readFileSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import type { DaemonRecord } from './testbed-state.js'
import { inNamespace } from './run-command.js'

/**
 * The testbed's long-running processes outlive the command that started them: each runs detached
 * in its site's namespace, leads its own process group, and logs to a file in the state directory.
 */

const READY_TIMEOUT_MS = 180_000
const POLL_MS = 100
const STOP_GRACE_MS = 10_000

/** Whether `record`'s process runs: alive, not a zombie, and still the command it was started as. */
export function isRunning(record: DaemonRecord): boolean {
  if (record.pid === undefined) return false
  let stat: string
  let cmdline: string
  try {
    stat = readFileSync(`/proc/${record.pid}/stat`, 'utf8')
    cmdline = readFileSync(`/proc/${record.pid}/cmdline`, 'utf8')
  } catch {
    return false
  }
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3)
  return state !== 'Z' && state !== 'X' && cmdline.split('\0').includes(record.argv[0] ?? '')
}

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
  } catch {
    return '(no log)'
  }
}

/** Starts `record` (its log appended to) and resolves with its pid once a log line says it serves. */
export async function startDaemon(record: DaemonRecord, signal?: AbortSignal): Promise<number> {
  const log = openSync(record.logFile, 'a')
  const logged = readFileSync(record.logFile, 'utf8').length
  const [file, ...args] = inNamespace(record.netns, record.argv[0] ?? '', record.argv.slice(1))
  const child = spawn(file!, args, {
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, ...record.env },
  })
  closeSync(log)
  const pid = child.pid
  if (pid === undefined) throw new Error(`${record.name}: could not start ${record.argv[0]}`)
  let exited: number | null | undefined
  child.on('exit', (code) => (exited = code ?? -1))
  child.unref()
  const ready = new RegExp(record.ready, 'm')
  const deadline = Date.now() + READY_TIMEOUT_MS
  for (;;) {
    signal?.throwIfAborted()
    const text = readFileSync(record.logFile, 'utf8').slice(logged)
    if (ready.test(text)) return pid
    if (exited !== undefined || Date.now() > deadline) {
      stopGroup(pid, 'SIGKILL')
      const why = exited === undefined ? `not ready after ${READY_TIMEOUT_MS} ms` : `exited ${exited}`
      throw new Error(`${record.name} ${why}; the end of ${record.logFile}:\n${tail(record.logFile, 15)}`)
    }
    await sleep(POLL_MS)
  }
}

function stopGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    // ESRCH: gone already.
  }
}

/** Stops `record`'s process group: its graceful signal, then SIGKILL after a grace time. */
export async function stopDaemon(record: DaemonRecord): Promise<void> {
  const { pid } = record
  if (pid === undefined) return
  if (isRunning(record)) {
    stopGroup(pid, record.stopSignal)
    const deadline = Date.now() + STOP_GRACE_MS
    while (isRunning(record) && Date.now() < deadline) await sleep(POLL_MS)
  }
  stopGroup(pid, 'SIGKILL')
  record.pid = undefined
}

/** SIGKILLs `record`'s process group at once, as a crash would, and waits until it is gone. */
export async function killDaemon(record: DaemonRecord): Promise<void> {
  if (record.pid === undefined) return
  stopGroup(record.pid, 'SIGKILL')
  while (isRunning(record)) await sleep(POLL_MS)
  record.pid = undefined
}
