import type { Server } from '@grpc/grpc-js'
import { ReflectionService } from '@grpc/reflection'
import { loadSync } from '@grpc/proto-loader'
import { HealthImplementation, protoPath as healthProtoPath } from 'grpc-health-check'
import { loadProtoDefinition, protoLocation } from './load-protos.js'

/** Fully qualified names of our services, as health checking and reflection name them. */
export const SERVICE_NAMES = {
  platform: 'dc.platform.v1.Platform',
  agent: 'dc.agent.v1.Agent',
  dcManager: 'dc.manager.v1.DcManager',
} as const

const HEALTH_SERVICE_NAME = 'grpc.health.v1.Health'

export type ServiceName = (typeof SERVICE_NAMES)[keyof typeof SERVICE_NAMES]

export interface StandardServicesOptions {
  /** Services the server implements; each, and the whole server (`''`), start SERVING. */
  readonly serviceNames: readonly ServiceName[]
}

/**
 * Registers standard gRPC health checking (`grpc.health.v1.Health`) and server reflection (v1
 * and v1alpha) on `server`, so `grpcurl` and probes work against every server of ours. Returns
 * the health implementation: set every name to NOT_SERVING first thing on shutdown.
 */
export function addStandardServices(server: Server, options: StandardServicesOptions): HealthImplementation {
  const health = new HealthImplementation(
    Object.fromEntries(['', ...options.serviceNames].map((name) => [name, 'SERVING' as const])),
  )
  health.addToServer(server)
  // Health joins the reflected definitions, and the whitelist drops the services this server does
  // not implement, so `grpcurl list` shows exactly what the server answers.
  const healthDefinition = loadSync(healthProtoPath, protoLocation().options)
  new ReflectionService(
    { ...loadProtoDefinition(), ...healthDefinition },
    { services: [...options.serviceNames, HEALTH_SERVICE_NAME] },
  ).addToServer(server)
  return health
}
