import type {
  AlarmView,
  FleetSummary,
  GeoView,
  NetworkMode,
  PackedRows,
  StepRow,
  StrategyHeader,
  SubcloudRow,
} from '@dc/console'
import type { ActiveAlarm, AlarmSeverity } from '../alarms/alarm.js'
import { aggregateSync } from '../audit/index.js'
import type { SystemPeer } from '../geo/system-peer.js'
import type { SubcloudPeerGroup } from '../geo/subcloud-peer-group.js'
import type { PeerGroupAssociation } from '../geo/peer-group-association.js'
import type { NetworkStrategy, StepCount, StrategyStep } from '../strategies/network-strategy.js'
import { dialAddress } from '../subclouds/subcloud.js'
import type { Subcloud } from '../subclouds/subcloud.js'

/** The fields of a {@link SubcloudRow} in the order the event stream's snapshot packs them. */
export const SUBCLOUD_ROW_FIELDS: readonly (keyof SubcloudRow)[] = [
  'id',
  'name',
  'group',
  'peerGroup',
  'availability',
  'management',
  'deploy',
  'sync',
  'networkMode',
  'primaryFamily',
  'address',
]

/** Rows as the event stream's snapshot carries them: arrays under {@link SUBCLOUD_ROW_FIELDS}. */
export function packRows(rows: readonly SubcloudRow[]): PackedRows {
  return { fields: SUBCLOUD_ROW_FIELDS, rows: rows.map((row) => SUBCLOUD_ROW_FIELDS.map((f) => row[f])) }
}

export function subcloudRowOf(subcloud: Subcloud, networkMode: NetworkMode): SubcloudRow {
  return {
    id: subcloud.id,
    name: subcloud.name,
    group: subcloud.groupName,
    peerGroup: subcloud.peerGroupName,
    availability: subcloud.availability,
    management: subcloud.managementState,
    deploy: subcloud.deployStatus,
    sync: aggregateSync(subcloud.endpoints.map((e) => e.syncStatus)),
    networkMode,
    primaryFamily: subcloud.externalOamFamily,
    address: dialAddress(subcloud),
  }
}

export function alarmViewOf(alarm: ActiveAlarm): AlarmView {
  return {
    alarmId: alarm.alarmId,
    severity: alarm.severity,
    entity: alarm.entityInstanceId,
    reason: alarm.reasonText,
    repair: alarm.proposedRepairAction,
    raisedAt: alarm.raisedAt.toISOString(),
  }
}

export function strategyHeaderOf(strategy: NetworkStrategy, counts: readonly StepCount[]): StrategyHeader {
  const byState: Record<string, number> = {}
  for (const c of counts) byState[c.state] = (byState[c.state] ?? 0) + c.count
  return {
    uuid: strategy.uuid,
    state: strategy.state,
    planKind: strategy.planKind,
    applyType: strategy.applyType,
    maxParallel: strategy.maxParallel,
    target: strategy.groupName ?? strategy.subcloudName ?? 'all subclouds',
    details: strategy.details,
    counts: byState,
    total: counts.reduce((sum, c) => sum + c.count, 0),
  }
}

export function stepRowOf(step: StrategyStep): StepRow {
  return {
    subcloud: step.subcloudName,
    state: step.state,
    details: step.details,
    startedAt: step.startedAt?.toISOString() ?? null,
    finishedAt: step.finishedAt?.toISOString() ?? null,
  }
}

export function geoViewOf(
  peers: readonly SystemPeer[],
  groups: readonly SubcloudPeerGroup[],
  associations: readonly PeerGroupAssociation[],
  rows: readonly SubcloudRow[],
): GeoView {
  const peerName = new Map(peers.map((p) => [p.id, p.peerName]))
  const groupName = new Map(groups.map((g) => [g.id, g.name]))
  const members = countBy(rows, 'peerGroup')
  return {
    peers: peers.map((p) => ({
      name: p.peerName,
      uuid: p.peerUuid,
      availability: p.availability,
      administrative: p.administrativeState,
      heartbeatIntervalMs: p.heartbeatIntervalMs,
      failureThreshold: p.heartbeatFailureThreshold,
      failurePolicy: p.heartbeatFailurePolicy,
    })),
    peerGroups: groups.map((g) => ({
      name: g.name,
      priority: g.priority,
      leader: g.leaderName,
      migration: g.migrationStatus,
      members: members[g.name] ?? 0,
    })),
    associations: associations.map((a) => ({
      peer: peerName.get(a.systemPeerId) ?? String(a.systemPeerId),
      peerGroup: groupName.get(a.peerGroupId) ?? String(a.peerGroupId),
      type: a.associationType,
      sync: a.syncStatus,
      publishedSeq: a.publishedSeq,
      ackedSeq: a.ackedSeq,
    })),
  }
}

const SEVERITIES: readonly AlarmSeverity[] = ['critical', 'major', 'minor', 'warning']

function countBy(rows: readonly SubcloudRow[], key: keyof SubcloudRow): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const row of rows) {
    const value = String(row[key])
    counts[value] = (counts[value] ?? 0) + 1
  }
  return counts
}

export function fleetSummaryOf(rows: readonly SubcloudRow[], alarms: readonly AlarmView[]): FleetSummary {
  const bySeverity: Record<string, number> = Object.fromEntries(SEVERITIES.map((s) => [s, 0]))
  for (const alarm of alarms) bySeverity[alarm.severity] = (bySeverity[alarm.severity] ?? 0) + 1
  return {
    total: rows.length,
    availability: countBy(rows, 'availability'),
    deploy: countBy(rows, 'deploy'),
    sync: countBy(rows, 'sync'),
    management: countBy(rows, 'management'),
    networkMode: countBy(rows, 'networkMode'),
    alarms: bySeverity,
  }
}
