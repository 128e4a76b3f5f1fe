import { SYSTEM_CONTROLLER_REGION } from '@dc/protos'
import type { ActiveAlarm } from './alarm.js'
import { alarmSummaryStatus } from './alarm-event.js'
import type { AlarmCounts, AlarmEvent, AlarmSummaryStatus, EventListing } from './alarm-event.js'
import { AlarmNotFoundError } from '../errors.js'
import type { AlarmEventStore } from '../ports/alarm-event-store.js'
import type { SubcloudStore } from '../ports/subcloud-store.js'
import { subcloudOfRegion } from '../subclouds/subcloud-of-region.js'

/** One row of `dcmanager alarm summary`. */
export interface SubcloudAlarmSummary extends AlarmCounts {
  readonly name: string
  readonly status: AlarmSummaryStatus
}

const NO_ALARMS: AlarmCounts = { critical: 0, major: 0, minor: 0, warning: 0 }

/** The use cases of FM's history and of dcmanager's alarm summary, over their ports. */
export class FaultHistory {
  readonly #events: AlarmEventStore
  readonly #subclouds: Pick<SubcloudStore, 'list' | 'find'>

  constructor(events: AlarmEventStore, subclouds: Pick<SubcloudStore, 'list' | 'find'>) {
    this.#events = events
    this.#subclouds = subclouds
  }

  /**
   * `fm event-list`: the region's raised and cleared alarms, newest first. A subcloud's region is
   * named as `--os-region-name` names it for every other command: by subcloud name or region name.
   */
  async events(listing: EventListing, signal: AbortSignal): Promise<AlarmEvent[]> {
    const { region } = listing
    if (region === SYSTEM_CONTROLLER_REGION) return this.#events.listEvents(listing, signal)
    const found = await subcloudOfRegion(this.#subclouds, region)
    return this.#events.listEvents({ ...listing, region: found.regionName }, signal)
  }

  /** `fm alarm-show`: an active alarm the controller holds, by uuid. */
  async alarm(uuid: string, signal: AbortSignal): Promise<ActiveAlarm> {
    const found = await this.#events.findAlarm(uuid, signal)
    if (found === undefined) throw new AlarmNotFoundError(uuid)
    return found
  }

  /**
   * `dcmanager alarm summary`: every subcloud, with the alarms listed in its region (those the
   * audit relays from it while it is managed and online, as `fm alarm-list` shows them there).
   */
  async summary(signal: AbortSignal): Promise<SubcloudAlarmSummary[]> {
    const [subclouds, counts] = await Promise.all([this.#subclouds.list(), this.#events.countAlarms(signal)])
    return subclouds.map((subcloud) => {
      const own = counts.get(subcloud.regionName) ?? NO_ALARMS
      return { name: subcloud.name, ...own, status: alarmSummaryStatus(own) }
    })
  }
}
