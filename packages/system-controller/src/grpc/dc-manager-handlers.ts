import type { DcManagerHandlers, ListSubcloudsResponse } from '@dc/protos'
import type { Logger } from '@dc/runtime'
import type { GeoService } from '../geo/geo-service.js'
import type { SubcloudGroupService } from '../subcloud-groups/subcloud-group-service.js'
import type { SubcloudService } from '../subclouds/subcloud-service.js'
import { controllerUnary } from './controller-unary.js'
import { reference } from './field-validators.js'
import { geoHandlers } from './geo-handlers.js'
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
  readonly groups: SubcloudGroupService
  /** System peers, peer groups, associations and migrate. */
  readonly geo: GeoService
  /** Causes of unexpected failures (the caller gets INTERNAL). */
  readonly log: Logger
}

/**
 * The grpc-js handlers of every DcManager RPC: request fields checked and mapped to domain
 * inputs, the use case run, its result mapped back; failures through the controller's one
 * status mapper.
 */
export function dcManagerHandlers(services: DcManagerServices): DcManagerHandlers {
  const { subclouds, groups, geo, log } = services
  const list = async (all: boolean, detail: boolean, groupId?: number): Promise<ListSubcloudsResponse> => {
    const found = await subclouds.list(groupId === undefined ? { all } : { all, groupId })
    return {
      subclouds: found.map((s) => subcloudMessage(s, detail ? subclouds.storedDetail(s) : undefined)),
    }
  }
  const subcloud = (ref: string) => subclouds.get(reference('subcloud', ref))
  const group = (ref: string) => groups.get(reference('group', ref))
  return {
    AddSubcloud: controllerUnary(
      async (req) => subcloudMessage(await subclouds.add(addSubcloudInput(req))),
      log,
    ),
    ListSubclouds: controllerUnary((req) => list(req.all, req.detail), log),
    GetSubcloud: controllerUnary(async (req, signal) => {
      const found = await subcloud(req.subcloud)
      return subcloudMessage(found, req.detail ? await subclouds.liveDetail(found, signal) : undefined)
    }, log),
    UpdateSubcloud: controllerUnary(
      async (req) => subcloudMessage(await subclouds.update(updateSubcloudInput(req))),
      log,
    ),
    ManageSubcloud: controllerUnary(
      async (req) => subcloudMessage(await subclouds.manage(reference('subcloud', req.subcloud), req.force)),
      log,
    ),
    UnmanageSubcloud: controllerUnary(
      async (req) =>
        subcloudMessage(await subclouds.unmanage(reference('subcloud', req.subcloud), req.migrate)),
      log,
    ),
    DeleteSubcloud: controllerUnary(
      async (req) => subcloudMessage(await subclouds.delete(reference('subcloud', req.subcloud))),
      log,
    ),
    GetSubcloudErrors: controllerUnary(async (req) => {
      const found = await subcloud(req.subcloud)
      return { name: found.name, error_description: found.errorDescription }
    }, log),
    AddSubcloudGroup: controllerUnary(async (req) => groupMessage(await groups.add(newGroupInput(req))), log),
    ListSubcloudGroups: controllerUnary(
      async () => ({ subcloud_groups: (await groups.list()).map(groupMessage) }),
      log,
    ),
    GetSubcloudGroup: controllerUnary(async (req) => groupMessage(await group(req.group)), log),
    UpdateSubcloudGroup: controllerUnary(async (req) => {
      const changes = groupChangesInput(req)
      return groupMessage(await groups.update(reference('group', req.group), changes))
    }, log),
    DeleteSubcloudGroup: controllerUnary(
      async (req) => groupMessage(await groups.delete(reference('group', req.group))),
      log,
    ),
    ListSubcloudGroupSubclouds: controllerUnary(
      async (req) => list(true, false, (await group(req.group)).id),
      log,
    ),
    ...geoHandlers(geo, log),
  }
}
