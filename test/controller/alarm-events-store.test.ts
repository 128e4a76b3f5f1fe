import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { KyselyAlarmEventStore, KyselyAlarmStore, openDatabase } from '@dc/system-controller/internal'
import type { AlarmEvent, AlarmRaise, OpenedDatabase } from '@dc/system-controller/internal'
import { makeTempDir, removeTempDir, startPostgres } from '../support/index.js'
import type { PostgresServer } from '../support/index.js'

// The fault history on both stores the controller supports: every alarm raised or cleared is an
// event written in the alarm change's own transaction, and retention prunes by count and by age.

type StoreKind = 'pglite' | 'postgres'

interface Ctx {
  dir: string
  postgres: PostgresServer | undefined
  opened: OpenedDatabase | undefined
}

const SIGNAL = new AbortController().signal
const DAY_MS = 24 * 3_600_000
const KEEP_ALL = { maxCount: 1_000_000, maxAgeMs: 3_650 * DAY_MS }

function offline(name: string): AlarmRaise {
  return {
    alarmId: '280.001',
    region: 'SystemController',
    entityInstanceId: `subcloud=${name}`,
    severity: 'critical',
    reasonText: `Subcloud ${name} is offline`,
    proposedRepairAction: 'Check the subcloud agent',
    serviceAffecting: true,
  }
}

function relayed(name: string, host: string): AlarmRaise {
  return {
    alarmId: '250.001',
    region: name,
    entityInstanceId: `host=${host}`,
    severity: 'major',
    reasonText: `${host} Configuration is out-of-date`,
    proposedRepairAction: `Lock and unlock host ${host}`,
    serviceAffecting: false,
  }
}

/** What a test compares of an event: everything but its uuid and time. */
function seen(events: readonly AlarmEvent[]): string[] {
  return events.map((e) => `${e.state} ${e.eventLogId} ${e.entityInstanceId} ${e.severity}`)
}

