import type { ActiveAlarm } from '../alarms/alarm.js'
import type { AlarmCounts, AlarmEvent, EventListing, EventRetention } from '../alarms/alarm-event.js'

/**
 * The fault history and the reads of active alarms FM's show and summary need. Events are written
 * by the store itself with each alarm change, in its transaction; here they are only read and pruned.
 */
export interface AlarmEventStore {
  /** The region's events matching the filter, newest first, at most `limit`. */
  listEvents(listing: EventListing, signal: AbortSignal): Promise<AlarmEvent[]>
  /** The active alarm with this uuid, in any region. */
  findAlarm(uuid: string, signal: AbortSignal): Promise<ActiveAlarm | undefined>
  /** Active alarms by severity, per region; regions without alarms are absent. */
  countAlarms(signal: AbortSignal): Promise<ReadonlyMap<string, AlarmCounts>>
  /**
   * Deletes events beyond the retention, oldest first, in statements of at most `batchSize` rows
   * each in its own transaction (never one long lock on the table). Resolves to the number deleted.
   */
  prune(retention: EventRetention, now: Date, batchSize: number, signal: AbortSignal): Promise<number>
}
