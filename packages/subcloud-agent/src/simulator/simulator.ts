import { join } from 'node:path'
import { Server, ServerCredentials, ServerInterceptingCall, status as grpcStatus } from '@grpc/grpc-js'
import type {
  ConnectionInjector,
  Metadata,
  ServerInterceptor,
  ServiceDefinition,
  StatusObject,
} from '@grpc/grpc-js'
import { tolerantServiceDefinition } from '@dc/platform-service'
import { SERVICE_NAMES, addStandardServices, loadProtos } from '@dc/protos'
import type { Logger } from '@dc/runtime'
import { Agent } from '../agent.js'
import type { KubernetesSink } from '../agent.js'
import { AGENT_SERVER_OPTIONS, agentServiceHandlers } from '../adapters/agent-server.js'
import { AgentActivity } from '../adapters/agent-activity.js'
import { FileStateStore } from '../adapters/file-state-store.js'
import { KubernetesFileWriter } from '../adapters/kubernetes-file-writer.js'
import { watchShutdownController } from '../adapters/watch-pump.js'
import { MemoryStateStore } from './memory-state-store.js'
import { SimulatedSite } from './simulated-site.js'
import type { SiteSpec } from './site-plan.js'

/** Request metadata the simulator's interceptor sets to the name of the site a call arrived at. */
export const SITE_METADATA_KEY = 'dc-simulated-site'

export interface SimulatorProps {
  readonly sites: readonly SiteSpec[]
  readonly heartbeatIntervalMs: number
  /** Each site keeps its state in `stateDir/<name>/`; in memory when undefined. */
  readonly stateDir: string | undefined
  /** The lines of each site's agent and gRPC handlers carry its name as `subcloud`. */
  readonly log: Logger
}

/** A simulated site renders no files: nothing on this host reads a virtual site's kubelet flags. */
const DISCARD_KUBERNETES: KubernetesSink = { write: async () => {} }

/** What every grpc-js server call offers, unary or streaming. */
interface RoutedCall {
  readonly metadata: Metadata
  emit(event: 'error', error: Partial<StatusObject>): boolean
}
type RoutedHandler = (call: RoutedCall, callback?: (error: Partial<StatusObject>) => void) => void

/**
 * Many virtual subclouds in one process: each a full {@link Agent} with its own state, call
 * counters and faults, listening on its own addresses. One gRPC server serves them all: every
 * site's listeners hand their connections to it, and an interceptor finds the site from the local
 * port of the call's connection, counts the call, applies the site's faults and tags the request,
 * so that the services dispatch it to that site's handlers. One server instead of one per site
 * keeps thousands of sites within memory and file-descriptor limits.
 */
export class Simulator {
  readonly #sites: readonly SimulatedSite[]
  readonly #byName: ReadonlyMap<string, SimulatedSite>
  readonly #server: Server
  readonly #injector: ConnectionInjector
  readonly #shutdown: AbortController
  #stopped = false

  private constructor(
    sites: readonly SimulatedSite[],
    server: Server,
    injector: ConnectionInjector,
    shutdown: AbortController,
  ) {
    this.#sites = sites
    this.#byName = new Map(sites.map((s) => [s.name, s]))
    this.#server = server
    this.#injector = injector
    this.#shutdown = shutdown
  }

  /** Open every site's agent, then listen on every site's addresses; all or nothing. */
  static async start(props: SimulatorProps): Promise<Simulator> {
    const byPort = new Map<number, SimulatedSite>()
    const byName = new Map<string, SimulatedSite>()
    const route: ServerInterceptor = (method, call) => {
      const { localAddress, localPort } = call.getConnectionInfo()
      const site = localPort === undefined ? undefined : byPort.get(localPort)
      if (site === undefined) return new ServerInterceptingCall(call)
      site.countCall(localAddress ?? '', method.path)
      return site.faults.intercept(call, (metadata) => metadata.set(SITE_METADATA_KEY, site.name))
    }
    const server = new Server({ ...AGENT_SERVER_OPTIONS, interceptors: [route] })
    const { dc } = loadProtos()
    server.addService(
      tolerantServiceDefinition(dc.platform.v1.Platform.service),
      routed(dc.platform.v1.Platform.service, byName, (s) => s.handlers.platform),
    )
    server.addService(
      tolerantServiceDefinition(dc.agent.v1.Agent.service),
      routed(dc.agent.v1.Agent.service, byName, (s) => s.handlers.agent),
    )
    addStandardServices(server, { serviceNames: [SERVICE_NAMES.platform, SERVICE_NAMES.agent] })
    const injector = server.createConnectionInjector(ServerCredentials.createInsecure())
    const shutdown = watchShutdownController()
    const sites: SimulatedSite[] = []
    for (const spec of props.sites) {
      if (byName.has(spec.name)) throw new Error(`site ${spec.name} is planned twice`)
      const dir = props.stateDir === undefined ? undefined : join(props.stateDir, spec.name)
      const log = props.log.child({ subcloud: spec.name })
      const agent = await Agent.open({
        store: dir === undefined ? new MemoryStateStore() : new FileStateStore(dir),
        kubernetes: dir === undefined ? DISCARD_KUBERNETES : new KubernetesFileWriter(dir),
        log,
      })
      const activity = new AgentActivity(
        spec.secondary === undefined ? [spec.primary.text] : [spec.primary.text, spec.secondary.text],
      )
      const site = new SimulatedSite({
        spec,
        agent,
        activity,
        handlers: agentServiceHandlers({
          agent,
          activity,
          heartbeatIntervalMs: props.heartbeatIntervalMs,
          shutdown: shutdown.signal,
          log,
        }),
        accept: (socket) => injector.injectConnection(socket),
      })
      for (const { port } of site.addresses) {
        const owner = byPort.get(port)
        if (owner !== undefined && owner !== site) throw new Error(`port ${port} is planned twice`)
        byPort.set(port, site)
      }
      byName.set(spec.name, site)
      sites.push(site)
    }
    const simulator = new Simulator(sites, server, injector, shutdown)
    try {
      for (const site of sites) await site.listen()
    } catch (err) {
      await simulator.stop()
      throw err
    }
    return simulator
  }

  get sites(): readonly SimulatedSite[] {
    return this.#sites
  }

  site(name: string): SimulatedSite | undefined {
    return this.#byName.get(name)
  }

  /** Close every listener and connection and end every call. Idempotent. */
  async stop(): Promise<void> {
    if (this.#stopped) return
    this.#stopped = true
    this.#shutdown.abort()
    for (const site of this.#sites) site.close()
    this.#injector.destroy()
    this.#server.forceShutdown()
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop()
  }
}

/**
 * Handlers of `service` that hand every call to the same method of the handlers of the site named
 * in the call's metadata by the routing interceptor.
 */
function routed<H>(
  service: ServiceDefinition,
  byName: ReadonlyMap<string, SimulatedSite>,
  pick: (site: SimulatedSite) => H,
): H {
  const out: Record<string, RoutedHandler> = {}
  for (const method of Object.keys(service)) {
    out[method] = (call, callback) => {
      const [name] = call.metadata.get(SITE_METADATA_KEY)
      const site = typeof name === 'string' ? byName.get(name) : undefined
      const handler = site === undefined ? undefined : (pick(site) as Record<string, RoutedHandler>)[method]
      if (handler !== undefined) {
        handler(call, callback)
        return
      }
      const error = { code: grpcStatus.UNAVAILABLE, details: 'no simulated site listens on this port' }
      if (callback === undefined) call.emit('error', error)
      else callback(error)
    }
  }
  return out as H
}
