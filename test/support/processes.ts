import { spawn } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { basename, isAbsolute, join, resolve } from 'node:path'
import { onProcessExit } from './exit-cleanup.js'
import { repoRoot } from './repo-root.js'

export interface CommandOptions {
  /** Extra environment variables, merged over the test process's own environment. */
  env?: NodeJS.ProcessEnv | undefined
  cwd?: string | undefined
  /** Run the command inside this network namespace (through `ip netns exec`). */
  netns?: string | undefined
  signal?: AbortSignal | undefined
}

export interface RunOptions extends CommandOptions {
  /** Written to the command's stdin, which is then closed. */
  input?: string
  /** Kill the command (SIGKILL) after this long. @default 120000 */
  timeoutMs?: number
}

export interface CommandResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

export interface SpawnServiceOptions extends CommandOptions {
  /** Resolve only once a stdout or stderr line matches this. Without it, resolve once spawned. */
  readyPattern?: RegExp
  /** @default 60000 */
  readyTimeoutMs?: number
  /** Label for verbose output (`DCT_VERBOSE=1` mirrors every line to stderr). @default basename of cmd */
  name?: string
}

export interface ExitStatus {
  code: number | null
  signal: NodeJS.Signals | null
}

/** A long-running child process with its output kept for assertions and failure messages. */
export interface ServiceProcess {
  readonly pid: number
  /** Lines printed so far on stdout and stderr, interleaved in arrival order (the last 10000). */
  lines(): string[]
  /** {@link lines} joined with newlines. */
  output(): string
  /** The lines printed so far on stderr only (the last 10000): a process's log. */
  stderrLines(): string[]
  /** Resolves with the first line (already printed or future) matching `pattern`. */
  waitForLine(pattern: RegExp, options?: { timeoutMs?: number }): Promise<string>
  /** Settles once the process has exited and its output is read. */
  readonly exited: Promise<ExitStatus>
  /** The exit status, or undefined while it runs. */
  exitStatus(): ExitStatus | undefined
  /**
   * Sends `signal`, waits up to `graceMs` (default 10000) for the process to exit, then SIGKILLs its
   * process group. Resolves with the exit code (null when a signal ended it). Safe to call twice.
   */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<number | null>
  /** SIGKILLs the whole process group at once (a crash, for crash tests) and waits for the exit. */
  kill9(): Promise<void>
}

const MAX_LINES = 10_000

function withNetns(cmd: string, args: readonly string[], netns: string | undefined): [string, string[]] {
  return netns === undefined ? [cmd, [...args]] : ['ip', ['netns', 'exec', netns, cmd, ...args]]
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    // Children run as process-group leaders (detached), so -pid reaches anything they forked too.
    process.kill(-pid, signal)
  } catch {
    // ESRCH: already gone.
  }
}

function describe(cmd: string, args: readonly string[]): string {
  return [cmd, ...args].join(' ')
}

/**
 * Runs a command to completion and returns its exit status and output. A non-zero exit is not an
 * error here; see {@link runChecked}.
 */
