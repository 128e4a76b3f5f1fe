import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { startAudit } from '../src/audit/index.js'
import type { Audit, AuditEvent, AuditOptions } from '../src/audit/index.js'
import { FakeAuditStore, FakeChannels, FakeClock, settle } from './audit-fakes.js'

interface Ctx {
  clock: FakeClock
  store: FakeAuditStore
  channels: FakeChannels
  events: AuditEvent[]
  abort: AbortController
  audit: Audit | undefined
}

const StartAudit = suite<Ctx>('startAudit')

StartAudit.before.each((ctx) => {
  ctx.clock = new FakeClock()
  ctx.store = new FakeAuditStore()
  ctx.channels = new FakeChannels()
  ctx.events = []
  ctx.abort = new AbortController()
  ctx.audit = undefined
})

StartAudit.after.each(async (ctx) => {
  await ctx.audit?.stop()
})

const OPTIONS: AuditOptions = { heartbeatIntervalMs: 1000, missGraceMs: 500, flushIntervalMs: 500 }

async function start(ctx: Ctx, options: AuditOptions = OPTIONS): Promise<Audit> {
  ctx.audit = await startAudit({
    store: ctx.store,
    channels: ctx.channels,
    clock: ctx.clock,
    options,
    onEvent: (e) => ctx.events.push(e),
    signal: ctx.abort.signal,
  })
  await settle()
  return ctx.audit
}

/** Heartbeats on the newest stream of each name every `everyMs` for `forMs`. */
async function beat(ctx: Ctx, names: readonly string[], forMs: number, everyMs = 1000): Promise<void> {
  for (let t = 0; t < forMs; t += everyMs) {
    for (const name of names) ctx.channels.last(name).heartbeat()
    await ctx.clock.advance(everyMs)
  }
}

StartAudit(
  'startAudit - opens one Watch per audited subcloud, asking for the heartbeat interval',
  async (ctx) => {
    ctx.store.add({ subcloudId: 1, name: 'sc1' })
    ctx.store.add({ subcloudId: 2, name: 'sc2', managementState: 'unmanaged' })
    ctx.store.add({ subcloudId: 3, name: 'sc3', deployStatus: 'bootstrapping' })
    await start(ctx)
    assert.equal(
      ctx.channels.calls.map((c) => [c.name, c.address, c.request.heartbeat_interval_ms]),
      [
        ['sc1', '[fd00::1]:50051', 1000],
        ['sc2', '[fd00::2]:50051', 1000],
      ],
    )
  },
)

StartAudit('startAudit - first message brings subclouds online, written in one batch', async (ctx) => {
  for (let id = 1; id <= 3; id++) ctx.store.add({ subcloudId: id, name: `sc${id}` })
  await start(ctx)
  for (const name of ['sc1', 'sc2', 'sc3']) ctx.channels.last(name).status('hash-A')
  await ctx.clock.advance(500)
  assert.is(ctx.store.batches.length, 1)
  assert.is(ctx.store.batches[0]?.length, 3)
  for (const name of ['sc1', 'sc2', 'sc3']) {
    assert.is(ctx.store.row(name).target.availability, 'online')
    assert.equal(ctx.store.row(name).target.endpoints, { platform: 'in-sync' })
  }
  assert.equal(ctx.store.alarmLines(), [])
})

StartAudit('startAudit - many heartbeats are coalesced into few writes', async (ctx) => {
  const names = ['sc1', 'sc2', 'sc3', 'sc4', 'sc5']
  names.forEach((name, i) => ctx.store.add({ subcloudId: i + 1, name }))
  await start(ctx, { ...OPTIONS, heartbeatIntervalMs: 200, missGraceMs: 100, slowWriteIntervalMs: 5000 })
  for (const name of names) ctx.channels.last(name).status('hash-A')
  await beat(ctx, names, 20_000, 200)
  // 500 heartbeats: one batch for going online, then heartbeat times every slowWriteIntervalMs.
  assert.ok(ctx.store.batches.length >= 2, `${ctx.store.batches.length} batches`)
  assert.ok(ctx.store.batches.length <= 6, `${ctx.store.batches.length} batches`)
  assert.ok(ctx.store.batches.every((b) => b.length === names.length))
  assert.is(ctx.store.row('sc3').lastHeartbeatAt?.getTime() !== undefined, true)
  assert.ok(ctx.clock.now() - (ctx.store.row('sc3').lastHeartbeatAt?.getTime() ?? 0) <= 5500)
})

