import { ServerInterceptingCall, status } from '@grpc/grpc-js'
import type { ServerInterceptor } from '@grpc/grpc-js'
import type { Family } from '@dc/netmodel'
import { Counter, Gauge, Histogram } from 'prom-client'
import type { Registry } from 'prom-client'
import type { AuditMetrics } from '../audit/index.js'
import type { SubcloudCensusEntry } from '../ports/subcloud-store.js'
import type { AgentCallMetrics } from './agent-channels.js'

/** A peer as the geo metrics show it. */
export interface PeerCensusEntry {
  readonly peer: string
  readonly availability: string
  /** Highest stream sequence published to the peer, over its associations. */
  readonly publishedSeq: number
  /** Highest sequence of this site's stream the peer acknowledged. */
  readonly ackedSeq: number
}

/** An association as the geo metrics show it. */
export interface AssociationCensusEntry {
  readonly peer: string
  readonly peerGroup: string
  readonly syncStatus: string
}

/** What the gauges read when Prometheus scrapes: asked for then, never polled. */
export interface ControllerMetricSources {
  subclouds(): Promise<readonly SubcloudCensusEntry[]>
  openAgentChannels(): number
  databasePoolInUse(): number
  peers(): Promise<readonly PeerCensusEntry[]>
  associations(): Promise<readonly AssociationCensusEntry[]>
}

const CODE_NAMES: Readonly<Record<number, string>> = Object.fromEntries(
  Object.entries(status)
    .filter(([, value]) => typeof value === 'number')
    .map(([name, value]) => [value as number, name]),
)

/** `OK`, `UNAVAILABLE`, ...: the label Prometheus users know from other gRPC exporters. */
export function codeName(code: number): string {
  return CODE_NAMES[code] ?? String(code)
}

/** `/dc.agent.v1.Agent/Watch` as `Agent/Watch`. */
export function methodLabel(path: string): string {
  const [service = '', method = ''] = path.replace(/^\//, '').split('/')
  return `${service.slice(service.lastIndexOf('.') + 1)}/${method}`
}

/**
 * The controller's Prometheus metrics (prefix `dc_controller_`): fleet gauges read from the store
 * at scrape time, counters fed by the audit, the agent channels and the gRPC server, geo gauges.
 * The README lists each with its labels.
 */
export class ControllerMetrics implements AuditMetrics, AgentCallMetrics {
  readonly #heartbeats: Counter
  readonly #verdicts: Histogram
  readonly #agentCalls: Counter<'method' | 'code' | 'family'>
  readonly #serverCalls: Counter<'method' | 'code'>

  constructor(registry: Registry, sources: ControllerMetricSources) {
    const registers = [registry]
    new Gauge({
      name: 'dc_controller_subclouds',
      help: 'Subclouds by availability, management state, deploy status and sync status',
      labelNames: ['availability', 'management', 'deploy_status', 'sync'],
      registers,
      async collect() {
        this.reset()
        for (const e of await sources.subclouds()) {
          this.set(
            {
              availability: e.availability,
              management: e.managementState,
              deploy_status: e.deployStatus,
              sync: e.sync,
            },
            e.count,
          )
        }
      },
    })
    this.#heartbeats = new Counter({
      name: 'dc_controller_heartbeats_received_total',
      help: 'Messages (heartbeats and status) received on the Watch streams of audited subclouds',
      registers,
    })
    this.#verdicts = new Histogram({
      name: 'dc_controller_offline_verdict_seconds',
      help: "Time from a subcloud's last heartbeat to the verdict that it is offline",
      buckets: [0.25, 0.5, 1, 2, 3, 5, 10, 30, 60, 300],
      registers,
    })
    this.#serverCalls = new Counter({
      name: 'dc_controller_grpc_server_calls_total',
      help: 'gRPC calls the controller answered, by method and status code',
      labelNames: ['method', 'code'],
      registers,
    })
    this.#agentCalls = new Counter({
      name: 'dc_controller_agent_calls_total',
      help: 'Calls the controller made to subcloud agents, by method, status code and address family',
      labelNames: ['method', 'code', 'family'],
      registers,
    })
    new Gauge({
      name: 'dc_controller_agent_channels',
      help: 'Open gRPC channels to subcloud agents (one per subcloud)',
      registers,
      collect() {
        this.set(sources.openAgentChannels())
      },
    })
    new Gauge({
      name: 'dc_controller_database_pool_in_use',
      help: 'Database connections in use (PGlite: its one session, 0 or 1)',
      registers,
      collect() {
        this.set(sources.databasePoolInUse())
      },
    })
    this.#geoGauges(registers, sources)
  }

  #geoGauges(registers: Registry[], sources: ControllerMetricSources): void {
    const peerGauge = (name: string, help: string, value: (p: PeerCensusEntry) => number): void => {
      new Gauge({
        name,
        help,
        labelNames: ['peer'],
        registers,
        async collect() {
          this.reset()
          for (const p of await sources.peers()) this.set({ peer: p.peer }, value(p))
        },
      })
    }
    new Gauge({
      name: 'dc_controller_system_peer_availability',
      help: 'System peers by heartbeat state: 1 for the state the peer is in',
      labelNames: ['peer', 'state'],
      registers,
      async collect() {
        this.reset()
        for (const p of await sources.peers()) this.set({ peer: p.peer, state: p.availability }, 1)
      },
    })
    peerGauge(
      'dc_controller_geo_published_seq',
      'Last stream sequence published to the peer',
      (p) => p.publishedSeq,
    )
    peerGauge(
      'dc_controller_geo_acked_seq',
      "Last sequence of this site's stream the peer applied",
      (p) => p.ackedSeq,
    )
    new Gauge({
      name: 'dc_controller_peer_group_association_sync',
      help: 'Peer group associations by sync status: 1 for the status the association is in',
      labelNames: ['peer', 'peer_group', 'sync_status'],
      registers,
      async collect() {
        this.reset()
        for (const a of await sources.associations()) {
          this.set({ peer: a.peer, peer_group: a.peerGroup, sync_status: a.syncStatus }, 1)
        }
      },
    })
  }

  heartbeat(): void {
    this.#heartbeats.inc()
  }

  offlineVerdict(silentForMs: number): void {
    this.#verdicts.observe(silentForMs / 1000)
  }

  agentCall(method: string, code: number, family: Family): void {
    this.#agentCalls.inc({ method: methodLabel(method), code: codeName(code), family })
  }

  /** Counts every call the gRPC server answers, whatever the service, with its final status. */
  serverInterceptor(): ServerInterceptor {
    return (descriptor, call) =>
      new ServerInterceptingCall(call, {
        sendStatus: (sent, next) => {
          this.#serverCalls.inc({ method: methodLabel(descriptor.path), code: codeName(sent.code) })
          next(sent)
        },
      })
  }
}
