// Drives `pnpm testbed` (its built entry) the way an operator does, in a private state directory
// and namespace prefix, with a last-chance `down` so a failed test never leaves namespaces behind.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { chmod } from 'node:fs/promises'
import { join } from 'node:path'
import type { DescribeResponse__Output, Subcloud__Output } from '@dc/protos'
import {
  makeTempDir,
  netnsAvailable,
  onProcessExit,
  repoRoot,
  runCommand,
  type CommandResult,
} from '../support/index.js'

const MAIN = join(repoRoot, 'packages', 'testbed', 'dist', 'main.js')
/** `up` on a loaded 2-core machine: certificates, two PostgreSQL clusters, NATS, two controllers. */
const UP_TIMEOUT_MS = 400_000

export interface Probe {
  readonly subclouds: readonly Subcloud__Output[]
  readonly agents: Readonly<Record<string, DescribeResponse__Output>>
}

export interface TestbedRun {
  readonly stateDir: string
  readonly prefix: string
  readonly env: NodeJS.ProcessEnv
  /** `pnpm testbed ARGS...`; resolves with its result whatever the exit status. */
  cli(args: readonly string[], timeoutMs?: number): Promise<CommandResult>
  /** A controller's subclouds and the named agents' Describe, asked from inside `site`. */
  probe(site: string, controller: string, agents?: readonly string[]): Promise<Probe>
  /** The log of `<site>/<service>`. */
  log(site: string, service: string): string
}

/** Why this run cannot build a testbed (not root, no namespaces), or undefined when it can. */
export async function unavailableReason(): Promise<string | undefined> {
  const available = await netnsAvailable()
  return available.ok ? undefined : available.reason
}

/** A testbed whose `down` runs at exit whatever happens; `up` is left to the test. */
export async function newTestbed(name: string): Promise<TestbedRun> {
  const stateDir = await makeTempDir(`dctb-${name}-`)
  // PostgreSQL runs as the postgres user and must reach its directory below this one.
  await chmod(stateDir, 0o755)
  // Not the pid alone: namespaces are machine-wide, and another PID namespace may reuse it.
  const prefix = `tb${process.pid}-${randomBytes(3).toString('hex')}-`
  const env = { DC_TESTBED_DIR: stateDir, DC_TESTBED_PREFIX: prefix }
  onProcessExit(() => {
    spawnSync(process.execPath, [MAIN, 'down'], { env: { ...process.env, ...env }, stdio: 'ignore' })
  })
  const cli = (args: readonly string[], timeoutMs = UP_TIMEOUT_MS): Promise<CommandResult> =>
    runCommand(process.execPath, [MAIN, ...args], { env, timeoutMs })
  return {
    stateDir,
    prefix,
    env,
    cli,
    probe: async (site, controller, agents = []) => {
      // The probe built with the tests: plain Node starts it far faster than tsx on a busy machine.
      const probe = join(repoRoot, 'test', 'dist', 'testbed', 'testbed-probe.js')
      const result = await runCommand(process.execPath, [probe, stateDir, controller, ...agents], {
        netns: `${prefix}${site}`,
      })
      if (result.code !== 0) throw new Error(`probe in ${site} exited ${result.code}: ${result.stderr}`)
      return JSON.parse(result.stdout) as Probe
    },
    log: (site, service) => readFileSync(join(stateDir, 'sites', site, `${service}.log`), 'utf8'),
  }
}

/** The namespaces of the host whose names start with `prefix`. */
export async function namespacesWith(prefix: string): Promise<string[]> {
  const listed = await runCommand('ip', ['netns', 'list'])
  return listed.stdout
    .split('\n')
    .map((line) => line.split(' ')[0] ?? '')
    .filter((ns) => ns.startsWith(prefix))
}

/** The time (ms) of the first controller log line after `afterMs` saying `subcloud` became `availability`. */
export function availabilityAt(
  log: string,
  subcloud: string,
  availability: 'online' | 'offline',
  afterMs: number,
): number | undefined {
  for (const line of log.split('\n')) {
    if (!line.startsWith('{')) continue
    const entry = JSON.parse(line) as { time?: string; subcloud?: string; availability?: string }
    const at = Date.parse(entry.time ?? '')
    if (entry.subcloud === subcloud && entry.availability === availability && at >= afterMs) return at
  }
  return undefined
}
