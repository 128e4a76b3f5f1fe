import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { Command } from '@dc/netmodel'
import { KyselyStrategyStore, openDatabase } from '@dc/system-controller/internal'
import type {
  NewNetworkStrategy,
  NewStrategyStep,
  OpenedDatabase,
  StepUpdate,
  StrategyState,
  StrategyStep,
} from '@dc/system-controller/internal'
import { makeTempDir, removeTempDir, startPostgres } from '../support/index.js'
import type { PostgresServer } from '../support/index.js'

// The same cases on both stores the controller supports: embedded PGlite, and a PostgreSQL server.

type StoreKind = 'pglite' | 'postgres'

interface Ctx {
  dir: string
  postgres: PostgresServer | undefined
  opened: OpenedDatabase | undefined
  store: KyselyStrategyStore | undefined
}

const ALL_STATES: readonly StrategyState[] = [
  'initial',
  'applying',
  'abort requested',
  'aborting',
  'complete',
  'failed',
  'aborted',
  'deleting',
]

const PLAN = 'add:\n  cluster-pod: { subnet: 172.16.0.0/16 }\n'

function strategy(uuid: string): NewNetworkStrategy {
  return {
    uuid,
    applyType: 'parallel',
    maxParallel: 20,
    stopOnFailure: false,
    planKind: 'add',
    planYaml: PLAN,
    groupName: null,
    subcloudName: null,
  }
}

const CHANGE: Command[] = [
  {
    kind: 'addrpool-add',
    name: 'cluster-pod-ipv4',
    network: 'cluster-pod',
    prefix: 16,
    ranges: [['172.16.0.1', '172.16.255.254']],
  },
  { kind: 'network-addrpool-assign', network: 'cluster-pod', pool: 'cluster-pod-ipv4' },
]
const HOST_ACTIONS: Command[] = [
  { kind: 'host-lock', host: 'controller-1' },
  { kind: 'host-unlock', host: 'controller-1' },
  { kind: 'host-swact', host: 'controller-0' },
]

function newStep(
  subcloudName: string,
  subcloudId: number,
  state: NewStrategyStep['state'] = 'initial',
): NewStrategyStep {
  return {
    subcloudId,
    subcloudName,
    state,
    details: state === 'skipped' ? 'offline' : '',
    commands: state === 'skipped' ? [] : CHANGE,
    hostActions: subcloudId % 2 === 0 ? HOST_ACTIONS : [],
    baseGeneration: 1000 + subcloudId,
  }
}

