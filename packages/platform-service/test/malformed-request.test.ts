import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { loadProtos } from '@dc/protos'
import { InvalidRequestError } from '../src/errors.js'
import { MalformedRequest, requireDecoded, tolerantServiceDefinition } from '../src/malformed-request.js'

const Tolerant = suite('tolerantServiceDefinition')

Tolerant(
  'tolerantServiceDefinition - turns undecodable bytes into a MalformedRequest and decodes the rest',
  () => {
    const service = loadProtos().dc.agent.v1.Agent.service
    const claim = tolerantServiceDefinition(service)['Claim']
    assert.ok(claim)
    // Field 1 (epoch, varint) announced as length-delimited with a length past the end.
    assert.instance(claim.requestDeserialize(Buffer.from([0x0a, 0x7f, 0x01])), MalformedRequest)
    const good = service['Claim']!.requestSerialize({ epoch: '4', controller_id: 'ctl-a' })
    assert.equal(claim.requestDeserialize(good), { epoch: '4', controller_id: 'ctl-a' })
    assert.is(claim.path, service['Claim']!.path)
  },
)

const RequireDecoded = suite('requireDecoded')

RequireDecoded(
  'requireDecoded - refuses a MalformedRequest with INVALID_ARGUMENT and passes others through',
  () => {
    assert.throws(
      () => requireDecoded(new MalformedRequest('index out of range')),
      (err: unknown) =>
        err instanceof InvalidRequestError &&
        err.field === 'request' &&
        /index out of range/.test(err.message),
    )
    const request = { pool: 'p' }
    assert.is(requireDecoded(request), request)
  },
)

Tolerant.run()
RequireDecoded.run()
