import { status } from '@grpc/grpc-js'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { describeTlsFailure } from '../src/index.js'

// Errors shaped as grpc-js reports connection failures; the real ones are in tls-mtls.test.ts.
const unavailable = (lastError: string) => ({
  code: status.UNAVAILABLE,
  details: `No connection established. Last error: ${lastError}. Resolution note: `,
  message: `14 UNAVAILABLE: No connection established. Last error: ${lastError}`,
})

const DescribeTlsFailure = suite('describeTlsFailure')

DescribeTlsFailure('describeTlsFailure - leaves failures TLS does not explain alone', () => {
  assert.is(
    describeTlsFailure(unavailable('Error: connect ECONNREFUSED 127.0.0.1:1'), '127.0.0.1:1'),
    undefined,
  )
  assert.is(describeTlsFailure({ code: status.PERMISSION_DENIED, details: 'x' }, 'h:1'), undefined)
  assert.is(describeTlsFailure(new Error('boom'), 'h:1'), undefined)
  assert.is(describeTlsFailure(null, 'h:1'), undefined)
})

DescribeTlsFailure('describeTlsFailure - names the host a server certificate lacks, IPv6 unbracketed', () => {
  const error = unavailable(
    "Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames: IP: fd00::2 is not in the cert's list: 10.0.0.1",
  )
  assert.is(
    describeTlsFailure(error, 'ipv6:[fd00::2]:50051'),
    'TLS handshake with ipv6:[fd00::2]:50051 failed: the server certificate does not name fd00::2 (its IP SANs must list every address it is dialled at)',
  )
})

DescribeTlsFailure('describeTlsFailure - maps the client-side verification errors', () => {
  const cases: [string, string][] = [
    ['Error: self-signed certificate in certificate chain', 'server certificate signed by unknown authority'],
    ['Error: unable to verify the first certificate', 'server certificate signed by unknown authority'],
    ['Error: certificate has expired', 'the server certificate has expired'],
    ['Error: certificate is not yet valid', 'not valid yet'],
    ['error:0A000418:SSL routines::tlsv1 alert unknown ca', 'does not trust the CA'],
  ]
  for (const [lastError, expected] of cases) {
    assert.match(describeTlsFailure(unavailable(lastError), '10.0.0.1:50051') ?? '', expected, lastError)
  }
})

DescribeTlsFailure('describeTlsFailure - suspects a missing client certificate on a silent close', () => {
  assert.is(
    describeTlsFailure(unavailable('Failed to connect (2026-01-01T00:00:00.000Z)'), 'localhost:50051'),
    'TLS handshake with localhost:50051 failed: the server closed the connection; it probably requires a client certificate and this client sent none',
  )
})

DescribeTlsFailure(
  'describeTlsFailure - falls back to a general reason when the certificate is unreadable',
  () => {
    const message = describeTlsFailure(unavailable('Socket closed'), 'h:1', {
      certFile: '/nonexistent/cert.pem',
    })
    assert.is(
      message,
      `TLS handshake with h:1 failed: the server refused this client's certificate (signed by a CA it does not trust, expired, or revoked) or its TLS setup differs`,
    )
  },
)

DescribeTlsFailure.run()
