import { existsSync } from 'node:fs'
import { chmod, mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { SubcloudSite } from './topology.js'
import { inSite, selectSubclouds } from './testbed-onboard.js'
import { loadTopology } from './parse-topology.js'
import { startDaemon, isRunning } from './daemons.js'
import { buildNetwork } from './testbed-network.js'
import { issueCredentials } from './testbed-pki.js'
import { PROGRAMS, REPO_ROOT, postgresBinDir, programPath, TestbedPaths } from './testbed-paths.js'
import { prepareService, servicesOf } from './testbed-services.js'
import { TestbedSession, TestbedUsageError } from './testbed-session.js'
import { prefixOf, readState, stateDirOf, writeState, type TestbedState } from './testbed-state.js'
import { natsServerPath } from './testbed-paths.js'

export interface UpOptions {
  readonly topologyFile: string
  /** Onboard only the first N accepted subclouds of the topology. @default all */
  readonly subclouds?: number | undefined
  readonly env: NodeJS.ProcessEnv
  readonly progress: (line: string) => void
  readonly signal?: AbortSignal | undefined
  /** When the command started (ms since the epoch), for the progress lines of its helpers. */
  readonly startedAt: number
}

/** What the host lacks for a testbed, each with what to install; empty when nothing. */
export function missingPrerequisites(): string[] {
  const missing: string[] = []
  if (process.getuid?.() !== 0) missing.push('network namespaces need root: run as root (e.g. sudo)')
  if (!existsSync('/usr/sbin/ip') && !existsSync('/sbin/ip')) missing.push('ip: apt-get install iproute2')
  if (natsServerPath() === undefined) missing.push('nats-server: apt-get install nats-server')
  if (postgresBinDir() === undefined) missing.push('PostgreSQL: apt-get install postgresql')
  if (!existsSync('/usr/sbin/runuser') && !existsSync('/sbin/runuser'))
    missing.push('runuser: apt-get install util-linux')
  const unbuilt = Object.values(PROGRAMS).filter((entry) => !existsSync(join(REPO_ROOT, entry)))
  if (unbuilt.length > 0) missing.push(`${unbuilt.join(', ')}: run pnpm run build`)
  return missing
}

async function writeCliWrappers(paths: TestbedPaths): Promise<void> {
  await mkdir(paths.binDir, { recursive: true })
  for (const program of ['dcmanager', 'system', 'fm', 'dc-pki'] as const) {
    const file = join(paths.binDir, program)
    await writeFile(file, `#!/bin/sh\nexec '${process.execPath}' '${programPath(program)}' "$@"\n`)
    await chmod(file, 0o755)
  }
}

async function startProcesses(
  session: TestbedSession,
  options: UpOptions,
  subclouds: readonly SubcloudSite[],
): Promise<void> {
  const ctx = { topology: session.topology, paths: session.paths, prefix: session.state.prefix }
  const sites = [...session.topology.sites.filter((s) => s.role !== 'subcloud'), ...subclouds]
  // Start order across sites: every database, the whole NATS cluster, controllers, then agents.
  for (const service of ['postgres', 'nats', 'controller', 'agent'] as const) {
    await Promise.all(
      sites
        .filter((site) => servicesOf(site).includes(service))
        .map(async (site) => {
          const name = `${site.name}/${service}`
          const known = session.state.daemons[name]
          if (known !== undefined && isRunning(known)) return
          const record = await prepareService(ctx, site, service)
          record.pid = await startDaemon(record, options.signal)
          session.state.daemons[name] = record
          options.progress(`start: ${name} pid ${record.pid} in ${record.netns}`)
          await session.save()
        }),
    )
  }
}

/** `up`: builds the testbed, or completes one built before (every step skips what exists). */
export async function up(options: UpOptions): Promise<void> {
  const missing = missingPrerequisites()
  if (missing.length > 0)
    throw new TestbedUsageError(`cannot build a testbed here:\n  ${missing.join('\n  ')}`)
  const topologyFile = resolve(options.topologyFile)
  const topology = await loadTopology(topologyFile)
  const paths = new TestbedPaths(stateDirOf(options.env))
  const previous = await readState(paths.stateDir)
  if (previous !== undefined && previous.topologyFile !== topologyFile) {
    throw new TestbedUsageError(
      `a testbed from ${previous.topologyFile} is up in ${paths.stateDir}; run pnpm testbed down first`,
    )
  }
  const state: TestbedState = previous ?? {
    topologyFile,
    prefix: prefixOf(options.env),
    namespaces: [],
    daemons: {},
    cuts: {},
    refused: {},
  }
  await writeState(paths.stateDir, state)
  const session = new TestbedSession(topology, state, paths)
  try {
    state.namespaces = await buildNetwork(topology, state.prefix, options.progress)
    await session.save()
    const subclouds = selectSubclouds(topology, options.subclouds)
    await issueCredentials(
      [...topology.sites.filter((s) => s.role !== 'subcloud'), ...subclouds],
      paths,
      options.progress,
    )
    await writeCliWrappers(paths)
    await startProcesses(session, options, subclouds)
    const count = options.subclouds === undefined ? [] : ['--subclouds', String(options.subclouds)]
    await inSite(session, topology.geo.leader, ['internal-onboard', ...count], options.startedAt)
  } finally {
    session.close()
  }
}
