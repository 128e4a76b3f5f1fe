import { credentials, loadPackageDefinition, ServerCredentials } from '@grpc/grpc-js'
import type { Client, Server, ServiceClientConstructor } from '@grpc/grpc-js'
import { loadSync } from '@grpc/proto-loader'
import { protoLocation } from '../../src/index.js'

/** Binds `server` on an ephemeral loopback port and returns `127.0.0.1:PORT`. */
export function bindLoopback(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, port) =>
      error ? reject(error) : resolve(`127.0.0.1:${port}`),
    )
  })
}

/** An untyped client for `service` (e.g. `grpc.health.v1.Health`) of a third-party proto file. */
export function clientFor<T extends Client>(protoPath: string, service: string, target: string): T {
  const root = loadPackageDefinition(loadSync(protoPath, protoLocation().options))
  const ctor = service.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root)
  return new (ctor as ServiceClientConstructor)(target, credentials.createInsecure()) as unknown as T
}
