import { X509Certificate, createPrivateKey } from 'node:crypto'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { issueCertificate, writeIssuedCertificate } from '../src/pki/issue-certificate.js'
import type { IssueRequest } from '../src/pki/issue-certificate.js'
import { PkiError } from '../src/pki/pki-error.js'
import { createSiteCa } from '../src/pki/site-ca.js'
import type { CreatedSiteCa } from '../src/pki/site-ca.js'
import { x509 } from '../src/pki/x509.js'

const SERVER_AUTH = '1.3.6.1.5.5.7.3.1'
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2'

interface CaCtx {
  ca?: CreatedSiteCa
  other?: CreatedSiteCa
}

const IssueCertificate = suite<CaCtx>('issueCertificate', {})
IssueCertificate.before(async (ctx) => {
  ctx.ca = await createSiteCa({ name: 'site-ca' })
  ctx.other = await createSiteCa({ name: 'other-ca' })
})

async function issued(ctx: CaCtx, request: IssueRequest): Promise<{ node: X509Certificate; keyPem: string }> {
  if (ctx.ca === undefined) throw new Error('no CA')
  const result = await issueCertificate(ctx.ca, request)
  return { node: new X509Certificate(result.certPem), keyPem: result.keyPem }
}

IssueCertificate(
  'issueCertificate - gives an agent both EKUs, its identity URI and IP SANs in both families',
  async (ctx) => {
    const { node, keyPem } = await issued(ctx, {
      kind: 'agent',
      name: 'subcloud1',
      ipAddresses: ['10.20.2.2', '[fd00::2]', '127.0.0.1', '::1'],
      dnsNames: ['sub1.example'],
    })
    assert.is(node.subject, 'CN=subcloud1')
    assert.is(node.issuer, 'CN=site-ca')
    assert.is(
      node.subjectAltName,
      'URI:spiffe://dc/agent/subcloud1, IP Address:10.20.2.2, IP Address:FD00:0:0:0:0:0:0:2, ' +
        'IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, DNS:sub1.example',
    )
    assert.equal(node.keyUsage, [SERVER_AUTH, CLIENT_AUTH])
    assert.not.ok(node.ca)
    assert.is(node.checkIP('fd00::2'), 'fd00::2')
    assert.is(node.checkIP('10.20.2.2'), '10.20.2.2')
    assert.is(node.checkIP('10.20.2.3'), undefined)
    assert.ok(node.checkPrivateKey(createPrivateKey(keyPem)))
  },
)

IssueCertificate('issueCertificate - gives a controller both EKUs', async (ctx) => {
  const { node } = await issued(ctx, { kind: 'controller', name: 'ctl-a', ipAddresses: ['192.0.2.1'] })
  assert.is(node.subjectAltName, 'URI:spiffe://dc/controller/ctl-a, IP Address:192.0.2.1')
  assert.equal(node.keyUsage, [SERVER_AUTH, CLIENT_AUTH])
})

IssueCertificate('issueCertificate - gives an operator client auth only and the role URI', async (ctx) => {
  const { node } = await issued(ctx, { kind: 'operator', name: 'alice', role: 'reader' })
  assert.is(node.subjectAltName, 'URI:spiffe://dc/operator/alice, URI:spiffe://dc/role/reader')
  assert.equal(node.keyUsage, [CLIENT_AUTH])
})

IssueCertificate('issueCertificate - chains to its CA and to no other', async (ctx) => {
  if (ctx.ca === undefined || ctx.other === undefined) throw new Error('no CA')
  const { node } = await issued(ctx, { kind: 'operator', name: 'bob', role: 'admin' })
  const ca = new X509Certificate(ctx.ca.certPem)
  const other = new X509Certificate(ctx.other.certPem)
  assert.ok(node.checkIssued(ca))
  assert.ok(node.verify(ca.publicKey))
  assert.not.ok(node.verify(other.publicKey))
  const chain = await new x509.X509ChainBuilder({ certificates: [ctx.ca.certificate] }).build(
    new x509.X509Certificate(node.raw),
  )
  assert.equal(
    Array.from(chain, (certificate) => certificate.subject),
    ['CN=bob', 'CN=site-ca'],
  )
})

