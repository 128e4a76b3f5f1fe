import { credentials } from '@grpc/grpc-js'
import type { ServiceError } from '@grpc/grpc-js'
import { loadProtos } from '@dc/protos'
import type { AgentClient, PlatformClient } from '@dc/protos'
import { silentLogger } from '@dc/runtime'
import { Simulator } from '../src/simulator/simulator.js'
import { planSites } from '../src/simulator/site-plan.js'
import type { SiteMix } from '../src/simulator/site-plan.js'

const ATTEMPTS = 8

/**
 * A simulator of `count` sites in this process, on consecutive loopback ports from a random base
 * below the ephemeral range (another process may hold one of them: then another base is tried).
 */
export async function startTestSimulator(
  count: number,
  mix: SiteMix = { ipv4: 1, ipv6: 1, dual: 1 },
  heartbeatIntervalMs = 50,
): Promise<Simulator> {
  let last: unknown
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const basePort = 20_000 + Math.floor(Math.random() * 10_000)
    const sites = planSites({
      count,
      firstIndex: 1,
      mix,
      basePort,
      hosts: { ipv4: '127.0.0.1', ipv6: '::1' },
    })
    try {
      return await Simulator.start({
        sites,
        heartbeatIntervalMs,
        stateDir: undefined,
        log: silentLogger,
      })
    } catch (err) {
      last = err
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err
    }
  }
  throw last
}

const clients: { close(): void }[] = []
// Each client owns its connection, as the controller's channels do: a fresh client must not inherit
// the reconnect backoff of an earlier one to a killed site.
const CLIENT_OPTIONS = { 'grpc.use_local_subchannel_pool': 1 }

/** An Agent client on `address` (`host:port`), closed by {@link closeClients}. */
export function agentClient(address: string): AgentClient {
  const client = new (loadProtos().dc.agent.v1.Agent)(address, credentials.createInsecure(), CLIENT_OPTIONS)
  clients.push(client)
  return client
}

export function platformClient(address: string): PlatformClient {
  const client = new (loadProtos().dc.platform.v1.Platform)(
    address,
    credentials.createInsecure(),
    CLIENT_OPTIONS,
  )
  clients.push(client)
  return client
}

export function closeClients(): void {
  for (const client of clients.splice(0)) client.close()
}

/** The call's ServiceError; throws if it succeeds. */
export async function failure(call: Promise<unknown>): Promise<ServiceError> {
  try {
    await call
  } catch (err) {
    return err as ServiceError
  }
  throw new Error('expected the call to fail')
}
