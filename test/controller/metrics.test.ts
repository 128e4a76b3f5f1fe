import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { freePort, hostPort, makeTempDir, removeTempDir } from '../support/index.js'
import { startTestAgent, startTestController, subcloudValues } from './controller-harness.js'
import type { TestAgent, TestController } from './controller-harness.js'

// A controller with two real agents (IPv6 single-stack, dual-stack IPv6-primary), both onboarded,
// one of them managed, scraped on its --metrics-listen endpoint; the dual-stack agent's own
// endpoint shows that nothing reached its IPv4 (secondary) address.

interface Ctx {
  dir: string
  controller: TestController | undefined
  metricsAddress: string
  agents: TestAgent[]
  dualMetricsAddress: string
}

const test = suite<Ctx>('dc-controller metrics', {
  dir: '',
  controller: undefined,
  metricsAddress: '',
  agents: [],
  dualMetricsAddress: '',
})

/** One scrape of `/metrics` at `address`, as text. */
async function scrape(address: string): Promise<string> {
  const response = await fetch(`http://${address}/metrics`, { signal: AbortSignal.timeout(10_000) })
  assert.is(response.status, 200)
  return response.text()
}

/** Samples of `name` whose labels include all of `labels`, summed (0 when there are none). */
function sum(text: string, name: string, labels: Readonly<Record<string, string>> = {}): number {
  let total = 0
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? ([0-9.eE+-]+)$/.exec(line)
    if (match === null || match[1] !== name) continue
    const present = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/([a-z_]+)="([^"]*)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']),
    )
    if (Object.entries(labels).every(([k, v]) => present[k] === v)) total += Number(match[3])
  }
  return total
}

function controllerOf(c: Ctx): TestController {
  if (c.controller === undefined) throw new Error('controller not started')
  return c.controller
}

test.before(async (c) => {
  c.dir = await makeTempDir('dct-metrics-')
  await mkdir(join(c.dir, 'controller'), { recursive: true })
  c.dualMetricsAddress = hostPort('127.0.0.1', await freePort('127.0.0.1'))
  c.agents = await Promise.all([
    startTestAgent(['::1'], join(c.dir, 'subcloud1')),
    startTestAgent(['::1', '127.0.0.1'], join(c.dir, 'subcloud2'), 500, {
      args: ['--metrics-listen', c.dualMetricsAddress],
    }),
  ])
  c.metricsAddress = hostPort('127.0.0.1', await freePort('127.0.0.1'))
  c.controller = await startTestController({
    dataDir: join(c.dir, 'controller'),
    args: ['--metrics-listen', c.metricsAddress],
  })
})

test.after(async (c) => {
  await c.controller?.stop()
  await Promise.all(c.agents.map((a) => a.stop()))
  await removeTempDir(c.dir)
})

test('metrics - the fleet gauge counts two onboarded subclouds by availability, management and deploy status', async (c) => {
  const controller = controllerOf(c)
  const [single, dual] = c.agents
  if (single === undefined || dual === undefined) throw new Error('agents not started')
  await controller.addSubcloud(single.addresses[0] ?? '', subcloudValues(1, 'ipv6'))
  await controller.addSubcloud(dual.addresses[0] ?? '', subcloudValues(2, 'dual-ipv6-primary'))
  for (const name of ['subcloud1', 'subcloud2']) {
    await controller.waitFor(
      name,
      (s) => s.deploy_status === 'complete' && s.availability_status === 'online',
      'online',
    )
  }
  await new Promise<void>((resolve, reject) =>
    controller.dcManager.ManageSubcloud(
      { subcloud: 'subcloud1' },
      { deadline: Date.now() + 20_000 },
      (err) => (err === null ? resolve() : reject(err)),
    ),
  )
  const text = await scrape(c.metricsAddress)
  assert.is(sum(text, 'dc_controller_subclouds'), 2)
  assert.is(sum(text, 'dc_controller_subclouds', { availability: 'online' }), 2)
  assert.is(sum(text, 'dc_controller_subclouds', { deploy_status: 'complete' }), 2)
  assert.is(sum(text, 'dc_controller_subclouds', { management: 'managed' }), 1)
  assert.is(sum(text, 'dc_controller_subclouds', { management: 'unmanaged' }), 1)
  assert.is(sum(text, 'dc_controller_subclouds', { availability: 'offline' }), 0)
  assert.is(sum(text, 'dc_controller_agent_channels'), 2)
  assert.ok(sum(text, 'dc_controller_heartbeats_received_total') > 0, 'heartbeats are counted')
  assert.ok(
    sum(text, 'dc_controller_grpc_server_calls_total', { method: 'DcManager/AddSubcloud', code: 'OK' }) === 2,
  )
  assert.ok(sum(text, 'dc_controller_agent_calls_total', { method: 'Agent/Bootstrap', code: 'OK' }) === 2)
  assert.is(
    sum(text, 'dc_controller_agent_calls_total', { family: 'IPv4' }),
    0,
    'no call over IPv4 to any agent',
  )
  assert.ok(sum(text, 'dc_controller_process_cpu_seconds_total') > 0, 'process metrics under the prefix')
})

test("metrics - the dual-stack agent's per-address counters: calls on the primary, zero on the secondary", async (c) => {
  const dual = c.agents[1]
  if (dual === undefined) throw new Error('agents not started')
  const [primary, secondary] = dual.addresses
  const text = await scrape(c.dualMetricsAddress)
  assert.ok(
    sum(text, 'dc_agent_calls_total', { local_address: primary ?? '' }) > 0,
    'calls on the primary address',
  )
  assert.is(sum(text, 'dc_agent_calls_total', { local_address: secondary ?? '' }), 0)
})

test('metrics - a subcloud whose agent stops is offline in the gauge, with a verdict timed', async (c) => {
  const single = c.agents[0]
  if (single === undefined) throw new Error('agents not started')
  await single.stop()
  await controllerOf(c).waitFor('subcloud1', (s) => s.availability_status === 'offline', 'offline')
  const text = await scrape(c.metricsAddress)
  assert.is(sum(text, 'dc_controller_subclouds', { availability: 'offline' }), 1)
  assert.is(sum(text, 'dc_controller_offline_verdict_seconds_count'), 1)
})

test.run()
