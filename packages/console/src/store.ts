// The page's copy of the controller's view: a snapshot from the event stream, then its deltas.
import { useEffect, useState } from 'preact/hooks'

export interface SubcloudRow {
  readonly id: number
  readonly name: string
  readonly group: string
  readonly peerGroup: string
  readonly availability: string
  readonly management: string
  readonly deploy: string
  readonly sync: string
  readonly networkMode: string
  readonly primaryFamily: string
  readonly address: string
}

export interface AlarmView {
  readonly alarmId: string
  readonly severity: string
  readonly entity: string
  readonly reason: string
  readonly repair: string
  readonly raisedAt: string
}

export interface StrategyHeader {
  readonly uuid: string
  readonly state: string
  readonly planKind: string
  readonly applyType: string
  readonly maxParallel: number
  readonly target: string
  readonly details: string
  readonly counts: Readonly<Record<string, number>>
  readonly total: number
}

export interface StepRow {
  readonly subcloud: string
  readonly state: string
  readonly details: string
  readonly startedAt: string | null
  readonly finishedAt: string | null
}

export interface GeoView {
  readonly peers: readonly {
    name: string
    uuid: string
    availability: string
    administrative: string
    heartbeatIntervalMs: number
    failureThreshold: number
    failurePolicy: string
  }[]
  readonly peerGroups: readonly {
    name: string
    priority: number
    leader: string
    migration: string
    members: number
  }[]
  readonly associations: readonly {
    peer: string
    peerGroup: string
    type: string
    sync: string
    publishedSeq: number
    ackedSeq: number
  }[]
}

export type Counts = Readonly<Record<string, number>>

export interface FleetSummary {
  readonly total: number
  readonly availability: Counts
  readonly deploy: Counts
  readonly sync: Counts
  readonly management: Counts
  readonly networkMode: Counts
  readonly alarms: Counts
}

interface KeyedDelta<T> {
  readonly changed: readonly T[]
  readonly removed: readonly string[]
}

interface Delta {
  readonly version: number
  readonly subclouds?: KeyedDelta<SubcloudRow>
  readonly alarms?: readonly AlarmView[]
  readonly strategy?: StrategyHeader | null
  readonly steps?: KeyedDelta<StepRow> & { readonly reset: boolean }
  readonly geo?: GeoView
  readonly summary?: FleetSummary
}

interface Snapshot {
  readonly viewer: { readonly label: string; readonly readOnly: boolean }
  readonly version: number
  /** Rows as arrays under one list of field names (half the bytes of objects). */
  readonly subclouds: { readonly fields: readonly string[]; readonly rows: readonly (readonly unknown[])[] }
  readonly alarms: readonly AlarmView[]
  readonly strategy: StrategyHeader | null
  readonly steps: readonly StepRow[]
  readonly geo: GeoView
  readonly summary: FleetSummary
}

/** What the pages render from. Maps are replaced, not mutated, so a changed one is a new object. */
export interface ConsoleState {
  readonly connection: 'connecting' | 'live' | 'reconnecting'
  readonly viewer: string
  readonly version: number
  readonly subclouds: ReadonlyMap<string, SubcloudRow>
  readonly alarms: readonly AlarmView[]
  readonly strategy: StrategyHeader | null
  readonly steps: ReadonlyMap<string, StepRow>
  readonly geo: GeoView
  readonly summary: FleetSummary | undefined
}

let state: ConsoleState = {
  connection: 'connecting',
  viewer: '',
  version: 0,
  subclouds: new Map(),
  alarms: [],
  strategy: null,
  steps: new Map(),
  geo: { peers: [], peerGroups: [], associations: [] },
  summary: undefined,
}
const listeners = new Set<(s: ConsoleState) => void>()

function set(next: ConsoleState): void {
  state = next
  for (const listener of listeners) listener(state)
}

function applyKeyed<T>(
  map: ReadonlyMap<string, T>,
  delta: KeyedDelta<T>,
  keyOf: (t: T) => string,
): Map<string, T> {
  const next = new Map(map)
  for (const key of delta.removed) next.delete(key)
  for (const row of delta.changed) next.set(keyOf(row), row)
  return next
}

function unpack(packed: Snapshot['subclouds']): Map<string, SubcloudRow> {
  const rows = new Map<string, SubcloudRow>()
  for (const values of packed.rows) {
    const row = Object.fromEntries(packed.fields.map((f, i) => [f, values[i]])) as unknown as SubcloudRow
    rows.set(row.name, row)
  }
  return rows
}

function onSnapshot(s: Snapshot): void {
  set({
    connection: 'live',
    viewer: s.viewer.label,
    version: s.version,
    subclouds: unpack(s.subclouds),
    alarms: s.alarms,
    strategy: s.strategy,
    steps: new Map(s.steps.map((r) => [r.subcloud, r])),
    geo: s.geo,
    summary: s.summary,
  })
}

function onDelta(d: Delta): void {
  if (d.version <= state.version) return
  set({
    ...state,
    version: d.version,
    subclouds:
      d.subclouds === undefined ? state.subclouds : applyKeyed(state.subclouds, d.subclouds, (r) => r.name),
    alarms: d.alarms ?? state.alarms,
    strategy: d.strategy === undefined ? state.strategy : d.strategy,
    steps:
      d.steps === undefined
        ? state.steps
        : applyKeyed(d.steps.reset ? new Map() : state.steps, d.steps, (r) => r.subcloud),
    geo: d.geo ?? state.geo,
    summary: d.summary ?? state.summary,
  })
}

/** Open the event stream; the browser reconnects by itself and a new snapshot replaces the state. */
export function connect(): void {
  const events = new EventSource('/api/events')
  events.addEventListener('snapshot', (e) =>
    onSnapshot(JSON.parse((e as MessageEvent<string>).data) as Snapshot),
  )
  events.addEventListener('delta', (e) => onDelta(JSON.parse((e as MessageEvent<string>).data) as Delta))
  events.addEventListener('error', () => set({ ...state, connection: 'reconnecting', version: 0 }))
}

/** The state, re-rendering the component on every change. */
export function useConsole(): ConsoleState {
  const [current, setCurrent] = useState(state)
  useEffect(() => {
    listeners.add(setCurrent)
    setCurrent(state)
    return () => void listeners.delete(setCurrent)
  }, [])
  return current
}
