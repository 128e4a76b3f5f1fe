import { pino } from 'pino'
import type { DestinationStream } from 'pino'

/**
 * Standard error, written once per turn of the event loop. The lines logged while one batch of
 * events is handled (a thousand offline verdicts of an outage, the deploy moves of a hundred
 * onboardings) go out in one system call instead of one each: at 10,000 subclouds that was the
 * controller's largest single cost, and when the pipe's reader fell behind, every line slept on
 * it. The write itself stays synchronous. A line waits at most until the turn ends; the last
 * turn's lines are written when the process exits, a crash included, so only a process killed
 * outright (SIGKILL) within a turn loses that turn's lines.
 */
class TurnBufferedStderr implements DestinationStream {
  readonly #fd = pino.destination({ dest: 2, sync: true })
  #pending: string[] = []
  #scheduled = false

  constructor() {
    process.on('exit', () => this.flush())
  }

  write(line: string): void {
    this.#pending.push(line)
    if (this.#scheduled) return
    this.#scheduled = true
    // Unreferenced: a pending line never keeps a process alive; exit writes it.
    setImmediate(() => this.flush()).unref()
  }

  flush(): void {
    this.#scheduled = false
    if (this.#pending.length === 0) return
    const text = this.#pending.join('')
    this.#pending = []
    this.#fd.write(text)
  }
}

let shared: TurnBufferedStderr | undefined

/** The process's one buffered standard error (every logger of the process shares it, in order). */
export function turnBufferedStderr(): DestinationStream {
  shared ??= new TurnBufferedStderr()
  return shared
}

/**
 * Writes `line` to standard error after the log lines still waiting for their turn's end, so a
 * process's last words (a refused start, a fatal error) stay last.
 */
export function writeStderrLine(line: string): void {
  shared?.flush()
  process.stderr.write(line.endsWith('\n') ? line : `${line}\n`)
}
