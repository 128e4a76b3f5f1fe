import { credentials, Metadata, Server, status } from '@grpc/grpc-js'
import type { ServiceError } from '@grpc/grpc-js'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { describeGrpcError, loadProtos, unaryCall } from '../src/index.js'
import type { Network__Output, PlatformClient, PlatformHandlers } from '../src/index.js'
import { bindLoopback } from './support/grpc-loopback.js'

interface Ctx {
  server: Server
  client: PlatformClient | undefined
}

const UnaryCall = suite<Ctx>('unaryCall', { server: new Server(), client: undefined })

UnaryCall.before(async (ctx) => {
  const { Platform } = loadProtos().dc.platform.v1
  const handlers: Pick<PlatformHandlers, 'GetNetwork' | 'GetSystem'> = {
    GetNetwork: (call, callback) => {
      if (call.request.network === 'oam') callback(null, { name: 'oam', type: 'oam' })
      else callback({ code: status.NOT_FOUND, details: `Network ${call.request.network} not found` })
    },
    // Never answers: only the client's cancellation or deadline ends it.
    GetSystem: () => {},
  }
  ctx.server.addService(Platform.service, handlers)
  ctx.client = new Platform(await bindLoopback(ctx.server), credentials.createInsecure())
})

UnaryCall.after((ctx) => {
  ctx.client?.close()
  ctx.server.forceShutdown()
})

function client(ctx: Ctx): PlatformClient {
  if (ctx.client === undefined) throw new Error('no client')
  return ctx.client
}

const soon = (): { deadline: number } => ({ deadline: Date.now() + 10_000 })

/** What `promise` rejects with; undefined when it resolves, which every assertion below refuses. */
const rejection = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (err: unknown) => err,
  )

UnaryCall('unaryCall - resolves with the response', async (ctx) => {
  const network = await unaryCall<Network__Output>((cb) =>
    client(ctx).GetNetwork({ network: 'oam' }, new Metadata(), soon(), cb),
  )
  assert.is(network.name, 'oam')
})

UnaryCall('unaryCall - rejects with the ServiceError as the client got it', async (ctx) => {
  const err = (await rejection(
    unaryCall((cb) => client(ctx).GetNetwork({ network: 'storage' }, new Metadata(), soon(), cb)),
  )) as ServiceError
  assert.is(err.code, status.NOT_FOUND)
  assert.is(err.details, 'Network storage not found')
  assert.instance(err.metadata, Metadata)
})

UnaryCall('unaryCall - an abort cancels the call in flight', async (ctx) => {
  const controller = new AbortController()
  const pending = unaryCall((cb) => client(ctx).GetSystem({}, new Metadata(), soon(), cb), controller.signal)
  setTimeout(() => controller.abort(), 50)
  const err = (await rejection(pending)) as ServiceError
  assert.is(err.code, status.CANCELLED)
})

UnaryCall('unaryCall - an aborted signal rejects with its reason and sends nothing', async (ctx) => {
  const reason = new Error('stopping')
  let started = false
  const err = await rejection(
    unaryCall((cb) => {
      started = true
      return client(ctx).GetSystem({}, new Metadata(), soon(), cb)
    }, AbortSignal.abort(reason)),
  )
  assert.is(err, reason)
  assert.not.ok(started)
})

UnaryCall.run()

const DescribeGrpcError = suite('describeGrpcError')

DescribeGrpcError('describeGrpcError - status details and code of a gRPC failure, message otherwise', () => {
  const grpc = Object.assign(new Error('5 NOT_FOUND: gone'), { code: status.NOT_FOUND, details: 'gone' })
  assert.is(describeGrpcError(grpc), 'gone (gRPC status 5)')
  assert.is(describeGrpcError(new Error('boom')), 'boom')
  assert.is(describeGrpcError('plain'), 'plain')
})

DescribeGrpcError.run()
