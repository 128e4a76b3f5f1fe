import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { desiredAlarms, diffAlarms } from '../src/audit/audit-alarms.js'
import type { AuditTarget } from '../src/audit/audit-store.js'
import { endpointStatuses, persistedFromTarget, planStatusUpdate } from '../src/audit/status-update.js'
import type { LiveStatus, PersistedStatus } from '../src/audit/status-update.js'

const target: AuditTarget = {
  subcloudId: 7,
  name: 'subcloud1',
  region: 'b3f1c2',
  primaryAddress: '[fd00::2]:50051',
  managementState: 'managed',
  deployStatus: 'complete',
  availability: 'online',
  auditFailCount: 0,
  endpoints: { platform: 'in-sync' },
  expectedConfigHash: 'hash-A',
  agentSystemUuid: 'sys',
  activeAlarms: [],
}
const NOW = 1_000_000
const options = { offlineAfterMisses: 2, slowWriteIntervalMs: 30_000, outOfSyncGraceMs: 2000 }
const timing = { now: NOW, outOfSyncGraceMs: 2000 }
const persisted: PersistedStatus = {
  ...persistedFromTarget(target),
  lastHeartbeatAt: NOW - 1000,
  slowWrittenAt: NOW - 1000,
}
const live: LiveStatus = {
  availability: 'online',
  auditFailCount: 0,
  reportedConfigHash: 'hash-A',
  hostsConfigOutOfDate: [],
  lastHeartbeatAt: NOW - 1000,
  hashesChangedAt: NOW - 10_000,
}

/** What the agent reports while controller-1 has configuration to apply. */
const liveC1OutOfDate: LiveStatus = { ...live, hostsConfigOutOfDate: ['controller-1'] }

const PlanStatusUpdate = suite('planStatusUpdate')

PlanStatusUpdate('planStatusUpdate - nothing to write when nothing changed', () => {
  assert.is(planStatusUpdate(target, live, persisted, NOW, options), undefined)
})

PlanStatusUpdate('planStatusUpdate - a newer heartbeat alone waits for the slow write interval', () => {
  const beating = { ...live, lastHeartbeatAt: NOW }
  assert.is(planStatusUpdate(target, beating, persisted, NOW, options), undefined)
  const due = planStatusUpdate(target, beating, persisted, persisted.slowWrittenAt + 30_000, options)
  assert.equal(due?.update, {
    subcloudId: 7,
    name: 'subcloud1',
    lastHeartbeatAt: new Date(NOW),
    raiseAlarms: [],
    clearAlarms: [],
  })
  assert.is(due?.next.slowWrittenAt, persisted.slowWrittenAt + 30_000)
})

PlanStatusUpdate(
  'planStatusUpdate - the first strike is written at once, without changing availability',
  () => {
    const plan = planStatusUpdate(target, { ...live, auditFailCount: 1 }, persisted, NOW, options)
    assert.equal(plan?.update, {
      subcloudId: 7,
      name: 'subcloud1',
      auditFailCount: 1,
      raiseAlarms: [],
      clearAlarms: [],
    })
  },
)

PlanStatusUpdate(
  'planStatusUpdate - going offline writes availability, unknown sync and 280.001 together',
  () => {
    const down = { ...live, availability: 'offline', auditFailCount: 2 } as const
    const plan = planStatusUpdate(target, down, persisted, NOW, options)
    assert.is(plan?.update.availability, 'offline')
    assert.is(plan?.update.auditFailCount, 2)
    assert.equal(plan?.update.endpoints, { platform: 'unknown' })
    assert.equal(
      plan?.update.raiseAlarms.map((a) => [a.alarmId, a.region, a.entityInstanceId, a.severity]),
      [['280.001', 'SystemController', 'subcloud=subcloud1', 'critical']],
    )
    assert.equal(plan?.update.clearAlarms, [])
    assert.equal(plan?.next.activeAlarms, [
      { alarmId: '280.001', region: 'SystemController', entityInstanceId: 'subcloud=subcloud1' },
    ])
  },
)

