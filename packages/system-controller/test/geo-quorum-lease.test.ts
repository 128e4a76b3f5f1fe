// The timing rules of quorum fencing, on a fake clock: the leader's lease runs out on time even
// while its renewal waits for a cluster that cannot answer, and a rehome whose take fails is tried
// again while the peer stays away (and not once it is back).
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { GroupOwnership } from '../src/geo/group-ownership.js'
import { REHOME_RETRY_MS, RehomePolicy } from '../src/geo/rehome-policy.js'
import { SerialQueue } from '../src/geo/serial-queue.js'
import type { SubcloudPeerGroup } from '../src/geo/subcloud-peer-group.js'
import type { SystemPeer } from '../src/geo/system-peer.js'
import { FakeClock, settle } from './audit-fakes.js'
import { FakeNats } from './geo-fakes.js'
import { recordingLogger } from './recording-logger.js'

const test = suite('geo quorum lease')
const LEASE_MS = 14_000
const PERIOD_MS = 1_000

const GROUP: SubcloudPeerGroup = {
  id: 1,
  uuid: 'g-1',
  name: 'pg1',
  priority: 0,
  state: 'enabled',
  maxSubcloudRehoming: 10,
  leaderId: 'site-a',
  leaderName: 'central',
  migrationStatus: 'none',
  epoch: 2,
  createdAt: new Date(0),
  updatedAt: new Date(0),
} as SubcloudPeerGroup

function ownershipAt(nats: FakeNats, clock: FakeClock, demoted: number[], logs: string[]): GroupOwnership {
  let group = GROUP
  return new GroupOwnership({
    bus: nats.client('site-a'),
    siteId: 'site-a',
    siteName: 'central',
    groups: {
      list: () => Promise.resolve([group]),
      findByUuid: (uuid: string) => Promise.resolve(uuid === group.uuid ? group : undefined),
      set: (_id: number, fields: Partial<SubcloudPeerGroup>) => {
        group = { ...group, ...fields }
        return Promise.resolve(group)
      },
    },
    associations: { list: () => Promise.resolve([]), mutate: () => Promise.resolve(undefined) },
    copies: {
      demoteMembers: (groupId: number) => {
        demoted.push(clock.now())
        return Promise.resolve([`member-of-${groupId}`])
      },
    },
    alarms: { raise: () => Promise.resolve(), clear: () => Promise.resolve() },
    audit: { refresh: () => Promise.resolve() },
    sync: { recompute: () => Promise.resolve() },
    queue: new SerialQueue(),
    clock,
    log: recordingLogger(logs, 'site-a'),
  } as unknown as ConstructorParameters<typeof GroupOwnership>[0])
}

/** What the peer monitor does each heartbeat period, for `ms` of fake time. */
async function periods(clock: FakeClock, ownership: GroupOwnership, ms: number): Promise<void> {
  for (let t = 0; t < ms; t += PERIOD_MS) {
    ownership.renewInBackground(LEASE_MS)
    await clock.advance(PERIOD_MS)
    await settle()
  }
}

test('a renewal that never answers does not hold the fence: the lease runs out on time', async () => {
  const nats = new FakeNats()
  const clock = new FakeClock()
  const demoted: number[] = []
  const logs: string[] = []
  const ownership = ownershipAt(nats, clock, demoted, logs)
  await ownership.register(GROUP)
  await periods(clock, ownership, 5_000)
  assert.equal(demoted, [], 'confirmed every period: nothing fenced')

  // The partition: the last renewal sent before it was confirmed; every one after waits forever.
  nats.unanswered.add('site-a')
  const lastConfirmedBy = clock.now()
  await periods(clock, ownership, LEASE_MS + 2 * PERIOD_MS)
  assert.is(demoted.length, 1, 'fenced once, while the renewal still hangs')
  const fencedAfterMs = (demoted[0] ?? 0) - lastConfirmedBy
  assert.ok(fencedAfterMs <= LEASE_MS + PERIOD_MS, `fenced ${fencedAfterMs} ms after the last confirmation`)
  assert.ok(fencedAfterMs >= LEASE_MS - PERIOD_MS, `not before the lease: ${fencedAfterMs} ms`)

  // The cluster answers again: the hung write times out, the next renewal confirms, no second fence.
  nats.unanswered.delete('site-a')
  nats.answerHungWrites()
  await periods(clock, ownership, 3 * PERIOD_MS)
  assert.is(demoted.length, 1)
  assert.ok(logs.some((l) => /pg1: ownership confirmed again/.test(l)))
})

const PEER: SystemPeer = {
  id: 7,
  peerUuid: 'site-a',
  peerName: 'central',
  availability: 'unavailable',
  heartbeatFailurePolicy: 'rehome',
  heartbeatMaintenanceTimeoutMs: 12_000,
} as SystemPeer

function policyWith(clock: FakeClock, peer: { current: SystemPeer }, migrate: () => Promise<unknown>) {
  return new RehomePolicy({
    clock,
    peers: { find: () => Promise.resolve(peer.current) },
    groups: { list: () => Promise.resolve([GROUP]) },
    associations: { list: () => Promise.resolve([{ peerGroupId: GROUP.id }]) },
    migrate,
    log: recordingLogger([], 'site-b'),
  } as unknown as ConstructorParameters<typeof RehomePolicy>[0])
}

test('a rehome whose take fails is tried again every REHOME_RETRY_MS while the peer stays away', async () => {
  const clock = new FakeClock()
  const peer = { current: PEER }
  const attempts: number[] = []
  const start = clock.now()
  const policy = policyWith(clock, peer, () => {
    attempts.push(clock.now() - start)
    return attempts.length < 3 ? Promise.reject(new Error('no NATS majority')) : Promise.resolve()
  })
  policy.peerFailed(PEER)
  await clock.advance(12_000 + 5 * REHOME_RETRY_MS)
  assert.equal(attempts, [12_000, 12_000 + REHOME_RETRY_MS, 12_000 + 2 * REHOME_RETRY_MS])
  assert.is(clock.pending, 0, 'nothing left to retry once the take went through')
})

test('the peer coming back stops the retries', async () => {
  const clock = new FakeClock()
  const peer = { current: PEER }
  let attempts = 0
  const policy = policyWith(clock, peer, () => {
    attempts++
    return Promise.reject(new Error('no NATS majority'))
  })
  policy.peerFailed(PEER)
  await clock.advance(12_000 + REHOME_RETRY_MS)
  assert.is(attempts, 2)
  peer.current = { ...PEER, availability: 'available' }
  policy.cancel(PEER.id)
  await clock.advance(5 * REHOME_RETRY_MS)
  assert.is(attempts, 2)
  assert.is(clock.pending, 0)
})

test.run()
