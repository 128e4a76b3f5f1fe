import { spawn } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { isRunning, killDaemon, startDaemon, stopDaemon } from './daemons.js'
import { setCut, deleteNamespace, killNamespaceProcesses, listNamespaces } from './testbed-network.js'
import { hostPort } from './testbed-services.js'
import { openTestbed, TestbedUsageError, type TestbedSession } from './testbed-session.js'
import { prefixOf, readState, stateDirOf, type DaemonRecord } from './testbed-state.js'

/** The commands that act on a testbed `up` built: down, run, cut, heal, kill, start. */

type Progress = (line: string) => void

const STOP_ORDER = ['agent', 'controller', 'nats', 'postgres']
const stopRank = (record: DaemonRecord): number => STOP_ORDER.indexOf(record.name.split('/')[1] ?? '')

/**
 * `down`: stops every process (agents, controllers, NATS, PostgreSQL), kills anything left in the
 * namespaces, deletes them with their links, and removes the state directory. Idempotent.
 */
export async function down(env: NodeJS.ProcessEnv, progress: Progress): Promise<void> {
  const stateDir = stateDirOf(env)
  const state = await readState(stateDir)
  const prefix = state?.prefix ?? prefixOf(env)
  const daemons = Object.values(state?.daemons ?? {}).sort((a, b) => stopRank(a) - stopRank(b))
  for (const record of daemons) {
    if (!isRunning(record)) continue
    await stopDaemon(record)
    progress(`stop: ${record.name}`)
  }
  const namespaces = new Set([
    ...(state?.namespaces ?? []),
    ...(await listNamespaces()).filter((ns) => ns.startsWith(prefix)),
  ])
  for (const netns of namespaces) {
    await killNamespaceProcesses(netns)
    await deleteNamespace(netns)
    progress(`network: deleted ${netns}`)
  }
  await rm(stateDir, { recursive: true, force: true })
  progress(`down: ${stateDir} removed`)
}

/** Runs `command` in `site`'s namespace with the operator's credentials; resolves with its exit code. */
export async function runInSite(
  env: NodeJS.ProcessEnv,
  siteName: string,
  command: readonly string[],
): Promise<number> {
  if (command.length === 0) throw new TestbedUsageError('run needs a command after --')
  const session = await openTestbed(env)
  const site = session.site(siteName)
  const controller = site.role === 'central' ? site : session.leader()
  const operator = session.paths.certPrefix('operator', 'admin')
  const childEnv = {
    ...process.env,
    PATH: `${session.paths.binDir}:${process.env.PATH ?? ''}`,
    DC_URL: hostPort(controller.link.ipv6.address, session.topology.ports.controller),
    DC_TLS_CA: session.paths.caFile,
    DC_TLS_CERT: `${operator}.crt`,
    DC_TLS_KEY: `${operator}.key`,
  }
  const netns = `${session.state.prefix}${site.name}`
  return new Promise((resolve, reject) => {
    const child = spawn('ip', ['netns', 'exec', netns, ...command], { stdio: 'inherit', env: childEnv })
    child.on('error', reject)
    child.on('close', (code, signal) => resolve(code ?? (signal === null ? 1 : 128)))
  })
}

async function withSession<T>(
  env: NodeJS.ProcessEnv,
  act: (session: TestbedSession) => Promise<T>,
): Promise<T> {
  const session = await openTestbed(env)
  try {
    return await act(session)
  } finally {
    session.close()
  }
}

/** `cut SITE [--from SITE,...]`: partitions a site from the WAN, or from the named sites only. */
export function cut(
  env: NodeJS.ProcessEnv,
  siteName: string,
  from: readonly string[] | undefined,
  progress: Progress,
): Promise<void> {
  return withSession(env, async (session) => {
    const site = session.site(siteName)
    if (session.state.cuts[site.name] !== undefined) {
      throw new TestbedUsageError(`${site.name} is cut already; heal it first`)
    }
    const others = from?.map((name) => session.site(name))
    if (others?.some((o) => o.name === site.name))
      throw new TestbedUsageError(`--from must not name ${site.name} itself`)
    await setCut('cut', session.state.prefix, session.topology, site, others)
    session.state.cuts[site.name] = others === undefined ? 'all' : others.map((o) => o.name)
    await session.save()
    progress(
      `cut: ${site.name} ${others === undefined ? 'from the WAN (link down)' : `from ${others.map((o) => o.name).join(', ')}`}`,
    )
  })
}

/** `heal SITE`: undoes its cut; healing an uncut site changes nothing. */
export function heal(env: NodeJS.ProcessEnv, siteName: string, progress: Progress): Promise<void> {
  return withSession(env, async (session) => {
    const site = session.site(siteName)
    const cutFrom = session.state.cuts[site.name]
    if (cutFrom === undefined) {
      progress(`heal: ${site.name} is not cut`)
      return
    }
    const others = cutFrom === 'all' ? undefined : cutFrom.map((name) => session.site(name))
    await setCut('heal', session.state.prefix, session.topology, site, others)
    delete session.state.cuts[site.name]
    await session.save()
    progress(`heal: ${site.name}`)
  })
}

/** `kill PROCESS`: SIGKILLs it, as a crash would. */
export function kill(env: NodeJS.ProcessEnv, name: string, progress: Progress): Promise<void> {
  return withSession(env, async (session) => {
    const record = session.daemon(name)
    if (!isRunning(record)) {
      progress(`kill: ${record.name} is not running`)
      return
    }
    const pid = record.pid
    await killDaemon(record)
    await session.save()
    progress(`kill: ${record.name} (pid ${pid}) killed`)
  })
}

/** `start PROCESS`: starts a killed process again, same flags and files, and waits until it serves. */
export function start(env: NodeJS.ProcessEnv, name: string, progress: Progress): Promise<void> {
  return withSession(env, async (session) => {
    const record = session.daemon(name)
    if (isRunning(record)) {
      progress(`start: ${record.name} is running (pid ${record.pid})`)
      return
    }
    record.pid = await startDaemon(record)
    await session.save()
    progress(`start: ${record.name} pid ${record.pid}`)
  })
}
