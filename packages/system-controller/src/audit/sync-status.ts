import type { Availability, ManagementState, SyncStatus } from './audit-store.js'

/** What the `platform` sync verdict depends on. */
export interface PlatformSyncInput {
  readonly availability: Availability
  readonly managementState: ManagementState
  /** The hash the controller expects; undefined while it does not know one. */
  readonly expectedConfigHash: string | undefined
  /** The hash of the agent's last status on the current connection; undefined before one arrived. */
  readonly reportedConfigHash: string | undefined
}

/**
 * `platform` sync status: `unknown` while offline or unmanaged (spec/distcloud.md 1.4 and 1.5) or
 * while either hash is unknown; otherwise whether the agent's config hash is the expected one.
 */
export function platformSync(input: PlatformSyncInput): SyncStatus {
  if (input.availability !== 'online' || input.managementState !== 'managed') return 'unknown'
  if (input.expectedConfigHash === undefined || input.reportedConfigHash === undefined) return 'unknown'
  return input.reportedConfigHash === input.expectedConfigHash ? 'in-sync' : 'out-of-sync'
}

/**
 * The single `sync` column of `subcloud list`: the shared value when every endpoint agrees,
 * `out-of-sync` otherwise (spec/distcloud.md 1.2), so `unknown` mixed with `in-sync` is out-of-sync.
 * No endpoints at all is `unknown`.
 */
export function aggregateSync(statuses: Iterable<SyncStatus>): SyncStatus {
  let shared: SyncStatus | undefined
  for (const status of statuses) {
    if (shared === undefined) shared = status
    else if (status !== shared) return 'out-of-sync'
  }
  return shared ?? 'unknown'
}
