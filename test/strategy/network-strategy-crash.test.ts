// A controller killed with `kill -9` while its network strategy is applying, restarted on the same
// database: the strategy resumes and completes, and every agent applied each change id exactly
// once (invariant 9 across a controller crash). Real dc-controller (PostgreSQL), real dc-agents.
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { waitFor } from '../support/index.js'
import { DUPLEX, SIMPLEX, StrategyFleet, expectedChangeIds } from './strategy-fleet.js'

interface Ctx {
  fleet: StrategyFleet | undefined
}

const test = suite<Ctx>('network strategy across a controller crash', { fleet: undefined })

test.before(async (c) => {
  // The duplex agent is paused for a while below: it must not be judged offline meanwhile
  // (100 missed windows of 0.5 s is far longer than the pause).
  c.fleet = await StrategyFleet.start({ prefix: 'dct-strategy-crash-', offlineAfterMisses: 100 })
})

test.after(async (c) => {
  await c.fleet?.stop()
})

test('kill -9 mid-apply - the restarted controller completes the strategy, each change applied once', async (c) => {
  const fleet = c.fleet
  if (fleet === undefined) throw new Error('the suite did not start')
  const created = await fleet.dcmanager(['network-strategy', 'create', '--plan', fleet.addPlan])
  assert.is(created.code, 0, `create; stderr: ${created.stderr}`)
  const { uuid } = await fleet.strategy()
  const planned = new Map((await fleet.steps()).map((s) => [s.cloud, s]))

  // Paused, the duplex agent still accepts the controller's Apply into its socket but answers
  // nothing: the step is surely in flight, in its Apply, when the controller dies.
  const paused = fleet.agent(DUPLEX).process.pid
  process.kill(paused, 'SIGSTOP')
  try {
    const applying = await fleet.dcmanager(['network-strategy', 'apply'])
    assert.is(applying.code, 0, `apply; stderr: ${applying.stderr}`)
    await waitFor(async () => (await fleet.step(DUPLEX)).state === 'applying change', {
      timeoutMs: 120_000,
      intervalMs: 100,
      message: `${DUPLEX} step in its Apply`,
    })
    assert.is((await fleet.strategy()).state, 'applying')
    await fleet.controller.kill9()
  } finally {
    process.kill(paused, 'SIGCONT')
  }

  await fleet.restartController()
  const waited = await fleet.dcmanager(['network-strategy', 'show', '--wait'])
  assert.is(waited.code, 0, `show --wait; stderr: ${waited.stderr}`)
  assert.is((await fleet.strategy()).state, 'complete')

  for (const name of [SIMPLEX, DUPLEX]) {
    const step = planned.get(name)
    if (step === undefined) throw new Error(`no step for ${name}`)
    assert.is((await fleet.step(name)).state, 'complete', name)
    const ids = expectedChangeIds(uuid, step)
    const applied = await fleet.appliedChanges(name, uuid)
    assert.equal(
      applied.map((a) => a.changeId),
      ids,
      `${name}: every change id once, in order`,
    )
    for (const id of ids) assert.is(fleet.appliedInLog(name, id), 1, `${name}: ${id} applied once`)
    // Each command moves the generation on by one: a change applied twice would show here.
    const described = await fleet.describe(name)
    assert.is(
      Number(described.generation),
      Number(step.base_generation) + step.commands.length + step.host_actions.length,
      `${name}: generation`,
    )
    assert.is(await fleet.secondaryCalls(name), 0, `${name}: secondary-address calls`)
  }
})

test.run()
