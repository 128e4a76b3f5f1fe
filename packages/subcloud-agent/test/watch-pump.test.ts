import { EventEmitter } from 'node:events'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { waitFor } from '@dc/test-support'
import { pumpWatch } from '../src/adapters/watch-pump.js'
import type { WatchSink } from '../src/adapters/watch-pump.js'

type Event = { status: number } | { heartbeat: number }

/** A stream whose buffer is "full" while `blocked`, like a grpc-js call to a slow reader. */
class FakeSink extends EventEmitter implements WatchSink<Event> {
  cancelled = false
  blocked = false
  ended = false
  readonly written: Event[] = []

  write(event: Event): boolean {
    this.written.push(event)
    return !this.blocked
  }

  end(): void {
    this.ended = true
  }

  /** Resolves once `count` events have been written. */
  async written$(count: number): Promise<void> {
    await waitFor(() => this.written.length >= count, {
      timeoutMs: 10_000,
      intervalMs: 1,
      message: `${count} events written`,
    })
  }
}

class Changes {
  readonly listeners = new Set<() => void>()
  value = 0

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  change(): void {
    this.value += 1
    for (const l of this.listeners) l()
  }
}

function start(
  sink: FakeSink,
  changes: Changes,
  shutdown: AbortSignal,
  heartbeatIntervalMs = 60_000,
): Promise<void> {
  return pumpWatch<Event>(sink, {
    heartbeatIntervalMs,
    status: () => ({ status: changes.value }),
    heartbeat: (sequence) => ({ heartbeat: sequence }),
    subscribe: changes.subscribe,
    signal: shutdown,
  })
}

const PumpWatch = suite('pumpWatch')

PumpWatch('pumpWatch - sends the current status first and one after each change', async () => {
  const sink = new FakeSink()
  const changes = new Changes()
  const shutdown = new AbortController()
  const done = start(sink, changes, shutdown.signal)
  await sink.written$(1)
  changes.change()
  await sink.written$(2)
  changes.change()
  await sink.written$(3)
  shutdown.abort()
  await done
  assert.equal(sink.written, [{ status: 0 }, { status: 1 }, { status: 2 }])
  assert.ok(sink.ended, 'the stream is ended on shutdown')
  assert.is(changes.listeners.size, 0, 'unsubscribed')
})

PumpWatch('pumpWatch - a blocked reader gets only the latest status once it drains', async () => {
  const sink = new FakeSink()
  sink.blocked = true
  const changes = new Changes()
  const shutdown = new AbortController()
  const done = start(sink, changes, shutdown.signal)
  await sink.written$(1)
  assert.is(sink.listenerCount('drain'), 1, 'the pump waits for the drain')
  for (let i = 0; i < 50; i++) changes.change()
  // Nothing is written while the buffer is full... The pump reacts to a change within promise
  // callbacks (its heartbeat timer is a minute away), all of which run before the next turn of the
  // event loop: one setImmediate is a barrier after anything it could write, not a guess at time.
  await new Promise((r) => setImmediate(r))
  assert.is(sink.written.length, 1)
  sink.blocked = false
  sink.emit('drain')
  await sink.written$(2)
  shutdown.abort()
  await done
  assert.equal(sink.written, [{ status: 0 }, { status: 50 }])
})

PumpWatch('pumpWatch - heartbeats are numbered from 1', async () => {
  const sink = new FakeSink()
  const shutdown = new AbortController()
  const done = start(sink, new Changes(), shutdown.signal, 5)
  await sink.written$(4)
  shutdown.abort()
  await done
  assert.equal(sink.written.slice(0, 4), [
    { status: 0 },
    { heartbeat: 1 },
    { heartbeat: 2 },
    { heartbeat: 3 },
  ])
})

PumpWatch('pumpWatch - stops without ending a cancelled call', async () => {
  const sink = new FakeSink()
  sink.blocked = true
  const changes = new Changes()
  const done = start(sink, changes, new AbortController().signal)
  await sink.written$(1)
  sink.cancelled = true
  sink.emit('cancelled')
  await done
  assert.not.ok(sink.ended)
  assert.is(changes.listeners.size, 0)
  assert.is(sink.listenerCount('drain'), 0)
  assert.is(sink.listenerCount('cancelled'), 0)
})

PumpWatch('pumpWatch - one shutdown ends every stream still open on it, not those cancelled', async () => {
  const shutdown = new AbortController()
  const sinks = [new FakeSink(), new FakeSink(), new FakeSink()]
  const changes = new Changes()
  const done = sinks.map((sink) => start(sink, changes, shutdown.signal))
  await Promise.all(sinks.map((sink) => sink.written$(1)))
  const [cancelled, ...open] = sinks as [FakeSink, ...FakeSink[]]
  cancelled.cancelled = true
  cancelled.emit('cancelled')
  await done[0]
  shutdown.abort()
  await Promise.all(done)
  assert.not.ok(cancelled.ended, 'a cancelled call is not ended again')
  for (const sink of open) assert.ok(sink.ended, 'every open stream is ended on shutdown')
  assert.is(changes.listeners.size, 0, 'every pump unsubscribed')
})

PumpWatch.run()
