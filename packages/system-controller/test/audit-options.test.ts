import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { auditOptionsWithDefaults } from '../src/audit/audit-options.js'

const Defaults = suite('auditOptionsWithDefaults')

Defaults(
  'auditOptionsWithDefaults - StarlingX two-strike rule and second-scale heartbeats by default',
  () => {
    const o = auditOptionsWithDefaults()
    assert.is(o.heartbeatIntervalMs, 1000)
    assert.is(o.offlineAfterMisses, 2)
    assert.is(o.missGraceMs, 500)
    assert.is(o.flushIntervalMs, 500)
    assert.is(o.quickReopenAttempts, 3)
    assert.is(o.quickReopenDelayMs, 250)
    assert.is(o.verdictFlushDelayMs, 25)
    assert.is(o.reopenJitterPercent, 20)
  },
)

Defaults('auditOptionsWithDefaults - the miss grace follows a custom heartbeat interval', () => {
  assert.is(auditOptionsWithDefaults({ heartbeatIntervalMs: 300 }).missGraceMs, 150)
  assert.is(auditOptionsWithDefaults({ heartbeatIntervalMs: 300, missGraceMs: 0 }).missGraceMs, 0)
})

Defaults('auditOptionsWithDefaults - refuses non-integers, zero and contradictory backoffs', () => {
  assert.throws(() => auditOptionsWithDefaults({ heartbeatIntervalMs: 0 }), /heartbeatIntervalMs/)
  assert.throws(() => auditOptionsWithDefaults({ offlineAfterMisses: 1.5 }), /offlineAfterMisses/)
  assert.throws(() => auditOptionsWithDefaults({ flushIntervalMs: Number.NaN }), /flushIntervalMs/)
  assert.throws(() => auditOptionsWithDefaults({ missGraceMs: -1 }), /missGraceMs/)
  assert.throws(() => auditOptionsWithDefaults({ quickReopenAttempts: 0 }), /quickReopenAttempts/)
  assert.is(auditOptionsWithDefaults({ verdictFlushDelayMs: 0 }).verdictFlushDelayMs, 0)
  assert.is(auditOptionsWithDefaults({ reopenJitterPercent: 0 }).reopenJitterPercent, 0)
  assert.throws(() => auditOptionsWithDefaults({ reopenJitterPercent: 101 }), /reopenJitterPercent/)
  assert.throws(
    () => auditOptionsWithDefaults({ reopenBackoffMs: 5000, maxReopenBackoffMs: 1000 }),
    /maxReopenBackoffMs/,
  )
})

Defaults.run()
