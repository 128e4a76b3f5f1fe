import {
  DefaultGroupProtectedError,
  InvalidFieldError,
  SubcloudGroupNameTakenError,
  SubcloudGroupNotEmptyError,
  SubcloudGroupNotFoundError,
} from '../errors.js'
import { created, refuse, remove, settle, update } from '../ports/mutation.js'
import type { SubcloudGroupStore } from '../ports/subcloud-group-store.js'
import { DEFAULT_GROUP_ID } from './subcloud-group.js'
import type { SubcloudGroup, SubcloudGroupFields } from './subcloud-group.js'

/** `subcloud-group add`: what the operator gave; the defaults are StarlingX's. */
export type NewSubcloudGroup = Pick<SubcloudGroupFields, 'name'> & Partial<SubcloudGroupFields>

/** The `dcmanager subcloud-group` use cases (spec distcloud 1.6). */
export class SubcloudGroupService {
  readonly #groups: SubcloudGroupStore

  constructor(groups: SubcloudGroupStore) {
    this.#groups = groups
  }

  list(): Promise<SubcloudGroup[]> {
    return this.#groups.list()
  }

  /** A group by name or id. */
  async get(ref: string): Promise<SubcloudGroup> {
    const group = await this.#groups.find(ref)
    if (group === undefined) throw new SubcloudGroupNotFoundError(ref)
    return group
  }

  async add(group: NewSubcloudGroup): Promise<SubcloudGroup> {
    return created(
      await this.#groups.insert({
        name: group.name,
        description: group.description ?? '',
        updateApplyType: group.updateApplyType ?? 'parallel',
        maxParallelSubclouds: group.maxParallelSubclouds ?? 2,
      }),
      () => new SubcloudGroupNameTakenError(group.name),
    )
  }

  async update(ref: string, changes: Partial<SubcloudGroupFields>): Promise<SubcloudGroup> {
    if (Object.values(changes).every((v) => v === undefined)) {
      throw new InvalidFieldError('subcloud-group update', 'nothing to update')
    }
    const result = settle(
      await this.#groups.mutate(ref, (current) =>
        current.id === DEFAULT_GROUP_ID && changes.name !== undefined && changes.name !== current.name
          ? refuse(new DefaultGroupProtectedError('renamed'))
          : update(changes),
      ),
      {
        notFound: () => new SubcloudGroupNotFoundError(ref),
        taken: () => new SubcloudGroupNameTakenError(changes.name ?? ref),
      },
    )
    return result.after ?? result.before
  }

  async delete(ref: string): Promise<SubcloudGroup> {
    const result = settle(
      await this.#groups.mutate(ref, (current, members) => {
        if (current.id === DEFAULT_GROUP_ID) return refuse(new DefaultGroupProtectedError('deleted'))
        if (members > 0) return refuse(new SubcloudGroupNotEmptyError(current.name, members))
        return remove
      }),
      {
        notFound: () => new SubcloudGroupNotFoundError(ref),
        taken: () => new SubcloudGroupNameTakenError(ref),
      },
    )
    return result.before
  }
}
