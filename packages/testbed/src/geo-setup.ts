import { setTimeout as sleep } from 'node:timers/promises'
import type { ServiceError } from '@grpc/grpc-js'
import { stringify } from 'yaml'
import type { DcManagerClient, Subcloud__Output } from '@dc/protos'
import type { CentralSite, SubcloudSite, Topology } from './topology.js'
import { firstHost } from './link-address.js'
import { call, listSubclouds, unlessExists } from './controller-client.js'
import { hostPort } from './testbed-services.js'

/**
 * What `up` asks of the controllers once they serve: the central sites paired as system peers,
 * the peer group on the leader with its association, and the subclouds onboarded on the leader.
 * Every step first looks whether it was done, so a second `up` changes nothing.
 */

const WAIT_MS = 240_000
const POLL_MS = 500

export interface Controllers {
  readonly leader: { readonly site: CentralSite; readonly client: DcManagerClient }
  readonly followers: readonly { readonly site: CentralSite; readonly client: DcManagerClient }[]
}

/** The gateway a controller offers its peers: the first host of its primary management subnet. */
function managementGateway(site: CentralSite): string {
  return firstHost((site.values.management_subnet ?? '').split(',')[0] ?? '')
}

function peerRequest(peer: CentralSite): Record<string, unknown> {
  return {
    peer_uuid: peer.name,
    peer_name: peer.systemName,
    peer_controller_gateway_ip: managementGateway(peer),
    manager_endpoint: 'nats',
    manager_username: 'admin',
    manager_password: 'testbed-peer-password',
  }
}

export async function pairCentralSites(topology: Topology, controllers: Controllers): Promise<void> {
  const { leader, followers } = controllers
  // The policy both ways: the leader's own entry is what tells it how long its lease on the
  // groups lasts before the follower may take them (see the controller's quorum fencing).
  const policy = { heartbeat_failure_policy: topology.geo.heartbeatFailurePolicy }
  for (const follower of followers) {
    await unlessExists(
      call((o, cb) => leader.client.AddSystemPeer({ ...peerRequest(follower.site), ...policy }, o, cb)),
    )
    await unlessExists(
      call((o, cb) => follower.client.AddSystemPeer({ ...peerRequest(leader.site), ...policy }, o, cb)),
    )
  }
  const peerGroup = topology.geo.peerGroup
  await unlessExists(
    call((o, cb) => leader.client.AddSubcloudPeerGroup({ peer_group_name: peerGroup }, o, cb)),
  )
}

/** The outcome of onboarding one subcloud: accepted, or refused with the controller's reason. */
export type Onboarding = { readonly accepted: true } | { readonly accepted: false; readonly reason: string }

export async function onboard(
  topology: Topology,
  client: DcManagerClient,
  subcloud: SubcloudSite,
): Promise<Onboarding> {
  const existing = (await listSubclouds(client)).find((s) => s.name === subcloud.systemName)
  if (existing !== undefined) return { accepted: true }
  const primary = subcloud.link[subcloud.listen[0] ?? 'ipv6']
  const request = {
    bootstrap_address: hostPort(primary.address, topology.ports.agent),
    bootstrap_values_yaml: stringify(subcloud.values),
  }
  try {
    await call((o, cb) => client.AddSubcloud(request, o, cb))
    return { accepted: true }
  } catch (error) {
    const { code, details } = error as Partial<ServiceError>
    if (code === undefined) throw error
    return { accepted: false, reason: details ?? String(error) }
  }
}

async function until<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + WAIT_MS
  for (;;) {
    const done = await check().catch(() => undefined)
    if (done !== undefined) return done
    if (Date.now() > deadline) throw new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`)
    await sleep(POLL_MS)
  }
}

const failedDeploy = (s: Subcloud__Output): boolean => s.deploy_status.endsWith('-failed')

/** Waits for `name` deployed and online, then manages it and puts it in the peer group. */
export async function manageInPeerGroup(
  topology: Topology,
  client: DcManagerClient,
  name: string,
): Promise<void> {
  const get = (): Promise<Subcloud__Output> => call((o, cb) => client.GetSubcloud({ subcloud: name }, o, cb))
  const online = await until(`${name} deployed and online`, async () => {
    const s = await get()
    if (failedDeploy(s)) throw new Error(`${name}: deploy ${s.deploy_status}: ${s.error_description}`)
    return s.deploy_status === 'complete' && s.availability_status === 'online' ? s : undefined
  })
  if (online.management_state !== 'managed') {
    await call((o, cb) => client.ManageSubcloud({ subcloud: name }, o, cb))
  }
  if (online.peer_group_name !== topology.geo.peerGroup) {
    await call((o, cb) =>
      client.UpdateSubcloud({ subcloud: name, peer_group: topology.geo.peerGroup }, o, cb),
    )
  }
}

export async function associatePeerGroup(topology: Topology, controllers: Controllers): Promise<void> {
  for (const follower of controllers.followers) {
    const request = {
      peer_group: topology.geo.peerGroup,
      system_peer: follower.site.systemName,
      peer_group_priority: 2,
    }
    await unlessExists(call((o, cb) => controllers.leader.client.AddPeerGroupAssociation(request, o, cb)))
  }
}

/** Waits until every subcloud in `names` is online, managed and in-sync on `client`'s controller. */
export async function waitInSync(
  client: DcManagerClient,
  names: readonly string[],
): Promise<Subcloud__Output[]> {
  return until(`${names.join(', ')} online, managed and in-sync`, async () => {
    const listed = (await listSubclouds(client)).filter((s) => names.includes(s.name))
    const ready = listed.filter(
      (s) => s.availability_status === 'online' && s.management_state === 'managed' && s.sync === 'in-sync',
    )
    return ready.length === names.length ? listed : undefined
  })
}
