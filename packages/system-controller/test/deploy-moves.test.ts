import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { INTERRUPTED_DEPLOY_FAILURES, isAllowedMove } from '../src/subclouds/deploy-moves.js'

const test = suite('deploy moves of a network reconfiguration')

test('a reconfiguration starts from complete or from its own failure, and ends complete or failed', () => {
  assert.ok(isAllowedMove('complete', 'reconfiguring-network', 'reconfigure-network'))
  assert.ok(isAllowedMove('network-reconfiguration-failed', 'reconfiguring-network', 'reconfigure-network'))
  assert.not.ok(isAllowedMove('bootstrap-failed', 'reconfiguring-network', 'reconfigure-network'))
  assert.not.ok(isAllowedMove('rehome-pending', 'reconfiguring-network', 'reconfigure-network'))
  assert.ok(isAllowedMove('reconfiguring-network', 'complete', 'reconfigure-network'))
  assert.ok(
    isAllowedMove('reconfiguring-network', 'network-reconfiguration-failed', 'reconfigure-network-failure'),
  )
  assert.not.ok(isAllowedMove('complete', 'network-reconfiguration-failed', 'reconfigure-network-failure'))
})

test('a controller restart during a reconfiguration leaves it failed, as StarlingX does', () => {
  assert.is(INTERRUPTED_DEPLOY_FAILURES.get('reconfiguring-network'), 'network-reconfiguration-failed')
})

test.run()
