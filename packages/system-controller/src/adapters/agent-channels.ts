import {
  Channel,
  InterceptingCall,
  connectivityState,
  credentials as grpcCredentials,
  makeClientConstructor,
} from '@grpc/grpc-js'
import type { ChannelCredentials, ChannelOptions, Interceptor } from '@grpc/grpc-js'
import { parseHostPort } from '@dc/netmodel'
import type { Family } from '@dc/netmodel'
import { loadProtos, watchEventDeserializer } from '@dc/protos'
import type { AgentClient, PlatformClient } from '@dc/protos'
import type { ChannelReadiness } from '../audit/index.js'
import { probeTcp } from './tcp-probe.js'
import type { ProbeOutcome } from './tcp-probe.js'

/** Counts the calls made to agents. */
export interface AgentCallMetrics {
  /** A call to an agent ended: its method path, status code, and the family of the address dialled. */
  agentCall(method: string, code: number, family: Family): void
}

/** Options of {@link AgentChannels}. */
export interface AgentChannelsOptions {
  /** Told of every call's end. @default nothing is counted */
  readonly metrics?: AgentCallMetrics
  /** @default insecure credentials */
  readonly credentials?: ChannelCredentials
  /**
   * HTTP/2 PING interval on every channel, idle or not. Short, so that a dead peer (power loss,
   * cable cut: no FIN, no RST) breaks the `Watch` stream within seconds instead of waiting for TCP.
   * Our agents are grpc-js servers, which do not enforce ping strikes; a Go/C-core server or a proxy
   * in between would answer pings this frequent with GOAWAY `too_many_pings` (grpc-js then doubles
   * the interval), so raise it to ~30 s if one is ever put in the path.
   * @default 10000
   */
  readonly keepaliveTimeMs?: number
  /** How long a PING may go unanswered before the connection is declared dead. @default 5000 */
  readonly keepaliveTimeoutMs?: number
  /** Largest message accepted from an agent (a full `Describe` of a big site). @default 16 MiB */
  readonly maxReceiveMessageBytes?: number
  /**
   * Cap of grpc-js's own reconnect backoff. grpc-js defaults to 120 s, which would delay seeing a
   * restarted agent online by up to two minutes.
   * @default 2000
   */
  readonly maxReconnectBackoffMs?: number
}

/** How long one connectivity watch of {@link AgentChannels.whenSettled} lasts before it is renewed. */
const SETTLE_WATCH_MS = 10_000

/** How long a probe of a parked subcloud waits for an answer: grpc-js's own connect timeout. */
const PROBE_TIMEOUT_MS = 20_000

interface Entry {
  readonly address: string
  readonly channel: Channel
  readonly interceptors: Interceptor[]
  agent?: AgentClient
  platform?: PlatformClient
}

/**
 * A subcloud whose channel was closed after its connection was refused. grpc-js retries a channel
 * in transient failure on its own, every 2 s at most, whether or not a call is waiting: each retry
 * an HTTP/2 session set up only to fail. 10,000 dead channels cost a bare grpc-js process 119 % of
 * a core, so in a site-wide outage the controller's event loop took 1.5 to 5 s a turn and every
 * verdict, write and reconnect queued behind it. A parked subcloud has no channel; each time the
 * audit asks for its readiness, a plain TCP connection (84 µs of CPU when refused) tells whether
 * anything listens, and once something does it gets a channel again.
 */
interface Parked {
  readonly address: string
  /** The last probe's answer, until {@link AgentChannels.readiness} hands it out. */
  outcome: ProbeOutcome | undefined
  /** Set while a probe is in flight. */
  cancelProbe: (() => void) | undefined
  /** {@link AgentChannels.whenSettled} callers waiting for the probe in flight. */
  readonly waiters: Set<() => void>
}

/**
 * The controller's gRPC channels to subcloud agents: exactly one `grpc.Channel` (one HTTP/2
 * connection) per subcloud, keyed by subcloud name, shared by its `Agent` and `Platform` clients and
 * by every call the controller makes (audit streams, deploy, forwarded `system` commands).
 *
 * The address must be the subcloud's **primary** agent address (the caller reads it from the
 * subcloud's primary OAM family); it must be a literal IP, never a hostname, so no resolver can
 * turn it into a secondary-family address.
 */
export class AgentChannels {
  private readonly entries = new Map<string, Entry>()
  private readonly parked = new Map<string, Parked>()
  private credentials: ChannelCredentials
  private readonly channelOptions: ChannelOptions
  // One interceptor list per family, shared by every channel: nothing in it is per subcloud.
  private readonly interceptors: Readonly<Record<Family, Interceptor[]>>