PlanStatusUpdate('planStatusUpdate - more misses of an offline subcloud are coalesced', () => {
  const offlineTarget = {
    ...target,
    availability: 'offline',
    auditFailCount: 2,
    endpoints: { platform: 'unknown' },
  } as const
  const stored: PersistedStatus = {
    ...persistedFromTarget(offlineTarget),
    activeAlarms: [
      { alarmId: '280.001', region: 'SystemController', entityInstanceId: 'subcloud=subcloud1' },
    ],
    slowWrittenAt: NOW - 1000,
  }
  const stillDown: LiveStatus = { ...live, availability: 'offline', auditFailCount: 5 }
  assert.is(planStatusUpdate(offlineTarget, stillDown, stored, NOW, options), undefined)
  assert.is(
    planStatusUpdate(offlineTarget, stillDown, stored, NOW + 29_000, options)?.update.auditFailCount,
    5,
  )
})

PlanStatusUpdate('planStatusUpdate - a subcloud never seen online is offline without 280.001', () => {
  const fresh = { ...target, availability: 'offline', endpoints: { platform: 'unknown' } } as const
  const plan = planStatusUpdate(
    fresh,
    { ...live, availability: 'offline', auditFailCount: 1 },
    persistedFromTarget(fresh),
    NOW,
    options,
  )
  assert.equal(plan?.update.raiseAlarms, [])
})

PlanStatusUpdate('planStatusUpdate - coming online clears 280.001 and resets the count', () => {
  const offlineTarget: AuditTarget = {
    ...target,
    availability: 'offline',
    auditFailCount: 12,
    endpoints: { platform: 'unknown' },
    activeAlarms: [
      { alarmId: '280.001', region: 'SystemController', entityInstanceId: 'subcloud=subcloud1' },
    ],
  }
  const plan = planStatusUpdate(
    offlineTarget,
    { ...live, lastHeartbeatAt: NOW },
    persistedFromTarget(offlineTarget),
    NOW,
    options,
  )
  assert.is(plan?.update.availability, 'online')
  assert.is(plan?.update.auditFailCount, 0)
  assert.equal(plan?.update.endpoints, { platform: 'in-sync' })
  assert.equal(plan?.update.clearAlarms, offlineTarget.activeAlarms)
  assert.equal(plan?.update.lastHeartbeatAt, new Date(NOW))
})

PlanStatusUpdate(
  'planStatusUpdate - a local change raises 280.002 for the endpoint; reverting clears it',
  () => {
    const drifted = planStatusUpdate(
      target,
      { ...live, reportedConfigHash: 'hash-B' },
      persisted,
      NOW,
      options,
    )
    assert.equal(drifted?.update.endpoints, { platform: 'out-of-sync' })
    assert.equal(
      drifted?.update.raiseAlarms.map((a) => [a.alarmId, a.entityInstanceId, a.severity]),
      [['280.002', 'subcloud=subcloud1.resource=platform', 'major']],
    )
    if (drifted === undefined) return
    const reverted = planStatusUpdate(target, live, drifted.next, NOW, options)
    assert.equal(reverted?.update.endpoints, { platform: 'in-sync' })
    assert.equal(reverted?.update.clearAlarms, [
      {
        alarmId: '280.002',
        region: 'SystemController',
        entityInstanceId: 'subcloud=subcloud1.resource=platform',
      },
    ])
  },
)

PlanStatusUpdate('planStatusUpdate - a mismatch younger than the grace period is not judged yet', () => {
  const fresh = { ...live, reportedConfigHash: 'hash-B', hashesChangedAt: NOW - 1999 }
  assert.is(planStatusUpdate(target, fresh, persisted, NOW, options), undefined)
  const settled = { ...fresh, hashesChangedAt: NOW - 2000 }
  assert.equal(planStatusUpdate(target, settled, persisted, NOW, options)?.update.endpoints, {
    platform: 'out-of-sync',
  })
  // A match needs no grace.
  const drifted = { ...persisted, endpoints: { platform: 'out-of-sync' } } as const
  const back = { ...live, hashesChangedAt: NOW }
  assert.equal(planStatusUpdate(target, back, drifted, NOW, options)?.update.endpoints, {
    platform: 'in-sync',
  })
})

