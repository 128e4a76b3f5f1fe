import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { silentLogger } from '@dc/runtime'
import type { EventRetention } from '../src/alarms/alarm-event.js'
import { startEventPruner } from '../src/alarms/event-pruner.js'

const Pruner = suite('startEventPruner')

const RETENTION: EventRetention = { maxCount: 10, maxAgeMs: 60_000 }

Pruner(
  'startEventPruner - prunes on its timer with the retention and batch size; close stops it',
  async () => {
    const calls: { retention: EventRetention; batchSize: number }[] = []
    const pruner = startEventPruner({
      store: {
        prune: (retention, _now, batchSize) => {
          calls.push({ retention, batchSize })
          return Promise.resolve(0)
        },
      },
      retention: RETENTION,
      intervalMs: 20,
      batchSize: 7,
      log: silentLogger,
    })
    assert.is(calls.length, 0, 'nothing runs at start: the first pass is one interval later')
    await new Promise((resolve) => setTimeout(resolve, 200))
    await pruner.close()
    const seen = calls.length
    assert.ok(seen >= 1, 'at least one pass')
    assert.equal(calls[0], { retention: RETENTION, batchSize: 7 })
    await new Promise((resolve) => setTimeout(resolve, 100))
    assert.is(calls.length, seen, 'no pass after close')
  },
)

Pruner(
  'startEventPruner - a slow pass is never overlapped; close waits for it; a failure is retried',
  async () => {
    let running = 0
    let overlapped = false
    let passes = 0
    const pruner = startEventPruner({
      store: {
        prune: async () => {
          passes++
          running++
          if (running > 1) overlapped = true
          await new Promise((resolve) => setTimeout(resolve, 60))
          running--
          if (passes === 1) throw new Error('store unavailable')
          return 3
        },
      },
      retention: RETENTION,
      intervalMs: 10,
      batchSize: 100,
      log: silentLogger,
    })
    await new Promise((resolve) => setTimeout(resolve, 300))
    await pruner.close()
    assert.is(running, 0, 'close waited for the pass in progress')
    assert.not.ok(overlapped)
    assert.ok(passes >= 2, 'the failed pass was followed by another')
  },
)

Pruner.run()
