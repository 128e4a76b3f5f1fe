import type { AlarmStore } from '../ports/alarm-store.js'
import type { AssociationStore } from '../ports/association-store.js'
import type { PeerGroupStore } from '../ports/peer-group-store.js'
import type { StrategyStore } from '../ports/strategy-store.js'
import type { SubcloudGroupStore } from '../ports/subcloud-group-store.js'
import type { SubcloudStore } from '../ports/subcloud-store.js'
import type { SystemPeerStore } from '../ports/system-peer-store.js'
import type { PeerGroupAssociation } from '../geo/peer-group-association.js'
import type { SubcloudPeerGroup } from '../geo/subcloud-peer-group.js'
import type { SystemPeer } from '../geo/system-peer.js'
import type { Subcloud } from '../subclouds/subcloud.js'
import type { ConsoleDelta, ConsoleView, NetworkMode, SubcloudRow } from '@dc/console'
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
  readonly subclouds: Pick<SubcloudStore, 'changes' | 'ids'>
  readonly subcloudGroups: Pick<SubcloudGroupStore, 'list'>
  readonly alarms: Pick<AlarmStore, 'list'>
  readonly strategy: Pick<StrategyStore, 'get' | 'counts' | 'steps'>
  readonly peers: Pick<SystemPeerStore, 'list'>
  readonly peerGroups: Pick<PeerGroupStore, 'list'>
  readonly associations: Pick<AssociationStore, 'list'>
}

export type ConsoleListener = (delta: ConsoleDelta) => void

export interface ConsoleFeedOptions {
  /** How often everything is read while a page listens. */
  readonly intervalMs: number
  /** How often the subclouds' changes are read while none does, so a page opens on a current fleet. */
  readonly idleIntervalMs: number
}

/** A subcloud as the feed holds it: its row, and the group ids its group names are looked up by. */
interface Tracked {
  readonly groupId: number
  readonly peerGroupId: number | null
  readonly row: SubcloudRow
}

/** Everything but the subcloud rows, read only for a page (the alarms alone can be 10,000 rows). */
interface Rest extends Pick<ConsoleView, 'alarms' | 'strategy' | 'steps'> {
  readonly peers: readonly SystemPeer[]
  readonly associations: readonly PeerGroupAssociation[]
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

function sameRow(a: SubcloudRow, b: SubcloudRow): boolean {
  for (const key of Object.keys(a) as (keyof SubcloudRow)[]) if (a[key] !== b[key]) return false
  return true
}

/**
 * The console's view of the controller, kept current from the start: the subcloud rows follow the
 * store's changes (`SubcloudStore.changes`, the rows changed since the last look, not the whole
 * fleet), every `idleIntervalMs` while no page is open and every `intervalMs` with the rest
 * (alarms, strategy, geo) while one is. A page that opens is sent what is held after one more such
 * look; listeners get deltas. Reads are serial.
 */
export class ConsoleFeed {
  readonly #sources: ConsoleSources
  readonly #survey: NetworkSurvey
  readonly #options: ConsoleFeedOptions
  readonly #listeners = new Set<ConsoleListener>()
  readonly #tracked = new Map<number, Tracked>()
  readonly #idOf = new Map<string, number>()
  #mark: string | undefined
  #groupNames = new Map<number, string>()
  #peerGroupNames = new Map<number, string>()
  #peerGroups: readonly SubcloudPeerGroup[] = []
  /** Rows changed (by name) and names gone since the last view was built. */
  #changed = new Map<string, SubcloudRow>()
  #removed = new Set<string>()
  #view: ConsoleView | undefined
  #rest: Rest | undefined
  #viewAt = Number.NEGATIVE_INFINITY
  #chain: Promise<unknown> = Promise.resolve()
  #queuedRefresh: Promise<ConsoleView> | undefined
  #timer: NodeJS.Timeout | undefined
  #started = false
  #stopped = false

  constructor(sources: ConsoleSources, survey: NetworkSurvey, options: ConsoleFeedOptions) {
    this.#sources = sources
    this.#survey = survey
    this.#options = options
  }

