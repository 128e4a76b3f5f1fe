// The seed's "Runtime with CLI" walkthrough, run by bash exactly as the seed writes it, with
// `system`, `fm` and `dcmanager` on PATH as this repository's CLI. It runs twice on an AIO-DX that
// starts IPv6 single-stack, as in the seed: against a dc-agent for local administration (`DC_URL`
// at the agent), and through a dc-controller that onboarded that site with `dcmanager subcloud add`
// (`DC_URL` at the controller, `OS_REGION_NAME` naming the subcloud).
import { chmod, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

import { suite } from 'uvu'
import * as assert from 'uvu/assert'

import { startAgent } from '../agent/agent-process.js'
import { IPV6_SINGLE_STACK_VALUES } from '../agent/seed-values.js'
import { startTestAgent, startTestController } from '../controller/controller-harness.js'
import {
  makeTempDir,
  nodeEntryArgs,
  removeTempDir,
  runCommand,
  type CommandResult,
} from '../support/index.js'

interface Ctx {
  dir: string
  bin: string
  /** Stops whatever the suite started, newest first. */
  stops: (() => Promise<unknown>)[]
  /** `DC_URL` and `OS_REGION_NAME` of every command of the walkthrough. */
  env: Record<string, string>
}

const SUBCLOUD = 'subcloud1'

// What dcmanager needs beyond the seed site's own values: a name, the subcloud's management
// gateway (outside its range) and the route to the controller's management subnet (fd01:1::/64
// in the controller harness), all on the primary family IPv6.
const SUBCLOUD_VALUES = `${IPV6_SINGLE_STACK_VALUES}name: ${SUBCLOUD}
software_version: '24.09'
management_gateway_address: fd01::1:1
systemcontroller_gateway_address: fd01:1::1
`

const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`

/** Shims `system`, `dcmanager` and `fm` that run the CLI from source, so no build is needed. */
async function writeShims(bin: string): Promise<void> {
  for (const name of ['system', 'dcmanager', 'fm']) {
    const command = [process.execPath, ...nodeEntryArgs(name)].map(quote).join(' ')
    await writeFile(join(bin, name), `#!/bin/sh\nexec ${command} "$@"\n`)
    await chmod(join(bin, name), 0o755)
  }
}

/** A prettytable's rows as objects keyed by its header, so assertions read like the table. */
function parseTable(text: string): Record<string, string>[] {
  const lines = text.split('\n').filter((line) => line.startsWith('|'))
  const cells = (line: string) =>
    line
      .slice(1, -1)
      .split('|')
      .map((cell) => cell.trim())
  const [header, ...rows] = lines.map(cells)
  return rows.map((row) => Object.fromEntries((header ?? []).map((name, i) => [name, row[i] ?? ''])))
}

/** A `Property | Value` table as one object. */
function parseShow(text: string): Record<string, string> {
  return Object.fromEntries(parseTable(text).map((row) => [row['Property'] ?? '', row['Value'] ?? '']))
}

async function prepare(ctx: Ctx): Promise<void> {
  ctx.dir = await makeTempDir('dct-cli-')
  ctx.bin = join(ctx.dir, 'bin')
  ctx.stops = []
  await runCommand('mkdir', ['-p', ctx.bin, join(ctx.dir, 'state'), join(ctx.dir, 'controller')])
  await writeShims(ctx.bin)
}

async function teardown(ctx: Ctx): Promise<void> {
  for (const stop of ctx.stops.reverse()) await stop()
  if (ctx.dir !== '') await removeTempDir(ctx.dir)
}

async function sh(ctx: Ctx, script: string): Promise<CommandResult> {
  return runCommand('bash', ['-c', script], {
    env: { PATH: `${ctx.bin}:${process.env['PATH'] ?? ''}`, ...ctx.env },
    timeoutMs: 120_000,
  })
}

/** Runs the script, which must succeed without a word on stderr, and returns its stdout. */
async function ok(ctx: Ctx, script: string): Promise<string> {
  const result = await sh(ctx, script)
  assert.is(result.stderr, '', `${script}: stderr`)
  assert.is(result.code, 0, `${script}: exit status`)
  return result.stdout
}

const STEPS: [title: string, run: (ctx: Ctx) => Promise<void>][] = []
const step = (title: string, run: (ctx: Ctx) => Promise<void>) => void STEPS.push([title, run])

async function alarmEntities(ctx: Ctx): Promise<string[]> {
  const rows = parseTable(await ok(ctx, 'fm alarm-list'))
  return rows
    .filter((r) => r['Alarm ID'] === '250.001')
    .map((r) => r['Entity ID'] ?? '')
    .sort()
}

