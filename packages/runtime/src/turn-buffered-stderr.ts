import { writeSync } from 'node:fs'
import type { DestinationStream } from 'pino'

/** Lines kept for a reader that fell behind; beyond this, new lines are dropped and counted. */
const MAX_BACKLOG_BYTES = 16 * 1024 * 1024
/** How soon a backlog is offered again while the reader takes nothing. */
const RETRY_MS = 20
/** How long the last write before exit waits for a reader that takes nothing. */
const EXIT_WAIT_MS = 5_000
const NEWLINE = 0x0a
const sleeper = new Int32Array(new SharedArrayBuffer(4))

/**
 * Standard error, written once per turn of the event loop, and never waited on while the process
 * runs. The lines logged while one batch of events is handled (a thousand offline verdicts of an
 * outage) go out in one system call instead of one each. When the reader of a pipe or socket falls
 * behind (a busy log collector, a busy parent process), the write takes what there is room for and
 * the rest waits in memory, offered again every few ms. A synchronous write held the event loop,
 * and with it every heartbeat, timer and verdict, for as long as the reader lagged (pino's
 * synchronous writer sleeps 100 ms at a time on a full non-blocking pipe). Node leaves a terminal
 * blocking: there a write still waits for the terminal. Past 16 MiB of backlog new lines are
 * dropped and counted ({@link droppedLogLines}). At exit, a crash included, the backlog is written
 * synchronously, waiting up to 5 s for the reader; only a process killed outright (SIGKILL) loses
 * what was still waiting.
 */
class TurnBufferedStderr implements DestinationStream {
  #pending: string[] = []
  /** Written turns the reader has not taken yet, oldest first; the first may be partly taken. */
  #backlog: Buffer[] = []
  #backlogBytes = 0
  #scheduled = false
  #retry: NodeJS.Timeout | undefined
  #dropped = 0

  constructor() {
    // Node makes a piped standard error non-blocking once `process.stderr` is used. Using it here
    // makes that so from the first line, so a full pipe answers EAGAIN instead of blocking.
    void process.stderr.writable
    process.on('exit', () => this.drain())
  }

  /** Lines dropped because the backlog was full (or standard error was closed). */
  get dropped(): number {
    return this.#dropped
  }

  write(line: string): void {
    this.#pending.push(line)
    if (this.#scheduled) return
    this.#scheduled = true
    // Unreferenced: a pending line never keeps a process alive; exit writes it.
    setImmediate(() => this.flush()).unref()
  }

  /** Writes what the reader takes now, and keeps the rest for a later try. */
  flush(): void {
    this.#scheduled = false
    this.#takePending()
    while (this.#backlog.length > 0 && this.#writeSome());
    if (this.#backlog.length === 0 || this.#retry !== undefined) return
    this.#retry = setTimeout(() => {
      this.#retry = undefined
      this.flush()
    }, RETRY_MS).unref()
  }

  /** Writes everything now, waiting up to 5 s for a reader that takes nothing. */
  drain(): void {
    this.#takePending()
    const deadline = Date.now() + EXIT_WAIT_MS
    while (this.#backlog.length > 0 && Date.now() < deadline) {
      if (!this.#writeSome()) Atomics.wait(sleeper, 0, 0, RETRY_MS)
    }
  }

  #takePending(): void {
    if (this.#pending.length === 0) return
    const lines = this.#pending
    this.#pending = []
    const text = Buffer.from(lines.join(''))
    if (this.#backlogBytes + text.length > MAX_BACKLOG_BYTES) {
      this.#dropped += lines.length
      return
    }
    this.#backlog.push(text)
    this.#backlogBytes += text.length
  }

  /** One write of the oldest waiting turn; false when the reader took nothing. */
  #writeSome(): boolean {
    const oldest = this.#backlog[0]
    if (oldest === undefined) return true
    let written: number
    try {
      written = writeSync(2, oldest)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EAGAIN') return false
      // Closed or broken (EPIPE): nobody will read these lines; the process goes on without them.
      for (const turn of this.#backlog) this.#dropped += countLines(turn)
      this.#backlog = []
      this.#backlogBytes = 0
      return true
    }
    this.#backlogBytes -= written
    if (written >= oldest.length) this.#backlog.shift()
    else this.#backlog[0] = oldest.subarray(written)
    return written > 0
  }
}

function countLines(bytes: Buffer): number {
  let lines = 0
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) lines++
  return lines
}

let shared: TurnBufferedStderr | undefined

/** The process's one buffered standard error (every logger of the process shares it, in order). */
export function turnBufferedStderr(): TurnBufferedStderr {
  shared ??= new TurnBufferedStderr()
  return shared
}

/** Log lines dropped because standard error was not read ({@link TurnBufferedStderr}). */
export function droppedLogLines(): number {
  return shared?.dropped ?? 0
}

/**
 * Writes `line` to standard error after the log lines still waiting, and waits until it is
 * written: a process's last words (a refused start, a fatal error) stay last, and are out before
 * it exits.
 */
export function writeStderrLine(line: string): void {
  const out = turnBufferedStderr()
  out.write(line.endsWith('\n') ? line : `${line}\n`)
  out.drain()
}