StartAudit('startAudit - one lost heartbeat does not flap the subcloud', async (ctx) => {
  ctx.store.add({ subcloudId: 1, name: 'sc1' })
  await start(ctx)
  ctx.channels.last('sc1').status('hash-A')
  await beat(ctx, ['sc1'], 3000)
  await ctx.clock.advance(1000) // one heartbeat lost: a miss after 1500 ms of silence
  await beat(ctx, ['sc1'], 3000)
  assert.ok(
    ctx.store.batches.flat().some((u) => u.auditFailCount === 1),
    'the strike is recorded',
  )
  assert.not.ok(ctx.store.batches.flat().some((u) => u.availability === 'offline'))
  assert.equal(ctx.events.filter((e) => e.type === 'availability-changed').length, 1)
  assert.is(ctx.store.row('sc1').target.auditFailCount, 0)
  assert.equal(ctx.store.alarmLines(), [])
})

StartAudit(
  'startAudit - a frozen agent goes offline after two silent intervals, with 280.001',
  async (ctx) => {
    ctx.store.add({ subcloudId: 1, name: 'sc1' })
    await start(ctx)
    ctx.channels.last('sc1').status('hash-A')
    await beat(ctx, ['sc1'], 2000)
    await ctx.clock.advance(1500)
    assert.is(ctx.audit?.snapshot()[0]?.availability, 'online', 'one miss only')
    await ctx.clock.advance(1500 + 500)
    assert.is(ctx.store.row('sc1').target.availability, 'offline')
    assert.is(ctx.store.row('sc1').target.auditFailCount, 2)
    assert.equal(ctx.store.row('sc1').target.endpoints, { platform: 'unknown' })
    assert.equal(ctx.store.alarmLines(), ['SystemController 280.001 subcloud=sc1'])
    // The silent stream is replaced by a fresh one in case it is wedged.
    assert.ok(ctx.channels.calls.length >= 2)
    assert.is(ctx.channels.open('sc1').length, 1)
  },
)

StartAudit(
  'startAudit - a killed agent goes offline within the misses, and back online with the alarm cleared',
  async (ctx) => {
    ctx.store.add({ subcloudId: 1, name: 'sc1' })
    await start(ctx, { ...OPTIONS, reopenBackoffMs: 100, maxReopenBackoffMs: 400 })
    ctx.channels.last('sc1').status('hash-A')
    await beat(ctx, ['sc1'], 2000)
    ctx.channels.refuse.add('sc1')
    ctx.channels.last('sc1').fail(14, 'Connection dropped')
    await ctx.clock.advance(3000 + 500)
    assert.is(ctx.store.row('sc1').target.availability, 'offline')
    assert.equal(ctx.store.alarmLines(), ['SystemController 280.001 subcloud=sc1'])
    const attempts = ctx.channels.calls.length
    assert.ok(attempts >= 4, `re-open attempts: ${attempts}`)
    const broken = ctx.events
      .filter((e) => e.type === 'stream-broken')
      .map((e) => (e.type === 'stream-broken' ? e.reopenInMs : 0))
    assert.equal(broken.slice(0, 4), [100, 200, 400, 400], 'exponential backoff, capped')

    ctx.channels.refuse.delete('sc1')
    await ctx.clock.advance(400)
    assert.is(ctx.channels.open('sc1').length, 1)
    ctx.channels.last('sc1').status('hash-A')
    await ctx.clock.advance(500)
    assert.is(ctx.store.row('sc1').target.availability, 'online')
    assert.is(ctx.store.row('sc1').target.auditFailCount, 0)
    assert.equal(ctx.store.row('sc1').target.endpoints, { platform: 'in-sync' })
    assert.equal(ctx.store.alarmLines(), [])
  },
)

StartAudit(
  'startAudit - platform sync follows the config hash, with 280.002 while out-of-sync',
  async (ctx) => {
    ctx.store.add({ subcloudId: 1, name: 'sc1' })
    const audit = await start(ctx)
    const call = ctx.channels.last('sc1')
    call.status('hash-A')
    await ctx.clock.advance(500)
    call.status('hash-LOCAL')
    await beat(ctx, ['sc1'], 1500, 500)
    assert.equal(
      ctx.store.row('sc1').target.endpoints,
      { platform: 'in-sync' },
      'not judged within the grace',
    )
    await beat(ctx, ['sc1'], 1000, 500)
    assert.equal(ctx.store.row('sc1').target.endpoints, { platform: 'out-of-sync' })
    assert.equal(ctx.store.alarmLines(), ['SystemController 280.002 subcloud=sc1.resource=platform'])
    assert.is(audit.snapshot()[0]?.sync, 'out-of-sync')
    call.status('hash-A')
    await ctx.clock.advance(500)
    assert.equal(ctx.store.row('sc1').target.endpoints, { platform: 'in-sync' })
    assert.equal(ctx.store.alarmLines(), [])
  },
)

