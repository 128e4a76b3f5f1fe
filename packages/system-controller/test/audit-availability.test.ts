import fc from 'fast-check'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { MAX_AUDIT_FAIL_COUNT, nextAvailability } from '../src/audit/availability.js'
import type { AuditOutcome, AvailabilityState } from '../src/audit/availability.js'

const NextAvailability = suite('nextAvailability')

const online: AvailabilityState = { availability: 'online', auditFailCount: 0 }
const offline: AvailabilityState = { availability: 'offline', auditFailCount: 7 }

function run(start: AvailabilityState, outcomes: readonly AuditOutcome[], misses = 2): AvailabilityState {
  return outcomes.reduce((state, outcome) => nextAvailability(state, outcome, misses), start)
}

NextAvailability(
  'nextAvailability - one success brings an offline subcloud online and resets the count',
  () => {
    assert.equal(nextAvailability(offline, 'success', 2), { availability: 'online', auditFailCount: 0 })
  },
)

NextAvailability('nextAvailability - a single miss keeps an online subcloud online (no flapping)', () => {
  assert.equal(nextAvailability(online, 'miss', 2), { availability: 'online', auditFailCount: 1 })
})

NextAvailability('nextAvailability - two consecutive misses take it offline (two-strike rule)', () => {
  assert.equal(run(online, ['miss', 'miss']), { availability: 'offline', auditFailCount: 2 })
})

NextAvailability('nextAvailability - a success between two misses resets the strike count', () => {
  assert.equal(run(online, ['miss', 'success', 'miss']), { availability: 'online', auditFailCount: 1 })
})

NextAvailability('nextAvailability - the threshold is configurable', () => {
  assert.equal(run(online, ['miss'], 1).availability, 'offline')
  assert.equal(run(online, ['miss', 'miss'], 3).availability, 'online')
  assert.equal(run(online, ['miss', 'miss', 'miss'], 3).availability, 'offline')
})

NextAvailability(
  'nextAvailability - unreachable (every quick re-open refused) is offline at once, the count at the threshold',
  () => {
    assert.equal(nextAvailability(online, 'unreachable', 2), { availability: 'offline', auditFailCount: 2 })
    assert.equal(nextAvailability(online, 'unreachable', 3), { availability: 'offline', auditFailCount: 3 })
    assert.equal(nextAvailability(offline, 'unreachable', 2), { availability: 'offline', auditFailCount: 8 })
    assert.equal(run(online, ['unreachable', 'success']), { availability: 'online', auditFailCount: 0 })
  },
)

NextAvailability('nextAvailability - the fail count is capped like StarlingX audit_fail_count', () => {
  const atCap = { availability: 'offline', auditFailCount: MAX_AUDIT_FAIL_COUNT } as const
  assert.is(MAX_AUDIT_FAIL_COUNT, 9999)
  assert.equal(nextAvailability(atCap, 'miss', 2), atCap)
})

NextAvailability(
  'nextAvailability - offline exactly when the last N outcomes were misses (or it was and none succeeded)',
  () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<AuditOutcome>('success', 'miss'), { maxLength: 40 }),
        fc.integer({ min: 1, max: 4 }),
        (outcomes, misses) => {
          const end = run(online, outcomes, misses)
          const trailingMisses = outcomes.length - 1 - outcomes.lastIndexOf('success')
          assert.is(end.auditFailCount, trailingMisses)
          assert.is(end.availability, trailingMisses >= misses ? 'offline' : 'online')
        },
      ),
    )
  },
)

NextAvailability.run()
