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

UnaryHandler.run()
