import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { aggregateSync, platformSync } from '../src/audit/sync-status.js'
import type { PlatformSyncInput } from '../src/audit/sync-status.js'

const PlatformSync = suite('platformSync')

const base: PlatformSyncInput = {
  availability: 'online',
  managementState: 'managed',
  expectedConfigHash: 'abc',
  reportedConfigHash: 'abc',
}

PlatformSync('platformSync - in-sync when the agent reports the expected hash', () => {
  assert.is(platformSync(base), 'in-sync')
})

PlatformSync('platformSync - out-of-sync when the hashes differ', () => {
  assert.is(platformSync({ ...base, reportedConfigHash: 'local-change' }), 'out-of-sync')
})

PlatformSync('platformSync - unknown while offline or unmanaged, whatever the hashes', () => {
  assert.is(platformSync({ ...base, availability: 'offline' }), 'unknown')
  assert.is(platformSync({ ...base, managementState: 'unmanaged' }), 'unknown')
  assert.is(platformSync({ ...base, availability: 'offline', reportedConfigHash: 'x' }), 'unknown')
})

PlatformSync('platformSync - unknown while either hash is unknown', () => {
  assert.is(platformSync({ ...base, expectedConfigHash: undefined }), 'unknown')
  assert.is(platformSync({ ...base, reportedConfigHash: undefined }), 'unknown')
})

const AggregateSync = suite('aggregateSync')

AggregateSync('aggregateSync - the shared value when every endpoint agrees', () => {
  assert.is(aggregateSync(['in-sync', 'in-sync']), 'in-sync')
  assert.is(aggregateSync(['unknown', 'unknown', 'unknown']), 'unknown')
  assert.is(aggregateSync(['out-of-sync']), 'out-of-sync')
})

AggregateSync(
  'aggregateSync - out-of-sync as soon as two endpoints disagree, unknown + in-sync included',
  () => {
    assert.is(aggregateSync(['in-sync', 'unknown']), 'out-of-sync')
    assert.is(aggregateSync(['unknown', 'in-sync', 'in-sync']), 'out-of-sync')
    assert.is(aggregateSync(['in-sync', 'out-of-sync']), 'out-of-sync')
  },
)

AggregateSync('aggregateSync - no endpoints is unknown', () => {
  assert.is(aggregateSync([]), 'unknown')
})

PlatformSync.run()
AggregateSync.run()
