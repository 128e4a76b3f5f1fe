import { Metadata } from '@grpc/grpc-js'
import { formatHostPort, parseHostPort } from '@dc/netmodel'
import { describeGrpcError, unaryCall } from '@dc/protos'
import type { AgentClient, DescribeResponse__Output } from '@dc/protos'
import type { Logger } from '@dc/runtime'
import type { Audit } from '../audit/index.js'
import type { SubcloudStore } from '../ports/subcloud-store.js'
import { dialAddress } from './subcloud.js'
import type { Subcloud } from './subcloud.js'

/** `host:port` in canonical text, or undefined when it is not one. */
function canonical(address: string): string | undefined {
  try {
    const { host, port } = parseHostPort(address)
    return formatHostPort(host.toString(), port)
  } catch {
    return undefined
  }
}

/**
 * Where StarlingX talks to a subcloud after bootstrap, with the bootstrap address's port: the
 * floating address of the primary pool of its admin network, or, without one, the start of the
 * primary pool of its management network. Only a network's primary pool: never a
 * secondary-family address. Undefined when the agent describes neither.
 */
export function operationalTarget(
  described: DescribeResponse__Output,
  bootstrapAddress: string,
): string | undefined {
  const primary = (type: string) => {
    const network = described.networks.find((n) => n.type === type)
    return network === undefined
      ? undefined
      : described.address_pools.find((p) => p.uuid === network.pool_uuid)
  }
  const admin = primary('admin')
  const host = admin !== undefined ? admin.floating_address : primary('mgmt')?.ranges[0]?.start
  if (host === undefined || host === null || host === '') return undefined
  return formatHostPort(host, parseHostPort(bootstrapAddress).port)
}

/** Whether the agent serves on `address`: one of the listen addresses it counts calls on. */
export function listensOn(described: DescribeResponse__Output, address: string): boolean {
  return described.address_calls.some((a) => canonical(a.local_address) === address)
}

/** The channels the follower dials over. */
export interface FollowerChannels {
  agent(name: string, address: string): AgentClient
  forget(name: string): void
}

/** What following a subcloud's operational address needs. */
export interface OperationalAddressDeps {
  readonly subclouds: Pick<SubcloudStore, 'find' | 'setOperationalAddress'>
  readonly channels: FollowerChannels
  readonly audit: Pick<Audit, 'refreshSubcloud'>
  readonly log: Logger
  /** Deadline of each Describe. @default 10000 */
  readonly callTimeoutMs?: number
}

/**
 * Moves the controller's traffic to a subcloud onto its operational address, as StarlingX moves
 * it to the admin (or management) network after bootstrap: after the deploy, and whenever that
 * network may have changed (a forwarded `system` change, a strategy step, a network
 * reconfiguration). The move happens only once the agent says it listens there and answers there
 * as the same system; until then, and for a single-machine lab on loopback, the controller keeps
 * the address it has. Every call to the subcloud then takes the new address (`dialAddress`), and
 * the audit re-opens its Watch stream there.
 */
export class OperationalAddressFollower {
  readonly #deps: OperationalAddressDeps

  constructor(deps: OperationalAddressDeps) {
    this.#deps = deps
  }

  /** Follows subcloud `id` to its operational address; failures are logged, never thrown. */
  async follow(id: number, signal: AbortSignal): Promise<void> {
    try {
      const subcloud = await this.#deps.subclouds.find(String(id))
      if (subcloud?.id !== id || subcloud.deployStatus !== 'complete') return
      if (parseHostPort(subcloud.bootstrapAddress).host.isLoopback()) return
      await this.#follow(subcloud, signal)
    } catch (err) {
      if (signal.aborted) return
      this.#deps.log.warn(`subcloud ${id}: operational address not followed: ${describeGrpcError(err)}`, {
        subcloudId: id,
      })
    }
  }

  async #follow(subcloud: Subcloud, signal: AbortSignal): Promise<void> {
    const { channels, log } = this.#deps
    const current = dialAddress(subcloud)
    const described = await this.#describe(channels.agent(subcloud.name, current), signal)
    const target = operationalTarget(described, subcloud.bootstrapAddress)
    if (target === undefined || target === current) return
    if (!listensOn(described, target)) {
      log.info(`subcloud ${subcloud.name}: its agent does not listen on ${target}; staying on ${current}`, {
        subcloud: subcloud.name,
      })
      return
    }
    // A channel of its own, so the subcloud's channel (and the audit's stream on it) stays where it
    // is until the store says otherwise.
    const probeName = `${subcloud.name}\u0000probe`
    let there: DescribeResponse__Output
    try {
      there = await this.#describe(channels.agent(probeName, target), signal)
    } finally {
      channels.forget(probeName)
    }
    if (there.system?.uuid !== described.system?.uuid) {
      log.warn(`subcloud ${subcloud.name}: ${target} answers as another system; staying on ${current}`, {
        subcloud: subcloud.name,
      })
      return
    }
    const moved = await this.#deps.subclouds.setOperationalAddress(
      subcloud.id,
      subcloud.operationalAddress,
      target,
    )
    if (!moved) return
    log.info(`subcloud ${subcloud.name}: talking to its agent at ${target} (was ${current})`, {
      subcloud: subcloud.name,
    })
    await this.#deps.audit.refreshSubcloud(subcloud.id, signal)
  }

  #describe(client: AgentClient, signal: AbortSignal): Promise<DescribeResponse__Output> {
    const deadline = new Date(Date.now() + (this.#deps.callTimeoutMs ?? 10_000))
    return unaryCall<DescribeResponse__Output>(
      (cb) => client.Describe({}, new Metadata(), { deadline }, cb),
      signal,
    )
  }
}
