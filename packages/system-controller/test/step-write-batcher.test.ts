import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { rejectionOf } from '@dc/test-support'
import { StepWriterClosedError } from '../src/errors.js'
import type { StepUpdate } from '../src/strategies/network-strategy.js'
import { StepWriteBatcher } from '../src/strategies/step-write-batcher.js'

/** Long enough never to fire during a test: only size, flush and close send those batches. */
const NEVER_MS = 600_000

/** Records every batch; holds a batch while `gate` is set; fails a batch `failOn` names. */
class FakeStepStore {
  readonly batches: StepUpdate[][] = []
  gate: Promise<void> | undefined
  failOn: string | undefined

  async updateSteps(updates: readonly StepUpdate[]): Promise<void> {
    this.batches.push([...updates])
    if (this.gate !== undefined) await this.gate
    if (updates.some((u) => u.subcloudName === this.failOn))
      throw new Error(`batch with ${this.failOn} failed`)
  }

  names(): string[][] {
    return this.batches.map((b) => b.map((u) => u.subcloudName))
  }
}

function gated(store: FakeStepStore): () => void {
  let open!: () => void
  store.gate = new Promise((resolve) => (open = resolve))
  return () => {
    store.gate = undefined
    open()
  }
}

const step = (subcloudName: string, state: StepUpdate['state'] = 'pre-check'): StepUpdate => ({
  subcloudName,
  state,
})

const test = suite('StepWriteBatcher')

test('StepWriteBatcher - a batch goes out at maxBatch subclouds; the rest waits for the interval or a flush', async () => {
  const store = new FakeStepStore()
  const batcher = new StepWriteBatcher(store, { maxBatch: 3, flushIntervalMs: NEVER_MS })
  const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g']
  const writes = names.map((n) => batcher.write(step(n)))
  await Promise.all(writes.slice(0, 6))
  assert.equal(store.names(), [
    ['a', 'b', 'c'],
    ['d', 'e', 'f'],
  ])
  await batcher.close()
  await writes[6]
  assert.equal(store.names(), [['a', 'b', 'c'], ['d', 'e', 'f'], ['g']])
})

test('StepWriteBatcher - below maxBatch, the queued updates go out together after the interval', async () => {
  const store = new FakeStepStore()
  const batcher = new StepWriteBatcher(store, { flushIntervalMs: 1 })
  await Promise.all([batcher.write(step('a')), batcher.write(step('b')), batcher.write(step('c'))])
  assert.equal(store.names(), [['a', 'b', 'c']])
  await batcher.close()
  assert.is(store.batches.length, 1, 'nothing left to write')
})

test('StepWriteBatcher - updates of one subcloud in one batch merge: last state, every field kept', async () => {
  const store = new FakeStepStore()
  const batcher = new StepWriteBatcher(store, { flushIntervalMs: NEVER_MS })
  const startedAt = new Date('2026-01-02T03:04:05Z')
  const first = batcher.write({ subcloudName: 'a', state: 'pre-check', startedAt, details: 'checking' })
  const other = batcher.write(step('b', 'applying change'))
  const second = batcher.write({ subcloudName: 'a', state: 'applying change', applied: 1 })
  const third = batcher.write({ subcloudName: 'a', state: 'host actions', details: 'lock controller-1' })
  await batcher.flush()
  await Promise.all([first, other, second, third])
  assert.equal(store.batches, [
    [
      { subcloudName: 'a', state: 'host actions', startedAt, details: 'lock controller-1', applied: 1 },
      { subcloudName: 'b', state: 'applying change' },
    ],
  ])
})

test('StepWriteBatcher - one batch in flight: what is written meanwhile goes in the next, in order', async () => {
  const store = new FakeStepStore()
  const batcher = new StepWriteBatcher(store, { maxBatch: 2, flushIntervalMs: NEVER_MS })
  const open = gated(store)
  const firstBatch = [batcher.write(step('a')), batcher.write(step('b'))]
  // In flight now: a later change of `a` must not overtake it in a second concurrent batch.
  const later = [batcher.write(step('a', 'applying change')), batcher.write(step('c'))]
  const flushed = batcher.flush()
  await Promise.resolve()
  assert.equal(store.names(), [['a', 'b']], 'the second batch waits for the first')
  open()
  await Promise.all([...firstBatch, ...later, flushed])
  assert.equal(store.batches, [
    [step('a'), step('b')],
    [step('a', 'applying change'), step('c')],
  ])
})

test('StepWriteBatcher - a failed batch rejects its writes and the flush; the next batch is written', async () => {
  const store = new FakeStepStore()
  const batcher = new StepWriteBatcher(store, { maxBatch: 2, flushIntervalMs: NEVER_MS })
  store.failOn = 'bad'
  const open = gated(store)
  const failed = [batcher.write(step('ok')), batcher.write(step('bad'))]
  const next = batcher.write(step('fine'))
  // Their rejections are taken before the batch fails, so none of them goes unhandled.
  const failures = [...failed, batcher.flush()].map((p) => rejectionOf(p))
  open()
  for (const failure of await Promise.all(failures)) {
    assert.match(String(failure), /batch with bad failed/)
  }
  await next
  assert.equal(store.names(), [['ok', 'bad'], ['fine']])
})

test('StepWriteBatcher - close writes what is queued, then refuses writes with STEP_WRITER_CLOSED', async () => {
  const store = new FakeStepStore()
  const batcher = new StepWriteBatcher(store, { flushIntervalMs: NEVER_MS })
  const queued = batcher.write(step('a', 'complete'))
  await batcher.close()
  await queued
  assert.equal(store.names(), [['a']])
  const refused = await rejectionOf(batcher.write(step('b')))
  assert.instance(refused, StepWriterClosedError)
  assert.is((refused as StepWriterClosedError).code, 'STEP_WRITER_CLOSED')
  assert.match((refused as Error).message, /subcloud b/)
  await batcher.close()
  assert.equal(store.names(), [['a']], 'a second close writes nothing')
})

test('StepWriteBatcher - options must be whole numbers: maxBatch at least 1, flushIntervalMs at least 0', () => {
  const store = new FakeStepStore()
  assert.throws(() => new StepWriteBatcher(store, { maxBatch: 0 }), /maxBatch must be a positive integer/)
  assert.throws(() => new StepWriteBatcher(store, { maxBatch: 1.5 }), /maxBatch/)
  assert.throws(
    () => new StepWriteBatcher(store, { flushIntervalMs: -1 }),
    /flushIntervalMs must be a non-negative integer/,
  )
  assert.ok(new StepWriteBatcher(store, { flushIntervalMs: 0, maxBatch: 1 }))
})

test.run()
