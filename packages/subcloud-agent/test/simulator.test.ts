import { once } from 'node:events'
import { status } from '@grpc/grpc-js'
import type { ClientReadableStream } from '@grpc/grpc-js'
import { unary, waitFor } from '@dc/test-support'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { DescribeResponse__Output, StateSummary__Output, WatchEvent__Output } from '@dc/protos'
import type { Simulator } from '../src/simulator/simulator.js'
import {
  agentClient,
  closeClients,
  failure,
  platformClient,
  startTestSimulator,
} from './simulator-fixture.js'

interface Ctx {
  simulator: Simulator | undefined
  streams: ClientReadableStream<WatchEvent__Output>[]
}

const test = suite<Ctx>('Simulator', { simulator: undefined, streams: [] })

test.before.each(async (ctx) => {
  ctx.simulator = await startTestSimulator(5)
  ctx.streams = []
})

test.after.each(async (ctx) => {
  for (const stream of ctx.streams) stream.cancel()
  closeClients()
  await ctx.simulator?.stop()
})

function started(ctx: Ctx): Simulator {
  if (ctx.simulator === undefined) throw new Error('simulator not started')
  return ctx.simulator
}

function siteOf(simulator: Simulator, index: number) {
  const site = simulator.sites[index]
  if (site === undefined) throw new Error(`no site ${index}`)
  return site
}

function describe(address: string, client = agentClient(address)): Promise<DescribeResponse__Output> {
  return unary<DescribeResponse__Output>((o, cb) => client.Describe({}, o, cb))
}

function bootstrap(address: string, valuesYaml: string): Promise<StateSummary__Output> {
  const client = agentClient(address)
  return unary<StateSummary__Output>((o, cb) =>
    client.Bootstrap({ values_yaml: valuesYaml, epoch: '0', controller_id: '' }, o, cb),
  )
}

/** A Watch stream at the fastest heartbeat, with every event it delivered. */
function watch(
  ctx: Ctx,
  address: string,
  client = agentClient(address),
): { events: WatchEvent__Output[]; stream: ClientReadableStream<WatchEvent__Output> } {
  const stream = client.Watch({ heartbeat_interval_ms: 50 })
  const events: WatchEvent__Output[] = []
  stream.on('data', (e: WatchEvent__Output) => events.push(e))
  stream.on('error', () => {})
  ctx.streams.push(stream)
  return { events, stream }
}

/** The heartbeats among `events`: number, and when the agent sent it (ms since the epoch). */
function heartbeats(events: readonly WatchEvent__Output[]): { sequence: number; sentAt: number }[] {
  return events.flatMap((e) =>
    e.event === 'heartbeat' && e.heartbeat
      ? [{ sequence: Number(e.heartbeat.sequence), sentAt: Number(e.heartbeat.sent_at_unix_ms) }]
      : [],
  )
}

/** How many heartbeats among `events` were sent after `at`. */
function sentAfter(events: readonly WatchEvent__Output[], at: number): number {
  return heartbeats(events).filter((h) => h.sentAt > at).length
}

/** Calls that reached `site`, on any of its addresses. */
function callsTo(site: Simulator['sites'][number]): number {
  return site.activity.calls.snapshot().reduce((sum, c) => sum + c.calls, 0)
}

const WAIT = { timeoutMs: 10_000, intervalMs: 10 }

test('Simulator - every site is its own agent with its own state, on its own address', async (ctx) => {
  const simulator = started(ctx)
  assert.equal(
    simulator.sites.map((s) => s.spec.kind),
    ['ipv6', 'dual', 'ipv4', 'ipv6', 'dual'],
  )
  const [first, second] = [siteOf(simulator, 0), siteOf(simulator, 1)]
  const summary = await bootstrap(first.spec.primary.text, first.spec.bootstrapValuesYaml)
  assert.is(summary.system_name, first.name)
  assert.ok((await describe(first.spec.primary.text)).bootstrapped)
  assert.not.ok((await describe(second.spec.primary.text)).bootstrapped, 'the other site is untouched')
  const system = platformClient(first.spec.primary.text)
  const shown = await unary<{ name: string }>((o, cb) => system.GetSystem({}, o, cb))
  assert.is(shown.name, first.name)
})