StartAudit(
  'startAudit - a forwarded change recorded within the grace never shows out-of-sync',
  async (ctx) => {
    ctx.store.add({ subcloudId: 1, name: 'sc1' })
    const audit = await start(ctx)
    ctx.channels.last('sc1').status('hash-A')
    await ctx.clock.advance(500)
    // The agent's new status arrives first; the controller records the new hash a flush later.
    ctx.channels.last('sc1').status('hash-B')
    await ctx.clock.advance(1200)
    audit.expectConfigHash('sc1', 'hash-B')
    await beat(ctx, ['sc1'], 3000)
    assert.equal(ctx.store.row('sc1').target.endpoints, { platform: 'in-sync' })
    assert.not.ok(ctx.store.batches.flat().some((u) => u.endpoints?.platform === 'out-of-sync'))
    assert.is(ctx.store.loads, 1)
  },
)

StartAudit('startAudit - relays config-out-of-date hosts as 250.001 in the subcloud region', async (ctx) => {
  ctx.store.add({ subcloudId: 1, name: 'sc1' })
  await start(ctx)
  ctx.channels.last('sc1').status('hash-A', ['controller-1'])
  await ctx.clock.advance(500)
  assert.equal(ctx.store.alarmLines(), ['region-sc1 250.001 host=controller-1'])
  ctx.channels.last('sc1').status('hash-A')
  await ctx.clock.advance(500)
  assert.equal(ctx.store.alarmLines(), [])
})

StartAudit('startAudit - refresh follows unmanage, address changes and deletes', async (ctx) => {
  ctx.store.add({ subcloudId: 1, name: 'sc1' })
  ctx.store.add({ subcloudId: 2, name: 'sc2' })
  const audit = await start(ctx)
  ctx.channels.last('sc1').status('hash-LOCAL')
  ctx.channels.last('sc2').status('hash-A')
  await beat(ctx, ['sc1', 'sc2'], 3000)
  assert.equal(ctx.store.alarmLines(), ['SystemController 280.002 subcloud=sc1.resource=platform'])

  ctx.store.update(1, { managementState: 'unmanaged', endpoints: { platform: 'unknown' } })
  ctx.store.update(2, { primaryAddress: '[fd00::22]:50051' })
  await audit.refresh()
  await ctx.clock.advance(500)
  assert.equal(ctx.store.row('sc1').target.endpoints, { platform: 'unknown' })
  assert.equal(ctx.store.alarmLines(), [], 'unmanaged: out-of-sync alarm cleared')
  assert.is(ctx.audit?.snapshot()[0]?.availability, 'online', 'unmanaged still gets availability')
  assert.equal(
    ctx.channels.open('sc2').map((c) => c.address),
    ['[fd00::22]:50051'],
  )

  ctx.store.rows.delete(2)
  await audit.refresh()
  assert.equal(ctx.channels.open('sc2'), [])
  assert.equal(ctx.channels.forgotten, ['sc2'])
  assert.equal(
    audit.snapshot().map((s) => s.name),
    ['sc1'],
  )
})

StartAudit('startAudit - a failed batch is kept and written at the next flush', async (ctx) => {
  ctx.store.add({ subcloudId: 1, name: 'sc1' })
  await start(ctx)
  ctx.store.failWrites = true
  ctx.channels.last('sc1').status('hash-A')
  await ctx.clock.advance(500)
  assert.ok(ctx.events.some((e) => e.type === 'batch-failed'))
  assert.is(ctx.store.row('sc1').target.availability, 'offline')
  ctx.store.failWrites = false
  await ctx.clock.advance(500)
  assert.is(ctx.store.row('sc1').target.availability, 'online')
})

StartAudit('startAudit - stop ends every stream and timer and writes what is pending', async (ctx) => {
  ctx.store.add({ subcloudId: 1, name: 'sc1' })
  ctx.store.add({ subcloudId: 2, name: 'sc2' })
  const audit = await start(ctx)
  ctx.channels.last('sc1').status('hash-A')
  await settle()
  await audit.stop()
  assert.is(ctx.store.row('sc1').target.availability, 'online', 'pending change flushed on stop')
  assert.equal(ctx.channels.open('sc1'), [])
  assert.equal(ctx.channels.open('sc2'), [])
  assert.is(ctx.clock.pending, 0)
  const batches = ctx.store.batches.length
  await ctx.clock.advance(10_000)
  assert.is(ctx.store.batches.length, batches)
  await audit.stop()
})

StartAudit('startAudit - aborting the signal stops the audit', async (ctx) => {
  ctx.store.add({ subcloudId: 1, name: 'sc1' })
  const audit = await start(ctx)
  ctx.abort.abort()
  await audit.stop()
  assert.equal(ctx.channels.open('sc1'), [])
  assert.is(ctx.clock.pending, 0)
  try {
    await audit.refresh()
    assert.unreachable('refresh after stop')
  } catch (error) {
    assert.match(String(error), /audit stopped/)
  }
})

StartAudit.run()
