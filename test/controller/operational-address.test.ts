import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import {
  createSite,
  destroyAll,
  makeTempDir,
  netnsAvailable,
  removeTempDir,
  runCommand,
  runNode,
  waitFor,
} from '../support/index.js'
import type { ServiceProcess, Site } from '../support/index.js'
import { CONTROLLER_VALUES, valuesYaml } from './controller-harness.js'

// StarlingX bootstraps a subcloud over its OAM address, then talks to it on its admin network.
// Here the controller and the subcloud each live in a network namespace of this test: the agent
// listens on its OAM address, on its admin address before and after a network reconfiguration,
// and on its secondary (IPv4) OAM address, which the controller must never dial.

const OAM = '[fd00:0:0:11::10]:50051'
const ADMIN = '[fd00:0:0:21::2]:50051'
const NEW_ADMIN = '[fd00:0:0:22::2]:50051'
const SECONDARY = '198.51.100.10:50051'
const CONTROLLER_URL = '[::1]:50050'
const AGENT_METRICS = '127.0.0.1:9100'
const TIMEOUT_MS = 60_000

const EDGE_VALUES = {
  name: 'edge1',
  system_mode: 'simplex',
  software_version: '24.09',
  management_subnet: 'fd01:31::/64',
  management_start_address: 'fd01:31::2',
  management_end_address: 'fd01:31::50',
  systemcontroller_gateway_address: 'fd01:1::1',
  external_oam_subnet: 'fd00:0:0:11::/64,198.51.100.0/24',
  external_oam_gateway_address: 'fd00:0:0:11::1,198.51.100.1',
  external_oam_floating_address: 'fd00:0:0:11::10,198.51.100.10',
  admin_subnet: 'fd00:0:0:21::/64',
  admin_start_address: 'fd00:0:0:21::2',
  admin_end_address: 'fd00:0:0:21::50',
  admin_gateway_address: 'fd00:0:0:21::1',
  cluster_host_subnet: 'fd02:31::/64',
  cluster_pod_subnet: 'fd03:31::/64',
  cluster_service_subnet: 'fd04:31::/112',
}

interface Ctx {
  dir: string
  skipped: string | undefined
  central: Site | undefined
  edge: Site | undefined
  processes: ServiceProcess[]
}

const test = suite<Ctx>('operational traffic on the primary admin address (network namespaces)', {
  dir: '',
  skipped: undefined,
  central: undefined,
  edge: undefined,
  processes: [],
})

function sites(c: Ctx): { central: Site; edge: Site } {
  if (c.central === undefined || c.edge === undefined) throw new Error('sites not created')
  return { central: c.central, edge: c.edge }
}

/** A `dcmanager` command run in the controller's namespace; its JSON output. */
async function dcmanager(c: Ctx, args: readonly string[]): Promise<Record<string, unknown>> {
  const result = await runNode('dcmanager', [...args, '-f', 'json'], {
    netns: sites(c).central.netns,
    env: { DC_URL: CONTROLLER_URL },
  })
  if (result.code !== 0) throw new Error(`dcmanager ${args.join(' ')} failed: ${result.stderr}`)
  return JSON.parse(result.stdout) as Record<string, unknown>
}

/** `system --os-region-name edge1 network-list` through the controller: one forwarded read. */
async function forwardedRead(c: Ctx): Promise<void> {
  const result = await runNode('system', ['network-list'], {
    netns: sites(c).central.netns,
    env: { DC_URL: CONTROLLER_URL, OS_REGION_NAME: 'edge1' },
  })
  assert.is(result.code, 0, result.stderr)
}

/** What the agent's metrics say it served, per local address: every call, and forwarded reads. */
interface Served {
  /** Calls of any method per local address. */
  readonly all: Map<string, number>
  /** `Platform/ListNetworks` calls per local address: the forwarded `system network-list`. */
  readonly reads: Map<string, number>
}

/** The agent's call counters, read from its metrics inside its namespace. */
async function agentCalls(c: Ctx): Promise<Served> {
  const script = `fetch('http://${AGENT_METRICS}/metrics').then((r) => r.text()).then((t) => process.stdout.write(t))`
  const result = await runCommand(process.execPath, ['-e', script], { netns: sites(c).edge.netns })
  assert.is(result.code, 0, result.stderr)
  const served: Served = { all: new Map(), reads: new Map() }
  const add = (map: Map<string, number>, key: string, n: number): void =>
    void map.set(key, (map.get(key) ?? 0) + n)
  for (const line of result.stdout.split('\n')) {
    const m = /^dc_agent_calls_total\{(.*)\} (\d+)/.exec(line)
    const address = /local_address="([^"]+)"/.exec(m?.[1] ?? '')?.[1]
    if (m === null || address === undefined) continue
    add(served.all, address, Number(m[2]))
    if (m[1]?.includes('method="/dc.platform.v1.Platform/ListNetworks"'))
      add(served.reads, address, Number(m[2]))
  }
  return served
}

