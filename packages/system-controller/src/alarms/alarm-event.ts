import type { AlarmSeverity } from './alarm.js'

/** FM's event states: an alarm raised, an alarm cleared, or a log without alarm. */
export type EventState = 'set' | 'clear' | 'log'

export const EVENT_STATES: readonly EventState[] = ['set', 'clear', 'log']
export const ALARM_SEVERITIES: readonly AlarmSeverity[] = ['critical', 'major', 'minor', 'warning']

/** One entry of the fault history (`fm event-list`). */
export interface AlarmEvent {
  readonly uuid: string
  /** The alarm id of a set or clear, e.g. `280.001`. */
  readonly eventLogId: string
  readonly state: EventState
  readonly region: string
  readonly entityInstanceId: string
  readonly reasonText: string
  readonly severity: string
  readonly proposedRepairAction: string
  readonly serviceAffecting: boolean
  readonly timestamp: Date
}

/** Which events to list: equality on each given field, all of them (FM's `--query a=b;c=d`). */
export interface EventFilter {
  readonly eventLogId?: string
  readonly entityInstanceId?: string
  readonly severity?: AlarmSeverity
  readonly state?: EventState
}

/** A listing of the fault history of one region, newest first. */
export interface EventListing {
  readonly region: string
  readonly filter: EventFilter
  readonly limit: number
}

/** How much history is kept: the newest `maxCount` events, none older than `maxAgeMs`. */
export interface EventRetention {
  readonly maxCount: number
  readonly maxAgeMs: number
}

/** 100,000 events or 30 days, whichever is less. */
export const DEFAULT_EVENT_RETENTION: EventRetention = { maxCount: 100_000, maxAgeMs: 30 * 24 * 3_600_000 }

/** Active alarms of one region by severity (`dcmanager alarm summary`). */
export interface AlarmCounts {
  readonly critical: number
  readonly major: number
  readonly minor: number
  readonly warning: number
}

export type AlarmSummaryStatus = 'OK' | 'degraded' | 'critical'

/** dcmanager's verdict: critical with any critical alarm, degraded with any major or minor one, else OK. */
export function alarmSummaryStatus(counts: AlarmCounts): AlarmSummaryStatus {
  if (counts.critical > 0) return 'critical'
  if (counts.major + counts.minor > 0) return 'degraded'
  return 'OK'
}
