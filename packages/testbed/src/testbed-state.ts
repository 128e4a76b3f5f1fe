import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** Where a testbed keeps its state: `DC_TESTBED_DIR`, else `/run/dc-testbed`. */
export function stateDirOf(env: NodeJS.ProcessEnv): string {
  const dir = env.DC_TESTBED_DIR
  return dir !== undefined && dir !== '' ? dir : '/run/dc-testbed'
}

/** Prefix of the testbed's namespace names: `DC_TESTBED_PREFIX`, else `dctb-`. */
export function prefixOf(env: NodeJS.ProcessEnv): string {
  const prefix = env.DC_TESTBED_PREFIX
  if (prefix === undefined || prefix === '') return 'dctb-'
  if (!/^[a-z0-9-]{1,20}$/.test(prefix))
    throw new Error(`DC_TESTBED_PREFIX must match [a-z0-9-]{1,20}, got '${prefix}'`)
  return prefix
}

/** One long-running process of the testbed, enough to start it again after a kill. */
export interface DaemonRecord {
  /** `<site>/<service>`, e.g. `site-a/controller`. */
  readonly name: string
  readonly site: string
  readonly netns: string
  readonly argv: readonly string[]
  readonly env: Readonly<Record<string, string>>
  readonly logFile: string
  /** A log line matching this (a RegExp source) means the process serves. */
  readonly ready: string
  /** The signal that stops it gracefully. */
  readonly stopSignal: 'SIGTERM' | 'SIGINT'
  /** Its process group (it leads one); undefined once stopped or killed. */
  pid: number | undefined
}

/** What `up` leaves for the other commands, which run as new processes. */
export interface TestbedState {
  readonly topologyFile: string
  readonly prefix: string
  /** Every namespace created, router first. */
  namespaces: string[]
  daemons: Record<string, DaemonRecord>
  /** Per cut site: `all` (link down) or the sites it is cut from. */
  cuts: Record<string, 'all' | string[]>
  /** Per refused subcloud: the controller's reason. */
  refused: Record<string, string>
}

const FILE = 'state.json'
let writes = 0

export async function readState(dir: string): Promise<TestbedState | undefined> {
  let text: string
  try {
    text = await readFile(join(dir, FILE), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  return JSON.parse(text) as TestbedState
}

/** Writes the state atomically, so a command started meanwhile reads the old or the new one. */
export async function writeState(dir: string, state: TestbedState): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o755 })
  const temp = join(dir, `${FILE}.${process.pid}.${++writes}.tmp`)
  await writeFile(temp, `${JSON.stringify(state, null, 2)}\n`)
  await rename(temp, join(dir, FILE))
}
