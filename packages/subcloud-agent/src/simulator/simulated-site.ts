import { createServer } from 'node:net'
import type { Server as NetServer, Socket } from 'node:net'
import type { AgentHandlers, PlatformHandlers } from '@dc/protos'
import { listenServer } from '@dc/runtime'
import type { Agent } from '../agent.js'
import type { AgentActivity } from '../adapters/agent-activity.js'
import { SiteFaults } from './site-faults.js'
import type { SiteSpec } from './site-plan.js'

/** `serving`: listening and answering; `killed`: as after `kill -9` of its agent, until revived. */
export type SiteLifecycle = 'idle' | 'serving' | 'killed'

export interface SimulatedSiteProps {
  readonly spec: SiteSpec
  readonly agent: Agent
  readonly activity: AgentActivity
  readonly handlers: { readonly platform: PlatformHandlers; readonly agent: AgentHandlers }
  /** Hands an accepted connection to the shared gRPC server. */
  readonly accept: (socket: Socket) => void
}

/**
 * One virtual subcloud inside the simulator: its own agent, state, call counters and faults, and
 * its own listening sockets on its addresses, whose connections are served by the simulator's
 * one gRPC server. Killing it closes its listeners and every connection (what the kernel does
 * when an agent process dies); reviving it listens again over the same state.
 */
export class SimulatedSite {
  readonly spec: SiteSpec
  readonly agent: Agent
  /** Its calls per local address and method, applied changes and open Watch streams. */
  readonly activity: AgentActivity
  readonly handlers: SimulatedSiteProps['handlers']
  readonly faults = new SiteFaults()
  readonly #accept: (socket: Socket) => void
  readonly #listeners: NetServer[] = []
  readonly #sockets = new Set<Socket>()
  /** Local address as the socket reports it (`::1`) to the call counters' key (`[::1]:port`). */
  readonly #addressKeys: ReadonlyMap<string, string>
  #lifecycle: SiteLifecycle = 'idle'

  constructor(props: SimulatedSiteProps) {
    this.spec = props.spec
    this.agent = props.agent
    this.activity = props.activity
    this.handlers = props.handlers
    this.#accept = props.accept
    this.#addressKeys = new Map(this.addresses.map((a) => [a.host, a.text]))
  }

  get name(): string {
    return this.spec.name
  }

  get lifecycle(): SiteLifecycle {
    return this.#lifecycle
  }

  /** Primary first. */
  get addresses(): SiteSpec['primary'][] {
    return this.spec.secondary === undefined ? [this.spec.primary] : [this.spec.primary, this.spec.secondary]
  }

  /** Open connections (the controller keeps one per site). */
  get connections(): number {
    return this.#sockets.size
  }

  /** Counts a call of `method` that arrived on local address `host`. */
  countCall(host: string, method: string): void {
    const key = this.#addressKeys.get(host)
    if (key !== undefined) this.activity.calls.record(key, method)
  }

  /** Listen on every address; on failure nothing of this site stays bound. */
  async listen(): Promise<void> {
    if (this.#lifecycle === 'serving') return
    try {
      for (const address of this.addresses) {
        const server = createServer({ noDelay: true }, (socket) => this.#track(socket))
        this.#listeners.push(server)
        await listenServer(server, address)
      }
    } catch (err) {
      this.#closeAll()
      throw err
    }
    this.#lifecycle = 'serving'
  }

  kill(): void {
    if (this.#lifecycle !== 'serving') return
    this.#closeAll()
    this.#lifecycle = 'killed'
  }

  /** Stop for good (simulator shutdown). */
  close(): void {
    this.#closeAll()
    this.#lifecycle = 'idle'
  }

  #track(socket: Socket): void {
    this.#sockets.add(socket)
    socket.once('close', () => this.#sockets.delete(socket))
    this.#accept(socket)
  }

  #closeAll(): void {
    for (const server of this.#listeners.splice(0)) server.close()
    for (const socket of this.#sockets) socket.destroy()
    this.#sockets.clear()
  }
}
