import type { ListSubcloudGroupsResponse__Output, SubcloudGroup__Output } from '@dc/protos'
import { unary } from '../controller/controller-harness.js'
import type { TestController } from '../controller/controller-harness.js'

/** `dcmanager subcloud-group add --name NAME`: one row written per acknowledged call. */
export function addGroup(controller: TestController, name: string): Promise<string> {
  return unary<SubcloudGroup__Output>((o, cb) =>
    controller.dcManager.AddSubcloudGroup({ name, description: `chaos ${name}` }, o, cb),
  ).then((group) => group.name)
}

/** Every subcloud group's name, as `dcmanager subcloud-group list` shows them. */
export async function groupNames(controller: TestController): Promise<Set<string>> {
  const listed = await unary<ListSubcloudGroupsResponse__Output>((o, cb) =>
    controller.dcManager.ListSubcloudGroups({}, o, cb),
  )
  return new Set(listed.subcloud_groups.map((g) => g.name))
}
