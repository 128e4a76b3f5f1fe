import type { SiteView, SubcloudDetail } from '@dc/console'
import type { DescribeResponse__Output } from '@dc/protos'
import { SYSTEM_CONTROLLER_REGION } from '@dc/protos'
import { subcloudAlarmEntity } from '../subclouds/subcloud.js'
import type { Subcloud } from '../subclouds/subcloud.js'
import type { AlarmStore } from '../ports/alarm-store.js'
import type { PeerGroupStore } from '../ports/peer-group-store.js'
import type { SubcloudStore } from '../ports/subcloud-store.js'
import { alarmViewOf, subcloudRowOf } from './console-views.js'
import type { DescribeSite, NetworkSurvey } from './network-survey.js'

export interface SubcloudDetailDeps {
  readonly subclouds: Pick<SubcloudStore, 'find'>
  readonly alarms: Pick<AlarmStore, 'list'>
  readonly peerGroups: Pick<PeerGroupStore, 'find'>
  readonly describe: DescribeSite
  readonly survey: NetworkSurvey
}

function siteViewOf(described: DescribeResponse__Output): SiteView {
  const pools = new Map(described.address_pools.map((p) => [p.uuid, p]))
  return {
    reachable: true,
    kubernetesDualStack: described.system?.kubernetes_dual_stack ?? false,
    networks: described.networks.map((n) => ({
      name: n.name,
      type: n.type,
      pools: described.network_addrpools
        .filter((a) => a.network_uuid === n.uuid)
        .flatMap((a) => {
          const pool = pools.get(a.address_pool_uuid)
          return pool === undefined
            ? []
            : [
                {
                  name: pool.name,
                  family: pool.family,
                  subnet: `${pool.network}/${pool.prefix}`,
                  primary: pool.uuid === n.pool_uuid,
                },
              ]
        })
        .sort((a, b) => Number(b.primary) - Number(a.primary)),
    })),
    addressCalls: described.address_calls.map((c) => ({ address: c.local_address, calls: Number(c.calls) })),
    hosts: described.hosts.map((h) => ({
      hostname: h.hostname,
      state: `${h.administrative}/${h.operational}/${h.availability}`,
      active: h.active,
    })),
    alarms: described.alarms.map((a) => ({
      alarmId: a.alarm_id,
      severity: a.severity,
      entity: a.entity_instance_id,
      reason: a.reason_text,
      repair: '',
      raisedAt: a.timestamp,
    })),
    configHash: described.config_hash,
  }
}

async function siteOf(subcloud: Subcloud, deps: SubcloudDetailDeps, signal: AbortSignal): Promise<SiteView> {
  if (subcloud.availability !== 'online') return { reachable: false, reason: 'the subcloud is offline' }
  try {
    const described = await deps.describe(subcloud, signal)
    deps.survey.record(subcloud, described)
    return siteViewOf(described)
  } catch (err) {
    return { reachable: false, reason: err instanceof Error ? err.message : String(err) }
  }
}

/** A subcloud as its page shows it, its agent asked over the primary address; undefined: unknown. */
export async function subcloudDetail(
  name: string,
  deps: SubcloudDetailDeps,
  signal: AbortSignal,
): Promise<SubcloudDetail | undefined> {
  const subcloud = await deps.subclouds.find(name)
  if (subcloud === undefined || subcloud.name !== name) return undefined
  const [fleetAlarms, regionAlarms, group, site] = await Promise.all([
    deps.alarms.list(SYSTEM_CONTROLLER_REGION),
    deps.alarms.list(subcloud.regionName),
    subcloud.peerGroupId === null ? undefined : deps.peerGroups.find(String(subcloud.peerGroupId)),
    siteOf(subcloud, deps, signal),
  ])
  const entity = subcloudAlarmEntity(name)
  return {
    row: subcloudRowOf(subcloud, deps.survey.modeOf(subcloud)),
    description: subcloud.description,
    location: subcloud.location,
    softwareVersion: subcloud.softwareVersion,
    errorDescription: subcloud.errorDescription,
    endpoints: subcloud.endpoints.map((e) => ({ type: e.endpointType, sync: e.syncStatus })),
    epoch: subcloud.epoch,
    rehomed: subcloud.rehomed,
    owner: group?.leaderName,
    lastHeartbeatAt: subcloud.lastHeartbeatAt?.toISOString() ?? null,
    alarms: [
      ...fleetAlarms.filter(
        (a) => a.entityInstanceId === entity || a.entityInstanceId.startsWith(`${entity}.`),
      ),
      ...regionAlarms,
    ].map(alarmViewOf),
    site,
  }
}
