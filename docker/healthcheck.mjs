// Docker HEALTHCHECK probe for dc-controller and dc-agent: one grpc.health.v1.Health/Check call for
// the server as a whole (service ""), made with the grpc-health-check library's service definition.
// Exits 0 only on SERVING, so a process that is up but not yet (or no longer) serving is unhealthy.
// It speaks the TLS the entrypoint serves: with server.crt, server.key and ca.crt in $DC_TLS_DIR
// (default /etc/dc/tls) it calls over mutual TLS, presenting the server's own certificate;
// without them (an --insecure container) it calls in plaintext.
// Usage: node docker/healthcheck.mjs [HOST:PORT]   (default: $DC_HEALTH_TARGET, else 127.0.0.1:50051)
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

// grpc-js and grpc-health-check are dependencies of @dc/protos, which every image ships; resolve
// them from there because this script sits outside any package.
const require = createRequire(new URL('../protos/package.json', import.meta.url))
const grpc = require('@grpc/grpc-js')
const { service } = require('grpc-health-check')

const target = process.argv[2] ?? process.env.DC_HEALTH_TARGET ?? '127.0.0.1:50051'
const timeoutMs = Number(process.env.DC_HEALTH_TIMEOUT_MS ?? 4000)
const tlsDir = process.env.DC_TLS_DIR || '/etc/dc/tls'
const files = ['ca.crt', 'server.key', 'server.crt'].map((f) => join(tlsDir, f))

function credentials() {
  if (!files.every((f) => existsSync(f))) return grpc.credentials.createInsecure()
  const [ca, key, cert] = files.map((f) => readFileSync(f))
  // The chain is verified against the site CA; the name is not, because the probe dials its own
  // server on loopback while the certificate names the addresses others dial.
  return grpc.credentials.createSsl(ca, key, cert, { checkServerIdentity: () => undefined })
}

const Health = grpc.makeGenericClientConstructor(service, 'Health')
const client = new Health(target, credentials())
client.Check({ service: '' }, { deadline: Date.now() + timeoutMs }, (error, response) => {
  client.close()
  if (error) {
    console.error(`unhealthy: ${target}: ${error.details || error.message}`)
    process.exit(1)
  }
  if (response.status !== 'SERVING') {
    console.error(`unhealthy: ${target}: serving status ${response.status}`)
    process.exit(1)
  }
  console.log(`healthy: ${target}`)
})
