import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { DeadlineQueue } from '../src/audit/deadline-queue.js'
import { FakeClock } from './audit-fakes.js'

function recorder(clock: FakeClock): {
  fired: { item: string; dueAt: number; at: number }[]
  queue: DeadlineQueue<string>
} {
  const fired: { item: string; dueAt: number; at: number }[] = []
  const queue = new DeadlineQueue<string>(clock, (item, dueAt) =>
    fired.push({ item, dueAt, at: clock.now() }),
  )
  return { fired, queue }
}

test('DeadlineQueue - fires each deadline at its due time, in due order, on one timer', async () => {
  const clock = new FakeClock()
  const { fired, queue } = recorder(clock)
  const t0 = clock.now()
  queue.schedule('c', t0 + 300)
  queue.schedule('a', t0 + 100)
  queue.schedule('b', t0 + 200)
  assert.is(clock.pending, 1, 'one clock timer for three deadlines')
  await clock.advance(99)
  assert.equal(fired, [], 'nothing before the first due time')
  await clock.advance(1)
  assert.equal(fired, [{ item: 'a', dueAt: t0 + 100, at: t0 + 100 }])
  await clock.advance(200)
  assert.equal(
    fired.map((f) => [f.item, f.at - t0]),
    [
      ['a', 100],
      ['b', 200],
      ['c', 300],
    ],
  )
  assert.is(clock.pending, 0, 'no timer once empty')
})

test('DeadlineQueue - an earlier deadline scheduled later moves the timer forward', async () => {
  const clock = new FakeClock()
  const { fired, queue } = recorder(clock)
  const t0 = clock.now()
  queue.schedule('late', t0 + 1000)
  queue.schedule('early', t0 + 10)
  assert.is(clock.pending, 1)
  await clock.advance(10)
  assert.equal(
    fired.map((f) => f.item),
    ['early'],
  )
})

test('DeadlineQueue - a deadline scheduled by a callback fires in order with the rest', async () => {
  const clock = new FakeClock()
  const t0 = clock.now()
  const order: string[] = []
  const queue = new DeadlineQueue<string>(clock, (item) => {
    order.push(item)
    if (item === 'first') queue.schedule('again', clock.now() + 5)
  })
  queue.schedule('first', t0 + 10)
  queue.schedule('last', t0 + 50)
  await clock.advance(100)
  assert.equal(order, ['first', 'again', 'last'])
})

test('DeadlineQueue - deadlines due together all fire in one pass', async () => {
  const clock = new FakeClock()
  const { fired, queue } = recorder(clock)
  const t0 = clock.now()
  for (let i = 0; i < 20; i++) queue.schedule(`s${i}`, t0 + 100)
  await clock.advance(100)
  assert.is(fired.length, 20)
  assert.ok(fired.every((f) => f.at === t0 + 100))
})

test('DeadlineQueue - 2,000 random deadlines: each fires once, never early, in due order', async () => {
  const clock = new FakeClock()
  const { fired, queue } = recorder(clock)
  const t0 = clock.now()
  let seed = 7
  const random = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
    return seed / 2 ** 31
  }
  const dues = new Map<string, number>()
  for (let i = 0; i < 2000; i++) {
    const dueAt = t0 + Math.floor(random() * 5000)
    dues.set(`s${i}`, dueAt)
    queue.schedule(`s${i}`, dueAt)
  }
  // Steps of a little over a millisecond's worth of deadlines, as a busy loop would see them.
  for (let t = 0; t < 5000; t += 7) await clock.advance(7)
  assert.is(fired.length, 2000)
  assert.is(new Set(fired.map((f) => f.item)).size, 2000, 'each once')
  for (const f of fired) {
    assert.is(f.dueAt, dues.get(f.item))
    assert.ok(f.at >= f.dueAt, `${f.item} fired before its due time`)
  }
  for (let i = 1; i < fired.length; i++) assert.ok(fired[i - 1]!.dueAt <= fired[i]!.dueAt, 'due order')
})

test('DeadlineQueue - stop() cancels the timer; nothing fires or is scheduled afterwards', async () => {
  const clock = new FakeClock()
  const { fired, queue } = recorder(clock)
  queue.schedule('a', clock.now() + 10)
  queue.stop()
  assert.is(clock.pending, 0)
  queue.schedule('b', clock.now() + 10)
  assert.is(clock.pending, 0, 'a deadline after stop() arms no timer')
  await clock.advance(100)
  assert.equal(fired, [])
})

test.run()