  /** Keep the rows current from now on (until {@link stop}). */
  start(): void {
    this.#started = true
    this.#schedule(0)
  }

  /** The survey found subcloud `name` in another mode: shown without reading anything. */
  modeChanged(name: string, mode: NetworkMode): void {
    const id = this.#idOf.get(name)
    const tracked = id === undefined ? undefined : this.#tracked.get(id)
    if (id === undefined || tracked === undefined || tracked.row.networkMode === mode) return
    this.#put(id, { ...tracked, row: { ...tracked.row, networkMode: mode } })
    if (this.#listeners.size > 0 && this.#rest !== undefined) this.#build(this.#rest)
  }

  /** The latest view, read again first when it is older than the interval. */
  async current(): Promise<ConsoleView> {
    if (this.#view !== undefined && Date.now() - this.#viewAt < this.#options.intervalMs) return this.#view
    return this.refresh()
  }

  /**
   * Read the changes and the rest now and tell listeners what changed. Callers meanwhile share
   * one read queued behind the one in flight, which may have passed what they know changed.
   */
  refresh(): Promise<ConsoleView> {
    this.#queuedRefresh ??= this.#serial(async () => {
      this.#queuedRefresh = undefined
      const [rest] = await Promise.all([this.#readRest(), this.#readRows()])
      return this.#build(rest)
    })
    return this.#queuedRefresh
  }

  /** Listen from the view returned on; deltas follow it. Returns the unsubscribe. */
  async subscribe(listener: ConsoleListener): Promise<{ snapshot: ConsoleView; stop: () => void }> {
    const snapshot = await this.refresh()
    this.#listeners.add(listener)
    this.#survey.setActive(true)
    return {
      snapshot: this.#view ?? snapshot,
      stop: () => {
        this.#listeners.delete(listener)
        if (this.#listeners.size === 0) this.#survey.setActive(false)
      },
    }
  }

  /** Read no more; listeners are dropped. */
  stop(): void {
    this.#stopped = true
    clearTimeout(this.#timer)
    this.#listeners.clear()
    this.#survey.setActive(false)
  }

  #serial<T>(read: () => Promise<T>): Promise<T> {
    const run = this.#chain.then(read, read)
    this.#chain = run.catch(() => undefined)
    return run
  }

  #schedule(delayMs: number): void {
    if (!this.#started || this.#stopped) return
    this.#timer = setTimeout(() => {
      const look = this.#listeners.size > 0 ? this.refresh() : this.#serial(() => this.#readRows())
      // The store is fenced or restarting: the next look tries again.
      void look
        .catch(() => undefined)
        .then(() =>
          this.#schedule(this.#listeners.size > 0 ? this.#options.intervalMs : this.#options.idleIntervalMs),
        )
    }, delayMs)
  }

  async #readRest(): Promise<Rest> {
    const s = this.#sources
    // Peer groups are read with the rows, which show their names.
    const [alarms, strategy, peers, associations] = await Promise.all([
      s.alarms.list(SYSTEM_CONTROLLER_REGION),
      s.strategy.get(),
      s.peers.list(),
      s.associations.list(),
    ])
    const [counts, steps] =
      strategy === undefined ? [[], []] : await Promise.all([s.strategy.counts(), s.strategy.steps()])
    return {
      alarms: alarms.map(alarmViewOf),
      strategy: strategy === undefined ? null : strategyHeaderOf(strategy, counts),
      steps: steps.map(stepRowOf),
      peers,
      associations,
    }
  }

