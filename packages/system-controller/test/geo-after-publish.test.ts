import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { afterPublish } from '../src/geo/sync-status-tracker.js'

const test = suite('afterPublish: what a publish outcome leaves in its association')

test('a failed publish marks the association pending', () => {
  const next = afterPublish({ publishedSeq: 4, pending: false }, 0, { pending: true, snapshotEnded: false })
  assert.equal(next, { publishedSeq: 4, pending: true })
})

test('a later single event that goes through keeps a pending association pending', () => {
  // The lost event (a removal, say) is not carried by the next one: only a snapshot covers it.
  const next = afterPublish({ publishedSeq: 4, pending: true }, 7, { pending: false, snapshotEnded: false })
  assert.equal(next, { publishedSeq: 7, pending: true })
})

test('a whole snapshot published clears pending and the failures', () => {
  const next = afterPublish({ publishedSeq: 7, pending: true }, 12, { pending: false, snapshotEnded: true })
  assert.equal(next, { publishedSeq: 12, pending: false, failures: [] })
})

test('the published sequence never goes back', () => {
  assert.is(
    afterPublish({ publishedSeq: 9, pending: false }, 3, { pending: false, snapshotEnded: false })
      .publishedSeq,
    9,
  )
})

test.run()
