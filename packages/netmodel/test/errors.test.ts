import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import {
  BootstrapValueError,
  CompatibilityViolation,
  NETMODEL_ERROR_CLASSES,
  NetModelError,
  PoolOverlapError,
  PrimaryPoolRemovalError,
  ServiceFamilyError,
} from '../src/index.js'

const Errors = suite('NETMODEL_ERROR_CLASSES')

Errors('NETMODEL_ERROR_CLASSES - every class has its own SCREAMING_SNAKE code and a known category', () => {
  // codes are instance fields, so build one of each; empty arrays satisfy every constructor's arguments
  const instances = NETMODEL_ERROR_CLASSES.map(
    (C) => new (C as unknown as new (...a: unknown[]) => NetModelError)([], [], [], []),
  )
  const seen = new Set<string>()
  for (const e of instances) {
    assert.match(e.code, /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/)
    assert.ok(
      ['invalid-argument', 'failed-precondition', 'not-found', 'already-exists'].includes(e.category),
      e.code,
    )
    assert.not.ok(seen.has(e.code), `duplicate code ${e.code}`)
    seen.add(e.code)
    assert.ok(e instanceof NetModelError)
    assert.is(e.name, e.constructor.name)
  }
})

Errors(
  'NETMODEL_ERROR_CLASSES - leaves the bootstrap, compatibility and Service checks to their prefixes',
  () => {
    const codes = NETMODEL_ERROR_CLASSES.map(
      (C) => new (C as unknown as new (...a: unknown[]) => NetModelError)([], [], [], []).code,
    )
    // their codes can never collide with a rule code, so one table may hold them all
    for (const prefix of ['BOOTSTRAP_', 'SUBCLOUD_', 'SERVICE_']) {
      assert.equal(
        codes.filter((c) => c.startsWith(prefix)),
        [],
        prefix,
      )
    }
    const others = [
      new BootstrapValueError('BOOTSTRAP_PXEBOOT_NOT_IPV4', 'pxeboot_subnet', 'm'),
      new CompatibilityViolation('SUBCLOUD_RELEASE_TOO_OLD', 'invalid-argument', 'release', 'm'),
      new ServiceFamilyError('SERVICE_FAMILY_UNAVAILABLE', 'spec.ipFamilies', 'm'),
    ]
    for (const e of others) {
      assert.ok(e instanceof NetModelError, e.name)
      assert.not.ok(
        NETMODEL_ERROR_CLASSES.some((C) => e instanceof C),
        e.name,
      )
      assert.ok(['invalid-argument', 'failed-precondition'].includes(e.category), e.name)
    }
  },
)

Errors('PoolOverlapError - omits the subject pool when asked to, as sysinv does on PATCH', () => {
  const conflicts = [{ poolName: 'management-ipv4', poolUuid: 'u1', networkType: 'mgmt' }]
  assert.is(
    new PoolOverlapError('10.0.0.0/24', conflicts, { name: 'x', uuid: 'u2' }).message,
    "Address pool 'x' {u2} 10.0.0.0/24 overlaps with: 'management-ipv4' {u1} assigned to mgmt network",
  )
  assert.is(
    new PoolOverlapError('10.0.0.0/24', conflicts).message,
    "Address pool 10.0.0.0/24 overlaps with: 'management-ipv4' {u1} assigned to mgmt network",
  )
})

Errors('PrimaryPoolRemovalError - names the pool, network and type', () => {
  const e = new PrimaryPoolRemovalError('oam-ipv6', 'oam', 'oam')
  assert.is(e.message, "Cannot remove primary pool 'oam-ipv6' from 'oam' with type oam")
  assert.is(e.code, 'PRIMARY_POOL_REMOVAL')
  assert.is(e.category, 'failed-precondition')
})

Errors.run()
