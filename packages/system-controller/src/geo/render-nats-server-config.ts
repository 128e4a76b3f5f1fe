import { GeoSubjects, OWNERSHIP_BUCKET, isSiteId } from './geo-subjects.js'

/** One controller of the geo-redundant pair as NATS knows it. */
export interface NatsSiteUser {
  readonly siteId: string
  /** The site's public NKEY (`U...`); the matching seed is that controller's `--nats-creds` file. */
  readonly nkey: string
}

/**
 * One node of a clustered NATS (three nodes across site A, site B and a witness): JetStream then
 * replicates the geo streams and the ownership bucket, and a write needs a majority of the nodes.
 */
export interface NatsClusterOptions {
  /** This node's name, unique in the cluster (JetStream's meta group tells nodes apart by it). */
  readonly serverName: string
  /** The cluster's name, the same on every node. */
  readonly name: string
  /** `host:port` this node accepts routes on (IPv6 bracketed). */
  readonly listen: string
  /** `host:port` of every other node's route listener. */
  readonly routes: readonly string[]
}

/** What {@link renderNatsServerConfig} writes. */
export interface NatsServerConfigOptions {
  /** `host:port` the server listens on (IPv6 bracketed). */
  readonly listen: string
  readonly jetstreamStoreDir: string
  readonly sites: readonly NatsSiteUser[]
  /** Public NKEYs of read-only observers (monitoring, benchmarks): they may subscribe to `dc.>` only. */
  readonly observers?: readonly string[]
  /** Server TLS; with `verifyClients`, clients must also present a certificate from `caFile`. */
  readonly tls?: {
    readonly certFile: string
    readonly keyFile: string
    readonly caFile?: string
    readonly verifyClients?: boolean
  }
  /**
   * Clustered: routes to the other nodes. With `tls` the routes use the same certificate, key and
   * CA, and each node must present a certificate from that CA (so `tls.caFile` is required).
   */
  readonly cluster?: NatsClusterOptions
}

const NKEY_USER = /^U[A-Z2-7]{55}$/

/** Server and cluster names: also JetStream's placement tags, so no spaces or dots. */
const NODE_NAME = /^[A-Za-z0-9_-]{1,64}$/
const HOST_PORT = /^(\[[0-9A-Fa-f:.]+\]|[^\s:[\]]+):\d{1,5}$/

function quote(text: string): string {
  return JSON.stringify(text)
}

function list(items: readonly string[]): string {
  return `[${items.map(quote).join(', ')}]`
}

/**
 * Publish and subscribe permissions of one site: it publishes only on its own `dc.<site>.>`
 * subjects, plus the JetStream API, acknowledgements, flow control and the ownership bucket (which
 * both sites write, by compare-and-set only); it may not delete, purge or redefine the other sites'
 * streams or the bucket. It hears the peers' heartbeats and the acknowledgements addressed to it.
 */
function sitePermissions(site: string, others: readonly string[]): string {
  const ops = ['DELETE', 'PURGE', 'UPDATE', 'MSG.DELETE']
  const deny = [
    ...others.flatMap((o) => [...ops, 'CREATE'].map((op) => `$JS.API.STREAM.${op}.${GeoSubjects.stream(o)}`)),
    ...ops.map((op) => `$JS.API.STREAM.${op}.KV_${OWNERSHIP_BUCKET}`),
  ]
  return [
    `permissions: {`,
    `  publish: {`,
    `    allow: ${list([GeoSubjects.own(site), '$JS.API.>', '$JS.ACK.>', '$JS.FC.>', `$KV.${OWNERSHIP_BUCKET}.>`])}`,
    `    deny: ${list(deny)}`,
    `  }`,
    `  subscribe: { allow: ${list([GeoSubjects.heartbeat('*'), GeoSubjects.ack('*', site), '_INBOX.>'])} }`,
    `}`,
  ].join('\n')
}

function checkCluster(cluster: NatsClusterOptions, tls: NatsServerConfigOptions['tls']): void {
  if (!NODE_NAME.test(cluster.serverName)) {
    throw new Error(`cluster.serverName '${cluster.serverName}' must be 1 to 64 letters, digits, - or _`)
  }
  if (!NODE_NAME.test(cluster.name)) {
    throw new Error(`cluster.name '${cluster.name}' must be 1 to 64 letters, digits, - or _`)
  }
  for (const address of [cluster.listen, ...cluster.routes]) {
    if (!HOST_PORT.test(address)) throw new Error(`cluster address '${address}' is not host:port`)
  }
  if (cluster.routes.length === 0) throw new Error('cluster.routes must name at least one other node')
  if (cluster.routes.includes(cluster.listen)) {
    throw new Error(`cluster.routes must not include this node's own ${cluster.listen}`)
  }
  if (tls !== undefined && tls.caFile === undefined) {
    throw new Error('a clustered server with tls needs tls.caFile to verify the other nodes')
  }
}

