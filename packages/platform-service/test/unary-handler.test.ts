import { EventEmitter } from 'node:events'
import { status } from '@grpc/grpc-js'
import type { ServerErrorResponse, ServerUnaryCall } from '@grpc/grpc-js'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { MalformedRequest, NotBootstrappedError, unaryHandler } from '../src/index.js'

function call(request: unknown): ServerUnaryCall<unknown, unknown> {
  return { request, on: () => undefined } as unknown as ServerUnaryCall<unknown, unknown>
}

function answer(
  handler: ReturnType<typeof unaryHandler<unknown, unknown>>,
  request: unknown,
): Promise<{ error: ServerErrorResponse | null; value: unknown }> {
  return new Promise((resolve) =>
    handler(call(request), (error, value) => resolve({ error: error as ServerErrorResponse | null, value })),
  )
}

const UnaryHandler = suite('unaryHandler')

UnaryHandler('unaryHandler - answers with the result', async () => {
  const result = await answer(
    unaryHandler(async (req) => ({ echo: req })),
    { a: 1 },
  )
  assert.equal(result, { error: null, value: { echo: { a: 1 } } })
})

UnaryHandler('unaryHandler - maps failures with the shared mapper by default', async () => {
  const result = await answer(
    unaryHandler(() => Promise.reject(new NotBootstrappedError())),
    {},
  )
  assert.is(result.error?.code, status.FAILED_PRECONDITION)
})

UnaryHandler('unaryHandler - maps failures, thrown or rejected, with the mapper it is given', async () => {
  const mapper = (err: unknown): ServerErrorResponse =>
    Object.assign(new Error('mapped'), { code: status.ABORTED, details: `mapped ${String(err)}` })
  const rejected = await answer(
    unaryHandler(() => Promise.reject(new Error('no')), undefined, mapper),
    {},
  )
  assert.is(rejected.error?.code, status.ABORTED)
  assert.is(rejected.error?.details, 'mapped Error: no')
  const thrown = await answer(
    unaryHandler(
      () => {
        throw new Error('sync')
      },
      undefined,
      mapper,
    ),
    {},
  )
  assert.is(thrown.error?.details, 'mapped Error: sync')
})

UnaryHandler('unaryHandler - refuses a request that did not decode, through the mapper', async () => {
  let ran = false
  const result = await answer(
    unaryHandler(async () => {
      ran = true
      return {}
    }),
    new MalformedRequest('truncated'),
  )
  assert.not.ok(ran)
  assert.is(result.error?.code, status.INVALID_ARGUMENT)
})

/** A call whose `cancelled` event the test fires, as grpc-js does when the stream closes. */
function cancellableCall(): { call: ServerUnaryCall<unknown, unknown>; cancel: () => void } {
  const events = new EventEmitter()
  const call = { request: {}, on: (event: string, listener: () => void) => events.on(event, listener) }
  return {
    call: call as unknown as ServerUnaryCall<unknown, unknown>,
    cancel: () => events.emit('cancelled'),
  }
}

UnaryHandler('unaryHandler - the signal aborts when the caller cancels before the answer', async () => {
  const { call: pending, cancel } = cancellableCall()
  let seen: AbortSignal | undefined
  const answered = new Promise<ServerErrorResponse | null>((resolve) =>
    unaryHandler(
      (_req, signal) =>
        new Promise((_resolve, reject) => {
          seen = signal
          signal.addEventListener('abort', () => reject(new Error('cancelled')))
        }),
    )(pending, (error) => resolve(error as ServerErrorResponse | null)),
  )
  cancel()
  assert.ok((await answered) !== null)
  assert.ok(seen?.aborted)
})

UnaryHandler('unaryHandler - a stream closed after the answer does not abort the signal', async () => {
  const { call: done, cancel } = cancellableCall()
  let seen: AbortSignal | undefined
  await new Promise((resolve) =>
    unaryHandler(async (_req, signal) => {
      seen = signal
      return {}
    })(done, resolve),
  )
  cancel()
  assert.is(seen?.aborted, false)
})

UnaryHandler.run()
