import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { Host, SystemState } from '../src/index.js'
import { apply, findHost } from '../src/index.js'
import { IPV4, IPV6, must, refuse, required, run, site } from './state-fixtures.js'
import { MINIMAL_OAM_IPV4 } from './walkthrough-fixtures.js'

const host = (state: SystemState, name: string): Host => required(findHost(state, name), `host ${name}`)

const LockHost = suite('lockHost')
const UnlockHost = suite('unlockHost')
const SwactHost = suite('swactHost')

LockHost('lockHost - takes the standby controller out of service', () => {
  const r = apply(site(IPV6), { kind: 'host-lock', host: 'controller-1' })
  const c1 = host(must(r), 'controller-1')
  assert.equal(
    [c1.administrative, c1.operational, c1.availability, c1.active],
    ['locked', 'disabled', 'online', false],
  )
  assert.equal(r.ok && r.effects, [{ type: 'host-state-changed', hostname: 'controller-1' }])
})

LockHost('lockHost - refuses the active controller while a standby could take over: swact first', () => {
  refuse(
    site(IPV6),
    { kind: 'host-lock', host: 'controller-0' },
    'LOCK_ACTIVE_CONTROLLER',
    'Can not lock an active controller',
    'Swact to controller-1 first',
  )
})

LockHost('lockHost - refuses the active controller when no other controller could take over', () => {
  const state = run(site(IPV4, { mode: 'standard' }), { kind: 'host-lock', host: 'controller-1' })
  refuse(
    state,
    { kind: 'host-lock', host: 'controller-0', force: true },
    'LOCK_ACTIVE_CONTROLLER',
    'no other controller',
  )
})

LockHost('lockHost - locks the only controller of AIO-SX', () => {
  const state = run(site(IPV4, { mode: 'simplex' }), { kind: 'host-lock', host: 'controller-0' })
  assert.is(host(state, 'controller-0').administrative, 'locked')
  assert.ok(host(state, 'controller-0').active)
})

LockHost('lockHost - refuses an already locked or unknown host', () => {
  const state = run(site(IPV6), { kind: 'host-lock', host: 'controller-1' })
  refuse(
    state,
    { kind: 'host-lock', host: 'controller-1' },
    'HOST_ALREADY_LOCKED',
    "already 'locked' host controller-1",
  )
  refuse(state, { kind: 'host-lock', host: 'controller-7' }, 'HOST_NOT_FOUND', 'controller-7')
})

LockHost('lockHost - finds hosts by uuid as well as by name', () => {
  const uuid = host(site(IPV6), 'controller-1').uuid
  assert.is(host(run(site(IPV6), { kind: 'host-lock', host: uuid }), 'controller-1').administrative, 'locked')
})

LockHost('lockHost - workers lock freely', () => {
  const state = site(IPV4, { mode: 'standard', hostnames: ['controller-0', 'controller-1', 'worker-0'] })
  assert.is(host(run(state, { kind: 'host-lock', host: 'worker-0' }), 'worker-0').administrative, 'locked')
})

UnlockHost('unlockHost - returns the host to service', () => {
  const state = run(
    site(IPV6),
    { kind: 'host-lock', host: 'controller-1' },
    { kind: 'host-unlock', host: 'controller-1' },
  )
  const c1 = host(state, 'controller-1')
  assert.equal([c1.administrative, c1.operational, c1.availability], ['unlocked', 'enabled', 'available'])
})

UnlockHost("unlockHost - applies pending configuration and clears only that host's 250.001", () => {
  const outOfDate = run(site(IPV6), ...MINIMAL_OAM_IPV4, { kind: 'host-lock', host: 'controller-1' })
  assert.is(outOfDate.alarms.length, 2)
  const r = apply(outOfDate, { kind: 'host-unlock', host: 'controller-1' })
  const next = must(r)
  assert.ok(host(next, 'controller-1').configUpToDate)
  assert.not.ok(host(next, 'controller-0').configUpToDate)
  assert.equal(
    next.alarms.map((a) => a.entityInstanceId),
    ['host=controller-0'],
  )
  assert.equal(r.ok && r.effects, [
    { type: 'host-config-applied', hostname: 'controller-1' },
    { type: 'alarm-cleared', alarmId: '250.001', entityInstanceId: 'host=controller-1' },
    { type: 'host-state-changed', hostname: 'controller-1' },
  ])
})

UnlockHost('unlockHost - refuses an unlocked host', () => {
  refuse(site(IPV6), { kind: 'host-unlock', host: 'controller-0' }, 'HOST_ALREADY_UNLOCKED', 'controller-0')
})

SwactHost('swactHost - hands activity from the named active controller to the other', () => {
  const r = apply(site(IPV6), { kind: 'host-swact', host: 'controller-0' })
  const state = must(r)
  assert.equal(
    state.hosts.map((h) => [h.hostname, h.active]),
    [
      ['controller-0', false],
      ['controller-1', true],
    ],
  )
  const back = run(state, { kind: 'host-swact', host: 'controller-1' })
  assert.ok(host(back, 'controller-0').active)
})

SwactHost('swactHost - the named host must be the active controller', () => {
  refuse(
    site(IPV6),
    { kind: 'host-swact', host: 'controller-1' },
    'SWACT_NOT_ACTIVE',
    'controller-1 is not the active controller',
  )
  const withWorker = site(IPV4, { mode: 'standard', hostnames: ['controller-0', 'controller-1', 'worker-0'] })
  refuse(withWorker, { kind: 'host-swact', host: 'worker-0' }, 'SWACT_NOT_ACTIVE')
})

SwactHost('swactHost - refuses to swact to a locked or unavailable controller', () => {
  const locked = run(site(IPV6), { kind: 'host-lock', host: 'controller-1' })
  refuse(
    locked,
    { kind: 'host-swact', host: 'controller-0' },
    'SWACT_TARGET_UNAVAILABLE',
    'controller-1 is locked-disabled-online',
  )
  const failed: SystemState = {
    ...site(IPV6),
    hosts: site(IPV6).hosts.map((h) =>
      h.hostname === 'controller-1' ? { ...h, availability: 'failed' } : h,
    ),
  }
  refuse(
    failed,
    { kind: 'host-swact', host: 'controller-0' },
    'SWACT_TARGET_UNAVAILABLE',
    'unlocked-enabled-failed',
  )
})

SwactHost('swactHost - AIO-SX has nothing to swact to', () => {
  refuse(
    site(IPV4, { mode: 'simplex' }),
    { kind: 'host-swact', host: 'controller-0' },
    'SWACT_TARGET_UNAVAILABLE',
    'no other controller',
  )
})

LockHost.run()
UnlockHost.run()
SwactHost.run()
