import type {
  AddSubcloudGroupRequest__Output,
  AddSubcloudRequest__Output,
  UpdateSubcloudGroupRequest__Output,
  UpdateSubcloudRequest__Output,
} from '@dc/protos'
import { reference } from '../src/grpc/field-validators.js'
import {
  addSubcloudInput,
  groupChangesInput,
  groupMessage,
  newGroupInput,
  subcloudMessage,
  updateSubcloudInput,
} from '../src/grpc/subcloud-messages.js'
import type { SubcloudGroupService } from '../src/subcloud-groups/subcloud-group-service.js'
import type { SubcloudService } from '../src/subclouds/subcloud-service.js'

type Request<T> = Partial<T> & Record<string, unknown>

/**
 * The DcManager subcloud and group calls as the gRPC handlers make them: request fields mapped
 * and checked by the boundary, the use case run, the result mapped back to its message.
 */
export function managerCalls(subclouds: SubcloudService, groups: SubcloudGroupService) {
  return {
    addSubcloud: async (req: Request<AddSubcloudRequest__Output>) =>
      subcloudMessage(await subclouds.add(addSubcloudInput(req as AddSubcloudRequest__Output))),
    updateSubcloud: async (req: Request<UpdateSubcloudRequest__Output>) =>
      subcloudMessage(await subclouds.update(updateSubcloudInput(req as UpdateSubcloudRequest__Output))),
    manageSubcloud: async (ref: string, force: boolean) =>
      subcloudMessage(await subclouds.manage(reference('subcloud', ref), force)),
    unmanageSubcloud: async (ref: string, migrate: boolean) =>
      subcloudMessage(await subclouds.unmanage(reference('subcloud', ref), migrate)),
    deleteSubcloud: async (ref: string) =>
      subcloudMessage(await subclouds.delete(reference('subcloud', ref))),
    getSubcloud: async (ref: string) => subcloudMessage(await subclouds.get(reference('subcloud', ref))),
    listSubclouds: async (all: boolean, groupId?: number) =>
      (await subclouds.list(groupId === undefined ? { all } : { all, groupId })).map((s) =>
        subcloudMessage(s),
      ),
    addGroup: async (req: Request<AddSubcloudGroupRequest__Output>) =>
      groupMessage(await groups.add(newGroupInput(req as AddSubcloudGroupRequest__Output))),
    updateGroup: async (req: Request<UpdateSubcloudGroupRequest__Output> & { group: string }) =>
      groupMessage(
        await groups.update(
          reference('group', req.group),
          groupChangesInput(req as UpdateSubcloudGroupRequest__Output),
        ),
      ),
    deleteGroup: async (ref: string) => groupMessage(await groups.delete(reference('group', ref))),
  }
}