PlanStatusUpdate(
  'planStatusUpdate - unmanaged: sync unknown, 280.002 and relayed alarms cleared, availability still judged',
  () => {
    const unmanaged = {
      ...target,
      managementState: 'unmanaged',
      endpoints: { platform: 'out-of-sync' },
    } as const
    const stored: PersistedStatus = {
      ...persistedFromTarget(unmanaged),
      activeAlarms: [
        {
          alarmId: '280.002',
          region: 'SystemController',
          entityInstanceId: 'subcloud=subcloud1.resource=platform',
        },
        { alarmId: '250.001', region: 'b3f1c2', entityInstanceId: 'host=controller-1' },
      ],
    }
    const plan = planStatusUpdate(unmanaged, liveC1OutOfDate, stored, NOW, options)
    assert.equal(plan?.update.endpoints, { platform: 'unknown' })
    assert.equal(plan?.update.clearAlarms, stored.activeAlarms)
    assert.equal(plan?.update.raiseAlarms, [])
  },
)

PlanStatusUpdate('planStatusUpdate - relays 250.001 per out-of-date host in the subcloud region', () => {
  const plan = planStatusUpdate(target, liveC1OutOfDate, persisted, NOW, options)
  assert.equal(
    plan?.update.raiseAlarms.map((a) => [a.alarmId, a.region, a.entityInstanceId]),
    [['250.001', 'b3f1c2', 'host=controller-1']],
  )
})

PlanStatusUpdate(
  'planStatusUpdate - online but no status yet keeps the stored sync rather than flapping to unknown',
  () => {
    const waiting = { ...live, reportedConfigHash: undefined }
    assert.is(planStatusUpdate(target, waiting, persisted, NOW, options), undefined)
  },
)

const EndpointStatuses = suite('endpointStatuses')

EndpointStatuses(
  'endpointStatuses - derives platform from the live hash, the stored value only while waiting',
  () => {
    assert.equal(endpointStatuses(target, { ...live, reportedConfigHash: 'x' }, persisted, timing), {
      platform: 'out-of-sync',
    })
    const stored = { ...persisted, endpoints: { platform: 'out-of-sync' } } as const
    assert.equal(endpointStatuses(target, { ...live, reportedConfigHash: undefined }, stored, timing), {
      platform: 'out-of-sync',
    })
    assert.equal(
      endpointStatuses(
        target,
        { ...live, availability: 'offline', reportedConfigHash: undefined },
        stored,
        timing,
      ),
      {
        platform: 'unknown',
      },
    )
  },
)

const DesiredAlarms = suite('desiredAlarms')

/** Subcloud sc9 of region r9, online, in sync, every host up to date: no alarm is due. */
const HEALTHY_SC9: Parameters<typeof desiredAlarms>[0] = {
  name: 'sc9',
  region: 'r9',
  offline: false,
  endpoints: { platform: 'in-sync' },
  hostsConfigOutOfDate: [],
}

DesiredAlarms('desiredAlarms - entities and regions follow FM conventions', () => {
  const alarms = desiredAlarms({
    ...HEALTHY_SC9,
    offline: true,
    endpoints: { platform: 'out-of-sync' },
    hostsConfigOutOfDate: ['controller-0'],
  })
  assert.equal(
    alarms.map((a) => `${a.region} ${a.alarmId} ${a.entityInstanceId} ${a.severity}`),
    [
      'SystemController 280.001 subcloud=sc9 critical',
      'SystemController 280.002 subcloud=sc9.resource=platform major',
      'r9 250.001 host=controller-0 major',
    ],
  )
  assert.ok(alarms.every((a) => a.reasonText.length > 0 && a.proposedRepairAction.length > 0))
})

DesiredAlarms('desiredAlarms - none for a healthy subcloud', () => {
  const alarms = desiredAlarms(HEALTHY_SC9)
  assert.equal(alarms, [])
})

const DiffAlarms = suite('diffAlarms')

DiffAlarms('diffAlarms - raises only the missing ones and clears only the stale ones, as bare keys', () => {
  const [offline, drift] = desiredAlarms({
    ...HEALTHY_SC9,
    offline: true,
    endpoints: { platform: 'out-of-sync' },
  })
  if (offline === undefined || drift === undefined) throw new Error('fixture')
  const stale = { alarmId: '250.001', region: 'r9', entityInstanceId: 'host=controller-1' } as const
  const { raise, clear } = diffAlarms(
    [{ alarmId: '280.001', region: 'SystemController', entityInstanceId: 'subcloud=sc9' }, stale],
    [offline, drift],
  )
  assert.equal(raise, [drift])
  assert.equal(clear, [stale])
})

PlanStatusUpdate.run()
EndpointStatuses.run()
DesiredAlarms.run()
DiffAlarms.run()
