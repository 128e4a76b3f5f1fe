import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { PeerIdentity } from '@dc/tls'
import { operatorAccessPolicy } from '../src/grpc/operator-access.js'

const admin: PeerIdentity = { kind: 'operator', name: 'alice', role: 'admin' }
const reader: PeerIdentity = { kind: 'operator', name: 'bob', role: 'reader' }
const roleless: PeerIdentity = { kind: 'operator', name: 'eve' }
const peer: PeerIdentity = { kind: 'controller', name: 'site-b' }
const agent: PeerIdentity = { kind: 'agent', name: 'subcloud1' }

const OperatorAccessPolicy = suite('operatorAccessPolicy')

OperatorAccessPolicy('operatorAccessPolicy - changes need the admin role (or a peer controller)', () => {
  for (const method of ['AddSubcloud', 'DeleteSubcloudGroup', 'LockHost', 'SyncPeerGroupAssociation']) {
    assert.is(operatorAccessPolicy(method, admin), undefined, method)
    assert.is(operatorAccessPolicy(method, peer), undefined, method)
    for (const caller of [reader, roleless, agent, undefined]) {
      assert.is(operatorAccessPolicy(method, caller), 'the admin role', `${method} ${caller?.name ?? '-'}`)
    }
  }
})

OperatorAccessPolicy('operatorAccessPolicy - lists and shows need the reader or admin role', () => {
  for (const method of ['ListSubclouds', 'GetSubcloud', 'GetSystem', 'ListAlarms', 'Plan']) {
    for (const caller of [admin, reader, peer]) assert.is(operatorAccessPolicy(method, caller), undefined)
    for (const caller of [roleless, agent, undefined]) {
      assert.is(operatorAccessPolicy(method, caller), 'the reader or admin role', method)
    }
  }
})

OperatorAccessPolicy.run()
