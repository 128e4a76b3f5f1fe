import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { makeTempDir, removeTempDir, runNode } from '../support/index.js'
import { startTestAgent, startTestController, subcloudValues, unary } from './controller-harness.js'
import type { TestAgent, TestController } from './controller-harness.js'

// The fault history end to end, with real processes and the real CLI: an agent killed and started
// again is 280.001 raised and cleared in `fm event-list`; `dcmanager alarm summary` counts what
// `fm alarm-list` lists in each subcloud's region; bad --query and --limit are refused clearly.

const VERDICT_TIMEOUT_MS = 60_000
const SIMPLEX = 'subcloud1'
const DUPLEX = 'subcloud2'

interface Ctx {
  dir: string
  controller: TestController | undefined
  agents: Map<string, TestAgent>
}

const test = suite<Ctx>('fault history', { dir: '', controller: undefined, agents: new Map() })

function controllerOf(c: Ctx): TestController {
  if (c.controller === undefined) throw new Error('the controller was not started')
  return c.controller
}

function agentOf(c: Ctx, name: string): TestAgent {
  const agent = c.agents.get(name)
  if (agent === undefined) throw new Error(`${name} was not started`)
  return agent
}

/** One CLI command against the controller, `-f json` parsed; the test fails on a non-zero exit. */
async function cliJson(
  c: Ctx,
  program: 'fm' | 'dcmanager' | 'system',
  args: readonly string[],
  region?: string,
): Promise<unknown> {
  const result = await cli(c, program, [...args, '-f', 'json'], region)
  assert.is(result.code, 0, `${program} ${args.join(' ')}: ${result.stderr}`)
  return JSON.parse(result.stdout) as unknown
}

function cli(c: Ctx, program: 'fm' | 'dcmanager' | 'system', args: readonly string[], region?: string) {
  const regionArgs = region === undefined ? [] : ['--os-region-name', region]
  return runNode(program, ['--url', controllerOf(c).address, ...regionArgs, ...args], { timeoutMs: 60_000 })
}

type Row = Record<string, string | number>

async function rows(c: Ctx, program: 'fm' | 'dcmanager', args: readonly string[], region?: string) {
  return (await cliJson(c, program, args, region)) as Row[]
}

/** Polls `check` until it returns a value, for the audit's verdicts. */
async function eventually<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + VERDICT_TIMEOUT_MS
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
}

test.before(async (c) => {
  c.dir = await makeTempDir('dct-fault-history-')
  await mkdir(join(c.dir, 'controller'), { recursive: true })
  c.controller = await startTestController({ dataDir: join(c.dir, 'controller'), auditIntervalMs: 300 })
  const controller = c.controller
  const sites = [
    { name: SIMPLEX, values: subcloudValues(1, 'ipv6', SIMPLEX) },
    { name: DUPLEX, values: { ...subcloudValues(2, 'ipv6', DUPLEX), system_mode: 'duplex' } },
  ]
  for (const { name, values } of sites) {
    const agent = await startTestAgent(['::1'], join(c.dir, name))
    c.agents.set(name, agent)
    await controller.addSubcloud(agent.addresses[0] ?? '', values)
  }
  for (const { name } of sites) {
    await controller.waitFor(name, (s) => s.deploy_status === 'complete', 'complete', 120_000)
    await controller.waitFor(name, (s) => s.availability_status === 'online', 'online', VERDICT_TIMEOUT_MS)
    await unary((o, cb) => controller.dcManager.ManageSubcloud({ subcloud: name }, o, cb))
    await controller.waitFor(name, (s) => s.sync === 'in-sync', 'in-sync', VERDICT_TIMEOUT_MS)
  }
})

test.after(async (c) => {
  await c.controller?.stop()
  for (const agent of c.agents.values()) await agent.stop()
  if (c.dir !== '') await removeTempDir(c.dir)
})

