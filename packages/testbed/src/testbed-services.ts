import { existsSync } from 'node:fs'
import { chown, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { renderNatsServerConfig } from '@dc/system-controller'
import type { CentralSite, SubcloudSite, TestbedSite, Topology } from './topology.js'
import type { DaemonRecord } from './testbed-state.js'
import { namespaceOf } from './testbed-network.js'
import { natsPublicKey, natsSeedFile } from './testbed-pki.js'
import { natsServerPath, postgresBinDir, programPath, type TestbedPaths } from './testbed-paths.js'
import { runChecked } from './run-command.js'

/** The processes of one site, in start order, with the files they need written first. */

export type Service = 'postgres' | 'nats' | 'controller' | 'agent'

/** `[v6]:port` or `v4:port`. */
export function hostPort(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`
}

export function servicesOf(site: TestbedSite): Service[] {
  if (site.role === 'subcloud') return ['agent']
  const nats: Service[] = site.nats ? ['nats'] : []
  return site.role === 'central' ? ['postgres', ...nats, 'controller'] : nats
}

export const POSTGRES_URL = (port: number): string => `postgres://postgres@127.0.0.1:${port}/postgres`

interface Context {
  readonly topology: Topology
  readonly paths: TestbedPaths
  readonly prefix: string
}

function record(
  ctx: Context,
  site: TestbedSite,
  service: Service,
  fields: Pick<DaemonRecord, 'argv' | 'ready'> & Partial<Pick<DaemonRecord, 'env' | 'stopSignal'>>,
): DaemonRecord {
  return {
    name: `${site.name}/${service}`,
    site: site.name,
    netns: namespaceOf(ctx.prefix, site.name),
    logFile: ctx.paths.logFile(site.name, service),
    env: {},
    stopSignal: 'SIGTERM',
    pid: undefined,
    ...fields,
  }
}

/** Runs `program` as the postgres user: PostgreSQL refuses to run as root. */
const asPostgres = (program: string, args: readonly string[]): string[] => [
  'runuser',
  '-u',
  'postgres',
  '--',
  program,
  ...args,
]

async function preparePostgres(ctx: Context, site: CentralSite): Promise<DaemonRecord> {
  const bin = postgresBinDir()
  if (bin === undefined) throw new Error('PostgreSQL is not installed: apt-get install postgresql')
  const dir = join(ctx.paths.siteDir(site.name), 'postgres')
  const dataDir = join(dir, 'data')
  if (!existsSync(dataDir)) {
    await mkdir(dir, { recursive: true })
    const ids = await runChecked('id', ['-u', 'postgres'])
    const gid = await runChecked('id', ['-g', 'postgres'])
    await chown(dir, Number(ids.stdout.trim()), Number(gid.stdout.trim()))
    const initdb = ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']
    const [cmd, ...args] = asPostgres(join(bin, 'initdb'), initdb)
    await runChecked(cmd!, args)
  }
  const server = [
    '-D',
    dataDir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-p',
    String(ctx.topology.ports.postgres),
  ]
  return record(ctx, site, 'postgres', {
    argv: asPostgres(join(bin, 'postgres'), [...server, '-k', dir, '-c', 'fsync=off']),
    ready: 'database system is ready to accept connections',
    // Fast shutdown: SIGTERM would wait for every client to leave.
    stopSignal: 'SIGINT',
  })
}

async function prepareNats(ctx: Context, site: TestbedSite): Promise<DaemonRecord> {
  const { topology, paths } = ctx
  const dir = join(paths.siteDir(site.name), 'nats')
  await mkdir(dir, { recursive: true })
  const centrals = topology.sites.filter((s) => s.role === 'central')
  const cert = paths.certPrefix('nats', site.name)
  const clusterAddress = (s: TestbedSite): string => hostPort(s.link.ipv6.address, topology.ports.natsCluster)
  const config = renderNatsServerConfig({
    listen: hostPort(site.link.ipv6.address, topology.ports.natsClient),
    jetstreamStoreDir: join(dir, 'jetstream'),
    sites: await Promise.all(
      centrals.map(async (c) => ({ siteId: c.name, nkey: await natsPublicKey(paths, c.name) })),
    ),
    tls: { certFile: `${cert}.crt`, keyFile: `${cert}.key`, caFile: paths.caFile, verifyClients: true },
    cluster: {
      serverName: site.name,
      name: 'dc-testbed',
      listen: clusterAddress(site),
      routes: topology.sites.filter((s) => s.nats && s.name !== site.name).map(clusterAddress),
    },
  })
  const file = join(dir, 'nats.conf')
  await writeFile(file, config)
  return record(ctx, site, 'nats', {
    argv: [natsServerPath() ?? 'nats-server', '-c', file],
    ready: 'Server is ready',
  })
}

function tlsArgs(ctx: Context, kind: 'controller' | 'agent', name: string): string[] {
  const prefix = ctx.paths.certPrefix(kind, name)
  return ['--tls-ca', ctx.paths.caFile, '--tls-cert', `${prefix}.crt`, '--tls-key', `${prefix}.key`]
}

async function prepareController(ctx: Context, site: CentralSite): Promise<DaemonRecord> {
  const { topology, paths } = ctx
  const dir = join(paths.siteDir(site.name), 'controller')
  await mkdir(dir, { recursive: true })
  const valuesFile = join(dir, 'bootstrap-values.yml')
  await writeFile(valuesFile, stringify(site.values))
  const { controller, natsClient } = topology.ports
  const listen = [site.link.ipv6, site.link.ipv4].map((l) => hostPort(l.address, controller)).join(',')
  const cert = paths.certPrefix('controller', site.name)
  const nats = site.nats ? site : topology.sites.find((s) => s.nats)
  return record(ctx, site, 'controller', {
    argv: [
      process.execPath,
      programPath('dc-controller'),
      ...['--listen', listen, '--bootstrap-values', valuesFile, '--data-dir', dir],
      ...['--audit-interval-ms', String(topology.controller.auditIntervalMs)],
      ...['--offline-after-misses', String(topology.controller.offlineAfterMisses)],
      ...tlsArgs(ctx, 'controller', site.name),
      ...['--nats-url', `tls://${hostPort(nats?.link.ipv6.address ?? '', natsClient)}`],
      ...['--nats-creds', natsSeedFile(paths, site.name), '--nats-tls-ca', paths.caFile],
      ...['--nats-tls-cert', `${cert}.crt`, '--nats-tls-key', `${cert}.key`, '--site-id', site.name],
      ...['--nats-replicas', topology.sites.filter((s) => s.nats).length >= 3 ? '3' : '1'],
      ...['--peer-heartbeat-interval-ms', String(topology.geo.heartbeatIntervalMs)],
      ...['--peer-maintenance-timeout-ms', String(topology.geo.maintenanceTimeoutMs)],
    ],
    env: { DATABASE_URL: POSTGRES_URL(topology.ports.postgres) },
    ready: '^dc-controller listening on ',
  })
}

async function prepareAgent(ctx: Context, site: SubcloudSite): Promise<DaemonRecord> {
  const dir = join(ctx.paths.siteDir(site.name), 'agent')
  await mkdir(dir, { recursive: true })
  const listen = site.listen.map((family) => hostPort(site.link[family].address, ctx.topology.ports.agent))
  return record(ctx, site, 'agent', {
    argv: [
      process.execPath,
      programPath('dc-agent'),
      ...['--listen', listen.join(','), '--state-dir', dir, '--heartbeat-interval-ms', '500'],
      ...tlsArgs(ctx, 'agent', site.name),
    ],
    ready: '^dc-agent listening on ',
  })
}

/** Writes what `service` of `site` needs (database cluster, configuration) and describes its process. */
export function prepareService(ctx: Context, site: TestbedSite, service: Service): Promise<DaemonRecord> {
  switch (service) {
    case 'postgres':
      if (site.role !== 'central') throw new Error(`${site.name} runs no PostgreSQL`)
      return preparePostgres(ctx, site)
    case 'nats':
      return prepareNats(ctx, site)
    case 'controller':
      if (site.role !== 'central') throw new Error(`${site.name} runs no controller`)
      return prepareController(ctx, site)
    case 'agent':
      if (site.role !== 'subcloud') throw new Error(`${site.name} runs no agent`)
      return prepareAgent(ctx, site)
  }
}
