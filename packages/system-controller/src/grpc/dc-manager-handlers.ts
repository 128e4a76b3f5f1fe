import type { DcManagerHandlers, ListSubcloudsResponse } from '@dc/protos'
import type { Logger } from '@dc/runtime'
import type { FaultHistory } from '../alarms/fault-history.js'
import type { GeoService } from '../geo/geo-service.js'
import type { NetworkStrategyService } from '../strategies/network-strategy-service.js'
import type { SubcloudGroupService } from '../subcloud-groups/subcloud-group-service.js'
import type { NetworkReconfiguration } from '../subclouds/network-reconfiguration.js'
import type { SubcloudService } from '../subclouds/subcloud-service.js'
import { unaryHandlers } from './controller-unary.js'
import type { UnaryCalls } from './controller-unary.js'
import { faultCalls } from './fault-calls.js'
import type { FaultRpc } from './fault-calls.js'
import { reference } from './field-validators.js'
import { geoCalls } from './geo-calls.js'
import { networkReconfigurationInput } from './network-reconfiguration-messages.js'
import type { GeoRpc } from './geo-calls.js'
import { strategyCalls } from './strategy-calls.js'
import type { StrategyRpc } from './strategy-calls.js'
import {
  addSubcloudInput,
  groupChangesInput,
  groupMessage,
  newGroupInput,
  subcloudMessage,
  updateSubcloudInput,
} from './subcloud-messages.js'

/** The services behind `dc.manager.v1.DcManager`. */
export interface DcManagerServices {
  readonly subclouds: SubcloudService
  /** `subcloud update` with the management values. */
  readonly network: NetworkReconfiguration
  readonly groups: SubcloudGroupService
  /** System peers, peer groups, associations and migrate. */
  readonly geo: GeoService
  /** `network-strategy` and `strategy-step`. */
  readonly strategies: NetworkStrategyService
  /** `fm event-list`, `fm alarm-show`, `alarm summary`. */
  readonly faults: FaultHistory
  /** Causes of unexpected failures (the caller gets INTERNAL). */
  readonly log: Logger
}

/** The subcloud and subcloud group RPCs of `dc.manager.v1.DcManager`. */
export type SubcloudRpc =
  | 'AddSubcloud'
  | 'ListSubclouds'
  | 'GetSubcloud'
  | 'UpdateSubcloud'
  | 'ManageSubcloud'
  | 'UnmanageSubcloud'
  | 'DeleteSubcloud'
  | 'GetSubcloudErrors'
  | 'AddSubcloudGroup'
  | 'ListSubcloudGroups'
  | 'GetSubcloudGroup'
  | 'UpdateSubcloudGroup'
  | 'DeleteSubcloudGroup'
  | 'ListSubcloudGroupSubclouds'
  | 'RedeploySubcloud'
  | 'ResumeSubcloudDeploy'
  | 'AbortSubcloudDeploy'

/**
 * The subcloud and group RPCs as plain calls: request fields checked and mapped to domain
 * inputs, the use case run, its result mapped back. {@link dcManagerHandlers} serves them; tests
 * call them without a server and see the domain errors.
 */
export function subcloudCalls(
  services: Pick<DcManagerServices, 'subclouds' | 'groups' | 'network'>,
): UnaryCalls<Pick<DcManagerHandlers, SubcloudRpc>> {
  const { subclouds, groups, network } = services
  const list = async (all: boolean, detail: boolean, groupId?: number): Promise<ListSubcloudsResponse> => {
    const found = await subclouds.list(groupId === undefined ? { all } : { all, groupId })
    return {
      subclouds: found.map((s) => subcloudMessage(s, detail ? subclouds.storedDetail(s) : undefined)),
    }
  }
  const subcloud = (ref: string) => subclouds.get(reference('subcloud', ref))
  const group = (ref: string) => groups.get(reference('group', ref))
  return {
    AddSubcloud: async (req, signal) => subcloudMessage(await subclouds.add(addSubcloudInput(req), signal)),
    ListSubclouds: (req) => list(req.all, req.detail),
    GetSubcloud: async (req, signal) => {
      const found = await subcloud(req.subcloud)
      return subcloudMessage(found, req.detail ? await subclouds.liveDetail(found, signal) : undefined)
    },
    UpdateSubcloud: async (req, signal) => {
      const reconfiguration = networkReconfigurationInput(req)
      return subcloudMessage(
        reconfiguration === undefined
          ? await subclouds.update(updateSubcloudInput(req))
          : await network.reconfigure(reconfiguration, signal),
      )
    },
    ManageSubcloud: async (req) =>
      subcloudMessage(await subclouds.manage(reference('subcloud', req.subcloud), req.force)),
    UnmanageSubcloud: async (req) =>
      subcloudMessage(await subclouds.unmanage(reference('subcloud', req.subcloud), req.migrate)),
    DeleteSubcloud: async (req, signal) =>
      subcloudMessage(await subclouds.recovery.delete(reference('subcloud', req.subcloud), signal)),
    GetSubcloudErrors: async (req) => {
      const found = await subcloud(req.subcloud)
      return { name: found.name, error_description: found.errorDescription }
    },
    AddSubcloudGroup: async (req) => groupMessage(await groups.add(newGroupInput(req))),
    ListSubcloudGroups: async () => ({ subcloud_groups: (await groups.list()).map(groupMessage) }),
    GetSubcloudGroup: async (req) => groupMessage(await group(req.group)),
    UpdateSubcloudGroup: async (req) => {
      const changes = groupChangesInput(req)
      return groupMessage(await groups.update(reference('group', req.group), changes))
    },
    DeleteSubcloudGroup: async (req) => groupMessage(await groups.delete(reference('group', req.group))),
    ListSubcloudGroupSubclouds: async (req) => list(true, false, (await group(req.group)).id),
    RedeploySubcloud: async (req) =>
      subcloudMessage(
        await subclouds.recovery.redeploy(reference('subcloud', req.subcloud), req.bootstrap_values_yaml),
      ),
    ResumeSubcloudDeploy: async (req) =>
      subcloudMessage(await subclouds.recovery.resume(reference('subcloud', req.subcloud))),
    AbortSubcloudDeploy: async (req) =>
      subcloudMessage(await subclouds.recovery.abort(reference('subcloud', req.subcloud))),
  }
}

/**
 * The grpc-js handlers of every DcManager RPC: request fields checked and mapped to domain
 * inputs, the use case run, its result mapped back; failures through the controller's one
 * status mapper.
 */
export function dcManagerHandlers(services: DcManagerServices): DcManagerHandlers {
  const calls = {
    ...subcloudCalls(services),
    ...geoCalls(services.geo),
    ...strategyCalls(services.strategies),
    ...faultCalls(services.faults),
  }
  return unaryHandlers<Pick<DcManagerHandlers, SubcloudRpc | GeoRpc | StrategyRpc | FaultRpc>>(
    calls,
    services.log,
  )
}
