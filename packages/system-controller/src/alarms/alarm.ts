/** FM's severities, in its spelling. */
export type AlarmSeverity = 'critical' | 'major' | 'minor' | 'warning'

/**
 * The alarms the controller raises itself (spec distcloud 5): subcloud offline (280.001), resource
 * out-of-sync (280.002), peer heartbeat failed (280.004), peer group not led by its preferred site
 * (280.005), and a subcloud's configuration out-of-date relayed from its own alarms (250.001).
 */
export type FleetAlarmId = '280.001' | '280.002' | '280.004' | '280.005' | '250.001'

/** Identity of one alarm: FM keeps at most one active alarm per (region, alarm id, entity instance). */
export interface AlarmKey<Id extends string = FleetAlarmId> {
  readonly alarmId: Id
  /** The region `fm --os-region-name` lists it under: `SystemController` or a subcloud's region. */
  readonly region: string
  readonly entityInstanceId: string
}

/** An alarm to raise (insert, or refresh if the key is already active). */
export interface AlarmRaise<Id extends string = FleetAlarmId> extends AlarmKey<Id> {
  readonly severity: AlarmSeverity
  readonly reasonText: string
  readonly proposedRepairAction: string
  readonly serviceAffecting: boolean
}

/** An active alarm as stored. */
export interface ActiveAlarm extends AlarmRaise<string> {
  readonly uuid: string
  readonly raisedAt: Date
  readonly updatedAt: Date
}

/** The text key of an alarm identity, for maps and sets. */
export function alarmKeyOf(key: AlarmKey<string>): string {
  return `${key.region}\u0000${key.alarmId}\u0000${key.entityInstanceId}`
}

const SEVERITY_RANK: Readonly<Record<string, number>> = { critical: 0, major: 1, minor: 2, warning: 3 }

/** Most severe first; unknown severities last. */
export function severityRank(severity: string): number {
  return SEVERITY_RANK[severity] ?? 4
}
