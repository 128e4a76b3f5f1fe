import type { Logger } from '@dc/runtime'
import type { EventRetention } from './alarm-event.js'
import type { AlarmEventStore } from '../ports/alarm-event-store.js'

export interface EventPrunerOptions {
  readonly store: Pick<AlarmEventStore, 'prune'>
  readonly retention: EventRetention
  /** Time between two pruning passes; the first runs one interval after the start. */
  readonly intervalMs: number
  /** Rows per delete statement. */
  readonly batchSize: number
  readonly log: Logger
  readonly now?: () => Date
}

/** 10,000 rows per statement: a few tens of milliseconds of work per transaction. */
export const DEFAULT_PRUNE_BATCH_SIZE = 10_000
/** Once a minute: the history may exceed its bounds by at most a minute's events. */
export const DEFAULT_PRUNE_INTERVAL_MS = 60_000

/**
 * Keeps the fault history within its retention, on a timer of its own: an alarm change never waits
 * for it, and each pass deletes in small batches. A failed pass is logged and tried again at the
 * next interval. `close()` stops the timer and waits for a pass in progress.
 */
export function startEventPruner(options: EventPrunerOptions): { close(): Promise<void> } {
  const { store, retention, intervalMs, batchSize, log } = options
  const now = options.now ?? (() => new Date())
  const stopping = new AbortController()
  let running: Promise<void> | undefined
  const pass = async (): Promise<void> => {
    try {
      const deleted = await store.prune(retention, now(), batchSize, stopping.signal)
      if (deleted > 0) log.info(`pruned ${deleted} events from the fault history`, { deleted })
    } catch (err) {
      if (!stopping.signal.aborted) log.warn('pruning the fault history failed; trying again later', { err })
    }
  }
  const timer = setInterval(() => {
    // A pass still deleting when the next is due: that one is skipped, never queued behind it.
    if (running !== undefined) return
    running = pass().finally(() => {
      running = undefined
    })
  }, intervalMs)
  timer.unref()
  return {
    async close() {
      clearInterval(timer)
      stopping.abort()
      await running
    },
  }
}
