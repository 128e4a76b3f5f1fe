/**
 * Subcloud audit: one long-lived agent `Watch` stream per audited subcloud, the two-strike
 * availability rule, per-endpoint sync status and the 280.001/280.002/250.001 alarms, written to
 * the {@link AuditStore} in batches.
 *
 * @example
 * const channels = new AgentChannels()
 * const audit = await startAudit({ store, channels, options: { heartbeatIntervalMs: 1000 }, signal })
 * await audit.refresh() // after subcloud add (deploy complete), manage, unmanage, update, delete
 * await audit.stop()
 * channels.closeAll()
 */
export { AUDIT_ALARM_IDS, AUDITED_ENDPOINTS } from './audit-store.js'
export type {
  AlarmKey,
  AlarmRaise,
  AlarmSeverity,
  AuditAlarmId,
  AuditStore,
  AuditTarget,
  Availability,
  EndpointType,
  ManagementState,
  SubcloudStatusUpdate,
  SyncStatus,
} from './audit-store.js'
export { alarmKeyOf } from '../alarms/alarm.js'
export { auditOptionsWithDefaults } from './audit-options.js'
export type { AuditOptions } from './audit-options.js'
export { AUDITED_DEPLOY_STATUSES, isAudited } from './audit-eligibility.js'
export { sleepWith, systemClock } from './clock.js'
export type { Clock } from './clock.js'
export { startAudit } from './start-audit.js'
export type {
  Audit,
  AuditEvent,
  AuditMetrics,
  StartAuditParams,
  SubcloudAuditSnapshot,
} from './start-audit.js'
export { aggregateSync, platformSync } from './sync-status.js'
export type { ChannelReadiness, WatchChannels } from './watch-channels.js'
