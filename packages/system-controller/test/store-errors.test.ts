import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { translateStoreError } from '../src/adapters/kysely/store-errors.js'
import { ConcurrentUpdateError, StoreUnavailableError } from '../src/errors.js'

const test = suite('store errors')

test('translateStoreError - a pg session lost mid-transaction (no code, only a message) is UNAVAILABLE', () => {
  for (const message of [
    'Connection terminated unexpectedly',
    'Connection terminated',
    'Client has encountered a connection error and is not queryable',
    'Client was closed and is not queryable',
  ]) {
    assert.instance(translateStoreError(new Error(message), 'add'), StoreUnavailableError, message)
  }
})

test('translateStoreError - socket codes and SQLSTATE 08/57P are UNAVAILABLE, 40001 ABORTED', () => {
  const coded = (code: string): Error => Object.assign(new Error(''), { code })
  assert.instance(translateStoreError(coded('ECONNREFUSED'), 'add'), StoreUnavailableError)
  assert.instance(translateStoreError(coded('57P01'), 'add'), StoreUnavailableError)
  assert.instance(translateStoreError(coded('40001'), 'add'), ConcurrentUpdateError)
})

test('translateStoreError - anything else is left for the boundary to report as a bug', () => {
  const bug = new Error('column "x" does not exist')
  assert.is(translateStoreError(bug, 'add'), bug)
  const coded = Object.assign(new Error('Connection terminated'), { code: '42P01' })
  assert.is(translateStoreError(coded, 'add'), coded)
})

test.run()
