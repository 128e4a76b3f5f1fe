import type {
  AddSubcloudGroupRequest__Output,
  AddSubcloudRequest__Output,
  UpdateSubcloudGroupRequest__Output,
  UpdateSubcloudRequest__Output,
} from '@dc/protos'
import { subcloudCalls } from '../src/grpc/dc-manager-handlers.js'
import type { SubcloudGroupService } from '../src/subcloud-groups/subcloud-group-service.js'
import type { NetworkReconfiguration } from '../src/subclouds/network-reconfiguration.js'
import type { SubcloudService } from '../src/subclouds/subcloud-service.js'

type Request<T> = Partial<T> & Record<string, unknown>

/**
 * The DcManager subcloud and group calls the gRPC handlers serve, without a server: a refusal is
 * the domain error itself rather than its status.
 */
export function managerCalls(
  subclouds: SubcloudService,
  groups: SubcloudGroupService,
  network: NetworkReconfiguration,
) {
  const calls = subcloudCalls({ subclouds, groups, network })
  const signal = new AbortController().signal
  return {
    addSubcloud: (req: Request<AddSubcloudRequest__Output>) =>
      calls.AddSubcloud(req as AddSubcloudRequest__Output, signal),
    updateSubcloud: (req: Request<UpdateSubcloudRequest__Output>) =>
      calls.UpdateSubcloud(req as UpdateSubcloudRequest__Output, signal),
    manageSubcloud: (subcloud: string, force: boolean) => calls.ManageSubcloud({ subcloud, force }, signal),
    unmanageSubcloud: (subcloud: string, migrate: boolean) =>
      calls.UnmanageSubcloud({ subcloud, migrate }, signal),
    deleteSubcloud: (subcloud: string) => calls.DeleteSubcloud({ subcloud }, signal),
    getSubcloud: (subcloud: string) => calls.GetSubcloud({ subcloud, detail: false }, signal),
    listSubclouds: async (all: boolean, groupId?: number) =>
      (groupId === undefined
        ? await calls.ListSubclouds({ all, detail: false }, signal)
        : await calls.ListSubcloudGroupSubclouds({ group: String(groupId) }, signal)
      ).subclouds ?? [],
    addGroup: (req: Request<AddSubcloudGroupRequest__Output>) =>
      calls.AddSubcloudGroup(req as AddSubcloudGroupRequest__Output, signal),
    updateGroup: (req: Request<UpdateSubcloudGroupRequest__Output> & { group: string }) =>
      calls.UpdateSubcloudGroup(req as UpdateSubcloudGroupRequest__Output, signal),
    deleteGroup: (group: string) => calls.DeleteSubcloudGroup({ group }, signal),
  }
}
