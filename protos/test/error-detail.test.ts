import { credentials, Metadata, Server, status } from '@grpc/grpc-js'
import type { Client, ServiceError } from '@grpc/grpc-js'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { errorDetailMetadata, loadProtos, readErrorDetail } from '../src/index.js'
import type { PlatformClient, PlatformHandlers } from '../src/index.js'
import { bindLoopback } from './support/grpc-loopback.js'

const ReadErrorDetail = suite<{ server: Server; clients: Client[] }>('readErrorDetail', {
  server: new Server(),
  clients: [],
})

ReadErrorDetail.after((ctx) => {
  for (const client of ctx.clients) client.close()
  ctx.server.forceShutdown()
})

ReadErrorDetail(
  'readErrorDetail - reads the detail a handler attached with errorDetailMetadata',
  async (ctx) => {
    const { Platform } = loadProtos().dc.platform.v1
    const handlers: Pick<PlatformHandlers, 'GetNetwork'> = {
      GetNetwork: (call, callback) => {
        callback({
          code: status.NOT_FOUND,
          details: `Network ${call.request.network} not found`,
          metadata: errorDetailMetadata({
            code: 'NETWORK_NOT_FOUND',
            category: 'not-found',
            message: `Network ${call.request.network} not found`,
            field: 'network',
          }),
        })
      },
    }
    ctx.server.addService(Platform.service, handlers)
    const client: PlatformClient = new Platform(await bindLoopback(ctx.server), credentials.createInsecure())
    ctx.clients.push(client)
    const error = await new Promise<ServiceError>((resolve, reject) => {
      client.GetNetwork({ network: 'oam' }, (err) =>
        err ? resolve(err) : reject(new Error('expected an error')),
      )
    })
    assert.is(error.code, status.NOT_FOUND)
    assert.equal(readErrorDetail(error.metadata), {
      code: 'NETWORK_NOT_FOUND',
      category: 'not-found',
      message: 'Network oam not found',
      field: 'network',
    })
  },
)

ReadErrorDetail('readErrorDetail - is undefined without a detail or with an undecodable one', () => {
  assert.is(readErrorDetail(undefined), undefined)
  assert.is(readErrorDetail(new Metadata()), undefined)
  const garbage = new Metadata()
  garbage.set('dc-error-detail-bin', Buffer.from([0xff, 0xff, 0xff]))
  assert.is(readErrorDetail(garbage), undefined)
})

ReadErrorDetail.run()