step('the lists show the IPv6 single-stack AIO-DX with StarlingX columns', async (ctx) => {
  const networks = await ok(ctx, 'system network-list')
  assert.match(
    networks,
    /^\+-+\+[-+]+\n\| id +\| uuid +\| name +\| type +\| dynamic \| pool_uuid +\| primary_pool_family \|\n/,
  )
  const byName = new Map(parseTable(networks).map((row) => [row['name'], row]))
  assert.is(byName.get('oam')?.['primary_pool_family'], 'IPv6')
  assert.is(byName.get('pxeboot')?.['primary_pool_family'], 'IPv4')
  assert.is(byName.get('cluster-pod')?.['primary_pool_family'], 'IPv6')

  const assignments = parseTable(await ok(ctx, 'system network-addrpool-list'))
  assert.equal(Object.keys(assignments[0] ?? {}), ['uuid', 'network_name', 'addrpool_name'])
  assert.ok(assignments.some((a) => a['network_name'] === 'oam'))

  const pools = parseTable(await ok(ctx, 'system addrpool-list'))
  const oam = pools.find((p) => p['network'] === 'fd00::')
  assert.is(oam?.['prefix'], '64')
  assert.match(oam?.['ranges'] ?? '', /^\['fd00::[0-9a-f:]+-fd00::[0-9a-f:]+'\]$/)
  assert.is(await alarmEntities(ctx).then((a) => a.length), 0)
})

step('the secondary OAM pool raises config out-of-date on both controllers', async (ctx) => {
  const added = await ok(
    ctx,
    `system addrpool-add oam-ipv4 10.10.204.0 24 --order random --ranges 10.10.204.1-10.10.204.253 \\
 --floating-address 10.10.204.1 --controller0-address 10.10.204.2 --controller1-address 10.10.204.3 \\
 --gateway-address 10.10.204.254

system network-addrpool-assign oam oam-ipv4  `,
  )
  assert.match(added, "| ranges              | ['10.10.204.1-10.10.204.253']")
  assert.match(added, /\| network_name +\| oam +\|\n\| pool_name +\| oam-ipv4 +\|/)
  assert.equal(await alarmEntities(ctx), ['host=controller-0', 'host=controller-1'])
})

step('the lock/unlock/swact cycle clears the alarm', async (ctx) => {
  const cycle = [
    ['system host-lock controller-1', 'controller-1', 'locked'],
    ['system host-unlock controller-1', 'controller-1', 'unlocked'],
    ['system host-swact controller-0', 'controller-0', 'unlocked'],
    ['system host-lock controller-0', 'controller-0', 'locked'],
    ['system host-unlock controller-0', 'controller-0', 'unlocked'],
    ['system host-swact controller-1', 'controller-1', 'unlocked'],
  ] as const
  for (const [line, host, administrative] of cycle) {
    const shown = parseShow(await ok(ctx, line))
    assert.is(shown['hostname'], host, line)
    assert.is(shown['administrative'], administrative, line)
  }
  assert.equal(await alarmEntities(ctx), [])
  const hosts = parseTable(await ok(ctx, 'system host-list'))
  assert.equal(
    hosts.map((h) => [h['hostname'], h['administrative']]),
    [
      ['controller-0', 'unlocked'],
      ['controller-1', 'unlocked'],
    ],
  )
  assert.is(
    parseShow(await ok(ctx, 'system host-show controller-0'))['capabilities'],
    "{'Personality': 'Controller-Active'}",
  )
})

step('the cluster pools make Kubernetes dual-stack', async (ctx) => {
  await ok(
    ctx,
    `system addrpool-add cluster-pod-ipv4 172.16.0.0 16 --order random --ranges 172.16.0.1-172.16.254.254 
system addrpool-add cluster-service-ipv4 10.96.0.0 12 --order random --ranges 10.96.0.1-10.96.254.254
system addrpool-add cluster-host-ipv4 171.168.204.0 24 --order random --ranges 171.168.204.1-171.168.204.254 \\
 --floating-address 171.168.204.1 --controller0-address 171.168.204.2 --controller1-address 171.168.204.3`,
  )
  assert.is(parseShow(await ok(ctx, 'system show'))['kubernetes_dual_stack'], 'False')
  await ok(
    ctx,
    `system network-addrpool-assign cluster-service cluster-service-ipv4 
system network-addrpool-assign cluster-pod cluster-pod-ipv4 `,
  )
  assert.is(parseShow(await ok(ctx, 'system show'))['kubernetes_dual_stack'], 'False', 'not before all three')
  await ok(ctx, 'system network-addrpool-assign cluster-host cluster-host-ipv4  ')
  assert.is(parseShow(await ok(ctx, 'system show'))['kubernetes_dual_stack'], 'True')
  const pairs = parseTable(await ok(ctx, 'system network-addrpool-list')).map(
    (a) => `${a['network_name']}=${a['addrpool_name']}`,
  )
  for (const pair of [
    'cluster-pod=cluster-pod-ipv4',
    'cluster-service=cluster-service-ipv4',
    'cluster-host=cluster-host-ipv4',
  ]) {
    assert.ok(pairs.includes(pair), pair)
  }
})