export function runCommand(
  cmd: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<CommandResult> {
  const { env, cwd, netns, signal, input, timeoutMs = 120_000 } = options
  const [file, argv] = withNetns(cmd, args, netns)
  return new Promise((resolvePromise, reject) => {
    const child = spawn(file, argv, {
      cwd: cwd ?? repoRoot,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.stdin.on('error', () => {
      // EPIPE when the command exits without reading its input; its exit status tells the story.
    })
    child.stdin.end(input)
    const unregister =
      child.pid === undefined ? () => {} : onProcessExit(() => killGroup(child.pid!, 'SIGKILL'))
    const kill = (): void => {
      if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL')
    }
    const timer = setTimeout(kill, timeoutMs)
    signal?.addEventListener('abort', kill, { once: true })
    child.once('error', (error) => {
      clearTimeout(timer)
      unregister()
      reject(new Error(`could not run ${describe(file, argv)}: ${error.message}`, { cause: error }))
    })
    child.once('close', (code, exitSignal) => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', kill)
      unregister()
      resolvePromise({ code, signal: exitSignal, stdout, stderr })
    })
  })
}

/** {@link runCommand}, but a non-zero exit rejects with the command line and its output. */
export async function runChecked(
  cmd: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<CommandResult> {
  const result = await runCommand(cmd, args, options)
  if (result.code !== 0) {
    const [file, argv] = withNetns(cmd, args, options.netns)
    const status = result.code === null ? `signal ${result.signal}` : `status ${result.code}`
    throw new Error(
      `${describe(file, argv)} failed with ${status}\n${result.stderr}${result.stdout}`.trimEnd(),
    )
  }
  return result
}

/**
 * Starts a long-running child process (its own process group), keeps its output, and resolves once
 * it printed `readyPattern` (or at once without one). Rejects, with the captured output, when the
 * process exits or `readyTimeoutMs` passes first. Every child is SIGKILLed if the test process exits.
 *
 * @example
 * const agent = await spawnService('node', ['agent.js'], { readyPattern: /listening/ })
 * await agent.stop()
 */
export async function spawnService(
  cmd: string,
  args: readonly string[],
  options: SpawnServiceOptions = {},
): Promise<ServiceProcess> {
  const { env, cwd, netns, signal, readyPattern, readyTimeoutMs = 60_000, name = basename(cmd) } = options
  signal?.throwIfAborted()
  const [file, argv] = withNetns(cmd, args, netns)
  const child = spawn(file, argv, {
    cwd: cwd ?? repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  await new Promise<void>((resolveSpawn, rejectSpawn) => {
    child.once('spawn', resolveSpawn)
    child.once('error', (error) =>
      rejectSpawn(new Error(`could not start ${describe(file, argv)}: ${error.message}`, { cause: error })),
    )
  })
  const pid = child.pid!
  const unregister = onProcessExit(() => killGroup(pid, 'SIGKILL'))

  const buffer: string[] = []
  const stderrBuffer: string[] = []
  const watchers = new Set<(line: string) => void>()
  const verbose = process.env['DCT_VERBOSE'] === '1'
  const push = (line: string, fromStderr: boolean): void => {
    for (const kept of fromStderr ? [buffer, stderrBuffer] : [buffer]) {
      kept.push(line)
      if (kept.length > MAX_LINES) kept.shift()
    }
    if (verbose) process.stderr.write(`[${name} ${pid}] ${line}\n`)
    for (const watcher of watchers) watcher(line)
  }
  for (const stream of [child.stdout, child.stderr]) {
    const fromStderr = stream === child.stderr
    let partial = ''
    stream.setEncoding('utf8')
    stream.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n')
      partial = parts.pop() ?? ''
      for (const line of parts) push(line.replace(/\r$/, ''), fromStderr)
    })
    stream.on('end', () => {
      if (partial !== '') push(partial, fromStderr)
      partial = ''
    })
  }

  // The leader is gone: kill anything it forked and left behind, which also closes the output pipes
  // such leftovers would otherwise hold open (and with them the 'close' event).
  child.once('exit', () => killGroup(pid, 'SIGKILL'))
  let status: ExitStatus | undefined
  const exited = new Promise<ExitStatus>((resolveExit) => {
    child.once('close', (code, exitSignal) => {
      status = { code, signal: exitSignal }
      unregister()
      resolveExit(status)
    })
  })

  const output = (): string => buffer.join('\n')
  const describeExit = (s: ExitStatus): string =>
    s.code === null ? `was killed by ${s.signal}` : `exited with status ${s.code}`

  const waitForLine = (pattern: RegExp, { timeoutMs = readyTimeoutMs } = {}): Promise<string> => {
    const seen = buffer.find((line) => pattern.test(line))
    if (seen !== undefined) return Promise.resolve(seen)
    return new Promise((resolveLine, rejectLine) => {
      const cleanup = (): void => {
        clearTimeout(timer)
        watchers.delete(watcher)
      }
      const watcher = (line: string): void => {
        if (!pattern.test(line)) return
        cleanup()
        resolveLine(line)
      }
      const timer = setTimeout(() => {
        cleanup()
        rejectLine(
          new Error(
            `${name} (pid ${pid}) printed no line matching ${pattern} in ${timeoutMs} ms:\n${output()}`,
          ),
        )
      }, timeoutMs)
      watchers.add(watcher)
      void exited.then((s) => {
        if (!watchers.has(watcher)) return
        cleanup()
        rejectLine(
          new Error(`${name} (pid ${pid}) ${describeExit(s)} before printing ${pattern}:\n${output()}`),
        )
      })
    })
  }

  const stop = async (stopSignal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<number | null> => {
    if (status === undefined) {
      try {
        process.kill(pid, stopSignal)
      } catch {
        // Already exiting.
      }
      const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), graceMs)
      await exited
      clearTimeout(timer)
    }
    return (await exited).code
  }

  const service: ServiceProcess = {
    pid,
    lines: () => [...buffer],
    output,
    stderrLines: () => [...stderrBuffer],
    waitForLine,
    exited,
    exitStatus: () => status,
    stop,
    kill9: async () => {
      killGroup(pid, 'SIGKILL')
      await exited
    },
  }

  const onAbort = (): void => void stop()
  signal?.addEventListener('abort', onAbort, { once: true })
  void exited.then(() => signal?.removeEventListener('abort', onAbort))

  if (readyPattern !== undefined) {
    try {
      await waitForLine(readyPattern)
    } catch (error) {
      await service.stop('SIGKILL')
      throw error
    }
  }
  return service
}

function binTargets(): Map<string, string> {
  const targets = new Map<string, string>()
  const packagesDir = join(repoRoot, 'packages')
  for (const dir of readdirSync(packagesDir)) {
    const manifestPath = join(packagesDir, dir, 'package.json')
    if (!existsSync(manifestPath)) continue
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { name?: string; bin?: unknown }
    const bins: unknown =
      typeof manifest.bin === 'string'
        ? { [(manifest.name ?? dir).replace(/^@[^/]+\//, '')]: manifest.bin }
        : manifest.bin
    if (bins === null || typeof bins !== 'object') continue
    for (const [bin, target] of Object.entries(bins)) {
      if (typeof target === 'string') targets.set(bin, join(packagesDir, dir, target))
    }
  }
  return targets
}

/**
 * Resolves what {@link runNode} runs: a file path (relative to the repo root, or absolute), or the
 * name of a workspace package's bin. A bin pointing at `dist/x.js` runs `src/x.ts` when present, so
 * tests need no build.
 */
export function resolveNodeEntry(entry: string): string {
  if (/[/\\]|\.[cm]?[jt]s$/.test(entry)) {
    const file = isAbsolute(entry) ? entry : resolve(repoRoot, entry)
    if (!existsSync(file)) throw new Error(`no such script: ${file}`)
    return file
  }
  const targets = binTargets()
  const target = targets.get(entry)
  if (target === undefined) {
    const known = [...targets.keys()].sort().join(', ') || 'none'
    throw new Error(`no workspace package has a bin named ${entry} (known bins: ${known})`)
  }
  const source = target.replace(/([/\\])dist([/\\].*)\.js$/, '$1src$2.ts')
  if (existsSync(source)) return source
  if (existsSync(target)) return target
  throw new Error(`bin ${entry} points at ${target}, which does not exist (and neither does ${source})`)
}

/**
 * The built file a workspace bin points at (`dist/...js`), as the images run it: what a benchmark
 * measures, since tsx's loader and its source-mapped stack traces cost the source entry CPU that
 * a deployed daemon does not spend (every failed gRPC call builds an Error's stack).
 */
export function builtNodeEntry(bin: string): string {
  const target = binTargets().get(bin)
  if (target === undefined) throw new Error(`no workspace package has a bin named ${bin}`)
  if (!existsSync(target))
    throw new Error(`bin ${bin} points at ${target}, which is not built: run pnpm run build`)
  return target
}

/** Node arguments that run a TypeScript entry from source: `--conditions=source --import tsx`. */
export function nodeEntryArgs(entry: string): string[] {
  // An absolute loader URL, so the child may run with any cwd (tsx is a root devDependency).
  return ['--conditions=source', '--import', import.meta.resolve('tsx'), resolveNodeEntry(entry)]
}

/**
 * Runs a TypeScript entry (file or workspace bin name, see {@link resolveNodeEntry}) to completion
 * under this Node.js with tsx, so no build is needed.
 *
 * @example
 * const { code, stdout } = await runNode('system', ['network-list'], { env: { DC_URL: url } })
 */
export function runNode(
  entry: string,
  args: readonly string[] = [],
  options: RunOptions = {},
): Promise<CommandResult> {
  return runCommand(process.execPath, [...nodeEntryArgs(entry), ...args], options)
}

/** {@link spawnService} for a TypeScript entry, run the way {@link runNode} runs it. */
export function spawnNode(
  entry: string,
  args: readonly string[] = [],
  options: SpawnServiceOptions = {},
): Promise<ServiceProcess> {
  return spawnService(process.execPath, [...nodeEntryArgs(entry), ...args], {
    name: basename(entry),
    ...options,
  })
}
