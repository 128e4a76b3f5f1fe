import type { DescribeResponse__Output } from '@dc/protos'
import type { AgentTarget } from '../strategies/strategy-agents.js'
import type { Subcloud } from '../subclouds/subcloud.js'
import {
  kubernetesDualStackOfValues,
  networkModeOf,
  networksOfDescribe,
  networksOfValues,
} from './network-mode.js'
import type { NetworkMode } from '@dc/console'

/** How the survey reads a site: the agent's `Describe` where the controller talks to it. */
export type DescribeSite = (target: AgentTarget, signal: AbortSignal) => Promise<DescribeResponse__Output>

interface Surveyed {
  /** What the subcloud looked like when it was asked: asked again once this changes. */
  readonly key: string
  readonly mode: NetworkMode | undefined
}

/**
 * The network mode of every subcloud for the Fleet and Subclouds pages. A subcloud's stored
 * bootstrap values tell its mode at add; a running site is asked (`Describe`, a few at a time in
 * the background) once it is online and whenever what the controller expects of it or its sync
 * status changes, since a network strategy or a local change moves it.
 */
export class NetworkSurvey {
  readonly #describe: DescribeSite
  readonly #concurrency: number
  readonly #signal: AbortSignal
  readonly #onChange: () => void
  readonly #surveyed = new Map<string, Surveyed>()
  readonly #queue = new Map<string, { subcloud: Subcloud; key: string }>()
  #running = 0

  constructor(deps: {
    readonly describe: DescribeSite
    readonly concurrency: number
    readonly signal: AbortSignal
    /** A subcloud's surveyed mode changed. */
    readonly onChange: () => void
  }) {
    this.#describe = deps.describe
    this.#concurrency = deps.concurrency
    this.#signal = deps.signal
    this.#onChange = deps.onChange
  }

  /** The mode to show: the site's as last described, else its bootstrap values'. */
  modeOf(subcloud: Subcloud): NetworkMode {
    const surveyed = this.#surveyed.get(subcloud.name)?.mode
    if (surveyed !== undefined) return surveyed
    const networks = networksOfValues(subcloud.storedValuesJson)
    return networkModeOf(networks, kubernetesDualStackOfValues(networks))
  }

  /** Record a site described elsewhere (the Subcloud page asks it anyway). */
  record(subcloud: Subcloud, described: DescribeResponse__Output): void {
    const mode = networkModeOf(
      networksOfDescribe(described),
      described.system?.kubernetes_dual_stack ?? false,
    )
    // Against what is shown (the bootstrap values' mode before the first survey): a first survey
    // that confirms it changes nothing, and at 10,000 sites telling it would re-read the fleet
    // back to back while the survey runs.
    const before = this.modeOf(subcloud)
    this.#surveyed.set(subcloud.name, { key: keyOf(subcloud), mode })
    if (before !== mode) this.#onChange()
  }

  /** Queue the subclouds whose mode may have moved since they were asked; forget deleted ones. */
  note(subclouds: readonly Subcloud[]): void {
    const names = new Set<string>()
    for (const subcloud of subclouds) {
      names.add(subcloud.name)
      if (subcloud.availability !== 'online' || subcloud.deployStatus !== 'complete') continue
      const key = keyOf(subcloud)
      if (this.#surveyed.get(subcloud.name)?.key !== key) this.#queue.set(subcloud.name, { subcloud, key })
    }
    for (const name of this.#surveyed.keys()) if (!names.has(name)) this.#surveyed.delete(name)
    while (this.#running < this.#concurrency && this.#queue.size > 0) void this.#work()
  }

  async #work(): Promise<void> {
    this.#running++
    try {
      for (const [name, job] of this.#queue) {
        if (this.#signal.aborted) return
        this.#queue.delete(name)
        try {
          this.record(job.subcloud, await this.#describe(job.subcloud, this.#signal))
        } catch {
          // Unreachable right now: keep what was known and ask again once the subcloud changes.
          const known = this.#surveyed.get(name)
          this.#surveyed.set(name, { key: job.key, mode: known?.mode })
        }
      }
    } finally {
      this.#running--
    }
  }
}

function keyOf(subcloud: Subcloud): string {
  const sync = subcloud.endpoints.map((e) => e.syncStatus).join(',')
  return `${subcloud.availability}|${subcloud.expectedConfigHash ?? ''}|${sync}`
}
