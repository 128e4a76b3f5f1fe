// The page's copy of the controller's view: a snapshot from the event stream, then its deltas.
import { useEffect, useState } from 'preact/hooks'
import type {
  AlarmView,
  ConsoleDelta,
  FleetSummary,
  GeoView,
  KeyedDelta,
  PackedRows,
  SnapshotEvent,
  StepRow,
  StrategyHeader,
  SubcloudRow,
} from './console-wire.js'

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

// A plain loop, not Object.fromEntries over mapped pairs: at 10,000 rows that allocated two arrays
// a field and took four times as long, the largest part of the first render after parsing.
function unpack(packed: PackedRows): Map<string, SubcloudRow> {
  const rows = new Map<string, SubcloudRow>()
  const { fields } = packed
  for (const values of packed.rows) {
    const row: Record<string, unknown> = {}
    for (let i = 0; i < fields.length; i++) row[fields[i] as string] = values[i]
    rows.set(row['name'] as string, row as unknown as SubcloudRow)
  }
  return rows
}

function onSnapshot(s: SnapshotEvent): void {
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

function onDelta(d: ConsoleDelta): void {
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
    onSnapshot(JSON.parse((e as MessageEvent<string>).data) as SnapshotEvent),
  )
  events.addEventListener('delta', (e) =>
    onDelta(JSON.parse((e as MessageEvent<string>).data) as ConsoleDelta),
  )
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
