import { once } from 'node:events'
import { connect, createServer } from 'node:net'
import type { Socket } from 'node:net'
import { waitFor } from '@dc/test-support'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { startAudit, systemClock } from '../src/audit/index.js'
import type { AuditEvent } from '../src/audit/index.js'
import { FakeAuditStore, FakeChannels } from './audit-fakes.js'

/** Two ends of one loopback TCP connection. */
async function socketPair(): Promise<{ near: Socket; far: Socket; close: () => void }> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as { port: number }
  const accepted = once(server, 'connection') as Promise<[Socket]>
  const near = connect(port, '127.0.0.1')
  await once(near, 'connect')
  const [far] = await accepted
  return {
    near,
    far,
    close: () => {
      near.destroy()
      far.destroy()
      server.close()
    },
  }
}

function blockEventLoop(forMs: number): void {
  const until = performance.now() + forMs
  while (performance.now() < until) {
    // Busy: nothing else on this thread runs, as in a controller stalled by a long turn.
  }
}

test('a heartbeat that arrived while the event loop was blocked is read before a miss is judged', async () => {
  const store = new FakeAuditStore()
  store.add({ subcloudId: 1, name: 'sc1' })
  const channels = new FakeChannels()
  const events: AuditEvent[] = []
  const abort = new AbortController()
  const pair = await socketPair()
  const audit = await startAudit({
    store,
    channels,
    clock: systemClock,
    // One miss is enough for a verdict, so a miss counted wrongly shows as an offline event.
    options: { heartbeatIntervalMs: 100, missGraceMs: 50, offlineAfterMisses: 1 },
    onEvent: (e) => events.push(e),
    signal: abort.signal,
  })
  try {
    // The agent's heartbeats come in over a real socket, so they are read when the loop polls it.
    pair.near.on('data', () => channels.last('sc1').heartbeat())
    channels.last('sc1').status('hash-A')
    // Heartbeats every 20 ms until the block, so no miss is due for real before it.
    const beating = setInterval(() => pair.far.write('heartbeat'), 20)
    try {
      await waitFor(
        () => events.some((e) => e.type === 'availability-changed' && e.availability === 'online'),
        { intervalMs: 5, timeoutMs: 10_000, message: 'sc1 online' },
      )
      await new Promise((resolve) => setTimeout(resolve, 100))
    } finally {
      clearInterval(beating)
    }

    // The loop is blocked past the miss window; the heartbeat is sent during the block, so the
    // kernel holds it when the loop resumes, and the miss timer is overdue by then.
    blockEventLoop(400)
    pair.far.write('heartbeat')
    blockEventLoop(50)
    await new Promise((resolve) => setTimeout(resolve, 60))

    const offline = events.filter((e) => e.type === 'availability-changed' && e.availability !== 'online')
    assert.equal(offline, [], 'no miss was counted: the heartbeat was waiting in the socket')
  } finally {
    abort.abort()
    await audit.stop()
    pair.close()
  }
})

test.run()
