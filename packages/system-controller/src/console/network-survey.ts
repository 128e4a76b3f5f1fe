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

/** A site to ask: where it is dialled, what it looked like, and the mode shown for it meanwhile. */
interface Pending {
  readonly target: AgentTarget
  readonly key: string
  readonly shown: NetworkMode
}

/**
 * The network mode of every subcloud for the Fleet and Subclouds pages. A subcloud's stored
 * bootstrap values tell its mode at add; a running site is asked (`Describe`, a few at a time in
 * the background) once it is online and whenever what the controller expects of it or its sync
 * status changes, since a network strategy or a local change moves it. Sites are asked only while
 * the survey is active (a page is open): at 10,000 subclouds a survey nobody looks at is a
 * Describe per site for nothing. Until then they wait in the queue, latest state only.
 */
export class NetworkSurvey {
  readonly #describe: DescribeSite
  readonly #concurrency: number
  readonly #signal: AbortSignal
  readonly #onChange: (name: string, mode: NetworkMode) => void
  readonly #surveyed = new Map<string, Surveyed>()
  readonly #queue = new Map<string, Pending>()
  /** Sites being asked now, each by its job; one forgotten meanwhile is dropped and its answer ignored. */
  readonly #asking = new Map<string, Pending>()
  #running = 0
  #active = false

  constructor(deps: {
    readonly describe: DescribeSite
    readonly concurrency: number
    readonly signal: AbortSignal
    /** The mode shown for subcloud `name` changed to `mode`. */
    readonly onChange: (name: string, mode: NetworkMode) => void
  }) {
    this.#describe = deps.describe
    this.#concurrency = deps.concurrency
    this.#signal = deps.signal
    this.#onChange = deps.onChange
  }

  /** The mode to show: the site's as last described, else its bootstrap values'. */
  modeOf(subcloud: Subcloud): NetworkMode {
    return this.#surveyed.get(subcloud.name)?.mode ?? bootstrapModeOf(subcloud)
  }

  /** Record a site described elsewhere (the Subcloud page asks it anyway). */
  record(subcloud: Subcloud, described: DescribeResponse__Output): void {
    this.#settle(subcloud.name, keyOf(subcloud), this.modeOf(subcloud), described)
  }

  /** Queue those of `subclouds` (changed since they were last noted) whose mode may have moved. */
  note(subclouds: readonly Subcloud[]): void {
    for (const subcloud of subclouds) {
      if (subcloud.availability !== 'online' || subcloud.deployStatus !== 'complete') {
        this.#queue.delete(subcloud.name)
        continue
      }
      const key = keyOf(subcloud)
      if (this.#surveyed.get(subcloud.name)?.key === key) continue
      const { name, bootstrapAddress, operationalAddress } = subcloud
      this.#queue.set(name, {
        target: { name, bootstrapAddress, operationalAddress },
        key,
        shown: this.modeOf(subcloud),
      })
    }
    this.#drain()
  }

  /** Subclouds deleted: neither asked nor remembered. */
  forget(names: Iterable<string>): void {
    for (const name of names) {
      this.#queue.delete(name)
      this.#surveyed.delete(name)
      this.#asking.delete(name)
    }
  }

  /** Ask the queued sites (a page is open), or leave them queued (none is). */
  setActive(active: boolean): void {
    this.#active = active
    this.#drain()
  }

  #drain(): void {
    while (this.#active && this.#running < this.#concurrency && this.#queue.size > 0) void this.#work()
  }

  #settle(name: string, key: string, before: NetworkMode, described: DescribeResponse__Output): void {
    const mode = networkModeOf(
      networksOfDescribe(described),
      described.system?.kubernetes_dual_stack ?? false,
    )
    // Against what is shown (the bootstrap values' mode before the first survey): a first survey
    // that confirms it changes nothing, and at 10,000 sites telling it would be 10,000 deltas.
    this.#surveyed.set(name, { key, mode })
    if (before !== mode) this.#onChange(name, mode)
  }

  async #work(): Promise<void> {
    this.#running++
    try {
      for (const [name, job] of this.#queue) {
        if (this.#signal.aborted || !this.#active) return
        this.#queue.delete(name)
        this.#asking.set(name, job)
        const current = (): boolean => this.#asking.get(name) === job
        try {
          const described = await this.#describe(job.target, this.#signal)
          // Deleted or changed again while it was asked: the newer state decides.
          if (!current() || this.#queue.has(name)) continue
          this.#settle(name, job.key, this.#surveyed.get(name)?.mode ?? job.shown, described)
        } catch {
          // Unreachable right now: keep what was known and ask again once the subcloud changes.
          if (!current()) continue
          const known = this.#surveyed.get(name)
          this.#surveyed.set(name, { key: job.key, mode: known?.mode })
        } finally {
          if (current()) this.#asking.delete(name)
        }
      }
    } finally {
      this.#running--
    }
  }
}

function bootstrapModeOf(subcloud: Subcloud): NetworkMode {
  const networks = networksOfValues(subcloud.storedValuesJson)
  return networkModeOf(networks, kubernetesDualStackOfValues(networks))
}

function keyOf(subcloud: Subcloud): string {
  const sync = subcloud.endpoints.map((e) => e.syncStatus).join(',')
  return `${subcloud.availability}|${subcloud.expectedConfigHash ?? ''}|${sync}`
}