  constructor(options: AgentChannelsOptions = {}) {
    this.credentials = options.credentials ?? grpcCredentials.createInsecure()
    const { metrics } = options
    this.interceptors = {
      IPv4: metrics === undefined ? [] : [countingInterceptor(metrics, 'IPv4')],
      IPv6: metrics === undefined ? [] : [countingInterceptor(metrics, 'IPv6')],
    }
    this.channelOptions = {
      'grpc.keepalive_time_ms': options.keepaliveTimeMs ?? 10_000,
      'grpc.keepalive_timeout_ms': options.keepaliveTimeoutMs ?? 5_000,
      // The audit's Watch stream is always open, but a channel used only for forwarding may idle.
      'grpc.keepalive_permit_without_calls': 1,
      'grpc.max_receive_message_length': options.maxReceiveMessageBytes ?? 16 * 1024 * 1024,
      'grpc.initial_reconnect_backoff_ms': 250,
      'grpc.max_reconnect_backoff_ms': options.maxReconnectBackoffMs ?? 2_000,
      // grpc-js shares connections between channels with equal targets through a global pool; a
      // local pool makes the channel own its connection, so forget() really closes it.
      'grpc.use_local_subchannel_pool': 1,
      // Channelz keeps a trace of events, call counters and timestamps per channel and subchannel
      // (a few KiB each), for a debugging service the controller does not serve: at 10,000
      // subclouds that is tens of MiB.
      'grpc.enable_channelz': 0,
    }
  }

  /** The `Agent` client of subcloud `name` at `primaryAddress` (`host:port`, IPv6 bracketed). */
  agent(name: string, primaryAddress: string): AgentClient {
    return this.client(name, primaryAddress, 'agent', agentClientConstructor())
  }

  /** The `Platform` client of subcloud `name`, over the same channel as {@link agent}. */
  platform(name: string, primaryAddress: string): PlatformClient {
    return this.client(name, primaryAddress, 'platform', loadProtos().dc.platform.v1.Platform)
  }

  /** The entry's client of one service, made on first use over the entry's channel. */
  private client<K extends 'agent' | 'platform'>(
    name: string,
    primaryAddress: string,
    service: K,
    Client: new (
      address: string,
      credentials: ChannelCredentials,
      options: ChannelOptions,
    ) => NonNullable<Entry[K]>,
  ): NonNullable<Entry[K]> {
    const entry = this.entry(name, primaryAddress)
    const client =
      entry[service] ??
      new Client(primaryAddress, this.credentials, {
        channelOverride: entry.channel,
        interceptors: entry.interceptors,
      })
    entry[service] = client
    return client
  }

  /**
   * The readiness of the channel to `name` at `primaryAddress` (made if there is none yet), asking
   * it to connect when idle. `refused`: the connection was refused, so a call would fail at once
   * (calls are not wait-for-ready). A refused channel is closed and the subcloud parked (see
   * {@link Parked}): the next readiness probes the address (`connecting`, settled when the probe
   * answers), the one after reports the answer, and a listening address is dialled afresh.
   */
  readiness(name: string, primaryAddress: string): ChannelReadiness {
    const parked = this.parked.get(name)
    if (parked?.address === primaryAddress && parked.outcome !== 'listening') {
      if (parked.outcome === 'refused') {
        parked.outcome = undefined
        return 'refused'
      }
      this.probe(parked)
      return 'connecting'
    }
    const entry = this.entry(name, primaryAddress)
    const state = entry.channel.getConnectivityState(true)
    if (state === connectivityState.READY) return 'ready'
    if (state !== connectivityState.TRANSIENT_FAILURE) return 'connecting'
    this.entries.delete(name)
    entry.channel.close()
    this.parked.set(name, {
      address: primaryAddress,
      outcome: undefined,
      cancelProbe: undefined,
      waiters: new Set(),
    })
    return 'refused'
  }

  /**
   * Calls `settled` once the channel of `name` at `primaryAddress` is neither idle nor connecting,
   * or is replaced or closed; at once when it is not connecting now. An idle channel is asked to
   * connect, and grpc-js's own connect timeout (20 s) bounds each attempt, so the wait ends. For a
   * parked subcloud it is the probe in flight that is waited for, bounded the same way.
   */
  whenSettled(name: string, primaryAddress: string, settled: () => void): () => void {
    const parked = this.parked.get(name)
    if (parked?.address === primaryAddress && parked.cancelProbe !== undefined) {
      const waiter = (): void => settled()
      parked.waiters.add(waiter)
      return () => parked.waiters.delete(waiter)
    }
    let waiting = true
    const check = (): void => {
      if (!waiting) return
      const entry = this.entries.get(name)
      // Asking again to connect: a channel that fell back to idle would otherwise be waited on forever.
      const state = entry?.address === primaryAddress ? entry.channel.getConnectivityState(true) : undefined
      if (state !== connectivityState.IDLE && state !== connectivityState.CONNECTING) {
        waiting = false
        settled()
        return
      }
      // A deadline is required; an unchanged state at the deadline only means "watch again".
      entry?.channel.watchConnectivityState(state, Date.now() + SETTLE_WATCH_MS, check)
    }
    check()
    return () => {
      waiting = false
    }
  }

