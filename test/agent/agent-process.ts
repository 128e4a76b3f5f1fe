import { credentials } from '@grpc/grpc-js'
import type { ChannelCredentials, ServiceError, status } from '@grpc/grpc-js'
import { loadProtos } from '@dc/protos'
import type { AgentClient, PlatformClient } from '@dc/protos'
import { freePort, spawnNode } from '../support/index.js'
import type { ServiceProcess } from '../support/index.js'

// The test files take `unary` from their harness, with everything else they drive the agent with.
export { unary } from '../support/index.js'

/** A dc-agent child process listening on one IPv6 and one IPv4 loopback address. */
export interface AgentProcess {
  readonly process: ServiceProcess
  readonly stateDir: string
  /** `[::1]:port` */
  readonly v6: string
  /** `127.0.0.1:port` */
  readonly v4: string
  /** `127.0.0.1:port` of `/metrics` when started with {@link StartAgentOptions.metrics}. */
  readonly metrics: string | undefined
  /** An Agent client on `target` (default the IPv6 address); closed by {@link close}. */
  agent(target?: string): AgentClient
  /** A Platform client on `target` (default the IPv6 address); closed by {@link close}. */
  platform(target?: string): PlatformClient
  /** Close the clients and stop the agent with SIGTERM; resolves with its exit code. */
  close(): Promise<number | null>
}

export interface StartAgentOptions {
  readonly stateDir: string
  /** More dc-agent flags, e.g. `--tls-ca F --tls-cert F --tls-key F`. */
  readonly args?: readonly string[]
  /** Credentials of the {@link AgentProcess.agent} and `platform` clients. @default plaintext */
  readonly credentials?: ChannelCredentials
  /** Serve `/metrics` on a free loopback port (`--metrics-listen`). @default false */
  readonly metrics?: boolean
}

const START_ATTEMPTS = 3

/**
 * Start `dc-agent` from source on free loopback ports and wait for its readiness line. A port
 * taken between probing and binding makes the agent exit; that start is retried on new ports.
 */
export async function startAgent(options: StartAgentOptions): Promise<AgentProcess> {
  let lastError: unknown
  for (let attempt = 0; attempt < START_ATTEMPTS; attempt++) {
    const v6 = `[::1]:${await freePort('::1')}`
    const v4 = `127.0.0.1:${await freePort('127.0.0.1')}`
    const metrics = options.metrics === true ? `127.0.0.1:${await freePort('127.0.0.1')}` : undefined
    try {
      const child = await spawnNode(
        'dc-agent',
        [
          ...['--listen', `${v6},${v4}`, '--state-dir', options.stateDir],
          ...(metrics === undefined ? [] : ['--metrics-listen', metrics]),
          ...(options.args ?? []),
        ],
        { readyPattern: /^dc-agent listening on /, name: 'dc-agent' },
      )
      const addresses = { v6, v4, metrics }
      return wrap(child, options.stateDir, addresses, options.credentials ?? credentials.createInsecure())
    } catch (err) {
      lastError = err
      if (!/EADDRINUSE|No address added/i.test(String(err))) throw err
    }
  }
  throw lastError
}

function wrap(
  child: ServiceProcess,
  stateDir: string,
  addresses: Pick<AgentProcess, 'v6' | 'v4' | 'metrics'>,
  clientCredentials: ChannelCredentials,
): AgentProcess {
  const { v6 } = addresses
  const { dc } = loadProtos()
  const clients: { close(): void }[] = []
  const track = <T extends { close(): void }>(client: T): T => {
    clients.push(client)
    return client
  }
  return {
    process: child,
    stateDir,
    ...addresses,
    agent: (target = v6) => track(new dc.agent.v1.Agent(target, clientCredentials)),
    platform: (target = v6) => track(new dc.platform.v1.Platform(target, clientCredentials)),
    close: async () => {
      for (const client of clients) client.close()
      return child.stop('SIGTERM')
    },
  }
}

/** Resolves with the call's error when it fails with `code`; rejects when it succeeds or fails otherwise. */
export async function expectStatus(call: Promise<unknown>, code: status): Promise<ServiceError> {
  try {
    await call
  } catch (err) {
    const e = err as ServiceError
    if (e.code === code) return e
    throw new Error(`expected status ${code}, got ${e.code}: ${e.details}`, { cause: err })
  }
  throw new Error(`expected status ${code}, but the call succeeded`)
}
