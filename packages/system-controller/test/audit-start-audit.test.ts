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

/** sc1, its first status reported, then heartbeating for `forMs`. */
async function beatingSc1(ctx: Ctx, forMs: number, options: AuditOptions = OPTIONS): Promise<void> {
  ctx.store.add({ subcloudId: 1, name: 'sc1' })
  await start(ctx, options)
  ctx.channels.last('sc1').status('hash-A')
  await beat(ctx, ['sc1'], forMs)
}

/**
 * sc1's stream drops as unreachable right after a heartbeat; `reopen` first sets how the
 * audit's attempts to open it again will fare.
 */
async function dropSc1Stream(ctx: Ctx, reopen: () => void): Promise<void> {
  ctx.channels.last('sc1').heartbeat()
  await settle()
  reopen()
  ctx.channels.last('sc1').fail(14, 'Connection dropped')
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
  await beatingSc1(ctx, 3000)
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
    await beatingSc1(ctx, 2000)
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

/** The `reopenInMs` of every stream-broken event among `events`. */
function reopenDelays(events: readonly AuditEvent[]): number[] {
  return events.flatMap((e) => (e.type === 'stream-broken' ? [e.reopenInMs] : []))
}

StartAudit(
  'startAudit - a killed agent (every quick re-open refused) is offline at once, before any miss',
  async (ctx) => {
    await beatingSc1(ctx, 2000, {
      ...OPTIONS,
      reopenBackoffMs: 100,
      maxReopenBackoffMs: 400,
      offlineReopenMs: 300,
      reopenJitterPercent: 0,
    })
    await dropSc1Stream(ctx, () => ctx.channels.refuse.add('sc1'))
    // Re-opened at once, then 250 ms and 500 ms later: three refusals are the verdict.
    await ctx.clock.advance(499)
    assert.is(ctx.audit?.snapshot()[0]?.availability, 'online', 'still inside the quick window')
    await ctx.clock.advance(1 + 25)
    assert.is(ctx.store.row('sc1').target.availability, 'offline', 'written within the verdict delay')
    assert.is(ctx.store.row('sc1').target.auditFailCount, 2, 'raised to the threshold')
    assert.equal(ctx.store.alarmLines(), ['SystemController 280.001 subcloud=sc1'])
    assert.equal(ctx.store.row('sc1').target.endpoints, { platform: 'unknown' })
    assert.is(ctx.channels.calls.length, 4, 'the first stream and three quick attempts')

    await ctx.clock.advance(1000)
    assert.equal(
      reopenDelays(ctx.events).slice(0, 6),
      [0, 250, 250, 300, 300, 300],
      'offline: tried every offlineReopenMs, not on the backoff',
    )
    ctx.channels.refuse.delete('sc1')
    await ctx.clock.advance(300)
    assert.is(ctx.channels.open('sc1').length, 1)
    ctx.channels.last('sc1').status('hash-A')
    await ctx.clock.advance(25)
    assert.is(ctx.store.row('sc1').target.availability, 'online')
    assert.is(ctx.store.row('sc1').target.auditFailCount, 0)
    assert.equal(ctx.store.row('sc1').target.endpoints, { platform: 'in-sync' })
    assert.equal(ctx.store.alarmLines(), [])
  },
)

StartAudit(
  'startAudit - re-open delays are jittered below their nominal value, so a fleet does not retry in step',
  async (ctx) => {
    await beatingSc1(ctx, 2000, { ...OPTIONS, offlineReopenMs: 1000 })
    await dropSc1Stream(ctx, () => ctx.channels.refuse.add('sc1'))
    await ctx.clock.advance(20_000)
    const backoff = reopenDelays(ctx.events).slice(3)
    assert.ok(backoff.length >= 10, `${backoff.length} re-open delays`)
    assert.ok(
      backoff.every((d) => d >= 800 && d <= 1000),
      `within 20 % below the nominal 1,000 ms: ${backoff.join(', ')}`,
    )
    assert.ok(new Set(backoff).size > 1, 'not all alike')
  },
)

StartAudit(
  'startAudit - no call is made while the channel fails fast; the verdict and the recovery are the same',
  async (ctx) => {
    await beatingSc1(ctx, 2000, { ...OPTIONS, reopenJitterPercent: 0 })
    const callsBefore = ctx.channels.calls.length
    await dropSc1Stream(ctx, () => ctx.channels.failingFast.add('sc1'))
    await ctx.clock.advance(500 + 25)
    assert.is(ctx.store.row('sc1').target.availability, 'offline', 'three refusals without a call')
    assert.equal(ctx.store.alarmLines(), ['SystemController 280.001 subcloud=sc1'])
    await ctx.clock.advance(10_000)
    assert.is(ctx.channels.calls.length, callsBefore, 'no call while the channel fails fast')
    ctx.channels.failingFast.delete('sc1')
    await ctx.clock.advance(4000)
    assert.is(ctx.channels.open('sc1').length, 1, 'opened within offlineReopenMs')
    ctx.channels.last('sc1').status('hash-A')
    await ctx.clock.advance(25)
    assert.is(ctx.store.row('sc1').target.availability, 'online')
    assert.equal(ctx.store.alarmLines(), [])
  },
)

StartAudit(
  'startAudit - a stream waits on a connecting channel: no call to a dead agent, none lost to a live one',
  async (ctx) => {
    await beatingSc1(ctx, 2000, { ...OPTIONS, reopenJitterPercent: 0 })
    const callsBefore = ctx.channels.calls.length
    await dropSc1Stream(ctx, () => ctx.channels.connecting.add('sc1'))
    await ctx.clock.advance(0)
    assert.is(ctx.channels.waiting('sc1'), 1, 'the re-open waits on the channel')
    ctx.channels.settle('sc1', 'refused')
    await ctx.clock.advance(500 + 25)
    assert.is(ctx.store.row('sc1').target.availability, 'offline', 'three refusals, the first one waited for')
    assert.is(ctx.channels.calls.length, callsBefore, 'no call was made to the dead agent')
    ctx.channels.failingFast.delete('sc1')
    ctx.channels.connecting.add('sc1')
    await ctx.clock.advance(4000)
    assert.is(ctx.channels.calls.length, callsBefore, 'still none while the channel connects')
    ctx.channels.settle('sc1', 'ready')
    assert.is(ctx.channels.open('sc1').length, 1, 'the stream opens as soon as the channel is ready')
    await ctx.clock.advance(0)
    ctx.channels.last('sc1').status('hash-A')
    await ctx.clock.advance(25)
    assert.is(ctx.store.row('sc1').target.availability, 'online')
    ctx.channels.connecting.add('sc1')
    ctx.channels.last('sc1').fail(14, 'Connection dropped')
    await ctx.clock.advance(0)
    assert.is(ctx.channels.waiting('sc1'), 1)
    await ctx.audit?.stop()
    assert.is(ctx.channels.waiting('sc1'), 0, 'stop cancels the wait')
    ctx.channels.settle('sc1', 'ready')
    assert.is(ctx.channels.open('sc1').length, 0, 'a stopped audit opens nothing when the wait ends')
  },
)

StartAudit(
  'startAudit - an agent back within the quick window (restarted, connection reset) never flaps',
  async (ctx) => {
    await beatingSc1(ctx, 2000)
    await dropSc1Stream(ctx, () => ctx.channels.refuse.add('sc1'))
    await ctx.clock.advance(300)
    assert.is(ctx.channels.calls.length, 3, 'two attempts refused')
    ctx.channels.refuse.delete('sc1')
    await ctx.clock.advance(200)
    assert.is(ctx.channels.open('sc1').length, 1, 'the third attempt is open')
    ctx.channels.last('sc1').status('hash-A')
    await beat(ctx, ['sc1'], 5000)
    assert.not.ok(ctx.store.batches.flat().some((u) => u.availability === 'offline'))
    assert.equal(
      ctx.events
        .filter((e) => e.type === 'availability-changed')
        .map((e) => e.type === 'availability-changed' && e.availability),
      ['online'],
    )
    assert.equal(ctx.store.alarmLines(), [])
  },
)

StartAudit(
  'startAudit - a re-open that fails otherwise than unreachable proves nothing: the misses decide',
  async (ctx) => {
    await beatingSc1(ctx, 2000, {
      ...OPTIONS,
      reopenBackoffMs: 100,
      maxReopenBackoffMs: 400,
      offlineReopenMs: 1000,
      reopenJitterPercent: 0,
    })
    // PERMISSION_DENIED: something answered
    await dropSc1Stream(ctx, () => ctx.channels.failWith.set('sc1', 7))
    await ctx.clock.advance(1400)
    assert.is(ctx.audit?.snapshot()[0]?.availability, 'online', 'no verdict from one answer')
    assert.is(ctx.audit?.snapshot()[0]?.auditFailCount, 0)
    await ctx.clock.advance(1700)
    assert.is(ctx.store.row('sc1').target.availability, 'offline', 'two missed intervals')
    assert.is(ctx.store.row('sc1').target.auditFailCount, 2)
    await ctx.clock.advance(3000)
    const verdictAt = ctx.events.findIndex(
      (e) => e.type === 'availability-changed' && e.availability === 'offline',
    )
    const online = reopenDelays(ctx.events.slice(0, verdictAt))
    assert.equal(online.slice(0, 6), [0, 100, 200, 400, 400, 400], 'online: backoff doubling to its cap')
    assert.ok(
      online.every((d) => d <= 400),
      `never above the cap: ${online.join(', ')}`,
    )
    const offline = reopenDelays(ctx.events.slice(verdictAt))
    assert.ok(offline.length >= 2, `${offline.length} re-opens once offline`)
    assert.ok(
      offline.every((d) => d === 1000),
      `offline: every offlineReopenMs: ${offline.join(', ')}`,
    )
  },
)

StartAudit(
  'startAudit - a subcloud whose agent is down at start goes offline from the quick attempts',
  async (ctx) => {
    ctx.store.add({ subcloudId: 1, name: 'sc1', availability: 'online' })
    ctx.channels.refuse.add('sc1')
    await start(ctx)
    await ctx.clock.advance(500 + 25)
    assert.is(ctx.store.row('sc1').target.availability, 'offline')
    assert.equal(ctx.store.alarmLines(), ['SystemController 280.001 subcloud=sc1'])
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

StartAudit(
  'startAudit - an agent answering as another system than deployed is offline, with a foreign-agent event',
  async (ctx) => {
    ctx.store.add({ subcloudId: 1, name: 'sc1', agentSystemUuid: 'deployed' })
    const audit = await start(ctx)
    ctx.channels.last('sc1').status('hash-A', [], 'deployed')
    await beat(ctx, ['sc1'], 3000)
    assert.is(ctx.store.row('sc1').target.availability, 'online')

    // The address now leads to an agent nobody bootstrapped: it heartbeats, but it is not sc1.
    ctx.store.update(1, { primaryAddress: '[fd00::99]:50051' })
    await audit.refresh()
    ctx.channels.last('sc1').status('', [], '')
    await beat(ctx, ['sc1'], 5000)
    assert.is(ctx.store.row('sc1').target.availability, 'offline', 'never online on a foreign agent')
    assert.equal(ctx.store.alarmLines(), ['SystemController 280.001 subcloud=sc1'])
    assert.equal(
      ctx.events.filter((e) => e.type === 'foreign-agent'),
      [
        {
          type: 'foreign-agent',
          name: 'sc1',
          address: '[fd00::99]:50051',
          expectedSystemUuid: 'deployed',
          reportedSystemUuid: '',
        },
      ],
      'reported once, not per message',
    )

    // The deployed agent answers there again: online.
    ctx.channels.last('sc1').status('hash-A', [], 'deployed')
    await beat(ctx, ['sc1'], 3000)
    assert.is(ctx.store.row('sc1').target.availability, 'online')
    assert.equal(ctx.store.alarmLines(), [])
  },
)

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

StartAudit(
  'startAudit - refreshSubcloud loads only the subclouds asked for: added, renamed, deleted',
  async (ctx) => {
    ctx.store.add({ subcloudId: 1, name: 'sc1' })
    ctx.store.add({ subcloudId: 2, name: 'sc2', deployStatus: 'bootstrapping' })
    const audit = await start(ctx)
    assert.equal(
      audit.snapshot().map((s) => s.name),
      ['sc1'],
    )
    ctx.store.update(2, { deployStatus: 'complete' })
    await audit.refreshSubcloud(2)
    assert.equal(ctx.store.loadedIds.at(-1), [2])
    assert.equal(
      audit.snapshot().map((s) => s.name),
      ['sc1', 'sc2'],
    )
    assert.is(audit.snapshotOf('sc2')?.streaming, true)

    ctx.store.update(2, { name: 'sc2-renamed' })
    await audit.refreshSubcloud(2)
    assert.equal(
      audit.snapshot().map((s) => s.name),
      ['sc1', 'sc2-renamed'],
    )
    assert.equal(ctx.channels.forgotten, ['sc2'], "the old name's channel is closed")
    assert.equal(ctx.channels.open('sc2'), [])

    ctx.store.rows.delete(2)
    await audit.refreshSubcloud(2)
    assert.equal(
      audit.snapshot().map((s) => s.name),
      ['sc1'],
    )
    assert.equal(ctx.channels.forgotten, ['sc2', 'sc2-renamed'])
    assert.is(audit.snapshotOf('sc1')?.streaming, true, 'other subclouds untouched')
    assert.is(ctx.channels.calls.filter((c) => c.name === 'sc1').length, 1)
  },
)

StartAudit('startAudit - reloads asked for while one waits its turn share it', async (ctx) => {
  for (let id = 1; id <= 4; id++) ctx.store.add({ subcloudId: id, name: `sc${id}` })
  const audit = await start(ctx)
  const loadsBefore = ctx.store.loads
  await Promise.all([1, 2, 3, 4].map((id) => audit.refreshSubcloud(id)))
  assert.is(ctx.store.loads, loadsBefore + 1, 'one load for four subclouds')
  assert.equal(ctx.store.loadedIds.at(-1), [1, 2, 3, 4])
  await Promise.all([audit.refresh(), audit.refresh(), audit.refresh()])
  assert.is(ctx.store.loads, loadsBefore + 2, 'one full reload for three calls')
  assert.equal(ctx.store.loadedIds.at(-1), 'all')
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

StartAudit(
  'startAudit - the miss checks of a whole fleet share one timer, and a silent subcloud still goes offline',
  async (ctx) => {
    const names = Array.from({ length: 40 }, (_, i) => `sc${i + 1}`)
    names.forEach((name, i) => ctx.store.add({ subcloudId: i + 1, name }))
    await start(ctx)
    await beat(ctx, names, 3000)
    // The miss deadlines' timer and the periodic flush: not one timer per subcloud.
    assert.ok(ctx.clock.pending <= 2, `${ctx.clock.pending} timers pending for 40 heartbeating subclouds`)
    assert.ok(ctx.audit?.snapshot().every((s) => s.availability === 'online'))
    const beforeSilence = ctx.audit?.snapshotOf('sc1')?.lastHeartbeatAt
    await beat(ctx, names.slice(1), 4000)
    assert.is(ctx.audit?.snapshotOf('sc1')?.availability, 'offline', 'two missed windows')
    assert.is(ctx.audit?.snapshotOf('sc1')?.lastHeartbeatAt, beforeSilence, 'its last heartbeat kept')
    assert.ok(
      names.slice(1).every((name) => ctx.audit?.snapshotOf(name)?.availability === 'online'),
      'the others stay online',
    )
    assert.is(
      ctx.audit?.snapshotOf('sc2')?.lastHeartbeatAt,
      ctx.clock.now() - 1000,
      'a heartbeat moves lastHeartbeatAt',
    )
  },
)

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
