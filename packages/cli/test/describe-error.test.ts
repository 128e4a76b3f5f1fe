import { errorDetailMetadata } from '@dc/protos'
import { Metadata, status } from '@grpc/grpc-js'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'

import { describeError } from '../src/describe-error.js'
import { CliError } from '../src/errors.js'

const server = { url: '127.0.0.1:50050', timeoutMs: 2500 }
const grpcError = (code: number, details: string) =>
  Object.assign(new Error(`${code} ${details}`), { code, details, metadata: new Metadata() })

const DescribeError = suite('describeError')

DescribeError("describeError - a rejection prints the server's message, which names the rule", () => {
  const message = 'Address pool oam-ipv4 family IPv6 does not match network oam secondary family IPv4'
  assert.equal(describeError(grpcError(status.FAILED_PRECONDITION, message), server), {
    message,
    exitCode: 1,
  })
})

DescribeError('describeError - appends the stable rule code the server put in the error trailer', () => {
  const message = 'The primary address pool of network cluster-pod cannot be removed'
  const error = Object.assign(grpcError(status.FAILED_PRECONDITION, message), {
    metadata: errorDetailMetadata({ code: 'PRIMARY_POOL_REMOVAL', category: 'failed-precondition', message }),
  })
  assert.equal(describeError(error, server), { message: `${message} [PRIMARY_POOL_REMOVAL]`, exitCode: 1 })
})

DescribeError('describeError - a failed TLS handshake says why, in one line', () => {
  const tls = {
    caFile: '/etc/dc/ca.crt',
    certFile: '/nonexistent/alice.crt',
    keyFile: '/nonexistent/alice.key',
  }
  const unknownCa = grpcError(
    status.UNAVAILABLE,
    'No connection established. Last error: Error: self-signed certificate in certificate chain',
  )
  assert.equal(describeError(unknownCa, { ...server, tls }), {
    message:
      "TLS handshake with 127.0.0.1:50050 failed: server certificate signed by unknown authority (no CA of this client's bundle signed it)",
    exitCode: 1,
  })
  const closed = grpcError(status.UNAVAILABLE, 'Connection closed before starting HTTP/2 handshake')
  assert.match(
    describeError(closed, server).message,
    /^connection to 127\.0\.0\.1:50050 closed before gRPC started: the server probably requires TLS/,
  )
})

DescribeError(
  "describeError - the controller's UNAVAILABLE about a subcloud is its message, not ours",
  () => {
    const message = 'Subcloud subcloud1 cannot be reached: TLS handshake with [fd00::2]:50051 failed: ...'
    const error = Object.assign(grpcError(status.UNAVAILABLE, message), {
      metadata: errorDetailMetadata({ code: 'SUBCLOUD_UNAVAILABLE', category: 'unavailable', message }),
    })
    assert.equal(describeError(error, server), { message: `${message} [SUBCLOUD_UNAVAILABLE]`, exitCode: 1 })
  },
)

DescribeError("describeError - PERMISSION_DENIED prints the server's message naming what is missing", () => {
  const message = "AddSubcloud needs the admin role; the client presented operator 'bob' (role reader)"
  assert.is(describeError(grpcError(status.PERMISSION_DENIED, message), server).message, message)
})

DescribeError('describeError - a refused connection names the URL that could not be reached', () => {
  const error = grpcError(
    status.UNAVAILABLE,
    'No connection established. Last error: connect ECONNREFUSED 127.0.0.1:50050',
  )
  assert.equal(describeError(error, server), {
    message: 'Unable to reach 127.0.0.1:50050: connection refused',
    exitCode: 1,
  })
})

DescribeError('describeError - a deadline names the server and the timeout', () => {
  assert.is(
    describeError(grpcError(status.DEADLINE_EXCEEDED, 'Deadline exceeded'), server).message,
    'No answer from 127.0.0.1:50050 within 2.5 s (deadline exceeded)',
  )
})

DescribeError("describeError - grpc-js's message size refusal names the sizes and the values limit", () => {
  const error = grpcError(status.RESOURCE_EXHAUSTED, 'Received message larger than max (10485799 vs 4194304)')
  assert.equal(describeError(error, server), {
    message:
      'Message too large for 127.0.0.1:50050: 10485799 bytes, the gRPC limit is 4194304 ' +
      '(a bootstrap values file holds at most 256 KiB)',
    exitCode: 1,
  })
})

DescribeError('describeError - always one line, never a stack', () => {
  const { message } = describeError(new TypeError('boom\n    at foo (bar.js:1:1)'), server)
  assert.is(message, 'Error: boom at foo (bar.js:1:1)')
  assert.not.match(message, '\n')
})

DescribeError('describeError - keeps the exit status of a CliError', () => {
  assert.equal(describeError(new CliError('Nothing to update', 2), server), {
    message: 'Nothing to update',
    exitCode: 2,
  })
})

DescribeError('describeError - control bytes a server echoes are escaped, never printed raw', () => {
  const echoed = "Address pool 'p\u001b[31m\u0001x\u202e' not found"
  const described = describeError(grpcError(status.NOT_FOUND, echoed), server)
  assert.is(described.message, "Address pool 'p\\x1b[31m\\x01x\\u{202e}' not found")
  const local = describeError(new Error('bad \u0007 bell'), server)
  assert.is(local.message, 'Error: bad \\x07 bell')
})

DescribeError.run()
