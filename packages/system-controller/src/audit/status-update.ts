import { desiredAlarms, diffAlarms } from './audit-alarms.js'
import { AUDITED_ENDPOINTS } from './audit-store.js'
import type {
  AlarmKey,
  Availability,
  AuditTarget,
  EndpointType,
  SubcloudStatusUpdate,
  SyncStatus,
} from './audit-store.js'
import { platformSync } from './sync-status.js'

/** What the audit currently knows about a subcloud from its agent. */
export interface LiveStatus {
  readonly availability: Availability
  readonly auditFailCount: number
  /** config_hash of the last status received; only trusted while online (sync is `unknown` offline). */
  readonly reportedConfigHash: string | undefined
  /** Hosts the last status reported with configuration out-of-date. */
  readonly hostsConfigOutOfDate: readonly string[]
  /** Epoch ms of the last message from the agent. */
  readonly lastHeartbeatAt: number | undefined
  /** Epoch ms when the reported or the expected config hash last changed (0: not since start). */
  readonly hashesChangedAt: number
}

/** What the store holds, as far as the audit knows: loaded with the target, then what it wrote. */
export interface PersistedStatus {
  readonly availability: Availability
  readonly auditFailCount: number
  readonly endpoints: Readonly<Record<EndpointType, SyncStatus>>
  readonly activeAlarms: readonly AlarmKey[]
  readonly lastHeartbeatAt: number | undefined
  /** Epoch ms when slow fields were last written (0: never). */
  readonly slowWrittenAt: number
}

/** The persisted view of a freshly loaded target. */
export function persistedFromTarget(target: AuditTarget, previous?: PersistedStatus): PersistedStatus {
  return {
    availability: target.availability,
    auditFailCount: target.auditFailCount,
    endpoints: target.endpoints,
    activeAlarms: target.activeAlarms,
    lastHeartbeatAt: previous?.lastHeartbeatAt,
    slowWrittenAt: previous?.slowWrittenAt ?? 0,
  }
}

/** Timing the sync verdict depends on. */
export interface SyncTiming {
  readonly now: number
  readonly outOfSyncGraceMs: number
}

/**
 * Sync status of every audited endpoint, derived from the live status. Two cases keep the stored
 * value instead, because there is no verdict yet:
 * - online and managed but no status received since the controller started: writing `unknown`
 *   until the first status would only make the list flap;
 * - the hashes differ but one of them changed less than `outOfSyncGraceMs` ago: after a change the
 *   controller forwarded, the agent's new status may arrive before the controller has recorded the
 *   new expected hash, and that race must not raise 280.002.
 */
export function endpointStatuses(
  target: AuditTarget,
  live: LiveStatus,
  persisted: PersistedStatus,
  timing: SyncTiming,
): Record<EndpointType, SyncStatus> {
  const waitingForStatus =
    live.availability === 'online' &&
    target.managementState === 'managed' &&
    live.reportedConfigHash === undefined
  if (waitingForStatus) return { ...persisted.endpoints }
  const platform = platformSync({
    availability: live.availability,
    managementState: target.managementState,
    expectedConfigHash: target.expectedConfigHash,
    reportedConfigHash: live.reportedConfigHash,
  })
  const settling = platform === 'out-of-sync' && timing.now - live.hashesChangedAt < timing.outOfSyncGraceMs
  return { platform: settling ? persisted.endpoints.platform : platform }
}

/** A planned write and the persisted view once it succeeds. */
export interface PlannedUpdate {
  readonly update: SubcloudStatusUpdate
  readonly next: PersistedStatus
}

/**
 * Decides what to write for one subcloud: `undefined` when nothing needs writing now. Verdicts
 * (availability, sync, alarms, and the fail count while it still leads up to the offline verdict)
 * are written at once; values that change on every heartbeat or every miss of an already offline
 * subcloud only every `slowWriteIntervalMs`, or along with a verdict.
 */
export function planStatusUpdate(
  target: AuditTarget,
  live: LiveStatus,
  persisted: PersistedStatus,
  now: number,
  options: {
    readonly offlineAfterMisses: number
    readonly slowWriteIntervalMs: number
    readonly outOfSyncGraceMs: number
  },
): PlannedUpdate | undefined {
  const endpoints = endpointStatuses(target, live, persisted, {
    now,
    outOfSyncGraceMs: options.outOfSyncGraceMs,
  })
  const relayHostAlarms = live.availability === 'online' && target.managementState === 'managed'
  // 280.001 marks the online -> offline transition, as in StarlingX: a subcloud that has never
  // been online since it was deployed is offline without an alarm.
  const offlineAlarmActive = persisted.activeAlarms.some((key) => key.alarmId === '280.001')
  const desired = desiredAlarms({
    name: target.name,
    region: target.region,
    offline: live.availability === 'offline' && (persisted.availability === 'online' || offlineAlarmActive),
    endpoints,
    hostsConfigOutOfDate: relayHostAlarms ? live.hostsConfigOutOfDate : [],
  })
  const alarms = diffAlarms(persisted.activeAlarms, desired)
  const changedEndpoints: Partial<Record<EndpointType, SyncStatus>> = {}
  for (const endpoint of AUDITED_ENDPOINTS) {
    if (endpoints[endpoint] !== persisted.endpoints[endpoint])
      changedEndpoints[endpoint] = endpoints[endpoint]
  }
  const availabilityChanged = live.availability !== persisted.availability
  const countChanged = live.auditFailCount !== persisted.auditFailCount
  const heartbeatChanged = live.lastHeartbeatAt !== persisted.lastHeartbeatAt
  const verdictChanged =
    availabilityChanged ||
    Object.keys(changedEndpoints).length > 0 ||
    alarms.raise.length > 0 ||
    alarms.clear.length > 0 ||
    (countChanged && live.auditFailCount <= options.offlineAfterMisses)
  const slowDue = now - persisted.slowWrittenAt >= options.slowWriteIntervalMs
  const slowChanged = countChanged || heartbeatChanged
  if (!verdictChanged && !(slowDue && slowChanged)) return undefined

  const update: SubcloudStatusUpdate = {
    subcloudId: target.subcloudId,
    name: target.name,
    ...(availabilityChanged ? { availability: live.availability } : {}),
    ...(countChanged ? { auditFailCount: live.auditFailCount } : {}),
    ...(Object.keys(changedEndpoints).length > 0 ? { endpoints: changedEndpoints } : {}),
    ...(heartbeatChanged && live.lastHeartbeatAt !== undefined
      ? { lastHeartbeatAt: new Date(live.lastHeartbeatAt) }
      : {}),
    raiseAlarms: alarms.raise,
    clearAlarms: alarms.clear,
  }
  return {
    update,
    next: {
      availability: live.availability,
      auditFailCount: live.auditFailCount,
      endpoints,
      activeAlarms: desired.map(({ alarmId, region, entityInstanceId }) => ({
        alarmId,
        region,
        entityInstanceId,
      })),
      lastHeartbeatAt: live.lastHeartbeatAt,
      slowWrittenAt: slowChanged ? now : persisted.slowWrittenAt,
    },
  }
}