function waitForSubcloud(
  c: Ctx,
  done: (s: Record<string, unknown>) => boolean,
  what: string,
): Promise<Record<string, unknown>> {
  return waitFor(
    async () => {
      const s = await dcmanager(c, ['subcloud', 'show', 'edge1'])
      return done(s) ? s : undefined
    },
    { timeoutMs: TIMEOUT_MS, intervalMs: 500, message: `edge1 ${what}` },
  )
}

test.before(async (c) => {
  const available = await netnsAvailable()
  if (!available.ok) {
    c.skipped = available.reason
    console.log(`SKIPPED operational address tests: ${available.reason}`)
    return
  }
  c.dir = await makeTempDir('dct-operational-')
  c.central = await createSite({ name: 'central', v6: 'fd00:0:0:1::10/64' })
  c.edge = await createSite({ name: 'edge', v6: 'fd00:0:0:11::10/64', v4: '198.51.100.10/24' })
  await c.edge.addAddress('fd00:0:0:21::2/64')
  await c.edge.addAddress('fd00:0:0:22::2/64')
  const controllerValues = join(c.dir, 'controller.yml')
  await writeFile(controllerValues, valuesYaml(CONTROLLER_VALUES))
  await writeFile(join(c.dir, 'edge1.yml'), valuesYaml(EDGE_VALUES))
  await mkdir(join(c.dir, 'controller'))
  c.processes.push(
    await c.edge.spawnNode(
      'dc-agent',
      [
        ...['--listen', [OAM, ADMIN, NEW_ADMIN, SECONDARY].join(','), '--insecure'],
        ...['--state-dir', join(c.dir, 'edge1'), '--heartbeat-interval-ms', '300'],
        ...['--metrics-listen', AGENT_METRICS],
      ],
      { readyPattern: /^dc-agent listening on /, name: 'dc-agent edge1' },
    ),
  )
  c.processes.push(
    await c.central.spawnNode(
      'dc-controller',
      [
        ...['--listen', CONTROLLER_URL, '--bootstrap-values', controllerValues],
        ...['--data-dir', join(c.dir, 'controller'), '--audit-interval-ms', '300'],
      ],
      { readyPattern: /^dc-controller listening on /, readyTimeoutMs: 120_000, name: 'dc-controller' },
    ),
  )
})

test.after(async (c) => {
  for (const p of c.processes.reverse()) await p.stop('SIGTERM')
  await destroyAll()
  if (c.dir !== '') await removeTempDir(c.dir)
})

test('bootstrapped on its OAM address, then audited and reached on its admin address', async (c) => {
  if (c.skipped !== undefined) return
  const added = await dcmanager(c, [
    'subcloud',
    'add',
    ...['--bootstrap-address', OAM, '--bootstrap-values', join(c.dir, 'edge1.yml')],
  ])
  assert.is(added.deploy_status, 'not-deployed')
  const moved = await waitForSubcloud(
    c,
    (s) => s.deploy_status === 'complete' && s.availability === 'online' && s.operational_address === ADMIN,
    `complete, online, on ${ADMIN}`,
  )
  assert.is(moved.operational_address, ADMIN)
  const calls = await agentCalls(c)
  assert.ok((calls.all.get(OAM) ?? 0) > 0, 'bootstrapped over its OAM address')
  assert.ok((calls.all.get(ADMIN) ?? 0) > 0, 'audited over its admin address')
  const before = await agentCalls(c)
  await forwardedRead(c)
  const after = await agentCalls(c)
  assert.is(
    after.reads.get(ADMIN),
    (before.reads.get(ADMIN) ?? 0) + 1,
    'the forwarded read went to the admin address',
  )
  assert.is(after.reads.get(OAM) ?? 0, before.reads.get(OAM) ?? 0, 'and not to the OAM address')
  assert.is(after.all.get(SECONDARY) ?? 0, 0)
})

test('its admin pool changed by a network reconfiguration: reached at the new address', async (c) => {
  if (c.skipped !== undefined) return
  const updated = await dcmanager(c, [
    'subcloud',
    'update',
    'edge1',
    ...['--management-subnet', 'fd00:0:0:22::/64', '--management-start-ip', 'fd00:0:0:22::2'],
    ...['--management-end-ip', 'fd00:0:0:22::50', '--management-gateway-ip', 'fd00:0:0:22::1'],
  ])
  assert.is(updated.management_subnet, 'fd00:0:0:22::/64')
  await waitForSubcloud(
    c,
    (s) => s.availability === 'online' && s.operational_address === NEW_ADMIN,
    `online on ${NEW_ADMIN}`,
  )
  const before = await agentCalls(c)
  await forwardedRead(c)
  const after = await agentCalls(c)
  assert.is(
    after.reads.get(NEW_ADMIN),
    (before.reads.get(NEW_ADMIN) ?? 0) + 1,
    'the forwarded read went to the new address',
  )
  assert.is(after.reads.get(ADMIN) ?? 0, before.reads.get(ADMIN) ?? 0, 'and not to the old one')
  assert.is(after.all.get(SECONDARY) ?? 0, 0, 'the secondary address was never dialled')
})

test.run()
