import { setMaxListeners } from 'node:events'

/** The part of a grpc-js server stream the pump uses (an EventEmitter that emits 'drain' and 'cancelled'). */
export interface WatchSink<T> {
  readonly cancelled: boolean
  write(event: T): boolean
  end(): void
  once(event: 'drain' | 'cancelled', listener: () => void): unknown
  removeListener(event: 'drain' | 'cancelled', listener: () => void): unknown
}

export interface WatchPumpProps<T> {
  readonly heartbeatIntervalMs: number
  /** Builds the status event from the state at the moment it is sent. */
  readonly status: () => T
  /** Builds heartbeat number `sequence` (from 1). */
  readonly heartbeat: (sequence: number) => T
  /** Registers a change listener; returns its unsubscribe function. */
  readonly subscribe: (listener: () => void) => () => void
  /** Aborted when the server shuts down: the stream ends cleanly. */
  readonly signal: AbortSignal
}

/**
 * The controller of the shutdown signal {@link WatchPumpProps.signal} takes: every open Watch stream
 * waits on it. Other users of the signal may add listeners of their own; Node's default limit of
 * 10 would call more than ten a leak and warn.
 */
export function watchShutdownController(): AbortController {
  const controller = new AbortController()
  setMaxListeners(0, controller.signal)
  return controller
}

/** Why a pump stops; one shared value, as an abort without a reason builds an error per stream. */
const PUMP_STOPPED = new Error('the Watch stream ended')

/**
 * The pumps waiting on each shutdown signal, behind one listener of its own: an AbortSignal checks
 * a new listener against every one it holds, so a listener per stream made each of thousands of
 * streams (re)opening at once cost as much as the streams already open.
 */
const pumpsByShutdown = new WeakMap<AbortSignal, Set<() => void>>()

function onShutdownOf(signal: AbortSignal, listener: () => void): () => void {
  let pumps = pumpsByShutdown.get(signal)
  if (pumps === undefined) {
    const created = new Set<() => void>()
    pumps = created
    pumpsByShutdown.set(signal, created)
    signal.addEventListener(
      'abort',
      () => {
        for (const pump of [...created]) pump()
      },
      { once: true },
    )
  }
  pumps.add(listener)
  const registered = pumps
  return () => registered.delete(listener)
}

/**
 * Feed one Watch stream: a status first, a status after every change, a heartbeat every interval,
 * until the caller cancels or the server stops. Status events are built when they can be written,
 * never queued: a slow reader that makes `write()` return false gets, once it drains, the latest
 * status instead of a backlog of stale ones, and the heartbeats missed meanwhile collapse into one.
 */
export async function pumpWatch<T>(sink: WatchSink<T>, props: WatchPumpProps<T>): Promise<void> {
  const stop = new AbortController()
  let statusDue = true
  let heartbeatDue = false
  let sequence = 0
  let wake: (() => void) | undefined
  const poke = (): void => wake?.()
  const onCancel = (): void => stop.abort(PUMP_STOPPED)
  const onShutdown = (): void => stop.abort(PUMP_STOPPED)
  const unsubscribe = props.subscribe(() => {
    statusDue = true
    poke()
  })
  const timer = setInterval(() => {
    heartbeatDue = true
    poke()
  }, props.heartbeatIntervalMs)
  sink.once('cancelled', onCancel)
  const forgetShutdown = onShutdownOf(props.signal, onShutdown)
  stop.signal.addEventListener('abort', poke, { once: true })
  if (props.signal.aborted) stop.abort(PUMP_STOPPED)
  try {
    while (!stop.signal.aborted) {
      if (!statusDue && !heartbeatDue) {
        await new Promise<void>((resolve) => (wake = resolve))
        wake = undefined
        continue
      }
      let event: T
      if (statusDue) {
        statusDue = false
        event = props.status()
      } else {
        heartbeatDue = false
        event = props.heartbeat(++sequence)
      }
      if (!sink.write(event)) {
        await drained(sink, stop.signal)
      }
    }
  } finally {
    clearInterval(timer)
    unsubscribe()
    sink.removeListener('cancelled', onCancel)
    forgetShutdown()
    // A cancelled call is already closed; ending it again would be an error.
    if (!sink.cancelled) sink.end()
  }
}

/** Resolves on the sink's next 'drain', or when the stream stops. */
function drained<T>(sink: WatchSink<T>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      sink.removeListener('drain', done)
      signal.removeEventListener('abort', done)
      resolve()
    }
    sink.once('drain', done)
    signal.addEventListener('abort', done, { once: true })
  })
}
