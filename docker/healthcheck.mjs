// Docker HEALTHCHECK probe for dc-controller and dc-agent: one grpc.health.v1.Health/Check call for
// the server as a whole (service ""). Exits 0 only on SERVING, so a process that is up but not yet
// (or no longer) serving counts as unhealthy.
// Usage: node docker/healthcheck.mjs [HOST:PORT]   (default: $DC_HEALTH_TARGET, else 127.0.0.1:50051)
import { createRequire } from 'node:module'

// grpc-js is a dependency of @dc/protos, which every image ships; resolve it from there because this
// script sits outside any package.
const require = createRequire(new URL('../protos/package.json', import.meta.url))
const grpc = require('@grpc/grpc-js')

const target = process.argv[2] ?? process.env.DC_HEALTH_TARGET ?? '127.0.0.1:50051'
const timeoutMs = Number(process.env.DC_HEALTH_TIMEOUT_MS ?? 4000)
const SERVING = 1

const client = new grpc.Client(target, grpc.credentials.createInsecure())
client.makeUnaryRequest(
  '/grpc.health.v1.Health/Check',
  // HealthCheckRequest{service: ""} has every field at its default, so it encodes to zero bytes.
  () => Buffer.alloc(0),
  (bytes) => bytes,
  Buffer.alloc(0),
  new grpc.Metadata(),
  { deadline: Date.now() + timeoutMs },
  (error, response) => {
    client.close()
    if (error) {
      console.error(`unhealthy: ${target}: ${error.details || error.message}`)
      process.exit(1)
    }
    // HealthCheckResponse has one enum field (number 1, varint): bytes 0x08 <status>. The empty
    // message is status 0, UNKNOWN.
    const status = response.length >= 2 && response[0] === 0x08 ? response[1] : 0
    if (status !== SERVING) {
      console.error(`unhealthy: ${target}: serving status ${status}`)
      process.exit(1)
    }
    console.log(`healthy: ${target}`)
  },
)