  /** Closes the channel of `name` (subcloud deleted or renamed); calls in flight on it fail. */
  forget(name: string): void {
    this.unpark(name)
    const entry = this.entries.get(name)
    if (entry === undefined) return
    this.entries.delete(name)
    entry.channel.close()
  }

  /**
   * New credentials (a rotated controller certificate, a changed CA bundle) for every call from
   * now on: each subcloud's channel is replaced on its next use, so the next connection presents
   * the new certificate. Calls already started finish on the connection they have (grpc-js closes
   * a replaced channel's connection only once its last call ends, and TLS authenticates only at
   * the handshake), so the audit's Watch streams run on and no subcloud goes offline; a stream
   * moves to a new connection whenever the audit re-opens it.
   */
  useCredentials(credentials: ChannelCredentials): void {
    this.credentials = credentials
    this.closeAll()
  }

  /** Closes every channel; the pool stays usable and dials afresh on the next call. */
  closeAll(): void {
    for (const name of [...this.entries.keys(), ...this.parked.keys()]) this.forget(name)
  }

  /** Subclouds with an open channel (a parked subcloud has none). */
  get size(): number {
    return this.entries.size
  }

  private probe(parked: Parked): void {
    if (parked.cancelProbe !== undefined) return
    parked.cancelProbe = probeTcp(parked.address, PROBE_TIMEOUT_MS, (outcome) => {
      parked.cancelProbe = undefined
      parked.outcome = outcome
      settle(parked)
    })
  }

  /** Takes `name` off the parked list: it is dialled again, moved or gone. */
  private unpark(name: string): void {
    const parked = this.parked.get(name)
    if (parked === undefined) return
    this.parked.delete(name)
    parked.cancelProbe?.()
    parked.cancelProbe = undefined
    // Later, not now: a waiter re-enters the pool (the audit asks for readiness again), and this
    // runs in the middle of making or closing a channel.
    queueMicrotask(() => settle(parked))
  }

  private entry(name: string, primaryAddress: string): Entry {
    const existing = this.entries.get(name)
    if (existing?.address === primaryAddress) return existing
    const { host } = parseHostPort(primaryAddress)
    // A new primary address (subcloud update --bootstrap-address) replaces the old channel.
    if (existing !== undefined) this.forget(name)
    const entry: Entry = {
      address: primaryAddress,
      channel: new Channel(grpcTarget(primaryAddress), this.credentials, this.channelOptions),
      interceptors: this.interceptors[host.family],
    }
    this.unpark(name)
    this.entries.set(name, entry)
    return entry
  }
}

/** Wakes the {@link AgentChannels.whenSettled} callers of `parked`: its probe has answered. */
function settle(parked: Parked): void {
  const waiters = [...parked.waiters]
  parked.waiters.clear()
  for (const waiter of waiters) waiter()
}

type AgentClientConstructor = ReturnType<typeof loadProtos>['dc']['agent']['v1']['Agent']
let agentConstructor: AgentClientConstructor | undefined

/**
 * The `Agent` client with the Watch stream's heartbeats decoded by hand (`watchEventDeserializer`):
 * the controller receives one per subcloud per second, and the loader's path built and discarded a
 * message instance and three `Long`s for each.
 */
function agentClientConstructor(): AgentClientConstructor {
  if (agentConstructor === undefined) {
    const { service } = loadProtos().dc.agent.v1.Agent
    const watch = {
      ...service.Watch,
      responseDeserialize: watchEventDeserializer(service.Watch.responseDeserialize),
    }
    // Named as the loader names it: the same client but for Watch's deserializer.
    agentConstructor = makeClientConstructor(
      { ...service, Watch: watch },
      'Agent',
    ) as unknown as AgentClientConstructor
  }
  return agentConstructor
}

/** An interceptor that reports every call's end to `metrics`, labelled with `family`. */
function countingInterceptor(metrics: AgentCallMetrics, family: Family): Interceptor {
  return (options, nextCall) =>
    new InterceptingCall(nextCall(options), {
      start: (metadata, _listener, next) =>
        next(metadata, {
          onReceiveStatus: (received, nextStatus) => {
            metrics.agentCall(options.method_definition.path, received.code, family)
            nextStatus(received)
          },
        }),
    })
}

/**
 * The grpc-js target of a literal `host:port`: the `ipv4:`/`ipv6:` schemes use grpc-js's IP
 * resolver, which never consults DNS. Throws `AddressSyntaxError` for a hostname or a missing port.
 */
export function grpcTarget(address: string): string {
  const { host, port } = parseHostPort(address)
  return host.family === 'IPv6' ? `ipv6:[${host.toString()}]:${port}` : `ipv4:${host.toString()}:${port}`
}
