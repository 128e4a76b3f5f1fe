/**
 * Subcloud audit: one long-lived agent `Watch` stream per audited subcloud, the two-strike
 * availability rule, per-endpoint sync status and the 280.001/280.002/250.001 alarms, written to
 * the {@link AuditStore} in batches.
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
export { sleepWith, systemClock } from './clock.js'
export type { Clock } from './clock.js'
