// Original file: dc/geo/v1/geo.proto

/**
 * Migration status of a peer group.
 */
export const MigrationStatus = {
  /**
   * Never written; a reader refuses it.
   */
  MIGRATION_STATUS_UNSPECIFIED: 'MIGRATION_STATUS_UNSPECIFIED',
  /**
   * `none`.
   */
  MIGRATION_STATUS_NONE: 'MIGRATION_STATUS_NONE',
  /**
   * `migrating`.
   */
  MIGRATION_STATUS_MIGRATING: 'MIGRATION_STATUS_MIGRATING',
  /**
   * `complete`.
   */
  MIGRATION_STATUS_COMPLETE: 'MIGRATION_STATUS_COMPLETE',
} as const;

/**
 * Migration status of a peer group.
 */
export type MigrationStatus =
  /**
   * Never written; a reader refuses it.
   */
  | 'MIGRATION_STATUS_UNSPECIFIED'
  | 0
  /**
   * `none`.
   */
  | 'MIGRATION_STATUS_NONE'
  | 1
  /**
   * `migrating`.
   */
  | 'MIGRATION_STATUS_MIGRATING'
  | 2
  /**
   * `complete`.
   */
  | 'MIGRATION_STATUS_COMPLETE'
  | 3

/**
 * Migration status of a peer group.
 */
export type MigrationStatus__Output = typeof MigrationStatus[keyof typeof MigrationStatus]
