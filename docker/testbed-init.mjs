// The compose testbed's one-shot `init` service (see docker/docker-compose.yml): from the topology
// file it makes, once, under RUN_DIR/<site>/: server.crt, server.key and ca.crt issued with the real
// dc-pki for every controller, NATS node and agent at every address it listens on; values.yml for
// each controller; for each NATS node nats.conf (a node of the three-node JetStream cluster, from
// renderNatsServerConfig); for each central site nats.nk, its NKEY seed; and RUN_DIR/operator/,
// an admin operator certificate for the CLIs. Existing files are kept, so a restart changes nothing.
// Usage: node docker/testbed-init.mjs TOPOLOGY RUN_DIR
import { execFileSync } from 'node:child_process'
import {
  chownSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { loadTopology } from '../packages/testbed/dist/index.js'
import { renderNatsServerConfig } from '../packages/system-controller/dist/index.js'

const requireTestbed = createRequire(new URL('../packages/testbed/package.json', import.meta.url))
const { createUser, fromSeed } = requireTestbed('@nats-io/nkeys')
const { stringify } = requireTestbed('yaml')

const [topologyFile, runDir] = process.argv.slice(2)
if (topologyFile === undefined || runDir === undefined) {
  console.error('usage: node docker/testbed-init.mjs TOPOLOGY RUN_DIR')
  process.exit(2)
}
/** The images' unprivileged user, which reads these files. */
const DC_UID = 10001
const topology = await loadTopology(topologyFile)
const caDir = join(runDir, 'ca')
const pki = (args) =>
  execFileSync(
    process.execPath,
    [new URL('../packages/cli/dist/main-pki.js', import.meta.url).pathname, ...args],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
const hostPort = (address, port) => (address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`)

if (!existsSync(join(caDir, 'ca.crt'))) pki(['init', '--dir', caDir, '--name', 'dc-testbed-ca'])

function issue(site, kind, ips) {
  const dir = join(runDir, site.name)
  mkdirSync(dir, { recursive: true })
  copyFileSync(join(caDir, 'ca.crt'), join(dir, 'ca.crt'))
  if (existsSync(join(dir, 'server.crt'))) return
  const name = site.systemName ?? site.name
  pki([
    'issue',
    '--dir',
    caDir,
    '--kind',
    kind,
    '--name',
    name,
    '--out',
    join(dir, 'server'),
    ...ips.flatMap((ip) => ['--ip', ip]),
  ])
}

function seedOf(site) {
  const file = join(runDir, site.name, 'nats.nk')
  if (!existsSync(file))
    writeFileSync(file, `${new TextDecoder().decode(createUser().getSeed())}\n`, { mode: 0o600 })
  return fromSeed(new TextEncoder().encode(readFileSync(file, 'utf8').trim()))
}

const centrals = topology.sites.filter((s) => s.role === 'central')
const natsNodes = topology.sites.filter((s) => s.nats)
for (const site of topology.sites) {
  const families = site.role === 'subcloud' ? site.listen : ['ipv6', 'ipv4']
  issue(
    site,
    site.role === 'subcloud' ? 'agent' : 'controller',
    families.map((f) => site.link[f].address),
  )
  if (site.role === 'central') writeFileSync(join(runDir, site.name, 'values.yml'), stringify(site.values))
}
const sites = centrals.map((c) => ({ siteId: c.name, nkey: seedOf(c).getPublicKey() }))
for (const site of natsNodes) {
  const dir = join(runDir, site.name)
  const cluster = (s) => hostPort(s.link.ipv6.address, topology.ports.natsCluster)
  const config = renderNatsServerConfig({
    listen: hostPort(site.link.ipv6.address, topology.ports.natsClient),
    jetstreamStoreDir: '/data/jetstream',
    sites,
    tls: {
      certFile: join(dir, 'server.crt'),
      keyFile: join(dir, 'server.key'),
      caFile: join(dir, 'ca.crt'),
      verifyClients: true,
    },
    cluster: {
      serverName: site.name,
      name: 'dc-testbed',
      listen: cluster(site),
      routes: natsNodes.filter((s) => s !== site).map(cluster),
    },
  })
  // Monitoring on the site's loopback only, for the compose health check.
  writeFileSync(join(dir, 'nats.conf'), `${config}http: "127.0.0.1:8222"\n`)
}
const operatorDir = join(runDir, 'operator')
if (!existsSync(join(operatorDir, 'admin.crt'))) {
  mkdirSync(operatorDir, { recursive: true })
  pki([
    'issue',
    '--dir',
    caDir,
    '--kind',
    'operator',
    '--name',
    'admin',
    '--role',
    'admin',
    '--out',
    join(operatorDir, 'admin'),
  ])
  copyFileSync(join(caDir, 'ca.crt'), join(operatorDir, 'ca.crt'))
}
for (const dir of [...topology.sites.map((s) => s.name), 'operator']) {
  for (const file of execFileSync('ls', [join(runDir, dir)])
    .toString()
    .split('\n')
    .filter(Boolean)) {
    chownSync(join(runDir, dir, file), DC_UID, DC_UID)
  }
  chownSync(join(runDir, dir), DC_UID, DC_UID)
}
console.log(
  `dc-testbed init: certificates, NATS configs and values for ${topology.sites.length} sites in ${runDir}`,
)
