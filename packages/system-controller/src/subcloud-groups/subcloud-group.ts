/** How the orchestrator applies updates to a group's subclouds. */
export type UpdateApplyType = 'parallel' | 'serial'

export const UPDATE_APPLY_TYPES: readonly UpdateApplyType[] = ['parallel', 'serial']

/** The Default group: created by the first migration, never renamed or deleted. */
export const DEFAULT_GROUP_ID = 1

/** What a subcloud group is created with (spec distcloud 1.6). */
export interface SubcloudGroupFields {
  readonly name: string
  readonly description: string
  readonly updateApplyType: UpdateApplyType
  readonly maxParallelSubclouds: number
}

export interface SubcloudGroup extends SubcloudGroupFields {
  readonly id: number
  readonly createdAt: Date
  readonly updatedAt: Date
}
