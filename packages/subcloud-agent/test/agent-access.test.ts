import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { PeerIdentity } from '@dc/tls'
import { agentPlatformPolicy, agentServicePolicy } from '../src/adapters/agent-access.js'

const controller: PeerIdentity = { kind: 'controller', name: 'central' }
const admin: PeerIdentity = { kind: 'operator', name: 'alice', role: 'admin' }
const reader: PeerIdentity = { kind: 'operator', name: 'bob', role: 'reader' }
const agent: PeerIdentity = { kind: 'agent', name: 'subcloud2' }

const AgentServicePolicy = suite('agentServicePolicy')

AgentServicePolicy('agentServicePolicy - Bootstrap, Apply and Claim only for a controller', () => {
  for (const method of ['Bootstrap', 'Apply', 'Claim']) {
    assert.is(agentServicePolicy(method, controller), undefined, method)
    for (const other of [admin, reader, agent]) {
      assert.is(agentServicePolicy(method, other), 'a controller certificate', `${method} ${other.name}`)
    }
  }
})

AgentServicePolicy(
  'agentServicePolicy - Describe and Watch for any identity of the site, none without',
  () => {
    for (const method of ['Describe', 'Watch']) {
      for (const caller of [controller, admin, reader, agent])
        assert.is(agentServicePolicy(method, caller), undefined)
      assert.match(agentServicePolicy(method, undefined) ?? '', /naming a controller, agent or operator/)
    }
  },
)

const AgentPlatformPolicy = suite('agentPlatformPolicy')

AgentPlatformPolicy('agentPlatformPolicy - changes for the controller and admins, reads for all', () => {
  for (const method of ['AddAddressPool', 'LockHost', 'DeleteNetwork']) {
    assert.is(agentPlatformPolicy(method, controller), undefined)
    assert.is(agentPlatformPolicy(method, admin), undefined)
    assert.is(agentPlatformPolicy(method, reader), 'a controller certificate or the admin role')
    assert.is(agentPlatformPolicy(method, agent), 'a controller certificate or the admin role')
  }
  for (const method of ['ListAddressPools', 'GetSystem', 'Plan']) {
    assert.is(agentPlatformPolicy(method, reader), undefined, method)
  }
})

AgentServicePolicy.run()
AgentPlatformPolicy.run()
