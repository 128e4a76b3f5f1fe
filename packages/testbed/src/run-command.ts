import { spawn } from 'node:child_process'

export interface CommandResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

export interface RunCommandOptions {
  /** Run inside this network namespace (`ip netns exec`). */
  readonly netns?: string | undefined
  readonly input?: string | undefined
  readonly env?: NodeJS.ProcessEnv | undefined
  readonly signal?: AbortSignal | undefined
}

/** The argv running `cmd args` in `netns` when one is given. */
export function inNamespace(netns: string | undefined, cmd: string, args: readonly string[]): string[] {
  return netns === undefined ? [cmd, ...args] : ['ip', 'netns', 'exec', netns, cmd, ...args]
}

/** Runs a command to completion and collects its output; never throws for a non-zero exit. */
export function runCommand(
  cmd: string,
  args: readonly string[],
  options: RunCommandOptions = {},
): Promise<CommandResult> {
  const [file, ...argv] = inNamespace(options.netns, cmd, args)
  return new Promise((resolve, reject) => {
    const child = spawn(file!, argv, {
      env: { ...process.env, ...options.env },
      signal: options.signal,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    // A command may exit without reading its input; that is its answer, not our error.
    child.stdin?.on('error', () => undefined)
    child.stdin?.end(options.input)
  })
}

/** {@link runCommand}, throwing with the command and its stderr when it exits non-zero. */
export async function runChecked(
  cmd: string,
  args: readonly string[],
  options: RunCommandOptions = {},
): Promise<CommandResult> {
  const result = await runCommand(cmd, args, options)
  if (result.code !== 0) {
    const where = options.netns === undefined ? '' : ` (in ${options.netns})`
    throw new Error(`${cmd} ${args.join(' ')}${where} exited ${result.code}: ${result.stderr.trim()}`)
  }
  return result
}
