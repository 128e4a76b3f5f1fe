import type { AlarmStore } from '../ports/alarm-store.js'
import type { AssociationStore } from '../ports/association-store.js'
import type { PeerGroupStore } from '../ports/peer-group-store.js'
import type { StrategyStore } from '../ports/strategy-store.js'
import type { SubcloudStore } from '../ports/subcloud-store.js'
import type { SystemPeerStore } from '../ports/system-peer-store.js'
import type { ConsoleDelta, ConsoleView } from '@dc/console'
import { SYSTEM_CONTROLLER_REGION } from '@dc/protos'
import {
  alarmViewOf,
  fleetSummaryOf,
  geoViewOf,
  stepRowOf,
  strategyHeaderOf,
  subcloudRowOf,
} from './console-views.js'
import { keyedDelta } from './keyed-delta.js'
import type { NetworkSurvey } from './network-survey.js'

/** What the console reads, each through the port the gRPC services use. */
export interface ConsoleSources {
  readonly subclouds: Pick<SubcloudStore, 'list'>
  readonly alarms: Pick<AlarmStore, 'list'>
  readonly strategy: Pick<StrategyStore, 'get' | 'counts' | 'steps'>
  readonly peers: Pick<SystemPeerStore, 'list'>
  readonly peerGroups: Pick<PeerGroupStore, 'list'>
  readonly associations: Pick<AssociationStore, 'list'>
}

export type ConsoleListener = (delta: ConsoleDelta) => void

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/**
 * The console's view of the controller, read from the stores every `intervalMs` while a page
 * listens (and on demand for the JSON API), and told to listeners as deltas. Reading is serial:
 * at most one read is in flight, and a read finds the survey's latest modes.
 */
export class ConsoleFeed {
  readonly #sources: ConsoleSources
  readonly #survey: NetworkSurvey
  readonly #intervalMs: number
  readonly #listeners = new Set<ConsoleListener>()
  #snapshot: ConsoleView | undefined
  #readAt = 0
  #reading: Promise<ConsoleView> | undefined
  #next: Promise<ConsoleView> | undefined
  #timer: NodeJS.Timeout | undefined
  #stopped = false

  constructor(sources: ConsoleSources, survey: NetworkSurvey, intervalMs: number) {
    this.#sources = sources
    this.#survey = survey
    this.#intervalMs = intervalMs
  }

  /**
   * Something shown changed outside the stores (a subcloud's surveyed network mode): read now
   * while a page listens. With none, only forget the snapshot, so that the next page reads afresh:
   * a read is a whole-fleet query, and reads for nobody, each queueing more surveys, kept a
   * controller of 10,000 subclouds busy long after the last page closed.
   */
  changed(): void {
    if (this.#listeners.size === 0) {
      this.#readAt = Number.NEGATIVE_INFINITY
      return
    }
    void this.refresh().catch(() => undefined)
  }

  /** The latest snapshot, read again first when it is older than the interval. */
  async current(): Promise<ConsoleView> {
    if (this.#snapshot !== undefined && Date.now() - this.#readAt < this.#intervalMs) return this.#snapshot
    return this.refresh()
  }

  /**
   * Read now and tell listeners what changed. With a read in flight, which may have passed what
   * the caller knows changed, one more read follows it, shared by every caller meanwhile.
   */
  refresh(): Promise<ConsoleView> {
    if (this.#reading === undefined) {
      this.#reading = this.#read().finally(() => (this.#reading = undefined))
      return this.#reading
    }
    this.#next ??= this.#reading
      .catch(() => undefined)
      .then(() => {
        this.#next = undefined
        return this.refresh()
      })
    return this.#next
  }

  /** Listen from the snapshot returned on; deltas follow it. Returns the unsubscribe. */
  async subscribe(listener: ConsoleListener): Promise<{ snapshot: ConsoleView; stop: () => void }> {
    const snapshot = await this.current()
    this.#listeners.add(listener)
    this.#schedule()
    return {
      snapshot: this.#snapshot ?? snapshot,
      stop: () => this.#listeners.delete(listener),
    }
  }

  /** Read no more; listeners are dropped. */
  stop(): void {
    this.#stopped = true
    clearTimeout(this.#timer)
    this.#listeners.clear()
  }

  #schedule(): void {
    if (this.#timer !== undefined || this.#stopped || this.#listeners.size === 0) return
    this.#timer = setTimeout(() => {
      this.#timer = undefined
      this.refresh().then(
        () => this.#schedule(),
        // The store is fenced or restarting: the next tick tries again.
        () => this.#schedule(),
      )
    }, this.#intervalMs)
  }

  async #read(): Promise<ConsoleView> {
    const s = this.#sources
    const [subclouds, alarms, strategy, peers, groups, associations] = await Promise.all([
      s.subclouds.list(),
      s.alarms.list(SYSTEM_CONTROLLER_REGION),
      s.strategy.get(),
      s.peers.list(),
      s.peerGroups.list(),
      s.associations.list(),
    ])
    this.#survey.note(subclouds)
    const [counts, steps] =
      strategy === undefined ? [[], []] : await Promise.all([s.strategy.counts(), s.strategy.steps()])
    const rows = subclouds.map((subcloud) => subcloudRowOf(subcloud, this.#survey.modeOf(subcloud)))
    const alarmViews = alarms.map(alarmViewOf)
    const previous = this.#snapshot
    const next: ConsoleView = {
      version: (previous?.version ?? 0) + 1,
      subclouds: rows,
      alarms: alarmViews,
      strategy: strategy === undefined ? null : strategyHeaderOf(strategy, counts),
      steps: steps.map(stepRowOf),
      geo: geoViewOf(peers, groups, associations, rows),
      summary: fleetSummaryOf(rows, alarmViews),
    }
    this.#readAt = Date.now()
    if (previous === undefined) {
      this.#snapshot = next
      return next
    }
    const delta = deltaOf(previous, next)
    if (delta === undefined) return previous
    this.#snapshot = next
    for (const listener of this.#listeners) listener(delta)
    return next
  }
}

function deltaOf(previous: ConsoleView, next: ConsoleView): ConsoleDelta | undefined {
  const subclouds = keyedDelta(previous.subclouds, next.subclouds, (r) => r.name)
  const reset = previous.strategy?.uuid !== next.strategy?.uuid
  const steps = keyedDelta(reset ? [] : previous.steps, next.steps, (r) => r.subcloud)
  const delta: ConsoleDelta = {
    version: next.version,
    ...(subclouds === undefined ? {} : { subclouds }),
    ...(same(previous.alarms, next.alarms) ? {} : { alarms: next.alarms }),
    ...(same(previous.strategy, next.strategy) ? {} : { strategy: next.strategy }),
    ...(steps === undefined && !reset ? {} : { steps: { changed: [], removed: [], ...steps, reset } }),
    ...(same(previous.geo, next.geo) ? {} : { geo: next.geo }),
    ...(same(previous.summary, next.summary) ? {} : { summary: next.summary }),
  }
  return Object.keys(delta).length > 1 ? delta : undefined
}
