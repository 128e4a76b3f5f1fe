import { chmod, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { nkeys } from '@nats-io/transport-node'
import type {
  ListPeerGroupAssociationsResponse__Output,
  ListSubcloudsResponse__Output,
  PeerGroupAssociation__Output,
  Subcloud__Output,
  SystemPeer__Output,
} from '@dc/protos'
import { renderNatsServerConfig } from '@dc/system-controller'
import { createTestCa, startNatsServer, waitFor } from '../support/index.js'
import type { NatsServer, TestCa } from '../support/index.js'
import {
  CONTROLLER_VALUES,
  startTestController,
  subcloudValues,
  unary,
} from '../controller/controller-harness.js'
import type { TestAgent, TestController, Values } from '../controller/controller-harness.js'

/** Site B: another IPv6-primary controller; its management subnet holds the gateway A gives its copies. */
export const EAST_VALUES: Values = {
  ...CONTROLLER_VALUES,
  name: 'east',
  management_subnet: 'fd01:2::/64,192.168.102.0/24',
  management_start_address: 'fd01:2::2,192.168.102.2',
  management_end_address: 'fd01:2::ff,192.168.102.200',
  external_oam_subnet: 'fd00:2::/64,10.10.2.0/24',
  external_oam_gateway_address: 'fd00:2::1,10.10.2.1',
  external_oam_floating_address: 'fd00:2::2,10.10.2.2',
  cluster_host_subnet: 'fd02:2::/64',
  cluster_pod_subnet: 'fd03:2::/64',
  cluster_service_subnet: 'fd04:2::/112',
}

export const SITE_A = 'site-a'
export const SITE_B = 'site-b'
/** The peer group both sites' tests put the member in. */
export const PEER_GROUP = 'pg1'
/** Sub-second heartbeats and a short maintenance timeout through the test-only override flags. */
const HEARTBEAT_MS = 250
const MAINTENANCE_MS = 2_000
/** Generous: a busy 2-core box runs two controllers, an agent and nats-server. */
export const TIMEOUT_MS = 90_000

/** A NATS server as the sites' link: TLS from a test CA, one nkey user per site. */
export interface GeoNats {
  readonly ca: TestCa
  readonly nats: NatsServer
  readonly seeds: { readonly a: Uint8Array; readonly b: Uint8Array }
}

/** Start the sites' NATS server (on `::1`) with its CA and per-site credentials, under `dir`. */
export async function startGeoNats(dir: string): Promise<GeoNats> {
  const ca = await createTestCa(join(dir, 'ca'), 'geo-test-ca')
  const server = await ca.issue({ kind: 'controller', name: 'nats', ips: ['::1'] })
  const a = nkeys.createUser()
  const b = nkeys.createUser()
  const nats = await startNatsServer({
    host: '::1',
    config: ({ listen, storeDir }) =>
      renderNatsServerConfig({
        listen,
        jetstreamStoreDir: storeDir,
        sites: [
          { siteId: SITE_A, nkey: a.getPublicKey() },
          { siteId: SITE_B, nkey: b.getPublicKey() },
        ],
        tls: { certFile: server.certFile, keyFile: server.keyFile, caFile: ca.certFile },
      }),
  })
  return { ca, nats, seeds: { a: a.getSeed(), b: b.getSeed() } }
}

/** The controller flags that put site `site` (`a` or `b`) on the link, its seed file under `dir`. */
export async function natsArgs(dir: string, site: 'a' | 'b', link: GeoNats): Promise<string[]> {
  const siteId = site === 'a' ? SITE_A : SITE_B
  const seedFile = join(dir, `${siteId}.nk`)
  await writeFile(seedFile, link.seeds[site])
  await chmod(seedFile, 0o600)
  return [
    ...['--nats-url', link.nats.url, '--nats-creds', seedFile, '--nats-tls-ca', link.ca.certFile],
    ...['--site-id', siteId],
    ...['--peer-heartbeat-interval-ms', String(HEARTBEAT_MS)],
    ...['--peer-maintenance-timeout-ms', String(MAINTENANCE_MS)],
  ]
}

/** Site A (`central`) or B (`east`) in `dir/<site>`; PostgreSQL at `databaseUrl`, else PGlite. */
export async function startSite(
  dir: string,
  site: 'a' | 'b',
  args: readonly string[],
  databaseUrl?: string,
): Promise<TestController> {
  await mkdir(join(dir, site), { recursive: true })
  return startTestController({
    dataDir: join(dir, site),
    values: site === 'a' ? CONTROLLER_VALUES : EAST_VALUES,
    databaseUrl,
    auditIntervalMs: 300,
    args,
  })
}

export const show = (controller: TestController, name: string): Promise<Subcloud__Output> =>
  unary<Subcloud__Output>((o, cb) =>
    controller.dcManager.GetSubcloud({ subcloud: name, detail: true }, o, cb),
  )

export const listAll = async (controller: TestController): Promise<Subcloud__Output[]> =>
  (
    await unary<ListSubcloudsResponse__Output>((o, cb) =>
      controller.dcManager.ListSubclouds({ all: true }, o, cb),
    )
  ).subclouds

export const peer = (controller: TestController, name: string): Promise<SystemPeer__Output> =>
  unary<SystemPeer__Output>((o, cb) => controller.dcManager.GetSystemPeer({ system_peer: name }, o, cb))

export const associations = async (controller: TestController): Promise<PeerGroupAssociation__Output[]> =>
  (
    await unary<ListPeerGroupAssociationsResponse__Output>((o, cb) =>
      controller.dcManager.ListPeerGroupAssociations({}, o, cb),
    )
  ).peer_group_associations

export function until<T>(what: string, check: () => Promise<T | undefined | false>): Promise<T> {
  return waitFor(async () => (await check()) || undefined, {
    timeoutMs: TIMEOUT_MS,
    intervalMs: 200,
    message: what,
  })
}

/** A peers B as `east`, B peers A as `central` with `policy` on heartbeat failure. */
export async function addSystemPeers(
  a: TestController,
  b: TestController,
  policy: 'rehome' | 'alarm',
): Promise<void> {
  const common = {
    manager_endpoint: 'nats',
    manager_username: 'admin',
    manager_password: 'peer-password-never-returned',
  }
  await unary((o, cb) =>
    a.dcManager.AddSystemPeer(
      { peer_uuid: SITE_B, peer_name: 'east', peer_controller_gateway_ip: 'fd01:2::1', ...common },
      o,
      cb,
    ),
  )
  await unary((o, cb) =>
    b.dcManager.AddSystemPeer(
      {
        peer_uuid: SITE_A,
        peer_name: 'central',
        peer_controller_gateway_ip: 'fd01:1::1',
        heartbeat_failure_policy: policy,
        ...common,
      },
      o,
      cb,
    ),
  )
}

/** Onboard `agent` at A as `name`, manage it and put it in {@link PEER_GROUP}; resolves with it joined. */
export async function joinPeerGroup(
  a: TestController,
  agent: TestAgent,
  name: string,
): Promise<Subcloud__Output> {
  await a.addSubcloud(agent.addresses[0] ?? '', subcloudValues(1, 'ipv6', name))
  await a.waitFor(
    name,
    (s) => s.deploy_status === 'complete' && s.availability_status === 'online',
    'online',
    TIMEOUT_MS,
  )
  await unary((o, cb) => a.dcManager.ManageSubcloud({ subcloud: name }, o, cb))
  await unary((o, cb) => a.dcManager.AddSubcloudPeerGroup({ peer_group_name: PEER_GROUP }, o, cb))
  return unary<Subcloud__Output>((o, cb) =>
    a.dcManager.UpdateSubcloud({ subcloud: name, peer_group: PEER_GROUP }, o, cb),
  )
}

/** A associates {@link PEER_GROUP} with `east`. */
export async function associateWithEast(a: TestController): Promise<void> {
  await unary((o, cb) =>
    a.dcManager.AddPeerGroupAssociation(
      { peer_group: PEER_GROUP, system_peer: 'east', peer_group_priority: 2 },
      o,
      cb,
    ),
  )
}
