import { status } from '@grpc/grpc-js'
import { AddressSyntaxError } from '@dc/netmodel'
import { createLogger } from '@dc/runtime'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import {
  GeoObjectNotFoundError,
  GeoRuleError,
  InvalidFieldError,
  OwnershipConflictError,
  PeerLinkUnavailableError,
  RegionNotFoundError,
  StoreUnavailableError,
  SubcloudAddRejectedError,
  SubcloudNameTakenError,
  SubcloudStateError,
  SubcloudUnavailableError,
} from '../src/errors.js'
import { toStatus } from '../src/grpc/status.js'

const test = suite('toStatus')

test('toStatus - controller errors map by category with the stable code and field in the trailers', () => {
  const cases: [Error, status][] = [
    [new InvalidFieldError('description', 'too long'), status.INVALID_ARGUMENT],
    [new RegionNotFoundError('nowhere'), status.NOT_FOUND],
    [new SubcloudNameTakenError('a'), status.ALREADY_EXISTS],
    [new SubcloudStateError('a', 'managed'), status.FAILED_PRECONDITION],
    [new SubcloudUnavailableError('a', 'offline', 'unavailable'), status.UNAVAILABLE],
    [new StoreUnavailableError(), status.UNAVAILABLE],
    [new GeoObjectNotFoundError('system peer', 'east'), status.NOT_FOUND],
    [new GeoRuleError('peer in use'), status.FAILED_PRECONDITION],
    [new PeerLinkUnavailableError('no NATS'), status.UNAVAILABLE],
    [new OwnershipConflictError('pg1'), status.ABORTED],
  ]
  for (const [err, code] of cases) {
    const s = toStatus(err)
    assert.is(s.code, code, err.name)
    assert.is(s.details, err.message)
  }
  const field = toStatus(new InvalidFieldError('description', 'too long'))
  assert.equal(field.metadata?.get('dc-error-field'), ['description'])
  assert.equal(field.metadata?.get('dc-error-code'), ['INVALID_FIELD'])
})

test('toStatus - subcloud add: malformed input is INVALID_ARGUMENT, clashes FAILED_PRECONDITION, a taken name ALREADY_EXISTS', () => {
  const invalid = { key: 'name', code: 'X', message: 'bad', kind: 'invalid' } as const
  const conflict = { key: 'external_oam_subnet', code: 'Y', message: 'family', kind: 'conflict' } as const
  const duplicate = { key: 'name', code: 'Z', message: 'taken', kind: 'duplicate' } as const
  assert.is(toStatus(new SubcloudAddRejectedError([invalid, conflict])).code, status.INVALID_ARGUMENT)
  assert.is(toStatus(new SubcloudAddRejectedError([conflict, duplicate])).code, status.FAILED_PRECONDITION)
  assert.is(toStatus(new SubcloudAddRejectedError([duplicate])).code, status.ALREADY_EXISTS)
})

test('toStatus - netmodel errors pass through the shared mapper; bugs become a generic INTERNAL', () => {
  assert.is(toStatus(new AddressSyntaxError('x', 'bad')).code, status.INVALID_ARGUMENT)
  const logged: string[] = []
  const log = createLogger({ name: 'test', destination: { write: (line) => logged.push(line) } })
  const s = toStatus(new TypeError('secret detail'), log)
  assert.is(s.code, status.INTERNAL)
  assert.not.match(s.details ?? '', /secret detail/)
  assert.is(logged.length, 1)
  assert.match(logged[0] ?? '', /"msg":"internal error"/)
})

test.run()