  /** The subclouds changed since the last look, with the group names they are shown with. */
  async #readRows(): Promise<void> {
    const s = this.#sources
    const [changes, groups, peerGroups] = await Promise.all([
      s.subclouds.changes(this.#mark),
      s.subcloudGroups.list(),
      s.peerGroups.list(),
    ])
    const groupNames = new Map(groups.map((g) => [g.id, g.name]))
    const peerGroupNames = new Map(peerGroups.map((g) => [g.id, g.name]))
    const renamed =
      !same([...groupNames], [...this.#groupNames]) || !same([...peerGroupNames], [...this.#peerGroupNames])
    this.#groupNames = groupNames
    this.#peerGroupNames = peerGroupNames
    this.#peerGroups = peerGroups
    for (const subcloud of changes.subclouds) this.#track(subcloud)
    this.#survey.note(changes.subclouds)
    if (this.#tracked.size !== changes.count) await this.#dropDeleted()
    if (renamed) {
      for (const [id, tracked] of this.#tracked) this.#put(id, { ...tracked, row: this.#named(tracked) })
    }
    this.#mark = changes.mark
  }

  #track(subcloud: Subcloud): void {
    const tracked: Tracked = {
      groupId: subcloud.groupId,
      peerGroupId: subcloud.peerGroupId,
      row: subcloudRowOf(subcloud, this.#survey.modeOf(subcloud)),
    }
    this.#put(subcloud.id, { ...tracked, row: this.#named(tracked) })
  }

  #named(tracked: Tracked): SubcloudRow {
    const group = this.#groupNames.get(tracked.groupId) ?? tracked.row.group
    const peerGroup =
      tracked.peerGroupId === null
        ? ''
        : (this.#peerGroupNames.get(tracked.peerGroupId) ?? tracked.row.peerGroup)
    return group === tracked.row.group && peerGroup === tracked.row.peerGroup
      ? tracked.row
      : { ...tracked.row, group, peerGroup }
  }

  /** Hold `next` as subcloud `id`, noting the change for the next view when it is one. */
  #put(id: number, next: Tracked): void {
    const before = this.#tracked.get(id)?.row
    this.#tracked.set(id, next)
    if (before !== undefined && before.name !== next.row.name) {
      this.#idOf.delete(before.name)
      this.#changed.delete(before.name)
      this.#removed.add(before.name)
    }
    this.#idOf.set(next.row.name, id)
    if (before === undefined || !sameRow(before, next.row)) {
      this.#removed.delete(next.row.name)
      this.#changed.set(next.row.name, next.row)
    }
  }

  async #dropDeleted(): Promise<void> {
    const ids = new Set(await this.#sources.subclouds.ids())
    const gone: string[] = []
    for (const [id, tracked] of this.#tracked) {
      if (ids.has(id)) continue
      const { name } = tracked.row
      this.#tracked.delete(id)
      if (this.#idOf.get(name) === id) this.#idOf.delete(name)
      this.#changed.delete(name)
      this.#removed.add(name)
      gone.push(name)
    }
    this.#survey.forget(gone)
  }

  /** The view of the rows held and `rest`; listeners are told how it differs from the last. */
  #build(rest: Rest): ConsoleView {
    const previous = this.#view
    const rows = [...this.#tracked.values()].map((t) => t.row)
    const rowsMoved = this.#changed.size > 0 || this.#removed.size > 0
    const next: ConsoleView = {
      version: (previous?.version ?? 0) + 1,
      subclouds: rows,
      alarms: rest.alarms,
      strategy: rest.strategy,
      steps: rest.steps,
      geo: geoViewOf(rest.peers, this.#peerGroups, rest.associations, rows),
      summary: fleetSummaryOf(rows, rest.alarms),
    }
    const subclouds = rowsMoved
      ? { changed: [...this.#changed.values()], removed: [...this.#removed] }
      : undefined
    this.#changed = new Map()
    this.#removed = new Set()
    this.#rest = rest
    this.#viewAt = Date.now()
    if (previous === undefined) return (this.#view = next)
    const delta = deltaOf(previous, next, subclouds)
    if (delta === undefined) return previous
    this.#view = next
    for (const listener of this.#listeners) listener(delta)
    return next
  }
}

function deltaOf(
  previous: ConsoleView,
  next: ConsoleView,
  subclouds: ConsoleDelta['subclouds'],
): ConsoleDelta | undefined {
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
