import type { AlarmDetail, DcManagerHandlers, Event } from '@dc/protos'
import type { ActiveAlarm } from '../alarms/alarm.js'
import type { AlarmEvent } from '../alarms/alarm-event.js'
import type { FaultHistory } from '../alarms/fault-history.js'
import type { UnaryCalls } from './controller-unary.js'
import { eventListing } from './event-query.js'
import { reference } from './field-validators.js'

/** The fault history RPCs of `dc.manager.v1.DcManager`. */
export type FaultRpc = 'ListEvents' | 'GetAlarm' | 'GetAlarmSummary'

function eventMessage(event: AlarmEvent): Event {
  return {
    uuid: event.uuid,
    timestamp: event.timestamp.toISOString(),
    state: event.state,
    event_log_id: event.eventLogId,
    reason_text: event.reasonText,
    entity_instance_id: event.entityInstanceId,
    severity: event.severity,
    proposed_repair_action: event.proposedRepairAction,
    service_affecting: event.serviceAffecting,
    region: event.region,
  }
}

function alarmDetail(alarm: ActiveAlarm): AlarmDetail {
  return {
    uuid: alarm.uuid,
    alarm_id: alarm.alarmId,
    alarm_state: 'set',
    entity_instance_id: alarm.entityInstanceId,
    timestamp: alarm.raisedAt.toISOString(),
    severity: alarm.severity,
    reason_text: alarm.reasonText,
    proposed_repair_action: alarm.proposedRepairAction,
    service_affecting: alarm.serviceAffecting,
    region: alarm.region,
  }
}

/** `fm event-list`, `fm alarm-show` and `dcmanager alarm summary` as plain calls. */
export function faultCalls(faults: FaultHistory): UnaryCalls<Pick<DcManagerHandlers, FaultRpc>> {
  return {
    ListEvents: async (req, signal) => ({
      events: (await faults.events(eventListing(req), signal)).map(eventMessage),
    }),
    GetAlarm: async (req, signal) => alarmDetail(await faults.alarm(reference('uuid', req.uuid), signal)),
    GetAlarmSummary: async (_req, signal) => ({
      subclouds: (await faults.summary(signal)).map((s) => ({
        name: s.name,
        alarms: {
          critical: s.critical,
          major: s.major,
          minor: s.minor,
          warnings: s.warning,
          cloud_status: s.status,
        },
      })),
    }),
  }
}
