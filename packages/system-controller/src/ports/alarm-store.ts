import type { ActiveAlarm, AlarmKey, AlarmRaise } from '../alarms/alarm.js'

/** Active FM alarms the controller raised: a cleared alarm is gone (no history yet). */
export interface AlarmStore {
  /** Alarms listed under `region`, most severe first, then newest first. */
  list(region: string): Promise<ActiveAlarm[]>
  /** Raise, or refresh the reason and severity of an active one. */
  raise(alarm: AlarmRaise): Promise<void>
  clear(key: AlarmKey): Promise<void>
}
