// Run inside a testbed site's namespace (the only place the controllers and agents are reachable):
// prints one JSON object with a controller's subclouds and what each named agent reports of itself.
// usage: testbed-probe.ts STATE_DIR CONTROLLER_HOST:PORT [AGENT_HOST:PORT...]
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { credentials } from '@grpc/grpc-js'
import { loadProtos } from '@dc/protos'
import type { DescribeResponse__Output, ListSubcloudsResponse__Output } from '@dc/protos'
import { ignoreIpServernameWarning } from '@dc/tls'
import { unary } from '@dc/test-support'

ignoreIpServernameWarning()
const [stateDir = '', controllerAddress = '', ...agentAddresses] = process.argv.slice(2)
const pki = join(stateDir, 'pki')
const tls = credentials.createSsl(
  readFileSync(join(pki, 'ca.crt')),
  readFileSync(join(pki, 'operator-admin.key')),
  readFileSync(join(pki, 'operator-admin.crt')),
)
const { dc } = loadProtos()
const manager = new dc.manager.v1.DcManager(controllerAddress, tls)
const listed = await unary<ListSubcloudsResponse__Output>((o, cb) =>
  manager.ListSubclouds({ all: true }, o, cb),
)
manager.close()
const agents: Record<string, DescribeResponse__Output> = {}
for (const address of agentAddresses) {
  const agent = new dc.agent.v1.Agent(address, tls)
  agents[address] = await unary<DescribeResponse__Output>((o, cb) => agent.Describe({}, o, cb))
  agent.close()
}
process.stdout.write(`${JSON.stringify({ subclouds: listed.subclouds, agents })}\n`)