test('fm event-list - an agent killed and started again: 280.001 set, then clear, newest first', async (c) => {
  const controller = controllerOf(c)
  const agent = agentOf(c, SIMPLEX)
  await agent.kill9()
  await controller.waitFor(SIMPLEX, (s) => s.availability_status === 'offline', 'offline', VERDICT_TIMEOUT_MS)
  // While it is active, fm alarm-show gives the alarm fm alarm-list --uuid lists.
  const active = await rows(c, 'fm', ['alarm-list', '--uuid'])
  const offline = active.find((r) => r['Alarm ID'] === '280.001' && r['Entity ID'] === `subcloud=${SIMPLEX}`)
  assert.ok(offline !== undefined, JSON.stringify(active))
  const shown = (await cliJson(c, 'fm', ['alarm-show', String(offline.UUID)])) as Row
  assert.equal(
    [shown.uuid, shown.alarm_id, shown.alarm_state, shown.entity_instance_id, shown.severity],
    [offline.UUID, '280.001', 'set', `subcloud=${SIMPLEX}`, 'critical'],
  )
  assert.is(shown.service_affecting, 'True')

  const restarted = await agent.restart()
  c.agents.set(SIMPLEX, restarted)
  await controller.waitFor(SIMPLEX, (s) => s.availability_status === 'online', 'online', VERDICT_TIMEOUT_MS)
  const history = await eventually('the clear of 280.001', async () => {
    const events = await rows(c, 'fm', ['event-list', '--uuid', '--query', 'event_log_id=280.001'])
    return events[0]?.State === 'clear' ? events : undefined
  })
  assert.equal(
    history.map((e) => [e.State, e['Event Log ID'], e['Entity Instance ID'], e.Severity]),
    [
      ['clear', '280.001', `subcloud=${SIMPLEX}`, 'critical'],
      ['set', '280.001', `subcloud=${SIMPLEX}`, 'critical'],
    ],
  )
  assert.ok(String(history[0]?.['Time Stamp']) >= String(history[1]?.['Time Stamp']), JSON.stringify(history))
  assert.is(history[1]?.['Reason Text'], `Subcloud ${SIMPLEX} is offline`)
  // The cleared alarm is no longer active: alarm-show names what happened.
  const gone = await cli(c, 'fm', ['alarm-show', String(offline.UUID)])
  assert.is(gone.code, 1)
  assert.match(gone.stderr, /not found/)
  // --limit keeps the newest; a query on the state keeps only the clears.
  assert.equal(
    (await rows(c, 'fm', ['event-list', '--limit', '1', '--query', 'event_log_id=280.001'])).map(
      (e) => e.State,
    ),
    ['clear'],
  )
  const clears = await rows(c, 'fm', ['event-list', '-q', 'state=clear;severity=critical'])
  assert.ok(clears.length >= 1 && clears.every((e) => e.State === 'clear' && e.Severity === 'critical'))
})

test('dcmanager alarm summary - per subcloud, the counts fm alarm-list lists in its region', async (c) => {
  // A secondary OAM pool on the duplex subcloud: each controller needs a lock/unlock (250.001).
  for (const args of [
    [
      ...['addrpool-add', 'oam-ipv4', '10.10.204.0', '24', '--ranges', '10.10.204.1-10.10.204.253'],
      ...['--floating-address', '10.10.204.1', '--controller0-address', '10.10.204.2'],
      ...['--controller1-address', '10.10.204.3', '--gateway-address', '10.10.204.254'],
    ],
    ['network-addrpool-assign', 'oam', 'oam-ipv4'],
  ]) {
    const result = await cli(c, 'system', args, DUPLEX)
    assert.is(result.code, 0, result.stderr)
  }
  const counted = (alarms: readonly Row[], severity: string) =>
    alarms.filter((a) => a.Severity === severity).length
  const summary = await eventually('the relayed 250.001 in the summary', async () => {
    const found = await rows(c, 'dcmanager', ['alarm', 'summary'])
    return found.find((r) => r.NAME === DUPLEX)?.MAJOR_ALARMS === 2 ? found : undefined
  })
  assert.equal(
    summary.map((r) => r.NAME),
    [SIMPLEX, DUPLEX],
  )
  for (const row of summary) {
    const alarms = await rows(c, 'fm', ['alarm-list'], String(row.NAME))
    assert.equal(
      [row.CRITICAL_ALARMS, row.MAJOR_ALARMS, row.MINOR_ALARMS, row.WARNINGS],
      [
        counted(alarms, 'critical'),
        counted(alarms, 'major'),
        counted(alarms, 'minor'),
        counted(alarms, 'warning'),
      ],
      String(row.NAME),
    )
  }
  assert.equal(
    summary.map((r) => [r.NAME, r.STATUS]),
    [
      [SIMPLEX, 'OK'],
      [DUPLEX, 'degraded'],
    ],
  )
  // The relayed alarms are in the subcloud's own history too.
  const relayed = await rows(c, 'fm', ['event-list', '--query', 'event_log_id=250.001'], DUPLEX)
  assert.equal(relayed.map((e) => `${e.State} ${e['Entity Instance ID']}`).sort(), [
    'set host=controller-0',
    'set host=controller-1',
  ])
})

test('fm event-list - a bad --query or --limit is one line naming the field and the rule', async (c) => {
  const cases: [readonly string[], number, RegExp][] = [
    [
      ['--query', 'severity=huge'],
      1,
      /query severity invalid: must be one of critical, major, minor, warning/,
    ],
    [['--query', 'colour=red'], 1, /query invalid: unknown key 'colour'/],
    [['--query', 'severity>major'], 1, /query invalid: .*only key=value is supported, not >/],
    [['--query', 'event_log_id=28'], 1, /query invalid: event_log_id must be an alarm id such as 280\.001/],
    [['--limit', '0'], 2, /--limit must be at least 1/],
    [['--limit', 'ten'], 2, /limit/],
    [['--limit', '10001'], 1, /limit invalid: must be between 1 and 10000/],
  ]
  for (const [args, code, message] of cases) {
    const result = await cli(c, 'fm', ['event-list', ...args])
    assert.is(result.code, code, `${args.join(' ')}: ${result.stderr}`)
    assert.is(result.stdout, '', args.join(' '))
    assert.match(result.stderr, message, args.join(' '))
    assert.not.match(result.stderr, /^\s+at |INTERNAL|UNKNOWN/m, args.join(' '))
  }
})

test.run()
