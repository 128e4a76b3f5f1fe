import { setTimeout as sleep } from 'node:timers/promises'
import type { ServiceError } from '@grpc/grpc-js'
import { status } from '@grpc/grpc-js'
import * as assert from 'uvu/assert'
import { waitFor } from '../support/index.js'
import type { SeededRandom } from '../support/index.js'

/** A call that failed, and when: a failure that ended before the kill is a bug, not chaos. */
export interface StreamFailure {
  readonly error: ServiceError
  readonly endedAt: number
}

/** Operations sent one after another, each one's result kept once the server acknowledged it. */
export interface AcknowledgedStream<T> {
  /** The results of the operations that returned OK, in order. */
  readonly acknowledged: readonly T[]
  readonly failures: readonly StreamFailure[]
  /** Stop sending; resolves once the call in flight has settled. */
  stop(): Promise<void>
}

/** The pause after a failed call, so an outage is not a busy loop. */
const RETRY_PAUSE_MS = 100

/**
 * Sends `operation(0)`, `operation(1)`, ... one at a time until stopped. A call that fails is kept
 * in `failures` and the stream goes on with the next number, as an operator would.
 */
export function startStream<T>(operation: (n: number) => Promise<T>): AcknowledgedStream<T> {
  const acknowledged: T[] = []
  const failures: StreamFailure[] = []
  let stopped = false
  const loop = (async () => {
    for (let n = 0; !stopped; n++) {
      try {
        acknowledged.push(await operation(n))
      } catch (err) {
        failures.push({ error: err as ServiceError, endedAt: performance.now() })
        await sleep(RETRY_PAUSE_MS)
      }
    }
  })()
  return {
    acknowledged,
    failures,
    stop: async () => {
      stopped = true
      await loop
    },
  }
}

/** Kill at a seeded-random moment once `stream` has at least one acknowledged operation. */
export async function killAtRandom(
  stream: AcknowledgedStream<unknown>,
  random: SeededRandom,
  kill: () => Promise<void>,
): Promise<number> {
  await waitFor(() => stream.acknowledged.length > 0, {
    timeoutMs: 60_000,
    message: `a first acknowledged operation (${random.replay})`,
  })
  await sleep(random.between(0, 1_500))
  const killedAt = performance.now()
  await kill()
  return killedAt
}

/** A caller's failure as the house style promises it: a clear one-line status, never a crash report. */
export function assertClearFailure(failure: StreamFailure, where: string, expected?: status): void {
  const { code, details } = failure.error
  if (expected !== undefined) assert.is(code, expected, `${details} ${where}`)
  assert.not.ok([status.UNKNOWN, status.INTERNAL].includes(code), `${code}: ${details} ${where}`)
  assert.not.match(details, /\n|\s+at .+:\d+:\d+/, `one line, no stack: ${details} ${where}`)
}

/** No call may fail while the process it talks to is alive and well. */
export function assertNoFailureBefore(
  failures: readonly StreamFailure[],
  killedAt: number,
  where: string,
): void {
  const early = failures.filter((f) => f.endedAt < killedAt)
  assert.equal(
    early.map((f) => `${f.error.code}: ${f.error.details}`),
    [],
    `calls failed before the kill ${where}`,
  )
}