IssueCertificate('issueCertificate - defaults to one year, back-dated for clock skew', async (ctx) => {
  const before = Date.now()
  const { node } = await issued(ctx, { kind: 'operator', name: 'carol', role: 'admin' })
  const notBefore = Date.parse(node.validFrom)
  const notAfter = Date.parse(node.validTo)
  assert.ok(notBefore < before - 4 * 60_000 && notBefore > before - 6 * 60_000, node.validFrom)
  const days = (notAfter - before) / 86_400_000
  assert.ok(days > 364.9 && days <= 365.1, `${days} days`)
})

IssueCertificate('issueCertificate - honours an explicit validity, even one in the past', async (ctx) => {
  const validity = { notBefore: new Date('2020-01-01T00:00:00Z'), notAfter: new Date('2020-02-01T00:00:00Z') }
  const { node } = await issued(ctx, { kind: 'operator', name: 'old', role: 'admin', validity })
  assert.is(new Date(node.validTo).toISOString(), '2020-02-01T00:00:00.000Z')
})

IssueCertificate('issueCertificate - gives every certificate its own serial', async (ctx) => {
  const request = { kind: 'agent', name: 'sub1', ipAddresses: ['127.0.0.1'] } as const
  const [a, b] = await Promise.all([issued(ctx, request), issued(ctx, request)])
  assert.is.not(a.node.serialNumber, b.node.serialNumber)
})

IssueCertificate('issueCertificate - refuses requests that would make a useless certificate', async (ctx) => {
  const cases: [IssueRequest, string][] = [
    [{ kind: 'operator', name: 'alice' }, 'needs a role: --role admin or --role reader'],
    [{ kind: 'agent', name: 'sub1', role: 'admin' }, 'only meaningful for an operator'],
    [{ kind: 'agent', name: 'sub1' }, 'needs the addresses it is dialled at'],
    [{ kind: 'controller', name: 'a/b', ipAddresses: ['127.0.0.1'] }, 'invalid identity name "a/b"'],
    [{ kind: 'agent', name: 'sub1', ipAddresses: ['10.0.0.300'] }, 'invalid IP address "10.0.0.300"'],
    [{ kind: 'agent', name: 'sub1', ipAddresses: ['fe80::1%eth0'] }, 'invalid IP address'],
    [{ kind: 'agent', name: 'sub1', dnsNames: ['bad_name!'] }, 'invalid DNS name "bad_name!"'],
  ]
  for (const [request, message] of cases) {
    try {
      await issued(ctx, request)
      assert.unreachable(`should have refused ${JSON.stringify(request)}`)
    } catch (error) {
      assert.instance(error, PkiError)
      assert.match((error as Error).message, message)
    }
  }
})

const WriteIssuedCertificate = suite<CaCtx & { dir: string }>('writeIssuedCertificate', { dir: '' })
WriteIssuedCertificate.before(async (ctx) => {
  ctx.ca = await createSiteCa()
  ctx.dir = await mkdtemp(join(tmpdir(), 'dc-pki-issue-'))
})
WriteIssuedCertificate.after((ctx) => rm(ctx.dir, { recursive: true, force: true }))

WriteIssuedCertificate(
  'writeIssuedCertificate - writes PREFIX.crt and a 0600 PREFIX.key, replacing older ones',
  async (ctx) => {
    if (ctx.ca === undefined) throw new Error('no CA')
    const prefix = join(ctx.dir, 'nested', 'agent')
    const request = { kind: 'agent', name: 'sub1', ipAddresses: ['127.0.0.1'] } as const
    await writeIssuedCertificate(prefix, await issueCertificate(ctx.ca, request))
    const second = await issueCertificate(ctx.ca, request)
    const files = await writeIssuedCertificate(prefix, second)
    assert.equal(files, { certFile: `${prefix}.crt`, keyFile: `${prefix}.key` })
    assert.is(await readFile(files.certFile, 'utf8'), second.certPem)
    assert.is(await readFile(files.keyFile, 'utf8'), second.keyPem)
    assert.is((await stat(files.keyFile)).mode & 0o777, 0o600)
  },
)

IssueCertificate.run()
WriteIssuedCertificate.run()
