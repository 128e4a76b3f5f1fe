import { Server, ServerCredentials } from '@grpc/grpc-js'
import type { ServerOptions } from '@grpc/grpc-js'
import { authorizeCalls, createPlatformHandlers, tolerantServiceDefinition } from '@dc/platform-service'
import type { PlatformPort } from '@dc/platform-service'
import { SERVICE_NAMES, addStandardServices, loadProtos } from '@dc/protos'
import type { AgentHandlers, PlatformHandlers } from '@dc/protos'
import { bindListenAddress, logTlsReload, shutDownServer } from '@dc/runtime'
import type { ListenAddress, Logger } from '@dc/runtime'
import { loadServerCredentials } from '@dc/tls'
import type { TlsFiles } from '@dc/tls'
import type { Agent } from '../agent.js'
import { agentPlatformPolicy, agentServicePolicy } from './agent-access.js'
import { createAgentHandlers } from './agent-handlers.js'
import type { AgentHandlersProps } from './agent-handlers.js'
import { AgentActivity } from './agent-activity.js'
import { watchShutdownController } from './watch-pump.js'

/** Largest request accepted; grpc-js answers RESOURCE_EXHAUSTED above it without calling us. */
export const MAX_RECEIVE_MESSAGE_BYTES = 4 * 1024 * 1024

/** Options of every grpc-js server in front of agents (the simulator's shared one included). */
export const AGENT_SERVER_OPTIONS: ServerOptions = {
  'grpc.max_receive_message_length': MAX_RECEIVE_MESSAGE_BYTES,
  // Detect a controller that vanished without closing its Watch stream.
  'grpc.keepalive_time_ms': 10_000,
  'grpc.keepalive_timeout_ms': 5_000,
  'grpc.keepalive_permit_without_calls': 1,
  // A connection without a call for this long is closed (GOAWAY; the controller dials again on its
  // next call). The controller's Watch keeps its own connection busy; what this ends is a
  // connection nobody uses, such as the one grpc-js may still open for a channel the controller
  // closed while it was waiting to reconnect.
  'grpc.max_connection_idle_ms': 300_000,
}

/** The `Platform` (local administration) and `Agent` (controller) handlers of one agent. */
export function agentServiceHandlers(props: AgentHandlersProps): {
  readonly platform: PlatformHandlers
  readonly agent: AgentHandlers
} {
  const { agent } = props
  const port: PlatformPort = {
    state: async () => agent.requireState(),
    apply: (commands, signal) => agent.applyLocal(commands, signal),
  }
  return {
    platform: createPlatformHandlers(port, { log: props.log.child({ component: 'agent-server' }) }),
    agent: createAgentHandlers(props),
  }
}

export interface AgentServerProps {
  readonly agent: Agent
  readonly listen: readonly ListenAddress[]
  readonly heartbeatIntervalMs: number
  /**
   * Unexpected failures, refused calls and certificate rotations are logged as
   * `component: 'agent-server'`, Watch streams as `'watch'`.
   */
  readonly log: Logger
  /**
   * Serve mutual TLS with these files (rotated without restart) and authorize each call by the
   * identity of the client certificate (see agent-access.ts). Without it: plaintext and no
   * authorization, which the command line allows on loopback only unless `--insecure`.
   */
  readonly tls?: TlsFiles | undefined
}

type Lifecycle = 'created' | 'serving' | 'stopping' | 'stopped'

/**
 * The agent's gRPC front: one grpc-js server per listen address (so calls can be counted per
 * local address), each serving Platform, Agent, health and reflection over the same agent.
 */
export class AgentServer {
  readonly #props: AgentServerProps
  readonly #shutdown = watchShutdownController()
  /** Calls per local address and method, applied changes, open Watch streams. */
  readonly activity: AgentActivity
  readonly #servers: { server: Server; setNotServing: () => void }[] = []
  #lifecycle: Lifecycle = 'created'

  constructor(props: AgentServerProps) {
    this.#props = props
    this.activity = new AgentActivity(props.listen.map((a) => a.text))
  }

  /** Bind every listen address; rejects (and unbinds what was bound) if any fails. */
  async start(): Promise<void> {
    if (this.#lifecycle !== 'created')
      throw new Error(`cannot start an agent server that is ${this.#lifecycle}`)
    const { agent, heartbeatIntervalMs, log, tls } = this.#props
    const serverLog = log.child({ component: 'agent-server' })
    const { dc } = loadProtos()
    const handlers = agentServiceHandlers({
      agent,
      activity: this.activity,
      heartbeatIntervalMs,
      shutdown: this.#shutdown.signal,
      log,
    })
    const platformService = tolerantServiceDefinition(dc.platform.v1.Platform.service)
    const agentService = tolerantServiceDefinition(dc.agent.v1.Agent.service)
    // One credentials object for every listen address: its certificate provider then reads and
    // watches the files once, and a rotation reaches all of them together.
    const credentials =
      tls === undefined
        ? ServerCredentials.createInsecure()
        : loadServerCredentials({ ...tls, onReload: (event) => logTlsReload(serverLog, event) })
    const onDenied = (message: string): void => serverLog.warn(message)
    const platformHandlers =
      tls === undefined
        ? handlers.platform
        : authorizeCalls(platformService, handlers.platform, agentPlatformPolicy, { onDenied })
    const agentHandlers =
      tls === undefined
        ? handlers.agent
        : authorizeCalls(agentService, handlers.agent, agentServicePolicy, { onDenied })
    try {
      for (const address of this.#props.listen) {
        const server = new Server({
          ...AGENT_SERVER_OPTIONS,
          interceptors: [this.activity.calls.interceptorFor(address.text)],
        })
        server.addService(platformService, platformHandlers)
        server.addService(agentService, agentHandlers)
        const health = addStandardServices(server, {
          serviceNames: [SERVICE_NAMES.platform, SERVICE_NAMES.agent],
        })
        this.#servers.push({
          server,
          setNotServing: () => {
            for (const name of ['', SERVICE_NAMES.platform, SERVICE_NAMES.agent])
              health.setStatus(name, 'NOT_SERVING')
          },
        })
        await bindListenAddress(server, credentials, '--listen', address)
      }
    } catch (err) {
      for (const { server } of this.#servers) server.forceShutdown()
      this.#lifecycle = 'stopped'
      throw err
    }
    this.#lifecycle = 'serving'
  }

  /**
   * Graceful stop: health NOT_SERVING, Watch streams ended, no new calls, in-flight calls allowed
   * to finish for up to `graceMs`, then whatever is left is cut.
   */
  async stop(graceMs: number): Promise<void> {
    if (this.#lifecycle === 'stopped' || this.#lifecycle === 'stopping') return
    this.#lifecycle = 'stopping'
    for (const { setNotServing } of this.#servers) setNotServing()
    this.#shutdown.abort()
    await Promise.all(this.#servers.map(({ server }) => shutDownServer(server, graceMs)))
    this.#lifecycle = 'stopped'
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop(0)
  }
}
