import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseManifest } from '@dc/subcloud-agent'
import type { ManifestSubcloud } from '@dc/subcloud-agent'
import { spawnBenchNode } from './spawn-bench-node.js'
import type { ServiceProcess } from '@dc/test/support/index.js'
import { openFileLimit, reserveFreePortRun } from './host-stats.js'
import { SimulatorControl } from './simulator-control.js'
import type { FaultAck } from './simulator-control.js'

/** N virtual subclouds spread over as few `dc-agent --simulate` processes as the fd limit allows. */
export interface SimulatedFleet {
  readonly subclouds: readonly ManifestSubcloud[]
  /** Bootstrap values of a controller every subcloud of the fleet is valid for. */
  readonly controllerValuesYaml: string
  readonly pids: readonly number[]
  /** The control port of the simulator hosting subcloud `name`. */
  controlOf(name: string): SimulatorControl
  /** Sends `line` (e.g. `kill *`) to every simulator. */
  everywhere(line: string): Promise<FaultAck[]>
  stop(): Promise<void>
}

export interface SimulatedFleetOptions {
  readonly count: number
  /** `V4:V6:DUAL` weights. */
  readonly mix: string
  /** Manifests are written here. */
  readonly dir: string
}

/** File descriptors one site may need in its simulator: a listener or two and the controller's connection. */
const FDS_PER_SITE = 3
/** Descriptors left for everything else in a simulator process. */
const FD_RESERVE = 512
/**
 * Sites per process at most, so that the processes spread over the cores and no process holds so
 * many sites that one full garbage collection silences all of them for a verdict: at 5,000 sites a
 * simulator's mark-compact held its thread 1.6 s, and the controller, rightly, judged hundreds of
 * its sites offline (two missed heartbeats), failing the rollout steps that met them.
 */
const MAX_SITES_PER_PROCESS = 2_500
const ATTEMPTS = 3

interface Member {
  readonly process: ServiceProcess
  readonly control: SimulatorControl
  readonly names: ReadonlySet<string>
}

/**
 * Start the simulators of `count` subclouds, each simulator on its own run of consecutive loopback
 * ports that no socket uses, below the ephemeral port range so that no outgoing connection can
 * take one meanwhile. A port taken anyway (another process was quicker) moves to other runs.
 */
export async function startSimulatedFleet(options: SimulatedFleetOptions): Promise<SimulatedFleet> {
  const perProcess = Math.max(
    1,
    Math.min(MAX_SITES_PER_PROCESS, Math.floor((openFileLimit() - FD_RESERVE) / FDS_PER_SITE)),
  )
  const reserved = new Set<number>()
  let last: unknown
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      return await startAt(options, reserved, perProcess, attempt)
    } catch (err) {
      last = err
      if (!/EADDRINUSE/.test(String(err))) throw err
    }
  }
  throw last
}

async function startAt(
  options: SimulatedFleetOptions,
  reserved: Set<number>,
  perProcess: number,
  attempt: number,
): Promise<SimulatedFleet> {
  const members: Member[] = []
  const subclouds: ManifestSubcloud[] = []
  let controllerValuesYaml = ''
  const stop = async (): Promise<void> => {
    for (const member of members.splice(0)) {
      member.control.close()
      await member.process.stop('SIGTERM')
    }
  }
  try {
    for (let first = 0; first < options.count; first += perProcess) {
      const count = Math.min(perProcess, options.count - first)
      const manifestFile = join(options.dir, `simulator-${attempt}-${first}.json`)
      const process = await spawnBenchNode(
        'dc-agent',
        [
          '--simulate',
          String(count),
          '--listen-base',
          `[::1]:${reserveFreePortRun(count, reserved)}`,
          '--first-index',
          String(first + 1),
          '--mix',
          options.mix,
          '--manifest',
          manifestFile,
        ],
        {
          readyPattern: /^dc-agent simulating /,
          readyTimeoutMs: 180_000,
          name: `dc-agent --simulate ${count}`,
        },
      )
      const manifest = parseManifest(await readFile(manifestFile, 'utf8'))
      const control = await SimulatorControl.connect(manifest.control)
      members.push({ process, control, names: new Set(manifest.subclouds.map((s) => s.name)) })
      subclouds.push(...manifest.subclouds)
      controllerValuesYaml = manifest.controllerValuesYaml
    }
  } catch (err) {
    await stop()
    throw err
  }
  return {
    subclouds,
    controllerValuesYaml,
    pids: members.map((m) => m.process.pid),
    controlOf: (name) => {
      const member = members.find((m) => m.names.has(name))
      if (member === undefined) throw new Error(`no simulator hosts ${name}`)
      return member.control
    },
    everywhere: (line) => Promise.all(members.map((m) => m.control.fault(line))),
    stop,
  }
}
