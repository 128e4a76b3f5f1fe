// What dc-controller sends the console (the event stream and the JSON API), declared once for
// both ends: the controller builds these shapes and the pages read them. Types only, no code,
// so the controller takes nothing of the front end's bundle with it.

/**
 * Where a subcloud stands on the way to dual-stack, over the networks a network strategy changes
 * (OAM, cluster-host, cluster-pod, cluster-service): one family everywhere and Kubernetes
 * single-stack, both families everywhere and Kubernetes dual-stack (named by the primary family),
 * or anything in between (`mixed`: some networks with a second pool, or Kubernetes not switched).
 * `unknown` until the controller has seen the site's networks.
 */
export type NetworkMode = 'ipv6' | 'ipv4' | 'dual-ipv6-primary' | 'dual-ipv4-primary' | 'mixed' | 'unknown'

/** One row of the Subclouds page: what the table filters and sorts on. */
export interface SubcloudRow {
  readonly id: number
  readonly name: string
  readonly group: string
  /** Empty when in no peer group. */
  readonly peerGroup: string
  readonly availability: string
  readonly management: string
  readonly deploy: string
  readonly sync: string
  readonly networkMode: NetworkMode
  /** The family of every address the controller dials. */
  readonly primaryFamily: string
  /** Primary agent address, `host:port`. */
  readonly address: string
}

/**
 * Subcloud rows as arrays under one list of field names: a 10,000-row snapshot is about half
 * the bytes of the same rows as objects, and the browser receives and parses it sooner.
 */
export interface PackedRows {
  readonly fields: readonly (keyof SubcloudRow)[]
  readonly rows: readonly (readonly unknown[])[]
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
  /** A group's name, a subcloud's name, or `all subclouds`. */
  readonly target: string
  readonly details: string
  /** Steps counted by state. */
  readonly counts: Counts
  readonly total: number
}

export interface StepRow {
  readonly subcloud: string
  readonly state: string
  readonly details: string
  /** ISO 8601; null until the step starts. */
  readonly startedAt: string | null
  readonly finishedAt: string | null
}

export interface GeoView {
  readonly peers: readonly {
    readonly name: string
    readonly uuid: string
    readonly availability: string
    readonly administrative: string
    readonly heartbeatIntervalMs: number
    readonly failureThreshold: number
    readonly failurePolicy: string
  }[]
  readonly peerGroups: readonly {
    readonly name: string
    readonly priority: number
    readonly leader: string
    readonly migration: string
    readonly members: number
  }[]
  readonly associations: readonly {
    readonly peer: string
    readonly peerGroup: string
    readonly type: string
    readonly sync: string
    readonly publishedSeq: number
    readonly ackedSeq: number
  }[]
}

/** How many of each value, by value. */
export type Counts = Readonly<Record<string, number>>

/** The Fleet page: subclouds counted by each status, alarms by severity. */
export interface FleetSummary {
  readonly total: number
  readonly availability: Counts
  readonly deploy: Counts
  readonly sync: Counts
  readonly management: Counts
  readonly networkMode: Counts
  readonly alarms: Counts
}

/** Who is looking, as the page tells its user. */
export interface Viewer {
  /** `operator bob (role reader)`, or `local user` on a plaintext console. */
  readonly label: string
  /** The console offers no change to anyone, whatever the role. */
  readonly readOnly: true
}

/** Rows that changed or appeared, and the keys of rows that are gone. */
export interface KeyedDelta<T> {
  readonly changed: readonly T[]
  readonly removed: readonly string[]
}

/** Everything the pages show but a single subcloud's detail, as of `version`. */
export interface ConsoleView {
  readonly version: number
  readonly subclouds: readonly SubcloudRow[]
  readonly alarms: readonly AlarmView[]
  readonly strategy: StrategyHeader | null
  readonly steps: readonly StepRow[]
  readonly geo: GeoView
  readonly summary: FleetSummary
}

/** The event stream's `snapshot` event: the view with its rows packed, and who is looking. */
export interface SnapshotEvent extends Omit<ConsoleView, 'subclouds'> {
  readonly viewer: Viewer
  readonly subclouds: PackedRows
}

/** The event stream's `delta` event: what changed from one version to the next; a part left out did not change. */
export interface ConsoleDelta {
  readonly version: number
  readonly subclouds?: KeyedDelta<SubcloudRow>
  readonly alarms?: readonly AlarmView[]
  readonly strategy?: StrategyHeader | null
  /** `reset`: a new strategy (or none), the step list replaced whole. */
  readonly steps?: KeyedDelta<StepRow> & { readonly reset: boolean }
  readonly geo?: GeoView
  readonly summary?: FleetSummary
}

export interface PoolView {
  readonly name: string
  readonly family: string
  readonly subnet: string
  readonly primary: boolean
}

export interface NetworkView {
  readonly name: string
  readonly type: string
  /** Primary pool first. */
  readonly pools: readonly PoolView[]
}

/** What the agent told about its site, or why it could not be asked. */
export type SiteView =
  | {
      readonly reachable: true
      readonly kubernetesDualStack: boolean
      readonly networks: readonly NetworkView[]
      /** The agent's calls per local address it listens on. */
      readonly addressCalls: readonly { readonly address: string; readonly calls: number }[]
      readonly hosts: readonly {
        readonly hostname: string
        readonly state: string
        readonly active: boolean
      }[]
      readonly alarms: readonly AlarmView[]
      readonly configHash: string
    }
  | { readonly reachable: false; readonly reason: string }

/** The Subcloud page (`/api/subclouds/NAME`). */
export interface SubcloudDetail {
  readonly row: SubcloudRow
  readonly description: string
  readonly location: string
  readonly softwareVersion: string
  readonly errorDescription: string
  readonly endpoints: readonly { readonly type: string; readonly sync: string }[]
  readonly epoch: number
  readonly rehomed: boolean
  /** The peer group's leader: the site that owns the subcloud; absent outside a peer group. */
  readonly owner?: string | undefined
  readonly lastHeartbeatAt: string | null
  readonly alarms: readonly AlarmView[]
  readonly site: SiteView
}
