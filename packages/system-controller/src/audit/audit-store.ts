/**
 * The audit's storage port. The audit is the only writer of availability, audit_fail_count, endpoint
 * sync status and the audit-owned alarms (dcmanager-state's role in StarlingX); the kysely adapter
 * implements this interface, the audit never sees SQL.
 */

import type { AlarmKey as FleetAlarmKey, AlarmRaise as FleetAlarmRaise } from '../alarms/alarm.js'
import type { DeployStatus } from '../subclouds/deploy-status.js'
import type { Availability, ManagementState, SyncStatus } from '../subclouds/subcloud.js'

export type { AlarmSeverity } from '../alarms/alarm.js'
export type { Availability, ManagementState, SyncStatus }

/** Endpoint types the audit judges. Only `platform` for now; the union grows with new audits. */
export type EndpointType = 'platform'

/** Every endpoint the audit writes a `subcloud_status` row for, in display order. */
export const AUDITED_ENDPOINTS: readonly EndpointType[] = ['platform']

/** Alarms the audit raises and clears. */
export type AuditAlarmId =
  /** Subcloud offline: critical, entity `subcloud=<name>`, region `SystemController`. */
  | '280.001'
  /** Subcloud resource out-of-sync: major, entity `subcloud=<name>.resource=<endpoint>`, region `SystemController`. */
  | '280.002'
  /** Configuration out-of-date, relayed from the subcloud's own alarms: entity `host=<hostname>`, the subcloud's region. */
  | '250.001'

export const AUDIT_ALARM_IDS: readonly AuditAlarmId[] = ['280.001', '280.002', '250.001']

/** Identity of one audit-owned alarm. */
export type AlarmKey = FleetAlarmKey<AuditAlarmId>

/** An audit-owned alarm to raise (insert, or refresh if the key is already active). */
export type AlarmRaise = FleetAlarmRaise<AuditAlarmId>

/** What the audit needs to know about one subcloud; one per row of `subclouds`. */
export interface AuditTarget {
  readonly subcloudId: number
  /** Unique subcloud name, used in alarm entities (`subcloud=<name>`) and as the channel key. */
  readonly name: string
  /** The region its own alarms (relayed 250.001) are listed under. */
  readonly region: string
  /**
   * The agent's address on the subcloud's **primary** OAM family, as `host:port` with IPv6
   * bracketed (`[fd00::2]:50051`). Never a secondary address, never a hostname.
   */
  readonly primaryAddress: string
  readonly managementState: ManagementState
  /** `deploy_status`; only the audited states of spec/distcloud.md section 3 get a Watch stream. */
  readonly deployStatus: DeployStatus
  /** Stored values: the audit starts from them and writes only what differs. */
  readonly availability: Availability
  readonly auditFailCount: number
  readonly endpoints: Readonly<Record<EndpointType, SyncStatus>>
  /**
   * The config hash the controller expects the agent to report (recorded after bootstrap and after
   * every change the controller pushed). Undefined while unknown: sync stays `unknown`.
   */
  readonly expectedConfigHash: string | undefined
  /**
   * System uuid of the agent the deploy bootstrapped: an agent at the address answering with another
   * (or none) is not this subcloud, and the subcloud is offline. Undefined: not checked (deployed
   * before the identity was recorded, or a copy of a peer's subcloud).
   */
  readonly agentSystemUuid: string | undefined
  /** Audit-owned alarms (ids in {@link AUDIT_ALARM_IDS}) currently active for this subcloud. */
  readonly activeAlarms: readonly AlarmKey[]
}

/**
 * Changes to one subcloud. Absent fields are left as stored. Alarms are raised and cleared in the
 * same transaction as the state they describe, so the list and `fm alarm-list` never disagree.
 */
export interface SubcloudStatusUpdate {
  readonly subcloudId: number
  readonly name: string
  readonly availability?: Availability
  readonly auditFailCount?: number
  /**
   * Endpoint sync changes. Following spec/distcloud.md 1.5, the adapter applies `in-sync` only when
   * the row is still `managed` at write time (an unmanage may have landed since the audit decided);
   * `out-of-sync` and `unknown` are always applied.
   */
  readonly endpoints?: Readonly<Partial<Record<EndpointType, SyncStatus>>>
  /** Coalesced: written at most every `slowWriteIntervalMs`, or with another change. */
  readonly lastHeartbeatAt?: Date
  readonly raiseAlarms: readonly AlarmRaise[]
  readonly clearAlarms: readonly AlarmKey[]
}

/** Storage port of the audit. */
export interface AuditStore {
  /**
   * Every subcloud (any deploy state), or only those with an id in `subcloudIds` (ids without a
   * row are left out); the audit picks the ones it audits.
   */
  loadAuditTargets(signal: AbortSignal, subcloudIds?: readonly number[]): Promise<AuditTarget[]>
  /**
   * Applies a batch of changes in ONE transaction: all or nothing. Updates for subclouds that no
   * longer exist are skipped, not errors. Raising an active key or clearing an absent one is a
   * no-op. On failure the audit keeps the changes and retries them at its next flush.
   */
  writeStatusBatch(updates: readonly SubcloudStatusUpdate[], signal: AbortSignal): Promise<void>
}