test('Simulator - a dual-stack site counts calls per local address', async (ctx) => {
  const site = siteOf(started(ctx), 1)
  const secondary = site.spec.secondary
  if (secondary === undefined) throw new Error('site 1 is dual-stack')
  await describe(secondary.text)
  const described = await describe(site.spec.primary.text)
  assert.equal(
    described.address_calls.map((c) => [c.local_address, c.calls]),
    [
      [site.spec.primary.text, '1'],
      [secondary.text, '1'],
    ],
  )
})

test('Simulator - kill ends open streams, refuses new calls, and revive serves the same state', async (ctx) => {
  const site = siteOf(started(ctx), 0)
  const address = site.spec.primary.text
  await bootstrap(address, site.spec.bootstrapValuesYaml)
  const { stream, events } = watch(ctx, address)
  await waitFor(() => events.length >= 2, { ...WAIT, message: 'the first heartbeat' })
  const ended = once(stream, 'error')
  site.kill()
  assert.is(site.lifecycle, 'killed')
  const [error] = (await ended) as [{ code: number }]
  assert.is(error.code, status.UNAVAILABLE)
  const refused = await failure(describe(address))
  assert.is(refused.code, status.UNAVAILABLE)
  await site.listen()
  const after = await describe(address)
  assert.ok(after.bootstrapped, 'the state outlived the kill')
  assert.is(site.lifecycle, 'serving')
})

test('Simulator - freeze holds heartbeats and calls on an open connection until thawed', async (ctx) => {
  const simulator = started(ctx)
  const site = siteOf(simulator, 3)
  const address = site.spec.primary.text
  // One channel for the stream and the call, as a controller has.
  const client = agentClient(address)
  const { events } = watch(ctx, address, client)
  // A site never frozen, its heartbeats sent at the same interval by the same event loop: the clock
  // of this test.
  const unfrozen = watch(ctx, siteOf(simulator, 4).spec.primary.text)
  await waitFor(() => heartbeats(events).length >= 2, { ...WAIT, message: 'heartbeats' })
  const callsBefore = callsTo(site)
  site.faults.freeze()
  // Heartbeats sent before this instant may still be on their way; none sent after it may arrive.
  const frozenAt = Date.now()
  let answered = false
  const call = describe(address, client).then((d) => {
    answered = true
    return d
  })
  await waitFor(() => callsTo(site) > callsBefore, { ...WAIT, message: 'the call to reach the frozen site' })
  const reachedAt = Date.now()
  // Nothing arriving can only be shown over time: three heartbeats the unfrozen site sent after the
  // frozen one got the call, not a sleep, measure it. The frozen site's Watch timer ran as often
  // meanwhile, and an answer or heartbeat that a broken freeze let out had as long to arrive.
  await waitFor(() => sentAfter(unfrozen.events, reachedAt) >= 3, {
    ...WAIT,
    message: 'three heartbeats of the unfrozen site',
  })
  assert.is(sentAfter(events, frozenAt), 0, 'no heartbeat sent while frozen arrives while frozen')
  assert.not.ok(answered, 'no answer while frozen')
  assert.is(site.connections, 1, 'the connection stays open')
  const thawedAt = Date.now()
  site.faults.thaw()
  assert.ok((await call).generation !== undefined)
  // Held, not dropped: once thawed, every heartbeat sent while frozen arrives, in order.
  await waitFor(() => sentAfter(events, thawedAt) >= 1, {
    ...WAIT,
    message: 'a heartbeat sent after the thaw',
  })
  const all = heartbeats(events)
  assert.ok(sentAfter(events, frozenAt) > sentAfter(events, thawedAt), 'heartbeats were sent while frozen')
  assert.equal(
    all.map((h) => h.sequence),
    all.map((_, i) => i + 1),
    'every heartbeat, in order',
  )
})

test('Simulator - slow delays each call by the latency both ways', async (ctx) => {
  const site = siteOf(started(ctx), 2)
  const address = site.spec.primary.text
  await describe(address)
  site.faults.setLatency(150)
  const start = performance.now()
  await describe(address)
  const elapsed = performance.now() - start
  assert.ok(elapsed >= 300, `took ${elapsed.toFixed(0)} ms, less than the request and response delays`)
  site.faults.setLatency(0)
  assert.is(site.faults.latencyMs, 0)
})

test.run()