function storeSuite(kind: StoreKind) {
  const test = suite<Ctx>(`KyselyStrategyStore on ${kind}`, {
    dir: '',
    postgres: undefined,
    opened: undefined,
    store: undefined,
  })
  const storeOf = (c: Ctx): KyselyStrategyStore => {
    if (c.store === undefined) throw new Error('store not open')
    return c.store
  }

  test.before(async (c) => {
    c.dir = await makeTempDir(`dct-strategy-store-${kind}-`)
    let databaseUrl: string | undefined
    if (kind === 'postgres') {
      c.postgres = await startPostgres()
      databaseUrl = await c.postgres.createDatabase('strategy')
    }
    c.opened = await openDatabase({ dataDir: c.dir, databaseUrl })
    c.store = new KyselyStrategyStore(c.opened.db)
  })

  test.after(async (c) => {
    await c.opened?.db.destroy()
    await c.postgres?.stop()
    if (c.dir !== '') await removeTempDir(c.dir)
  })

  // Each case starts without a strategy.
  test.before.each(async (c) => {
    await storeOf(c).delete(ALL_STATES)
  })

  test('create stores the strategy in state initial with every step; a second create is taken', async (c) => {
    const store = storeOf(c)
    assert.is(await store.get(), undefined)
    const created = await store.create(strategy('s-1'), [newStep('sc1', 1), newStep('sc2', 2, 'skipped')])
    if (created.kind !== 'created') throw new Error('not created')
    assert.equal(
      { ...created.row, createdAt: undefined },
      {
        ...strategy('s-1'),
        state: 'initial',
        details: '',
        createdAt: undefined,
        updatedAt: null,
      },
    )
    assert.instance(created.row.createdAt, Date)
    assert.equal(await store.get(), created.row)
    assert.equal(await store.create(strategy('s-2'), [newStep('sc3', 3)]), { kind: 'taken' })
    assert.is((await store.get())?.uuid, 's-1')
    assert.equal(
      (await store.steps()).map((s) => s.subcloudName),
      ['sc1', 'sc2'],
      'the refused create wrote no step',
    )
  })

  test('create racing create: one is created, the other taken, and only its steps exist', async (c) => {
    const store = storeOf(c)
    const results = await Promise.all([
      store.create(strategy('race-a'), [newStep('a1', 1), newStep('a2', 2)]),
      store.create(strategy('race-b'), [newStep('b1', 3)]),
    ])
    assert.equal(results.map((r) => r.kind).sort(), ['created', 'taken'])
    const winner = await store.get()
    const names = (await store.steps()).map((s) => s.subcloudName)
    assert.equal(names, winner?.uuid === 'race-a' ? ['a1', 'a2'] : ['b1'])
  })

  test('a step keeps its commands, host actions, generation and skip reason', async (c) => {
    const store = storeOf(c)
    await store.create(strategy('s-1'), [newStep('sc2', 2), newStep('sc3', 3, 'skipped')])
    const step = await store.step('sc2')
    assert.equal({ ...step, createdAt: undefined } as unknown, {
      subcloudId: 2,
      subcloudName: 'sc2',
      state: 'initial',
      details: '',
      commands: CHANGE,
      hostActions: HOST_ACTIONS,
      baseGeneration: 1002,
      applied: 0,
      startedAt: null,
      finishedAt: null,
      createdAt: undefined,
      updatedAt: null,
    })
    assert.instance(step?.createdAt, Date)
    const skipped = await store.step('sc3')
    assert.equal([skipped?.state, skipped?.details, skipped?.commands], ['skipped', 'offline', []])
    assert.is(await store.step('nope'), undefined)
  })

  test('moveState moves only from the given states, atomically, with details when given', async (c) => {
    const store = storeOf(c)
    await store.create(strategy('s-1'), [newStep('sc1', 1)])
    assert.is(await store.moveState(['applying'], 'aborting'), undefined, 'not in a from state')
    assert.is(await store.moveState([], 'applying'), undefined, 'no from state at all')
    assert.is((await store.get())?.state, 'initial')
    const applying = await store.moveState(['initial', 'failed'], 'applying')
    assert.is(applying?.state, 'applying')
    assert.is(applying?.details, '')
    assert.instance(applying?.updatedAt, Date)
    const failed = await store.moveState(['applying'], 'failed', 'sc1: agent refused the change')
    assert.equal([failed?.state, failed?.details], ['failed', 'sc1: agent refused the change'])
    const again = await store.moveState(['failed'], 'applying')
    assert.equal([again?.state, again?.details], ['applying', 'sc1: agent refused the change'])
    assert.equal(await store.get(), again)
    const racers = await Promise.all([
      store.moveState(['applying'], 'abort requested'),
      store.moveState(['applying'], 'complete'),
    ])
    assert.is(racers.filter((r) => r !== undefined).length, 1, 'exactly one of two racing moves wins')
  })

  test('delete removes the strategy and its steps only from the allowed states', async (c) => {
    const store = storeOf(c)
    await store.create(strategy('s-1'), [newStep('sc1', 1), newStep('sc2', 2)])
    await store.moveState(['initial'], 'applying')
    assert.is(await store.delete(['initial', 'complete', 'failed', 'aborted']), undefined)
    assert.is(await store.delete([]), undefined)
    assert.is((await store.get())?.state, 'applying')
    assert.is((await store.steps()).length, 2)
    await store.moveState(['applying'], 'complete')
    const deleted = await store.delete(['initial', 'complete', 'failed', 'aborted'])
    assert.equal([deleted?.uuid, deleted?.state], ['s-1', 'complete'])
    assert.is(await store.get(), undefined)
    assert.equal(await store.steps(), [])
    assert.equal(await store.counts(), [])
    assert.is(await store.delete(ALL_STATES), undefined, 'nothing left to delete')
    assert.is(
      (await store.create(strategy('s-2'), [newStep('sc1', 1)])).kind,
      'created',
      'a new one may be made',
    )
  })

  test('steps are ordered by subcloud name, bytewise on both stores, and filtered by state', async (c) => {
    const store = storeOf(c)
    const names = ['sc10', 'sc2', 'Sc1', 'sc-1', 'sc_1', 'sc1', 'a.b', 'sc1-b']
    await store.create(
      strategy('s-1'),
      names.map((n, i) => newStep(n, i + 1, i % 3 === 0 ? 'skipped' : 'initial')),
    )
    assert.equal(
      (await store.steps()).map((s) => s.subcloudName),
      [...names].sort(),
    )
    const skipped = (await store.steps(['skipped'])).map((s) => s.subcloudName)
    assert.equal(skipped, ['a.b', 'sc-1', 'sc10'])
    assert.is((await store.steps(['skipped', 'initial'])).length, names.length)
    assert.equal(await store.steps([]), [])
    assert.equal(await store.steps(['complete']), [])
  })

  test('counts are steps by state', async (c) => {
    const store = storeOf(c)
    await store.create(strategy('s-1'), [
      newStep('sc1', 1),
      newStep('sc2', 2),
      newStep('sc3', 3, 'skipped'),
      newStep('sc4', 4, 'refused'),
    ])
    await store.updateSteps([{ subcloudName: 'sc2', state: 'applying change' }])
    const counts = await store.counts()
    assert.equal(
      [...counts].sort((a, b) => a.state.localeCompare(b.state)),
      [
        { state: 'applying change', count: 1 },
        { state: 'initial', count: 1 },
        { state: 'refused', count: 1 },
        { state: 'skipped', count: 1 },
      ],
    )
  })

  test('updateSteps sets the fields given, keeps the others, merges repeats and ignores unknown names', async (c) => {
    const store = storeOf(c)
    await store.create(strategy('s-1'), [newStep('sc1', 1), newStep('sc2', 2)])
    const startedAt = new Date('2026-03-04T05:06:07.123Z')
    const finishedAt = new Date('2026-03-04T05:16:07.456Z')
    await store.updateSteps([
      { subcloudName: 'sc1', state: 'pre-check', startedAt, details: 'checking' },
      { subcloudName: 'ghost', state: 'complete' },
      { subcloudName: 'sc1', state: 'applying change', applied: 1 },
    ])
    const sc1 = await store.step('sc1')
    assert.equal(
      [sc1?.state, sc1?.details, sc1?.applied, sc1?.startedAt, sc1?.finishedAt],
      ['applying change', 'checking', 1, startedAt, null],
    )
    assert.instance(sc1?.updatedAt, Date)
    await store.updateSteps([{ subcloudName: 'sc1', state: 'complete', finishedAt, details: '' }])
    const done = await store.step('sc1')
    assert.equal(
      [done?.state, done?.details, done?.applied, done?.startedAt, done?.finishedAt],
      ['complete', '', 1, startedAt, finishedAt],
    )
    const sc2 = await store.step('sc2')
    assert.equal([sc2?.state, sc2?.updatedAt], ['initial', null], 'a step not named is untouched')
    assert.is(await store.step('ghost'), undefined)
    await store.updateSteps([])
  })

  test('10,000 steps: created in one call, then moved by one batch of 10,000 updates', async (c) => {
    const store = storeOf(c)
    const fleet = 10_000
    const steps = Array.from({ length: fleet }, (_, i) =>
      newStep(`subcloud${String(i).padStart(5, '0')}`, i + 1),
    )
    const created = await store.create(strategy('big'), steps)
    assert.is(created.kind, 'created')
    const stored = await store.steps()
    assert.is(stored.length, fleet)
    assert.is(stored[0]?.subcloudName, 'subcloud00000')
    assert.is(stored[fleet - 1]?.baseGeneration, 1000 + fleet)
    assert.equal(await store.counts(), [{ state: 'initial', count: fleet }])

    const finishedAt = new Date('2026-05-06T07:08:09.000Z')
    const updates: StepUpdate[] = steps.map((s, i) =>
      i % 10 === 0
        ? { subcloudName: s.subcloudName, state: 'failed', details: `step ${i} failed`, finishedAt }
        : { subcloudName: s.subcloudName, state: 'complete', applied: 4, finishedAt },
    )
    await store.updateSteps(updates)
    assert.equal(
      [...(await store.counts())].sort((a, b) => a.state.localeCompare(b.state)),
      [
        { state: 'complete', count: fleet - fleet / 10 },
        { state: 'failed', count: fleet / 10 },
      ],
    )
    const failed: StrategyStep[] = await store.steps(['failed'])
    assert.is(failed.length, fleet / 10)
    assert.equal(
      [failed[1]?.subcloudName, failed[1]?.details, failed[1]?.applied],
      ['subcloud00010', 'step 10 failed', 0],
    )
    const last = await store.step('subcloud09999')
    assert.equal(
      [last?.state, last?.applied, last?.finishedAt, last?.commands],
      ['complete', 4, finishedAt, CHANGE],
    )
    assert.ok((await store.delete(['initial'])) !== undefined)
    assert.equal(await store.counts(), [])
  })

  return test
}

storeSuite('pglite').run()
storeSuite('postgres').run()