function storeSuite(kind: StoreKind) {
  const test = suite<Ctx>(`fault history on ${kind}`, { dir: '', postgres: undefined, opened: undefined })
  const opened = (c: Ctx): OpenedDatabase => {
    if (c.opened === undefined) throw new Error('store not open')
    return c.opened
  }
  const stores = (c: Ctx) => ({
    alarms: new KyselyAlarmStore(opened(c).db),
    events: new KyselyAlarmEventStore(opened(c).db),
  })

  test.before(async (c) => {
    c.dir = await makeTempDir(`dct-alarm-events-${kind}-`)
    let databaseUrl: string | undefined
    if (kind === 'postgres') {
      c.postgres = await startPostgres()
      databaseUrl = await c.postgres.createDatabase('alarm_events')
    }
    c.opened = await openDatabase({ dataDir: c.dir, databaseUrl })
  })

  test.after(async (c) => {
    await c.opened?.db.destroy()
    await c.postgres?.stop()
    if (c.dir !== '') await removeTempDir(c.dir)
  })

  // Each case starts with no alarm and no history.
  test.before.each(async (c) => {
    await opened(c).db.deleteFrom('alarms').execute()
    await opened(c).db.deleteFrom('alarm_events').execute()
  })

  test('a raise is a set event, a refresh none, a clear a clear event; newest first, per region', async (c) => {
    const { alarms, events } = stores(c)
    await alarms.raise(offline('subcloud1'))
    await alarms.raise({ ...offline('subcloud1'), reasonText: 'refreshed' })
    await alarms.raise(relayed('subcloud1', 'controller-0'))
    await alarms.clear(offline('subcloud1'))
    const listing = { region: 'SystemController', filter: {}, limit: 100 }
    const history = await events.listEvents(listing, SIGNAL)
    assert.equal(seen(history), [
      'clear 280.001 subcloud=subcloud1 critical',
      'set 280.001 subcloud=subcloud1 critical',
    ])
    assert.ok(history.every((e) => e.region === 'SystemController' && e.serviceAffecting))
    assert.ok((history[0]?.timestamp.getTime() ?? 0) >= (history[1]?.timestamp.getTime() ?? Infinity))
    assert.is.not(history[0]?.uuid, history[1]?.uuid)
    const subcloud = await events.listEvents({ ...listing, region: 'subcloud1' }, SIGNAL)
    assert.equal(seen(subcloud), ['set 250.001 host=controller-0 major'])
  })

  test('the event is written in the alarm change transaction: a rolled-back raise leaves no event', async (c) => {
    const { events } = stores(c)
    const db = opened(c).db
    await db
      .transaction()
      .execute(async (trx) => {
        await new KyselyAlarmStore(trx).raise(offline('subcloud2'))
        throw new Error('rolled back')
      })
      .catch((err: unknown) => {
        if (!(err instanceof Error) || err.message !== 'rolled back') throw err
      })
    assert.equal(await db.selectFrom('alarms').select('uuid').execute(), [])
    assert.equal(await events.listEvents({ region: 'SystemController', filter: {}, limit: 10 }, SIGNAL), [])
  })

  test('the filter and the limit: every given field must match, at most limit newest', async (c) => {
    const { alarms, events } = stores(c)
    for (const name of ['sc1', 'sc2', 'sc3']) {
      await alarms.raise(offline(name))
      await alarms.clear(offline(name))
    }
    await alarms.raise({ ...offline('sc4'), alarmId: '280.002', severity: 'major' })
    const list = (filter: Parameters<typeof events.listEvents>[0]['filter'], limit = 100) =>
      events.listEvents({ region: 'SystemController', filter, limit }, SIGNAL).then(seen)
    assert.equal(await list({ eventLogId: '280.002' }), ['set 280.002 subcloud=sc4 major'])
    assert.equal(await list({ eventLogId: '280.001', state: 'clear' }, 2), [
      'clear 280.001 subcloud=sc3 critical',
      'clear 280.001 subcloud=sc2 critical',
    ])
    assert.equal(await list({ entityInstanceId: 'subcloud=sc1', severity: 'critical' }), [
      'clear 280.001 subcloud=sc1 critical',
      'set 280.001 subcloud=sc1 critical',
    ])
    assert.equal(await list({ severity: 'minor' }), [])
  })

  test('findAlarm by uuid, and the active alarms counted by region and severity', async (c) => {
    const { alarms, events } = stores(c)
    await alarms.raise(offline('sc1'))
    await alarms.raise(relayed('sc1', 'controller-0'))
    await alarms.raise(relayed('sc1', 'controller-1'))
    await alarms.raise({ ...relayed('sc2', 'controller-0'), severity: 'warning' })
    const [active] = await alarms.list('SystemController')
    const found = await events.findAlarm(active?.uuid ?? '', SIGNAL)
    assert.equal(found, active)
    assert.is(await events.findAlarm('0d9c1c2e-0000-4000-8000-000000000000', SIGNAL), undefined)
    const counts = await events.countAlarms(SIGNAL)
    assert.equal(Object.fromEntries(counts), {
      SystemController: { critical: 1, major: 0, minor: 0, warning: 0 },
      sc1: { critical: 0, major: 2, minor: 0, warning: 0 },
      sc2: { critical: 0, major: 0, minor: 0, warning: 1 },
    })
  })

  test('retention by count: the newest maxCount events stay, in batches', async (c) => {
    const { alarms, events } = stores(c)
    for (let i = 0; i < 12; i++) {
      await alarms.raise(offline(`sc${i}`))
      await alarms.clear(offline(`sc${i}`))
    }
    const before = await events.listEvents({ region: 'SystemController', filter: {}, limit: 100 }, SIGNAL)
    assert.is(before.length, 24)
    const deleted = await events.prune({ ...KEEP_ALL, maxCount: 5 }, new Date(), 4, SIGNAL)
    assert.is(deleted, 19)
    const after = await events.listEvents({ region: 'SystemController', filter: {}, limit: 100 }, SIGNAL)
    assert.equal(
      after.map((e) => e.uuid),
      before.slice(0, 5).map((e) => e.uuid),
    )
    assert.is(await events.prune({ ...KEEP_ALL, maxCount: 5 }, new Date(), 4, SIGNAL), 0)
  })

  test('retention by age: events older than maxAgeMs go, younger ones stay', async (c) => {
    const { alarms, events } = stores(c)
    for (const name of ['old1', 'old2', 'new1']) await alarms.raise(offline(name))
    const now = new Date()
    await opened(c)
      .db.updateTable('alarm_events')
      .set({ created_at: new Date(now.getTime() - 40 * DAY_MS) })
      .where('entity_instance_id', 'in', ['subcloud=old1', 'subcloud=old2'])
      .execute()
    const deleted = await events.prune({ ...KEEP_ALL, maxAgeMs: 30 * DAY_MS }, now, 1, SIGNAL)
    assert.is(deleted, 2)
    const left = await events.listEvents({ region: 'SystemController', filter: {}, limit: 100 }, SIGNAL)
    assert.equal(seen(left), ['set 280.001 subcloud=new1 critical'])
    // The alarms themselves are untouched: only their history is bounded.
    assert.is((await alarms.list('SystemController')).length, 3)
  })

  return test
}

storeSuite('pglite').run()
storeSuite('postgres').run()