/**
 * The cluster block: routes are dialled as `nats-route://`, and with TLS every route is mutual TLS
 * from the same PKI as the clients' (the node certificates need serverAuth and clientAuth).
 */
function clusterBlock(cluster: NatsClusterOptions, tls: NatsServerConfigOptions['tls']): string[] {
  return [
    `server_name: ${quote(cluster.serverName)}`,
    'cluster {',
    `  name: ${quote(cluster.name)}`,
    `  listen: ${quote(cluster.listen)}`,
    `  routes: ${list(cluster.routes.map((r) => `nats-route://${r}`))}`,
    ...(tls === undefined
      ? []
      : [
          '  tls {',
          `    cert_file: ${quote(tls.certFile)}`,
          `    key_file: ${quote(tls.keyFile)}`,
          `    ca_file: ${quote(tls.caFile ?? '')}`,
          '    verify: true',
          '    timeout: 5',
          '  }',
        ]),
    '}',
  ]
}

function indent(text: string, by: number): string {
  const pad = ' '.repeat(by)
  return text
    .split('\n')
    .map((l) => (l === '' ? l : pad + l))
    .join('\n')
}

/**
 * A nats-server configuration for a geo-redundant pair (or more sites): JetStream, one account
 * with one NKEY user per site whose permissions confine it to its own subjects (see
 * `sitePermissions`), optional read-only observers, optional TLS, and optionally the routes of one
 * node of a JetStream cluster (see {@link NatsClusterOptions}). Throws on a malformed site id
 * or NKEY, or a malformed cluster, so a typo never yields an open server.
 *
 * @example
 * writeFileSync('nats.conf', renderNatsServerConfig({
 *   listen: '[fd00::10]:4222', jetstreamStoreDir: '/var/lib/nats',
 *   sites: [{ siteId: uuidA, nkey: publicA }, { siteId: uuidB, nkey: publicB }],
 * }))
 */
export function renderNatsServerConfig(options: NatsServerConfigOptions): string {
  for (const s of options.sites) {
    if (!isSiteId(s.siteId)) throw new Error(`site id ${s.siteId} is not a NATS subject token`)
    if (!NKEY_USER.test(s.nkey)) throw new Error(`${s.nkey.slice(0, 8)}... is not a public user NKEY`)
  }
  for (const o of options.observers ?? []) {
    if (!NKEY_USER.test(o)) throw new Error(`${o.slice(0, 8)}... is not a public user NKEY`)
  }
  if (options.cluster !== undefined) checkCluster(options.cluster, options.tls)
  const users = options.sites.map((s) => {
    const others = options.sites.filter((o) => o.siteId !== s.siteId).map((o) => o.siteId)
    return `{\n  nkey: ${quote(s.nkey)}\n${indent(sitePermissions(s.siteId, others), 2)}\n}`
  })
  for (const o of options.observers ?? []) {
    users.push(
      `{\n  nkey: ${quote(o)}\n  permissions: { publish: { deny: [">"] }, subscribe: { allow: ${list(['dc.>', '_INBOX.>'])} } }\n}`,
    )
  }
  const tls =
    options.tls === undefined
      ? []
      : [
          'tls {',
          `  cert_file: ${quote(options.tls.certFile)}`,
          `  key_file: ${quote(options.tls.keyFile)}`,
          ...(options.tls.caFile === undefined ? [] : [`  ca_file: ${quote(options.tls.caFile)}`]),
          `  verify: ${options.tls.verifyClients === true ? 'true' : 'false'}`,
          '  timeout: 5',
          '}',
        ]
  return [
    '# Generated for a geo-redundant pair of dc-controllers: each site publishes only on dc.<site>.>',
    `listen: ${quote(options.listen)}`,
    `jetstream { store_dir: ${quote(options.jetstreamStoreDir)} }`,
    ...tls,
    ...(options.cluster === undefined ? [] : clusterBlock(options.cluster, options.tls)),
    'accounts {',
    '  DC {',
    '    jetstream: enabled',
    '    users: [',
    indent(users.join('\n'), 6),
    '    ]',
    '  }',
    '}',
    '',
  ].join('\n')
}
