import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { identityUris, isValidIdentityName, parseIdentityUris, peerIdentity } from '../src/index.js'
import type { AuthContextSource } from '../src/index.js'

const IdentityUris = suite('identityUris')

IdentityUris('identityUris - names the kind and name, then the role of an operator', () => {
  assert.equal(identityUris({ kind: 'agent', name: 'subcloud1' }), ['spiffe://dc/agent/subcloud1'])
  assert.equal(identityUris({ kind: 'operator', name: 'alice', role: 'reader' }), [
    'spiffe://dc/operator/alice',
    'spiffe://dc/role/reader',
  ])
})

IdentityUris('identityUris - refuses a name that is not one token', () => {
  for (const name of ['', 'a/b', '-lead', 'x y', 'a'.repeat(64)]) {
    assert.throws(() => identityUris({ kind: 'controller', name }), /invalid identity name/, name)
  }
})

IdentityUris('identityUris - refuses a role on a non-operator', () => {
  assert.throws(
    () => identityUris({ kind: 'agent', name: 'sub1', role: 'admin' }),
    /only meaningful for an operator/,
  )
})

const IsValidIdentityName = suite('isValidIdentityName')

IsValidIdentityName('isValidIdentityName - accepts StarlingX-style names', () => {
  for (const name of ['subcloud1', 'site_a.edge-2', 'SystemController', '0'])
    assert.ok(isValidIdentityName(name), name)
})

const ParseIdentityUris = suite('parseIdentityUris')

ParseIdentityUris('parseIdentityUris - reads back what identityUris wrote', () => {
  for (const identity of [
    { kind: 'controller', name: 'ctl-a' },
    { kind: 'agent', name: 'subcloud7' },
    { kind: 'operator', name: 'bob', role: 'admin' },
  ] as const) {
    assert.equal(parseIdentityUris(identityUris(identity)), identity)
  }
})

ParseIdentityUris('parseIdentityUris - ignores foreign URIs', () => {
  assert.equal(
    parseIdentityUris(['https://example.invalid/x', 'spiffe://other/agent/x', 'spiffe://dc/agent/sub1']),
    { kind: 'agent', name: 'sub1' },
  )
})

ParseIdentityUris('parseIdentityUris - is undefined without exactly one identity', () => {
  assert.is(parseIdentityUris([]), undefined)
  assert.is(parseIdentityUris(['spiffe://dc/role/admin']), undefined)
  assert.is(parseIdentityUris(['spiffe://dc/agent/a', 'spiffe://dc/controller/b']), undefined)
  assert.is(parseIdentityUris(['spiffe://dc/robot/a']), undefined)
  assert.is(parseIdentityUris(['spiffe://dc/agent/a/b']), undefined)
})

ParseIdentityUris('parseIdentityUris - grants no role when roles are ambiguous or not an operator', () => {
  assert.equal(
    parseIdentityUris(['spiffe://dc/operator/eve', 'spiffe://dc/role/admin', 'spiffe://dc/role/reader']),
    { kind: 'operator', name: 'eve' },
  )
  assert.equal(parseIdentityUris(['spiffe://dc/agent/a', 'spiffe://dc/role/admin']), {
    kind: 'agent',
    name: 'a',
  })
})

const PeerIdentity = suite('peerIdentity')

const callWith = (subjectaltname: string | undefined): AuthContextSource => ({
  getAuthContext: () =>
    subjectaltname === undefined
      ? {}
      : ({ sslPeerCertificate: { subjectaltname } } as ReturnType<AuthContextSource['getAuthContext']> &
          object),
})

PeerIdentity('peerIdentity - reads the URI SANs among other SANs as Node renders them', () => {
  assert.equal(
    peerIdentity(
      callWith('URI:spiffe://dc/operator/alice, URI:spiffe://dc/role/admin, IP Address:127.0.0.1, DNS:"a,b"'),
    ),
    { kind: 'operator', name: 'alice', role: 'admin' },
  )
})

PeerIdentity('peerIdentity - reads a JSON-quoted URI', () => {
  assert.equal(peerIdentity(callWith('DNS:x, URI:"spiffe://dc/agent/sub1"')), { kind: 'agent', name: 'sub1' })
})

PeerIdentity('peerIdentity - is undefined without a verified certificate', () => {
  assert.is(peerIdentity(callWith(undefined)), undefined)
  assert.is(peerIdentity({ getAuthContext: () => null }), undefined)
  assert.is(peerIdentity(callWith('DNS:host.example')), undefined)
})

IdentityUris.run()
IsValidIdentityName.run()
ParseIdentityUris.run()
PeerIdentity.run()