step('a primary pool cannot be removed: one line on stderr, exit 1', async (ctx) => {
  const primary = (
    await ok(
      ctx,
      `system network-addrpool-list | awk '$4 == "cluster-pod" && $6 != "cluster-pod-ipv4" { print $2 }'`,
    )
  ).trim()
  assert.match(primary, /^[0-9a-f-]{36}$/)
  const refused = await sh(ctx, `system network-addrpool-remove ${primary}`)
  assert.is(refused.code, 1)
  assert.is(refused.stdout, '')
  assert.is(refused.stderr.split('\n').length, 2, refused.stderr)
  assert.not.match(refused.stderr, /\n\s+at /)
})

step("the seed's awk lines revert to single-stack", async (ctx) => {
  const removed = await ok(
    ctx,
    `DEL=$(system network-addrpool-list | awk '$6 == "cluster-pod-ipv4" { print $2 }') && system network-addrpool-remove $DEL
DEL=$(system network-addrpool-list | awk '$6 == "cluster-service-ipv4" { print $2 }') && system network-addrpool-remove $DEL
DEL=$(system network-addrpool-list | awk '$6 == "cluster-host-ipv4" { print $2 }') && system network-addrpool-remove $DEL`,
  )
  assert.is(removed.match(/^Deleted Network Addrpool: [0-9a-f-]{36}$/gm)?.length, 3)
  const pools = parseTable(await ok(ctx, 'system network-addrpool-list')).map((a) => a['addrpool_name'])
  assert.not.ok(pools.some((p) => p?.startsWith('cluster-') === true && p.endsWith('-ipv4')))
  assert.ok(pools.includes('oam-ipv4'), 'the OAM secondary pool stays')
  assert.is(parseShow(await ok(ctx, 'system show'))['kubernetes_dual_stack'], 'False')
})

const Local = suite<Ctx>('seed walkthrough at the agent', { dir: '', bin: '', stops: [], env: {} })
Local.before(async (ctx) => {
  await prepare(ctx)
  const values = join(ctx.dir, 'localhost.yml')
  await writeFile(values, IPV6_SINGLE_STACK_VALUES)
  const agent = await startAgent({ stateDir: join(ctx.dir, 'state'), args: ['--bootstrap-values', values] })
  ctx.stops.push(() => agent.close())
  ctx.env = { DC_URL: agent.v6, OS_REGION_NAME: '' }
})
Local.after(teardown)

const Central = suite<Ctx>('seed walkthrough through the controller', {
  dir: '',
  bin: '',
  stops: [],
  env: {},
})
Central.before(async (ctx) => {
  await prepare(ctx)
  const controller = await startTestController({ dataDir: join(ctx.dir, 'controller') })
  ctx.stops.push(() => controller.stop())
  const agent = await startTestAgent(['::1'], join(ctx.dir, 'state'))
  ctx.stops.push(() => agent.stop())
  const values = join(ctx.dir, `${SUBCLOUD}.yml`)
  await writeFile(values, SUBCLOUD_VALUES)
  ctx.env = { DC_URL: controller.address, OS_REGION_NAME: '' }
  // Onboarding with the CLI too: --wait follows the deploy on stderr until it is complete.
  const added = await sh(
    ctx,
    `dcmanager subcloud add --bootstrap-address '${agent.addresses[0] ?? ''}' --bootstrap-values '${values}' --wait`,
  )
  assert.is(added.code, 0, added.stderr)
  assert.match(added.stderr, `${SUBCLOUD}: deploy status complete`)
  assert.match(added.stdout, /\| deploy_status +\| complete +\|/)
  const listed = await sh(ctx, `dcmanager subcloud list -f value -c name -c deploy_status`)
  assert.is(listed.stdout, `${SUBCLOUD} complete\n`)
  ctx.env = { DC_URL: controller.address, OS_REGION_NAME: SUBCLOUD }
})
Central.after(teardown)

Central('seed walkthrough - without a region, system talks about the controller itself', async (ctx) => {
  const own = await sh(ctx, 'OS_REGION_NAME= system show')
  assert.is(own.code, 0, own.stderr)
  assert.is(parseShow(own.stdout)['distributed_cloud_role'], 'systemcontroller')
  assert.is(parseShow(await ok(ctx, 'system show'))['name'], SUBCLOUD)
})

for (const [title, run] of STEPS) {
  Local(`seed walkthrough - ${title}`, run)
  Central(`seed walkthrough - ${title}`, run)
}

Local.run()
Central.run()
