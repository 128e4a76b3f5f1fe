import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { associationSyncStatus } from '../src/geo/association-sync-status.js'
import type { AssociationSyncInput } from '../src/geo/association-sync-status.js'
import { peerHealth } from '../src/geo/peer-health.js'

const base: AssociationSyncInput = {
  role: 'sender',
  linkConfigured: true,
  peerName: 'east',
  peerAvailability: 'available',
  peerKnowsUs: true,
  publishedSeq: 10,
  ackedSeq: 10,
  pending: false,
  failures: [],
}

const status = (change: Partial<AssociationSyncInput>): string =>
  associationSyncStatus({ ...base, ...change }).status

const sync = suite('associationSyncStatus')

sync('associationSyncStatus - a sender follows acknowledged sequence numbers', () => {
  assert.is(status({}), 'in-sync')
  assert.is(status({ ackedSeq: 12 }), 'in-sync', 'the peer may be ahead (events for other groups)')
  assert.is(status({ ackedSeq: 9 }), 'syncing')
  assert.match(associationSyncStatus({ ...base, ackedSeq: 9 }).message, /applied up to 9 of 10/)
  assert.is(status({ pending: true }), 'out-of-sync')
  assert.is(status({ publishedSeq: 0, ackedSeq: 0 }), 'in-sync')
})

sync('associationSyncStatus - failures name the members; an unknown site fails', () => {
  const failed = associationSyncStatus({
    ...base,
    failures: [{ subcloud: 'sc2', regionName: 'r2', error: 'name taken' }],
  })
  assert.is(failed.status, 'failed')
  assert.match(failed.message, /sc2: name taken/)
  const unknown = associationSyncStatus({ ...base, peerKnowsUs: false })
  assert.is(unknown.status, 'failed')
  assert.match(unknown.message, /no system peer for this site/)
})

sync(
  'associationSyncStatus - peer unavailable maps in-sync to unknown and anything else to failed (spec 4.5)',
  () => {
    assert.is(status({ peerAvailability: 'unavailable' }), 'unknown')
    assert.is(status({ peerAvailability: 'unavailable', ackedSeq: 3 }), 'failed')
    assert.is(status({ peerAvailability: 'unavailable', pending: true }), 'failed')
  },
)

sync(
  'associationSyncStatus - a receiver is in-sync unless its own applies failed; no link is unknown',
  () => {
    assert.is(status({ role: 'receiver', ackedSeq: 0, peerAvailability: 'unavailable' }), 'in-sync')
    assert.is(
      status({ role: 'receiver', failures: [{ subcloud: 'a', regionName: 'r', error: 'x' }] }),
      'failed',
    )
    const unlinked = associationSyncStatus({ ...base, linkConfigured: false })
    assert.is(unlinked.status, 'unknown')
    assert.match(unlinked.message, /--nats-url/)
  },
)

const health = suite('peerHealth')

health('peerHealth - misses are whole intervals since the last heartbeat; failed at the threshold', () => {
  const state = { lastSeenAtMs: 1_000, intervalMs: 100, failureThreshold: 3 }
  assert.equal(peerHealth(state, 1_099), { misses: 0, failed: false })
  assert.equal(peerHealth(state, 1_250), { misses: 2, failed: false })
  assert.equal(peerHealth(state, 1_300), { misses: 3, failed: true })
  assert.equal(peerHealth(state, 900), { misses: 0, failed: false }, 'a clock step back is no miss')
})

sync.run()
health.run()
