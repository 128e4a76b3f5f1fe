import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { describeCertificates, formatCertificateSummary } from '../src/pki/describe-certificate.js'
import type { CertificateSummary } from '../src/pki/describe-certificate.js'
import { issueCertificate } from '../src/pki/issue-certificate.js'
import { PkiError } from '../src/pki/pki-error.js'
import { createSiteCa } from '../src/pki/site-ca.js'

const validity = { notBefore: new Date('2030-01-01T00:00:00Z'), notAfter: new Date('2031-01-01T00:00:00Z') }

const DescribeCertificates = suite('describeCertificates')

DescribeCertificates('describeCertificates - reads identity, SANs, usages and validity', async () => {
  const ca = await createSiteCa({ name: 'site-ca' })
  const agent = await issueCertificate(ca, {
    kind: 'agent',
    name: 'sub1',
    ipAddresses: ['10.0.0.2', 'fd00::2'],
    validity,
  })
  const [summary] = describeCertificates(agent.certPem, 'agent.crt')
  assert.equal(summary, {
    subject: 'CN=sub1',
    issuer: 'CN=site-ca',
    serialNumber: agent.certificate.serialNumber,
    notBefore: validity.notBefore,
    notAfter: validity.notAfter,
    subjectAltNames: ['URI:spiffe://dc/agent/sub1', 'IP:10.0.0.2', 'IP:fd00::2'],
    identity: { kind: 'agent', name: 'sub1' },
    extendedKeyUsages: ['serverAuth', 'clientAuth'],
    isCa: false,
  })
})

DescribeCertificates('describeCertificates - lists every certificate of a CA bundle', async () => {
  const [a, b] = await Promise.all([createSiteCa({ name: 'ca-old' }), createSiteCa({ name: 'ca-new' })])
  const summaries = describeCertificates(a.certPem + b.certPem, 'bundle.crt')
  assert.equal(
    summaries.map((s) => [s.subject, s.isCa, s.identity]),
    [
      ['CN=ca-old', true, undefined],
      ['CN=ca-new', true, undefined],
    ],
  )
})

DescribeCertificates('describeCertificates - says when a file holds no certificate', async () => {
  const ca = await createSiteCa()
  for (const text of ['hello\n', ca.keyPem]) {
    try {
      describeCertificates(text, 'x.pem')
      assert.unreachable('should have thrown')
    } catch (error) {
      assert.instance(error, PkiError)
      assert.is((error as Error).message, 'x.pem: no PEM certificate found')
    }
  }
})

const FormatCertificateSummary = suite('formatCertificateSummary')

const operator: CertificateSummary = {
  subject: 'CN=alice',
  issuer: 'CN=site-ca',
  serialNumber: '0a1b',
  notBefore: validity.notBefore,
  notAfter: validity.notAfter,
  subjectAltNames: ['URI:spiffe://dc/operator/alice', 'URI:spiffe://dc/role/admin'],
  identity: { kind: 'operator', name: 'alice', role: 'admin' },
  extendedKeyUsages: ['clientAuth'],
  isCa: false,
}

FormatCertificateSummary('formatCertificateSummary - prints aligned labels', () => {
  assert.is(
    formatCertificateSummary(operator, new Date('2030-06-01T00:00:00Z')),
    [
      'subject:    CN=alice',
      'issuer:     CN=site-ca',
      'serial:     0a1b',
      'not before: 2030-01-01T00:00:00.000Z',
      'not after:  2031-01-01T00:00:00.000Z',
      'SANs:       URI:spiffe://dc/operator/alice, URI:spiffe://dc/role/admin',
      'identity:   operator alice, role admin',
      'usages:     clientAuth',
      'CA:         no',
      '',
    ].join('\n'),
  )
})

FormatCertificateSummary('formatCertificateSummary - flags a certificate outside its validity', () => {
  assert.match(
    formatCertificateSummary(operator, new Date('2032-01-01T00:00:00Z')),
    '2031-01-01T00:00:00.000Z (expired)',
  )
  assert.match(formatCertificateSummary(operator, new Date('2029-01-01T00:00:00Z')), '(not yet valid)')
})

DescribeCertificates.run()
FormatCertificateSummary.run()
