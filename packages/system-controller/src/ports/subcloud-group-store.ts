import type { SubcloudGroup, SubcloudGroupFields } from '../subcloud-groups/subcloud-group.js'
import type { Decision, InsertResult, MutationResult } from './mutation.js'

/** Subcloud groups, found by name or decimal id. */
export interface SubcloudGroupStore {
  list(): Promise<SubcloudGroup[]>
  find(ref: string): Promise<SubcloudGroup | undefined>
  insert(fields: SubcloudGroupFields): Promise<InsertResult<SubcloudGroup>>
  /**
   * Read the group under a row lock with its member count (members locked too, so none joins
   * between the count and a delete), decide, apply.
   */
  mutate(
    ref: string,
    decide: (current: SubcloudGroup, members: number) => Decision<Partial<SubcloudGroupFields>>,
  ): Promise<MutationResult<SubcloudGroup>>
}
