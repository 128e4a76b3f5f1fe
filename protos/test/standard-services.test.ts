import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'
import { Server } from '@grpc/grpc-js'
import type { Client, ClientDuplexStream } from '@grpc/grpc-js'
import { protoPath as healthProtoPath } from 'grpc-health-check'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { addStandardServices, SERVICE_NAMES } from '../src/index.js'
import { bindLoopback, clientFor } from './support/grpc-loopback.js'

const reflectionProtoPath = join(
  dirname(createRequire(import.meta.url).resolve('@grpc/reflection')),
  '../proto/grpc/reflection/v1/reflection.proto',
)

interface HealthClient extends Client {
  check(
    request: { service: string },
    callback: (error: Error | null, response?: { status: string }) => void,
  ): void
}

interface ReflectionClient extends Client {
  ServerReflectionInfo(): ClientDuplexStream<
    { list_services: string },
    { list_services_response?: { service: { name: string }[] } }
  >
}

const AddStandardServices = suite<{ server: Server; clients: Client[] }>('addStandardServices', {
  server: new Server(),
  clients: [],
})

AddStandardServices.after((ctx) => {
  for (const client of ctx.clients) client.close()
  ctx.server.forceShutdown()
})

AddStandardServices(
  'addStandardServices - serves health SERVING, then NOT_SERVING when flipped',
  async (ctx) => {
    const healthImpl = addStandardServices(ctx.server, { serviceNames: [SERVICE_NAMES.agent] })
    const target = await bindLoopback(ctx.server)
    const health = clientFor<HealthClient>(healthProtoPath, 'grpc.health.v1.Health', target)
    ctx.clients.push(health)
    const check = (service: string) =>
      new Promise<string>((resolve, reject) => {
        health.check({ service }, (error, response) =>
          error ? reject(error) : resolve(response?.status ?? ''),
        )
      })
    assert.is(await check(''), 'SERVING')
    assert.is(await check(SERVICE_NAMES.agent), 'SERVING')
    healthImpl.setStatus(SERVICE_NAMES.agent, 'NOT_SERVING')
    assert.is(await check(SERVICE_NAMES.agent), 'NOT_SERVING')
    await check(SERVICE_NAMES.platform).then(
      () => assert.unreachable('a service the server does not implement must be NOT_FOUND'),
      (error: unknown) => assert.match(String(error), /NOT_FOUND/),
    )

    // Reflection lists exactly the implemented services plus health, which is what grpcurl shows.
    const reflection = clientFor<ReflectionClient>(
      reflectionProtoPath,
      'grpc.reflection.v1.ServerReflection',
      target,
    )
    ctx.clients.push(reflection)
    const names = await new Promise<string[]>((resolve, reject) => {
      const stream = reflection.ServerReflectionInfo()
      stream.on('data', (response: { list_services_response?: { service: { name: string }[] } }) => {
        resolve((response.list_services_response?.service ?? []).map((s) => s.name).sort())
        stream.end()
      })
      stream.on('error', reject)
      stream.write({ list_services: '*' })
    })
    assert.equal(names, [SERVICE_NAMES.agent, 'grpc.health.v1.Health'])
  },
)

AddStandardServices.run()
