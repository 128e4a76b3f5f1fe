import { status } from '@grpc/grpc-js'
import type { ServerErrorResponse, ServiceDefinition } from '@grpc/grpc-js'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { loadProtos } from '@dc/protos'
import type { PeerIdentity } from '@dc/tls'
import { authorizeCalls, describeCaller, isReadOnlyMethod } from '../src/index.js'
import type { CallPolicy } from '../src/index.js'

/** A server call as grpc-js hands it to a handler, with a verified certificate naming `uris`. */
function callFrom(uris: readonly string[]) {
  const emitted: ServerErrorResponse[] = []
  const call = {
    getAuthContext: () => ({
      sslPeerCertificate: { subjectaltname: uris.map((u) => `URI:${u}`).join(', ') },
    }),
    emit: (_event: 'error', error: ServerErrorResponse) => emitted.push(error) > 0,
  }
  return { call, emitted }
}

const ALICE = ['spiffe://dc/operator/alice', 'spiffe://dc/role/admin']
const BOB = ['spiffe://dc/operator/bob', 'spiffe://dc/role/reader']

// The policy under test: changes need an admin, reads anyone.
const adminChanges: CallPolicy = (method, caller) =>
  isReadOnlyMethod(method) || caller?.role === 'admin' ? undefined : 'the admin role'

type Handler = (
  call: unknown,
  callback?: (error: ServerErrorResponse | null, value?: unknown) => void,
) => void

function guarded(service: ServiceDefinition, ran: string[], denied: string[]): Record<string, Handler> {
  const handlers: Record<string, Handler> = {}
  for (const method of Object.keys(service)) {
    handlers[method] = (_call, callback) => {
      ran.push(method)
      callback?.(null, {})
    }
  }
  return authorizeCalls(service, handlers, adminChanges, { onDenied: (m) => denied.push(m) })
}

const AuthorizeCalls = suite('authorizeCalls')

AuthorizeCalls('authorizeCalls - a refused unary call gets PERMISSION_DENIED and never runs', () => {
  const ran: string[] = []
  const denied: string[] = []
  const handlers = guarded(loadProtos().dc.platform.v1.Platform.service, ran, denied)
  const { call } = callFrom(BOB)
  let answer: ServerErrorResponse | null | undefined
  handlers['LockHost']?.(call, (error) => (answer = error))
  assert.equal(ran, [])
  assert.is(answer?.code, status.PERMISSION_DENIED)
  const message = "LockHost needs the admin role; the client presented operator 'bob' (role reader)"
  assert.is(answer?.details, message)
  assert.equal(denied, [message])
})

AuthorizeCalls('authorizeCalls - an allowed call runs its handler unchanged', () => {
  const ran: string[] = []
  const handlers = guarded(loadProtos().dc.platform.v1.Platform.service, ran, [])
  let answer: ServerErrorResponse | null | undefined = undefined
  handlers['LockHost']?.(callFrom(ALICE).call, (error) => (answer = error))
  handlers['ListHosts']?.(callFrom(BOB).call, () => {})
  assert.equal(ran, ['LockHost', 'ListHosts'])
  assert.is(answer, null)
})

AuthorizeCalls('authorizeCalls - a refused streaming call fails with an error event', () => {
  const ran: string[] = []
  const service = loadProtos().dc.agent.v1.Agent.service
  const handlers = authorizeCalls(
    service,
    { Watch: () => ran.push('Watch') } as Record<string, Handler>,
    () => 'a controller certificate',
  )
  const { call, emitted } = callFrom(BOB)
  handlers['Watch']?.(call)
  assert.equal(ran, [])
  assert.is(emitted[0]?.code, status.PERMISSION_DENIED)
  assert.match(emitted[0]?.details ?? '', /^Watch needs a controller certificate/)
})

AuthorizeCalls('authorizeCalls - the policy sees the identity of the certificate, or none', () => {
  const seen: (PeerIdentity | undefined)[] = []
  const handlers = authorizeCalls(
    loadProtos().dc.platform.v1.Platform.service,
    { GetSystem: () => {} } as Record<string, Handler>,
    (_method, caller) => void seen.push(caller),
  )
  handlers['GetSystem']?.(callFrom(ALICE).call, () => {})
  handlers['GetSystem']?.(callFrom(['spiffe://elsewhere/x']).call, () => {})
  assert.equal(seen, [{ kind: 'operator', name: 'alice', role: 'admin' }, undefined])
})

const IsReadOnlyMethod = suite('isReadOnlyMethod')

IsReadOnlyMethod('isReadOnlyMethod - reads by name; anything else, new names included, changes', () => {
  for (const read of ['GetSystem', 'ListSubclouds', 'Describe', 'Watch', 'Plan', 'GetSubcloudErrors']) {
    assert.ok(isReadOnlyMethod(read), read)
  }
  for (const write of [
    'Apply',
    'Claim',
    'Bootstrap',
    'AddSubcloud',
    'LockHost',
    'Planet',
    'Getaway',
    'Sync',
  ]) {
    assert.not.ok(isReadOnlyMethod(write), write)
  }
})

IsReadOnlyMethod('isReadOnlyMethod - agrees with every method of our services that changes nothing', () => {
  const { dc } = loadProtos()
  const methods = [dc.platform.v1.Platform, dc.agent.v1.Agent, dc.manager.v1.DcManager].flatMap((s) =>
    Object.keys(s.service),
  )
  const reads = methods.filter(isReadOnlyMethod)
  // Every read is named for what it reads; no name of a change slips in.
  assert.ok(
    reads.every((m) => /^(Get|List|Describe$|Watch$|Plan$)/.test(m)),
    reads.join(', '),
  )
  assert.ok(methods.includes('Apply') && !reads.includes('Apply'))
})

const DescribeCaller = suite('describeCaller')

DescribeCaller('describeCaller - names kind, name and role', () => {
  assert.is(
    describeCaller({ kind: 'operator', name: 'alice', role: 'admin' }),
    "operator 'alice' (role admin)",
  )
  assert.is(describeCaller({ kind: 'operator', name: 'eve' }), "operator 'eve' (no role)")
  assert.is(describeCaller({ kind: 'controller', name: 'central' }), "controller 'central'")
  assert.match(describeCaller(undefined), /names no dc identity/)
})

AuthorizeCalls.run()
IsReadOnlyMethod.run()
DescribeCaller.run()
