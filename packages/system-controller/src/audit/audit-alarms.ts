import { SYSTEM_CONTROLLER_REGION } from '@dc/protos'
import { alarmKeyOf } from '../alarms/alarm.js'
import { subcloudAlarmEntity } from '../subclouds/subcloud.js'
import type { AlarmKey, AlarmRaise, EndpointType, SyncStatus } from './audit-store.js'

/** What decides the audit-owned alarms of one subcloud. */
export interface AlarmInput {
  readonly name: string
  readonly region: string
  /** Whether the offline alarm (280.001) should be active. */
  readonly offline: boolean
  readonly endpoints: Readonly<Record<EndpointType, SyncStatus>>
  /** Hosts whose configuration is out-of-date, relayed only while the subcloud is online and managed. */
  readonly hostsConfigOutOfDate: readonly string[]
}

/** Every alarm that should be active for the subcloud, given its current state. */
export function desiredAlarms(input: AlarmInput): AlarmRaise[] {
  const alarms: AlarmRaise[] = []
  if (input.offline) {
    alarms.push({
      alarmId: '280.001',
      region: SYSTEM_CONTROLLER_REGION,
      entityInstanceId: subcloudAlarmEntity(input.name),
      severity: 'critical',
      reasonText: `Subcloud ${input.name} is offline`,
      proposedRepairAction: 'Check the subcloud agent and the network path to its primary address',
      serviceAffecting: true,
    })
  }
  for (const [endpoint, status] of Object.entries(input.endpoints)) {
    if (status !== 'out-of-sync') continue
    alarms.push({
      alarmId: '280.002',
      region: SYSTEM_CONTROLLER_REGION,
      entityInstanceId: `${subcloudAlarmEntity(input.name)}.resource=${endpoint}`,
      severity: 'major',
      reasonText: `Subcloud ${input.name} ${endpoint} sync_status is out-of-sync`,
      proposedRepairAction:
        'Revert the local change on the subcloud or re-apply the configuration from the system controller',
      serviceAffecting: false,
    })
  }
  for (const hostname of input.hostsConfigOutOfDate) {
    alarms.push({
      alarmId: '250.001',
      region: input.region,
      entityInstanceId: `host=${hostname}`,
      severity: 'major',
      reasonText: `${hostname} Configuration is out-of-date`,
      proposedRepairAction: `Lock and unlock host ${hostname} to update its configuration`,
      serviceAffecting: false,
    })
  }
  return alarms
}

/** Raises for desired alarms not yet active, clears for active alarms no longer desired. */
export function diffAlarms(
  active: Iterable<AlarmKey>,
  desired: readonly AlarmRaise[],
): { raise: AlarmRaise[]; clear: AlarmKey[] } {
  const activeByKey = new Map<string, AlarmKey>()
  for (const key of active) activeByKey.set(alarmKeyOf(key), key)
  const desiredKeys = new Set(desired.map(alarmKeyOf))
  return {
    raise: desired.filter((alarm) => !activeByKey.has(alarmKeyOf(alarm))),
    clear: [...activeByKey]
      .filter(([k]) => !desiredKeys.has(k))
      .map(([, { alarmId, region, entityInstanceId }]) => ({ alarmId, region, entityInstanceId })),
  }
}
