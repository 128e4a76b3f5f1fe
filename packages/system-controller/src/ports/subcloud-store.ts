import type { DeployOperation } from '../subclouds/deploy-moves.js'
import type { DeployStatus } from '../subclouds/deploy-status.js'
import type {
  Availability,
  FleetEntry,
  ManagementState,
  Subcloud,
  SubcloudChange,
  SubcloudFields,
  SubcloudFilter,
  SyncStatus,
} from '../subclouds/subcloud.js'
import type { Decision, InsertResult, MutationResult } from './mutation.js'

/** Fields a deploy move may write with the new status. */
export interface DeployMoveFields {
  readonly errorDescription?: string
  readonly expectedConfigHash?: string | null
  /** System uuid the bootstrapped agent reports, recorded with `complete`. */
  readonly agentSystemUuid?: string
  readonly epoch?: number
  readonly rehomed?: boolean
}

/** How many subclouds share one combination of states (the metrics' fleet gauge). */
export interface SubcloudCensusEntry {
  readonly availability: Availability
  readonly managementState: ManagementState
  readonly deployStatus: DeployStatus
  /** The `sync` column of `subcloud list`: the endpoints' shared status, else out-of-sync. */
  readonly sync: SyncStatus
  readonly count: number
}

/** What changed in the fleet since a reader's last look (see {@link SubcloudStore.changes}). */
export interface SubcloudChanges {
  /** Every subcloud changed since the mark (every subcloud without one), in id order. */
  readonly subclouds: Subcloud[]
  /** Where this look ended: the next call's argument. Opaque. */
  readonly mark: string
  /** Subclouds stored now: fewer than the reader holds means some were deleted. */
  readonly count: number
}

/**
 * Subclouds: the rows `dcmanager subcloud` works on. A subcloud is found by name, region name or
 * decimal id; every change that reads before it writes is one transaction over the locked row.
 */
export interface SubcloudStore {
  list(filter?: SubcloudFilter): Promise<Subcloud[]>
  /** By name, region name or decimal id (a name wins over a region name, which wins over an id). */
  find(ref: string): Promise<Subcloud | undefined>
  /** The subclouds named exactly one of `names` (no region name or id), in no particular order. */
  findByNames(names: readonly string[]): Promise<Subcloud[]>
  /** Whether a subcloud is named exactly `name` (not matched by region name or id). */
  nameTaken(name: string): Promise<boolean>
  /** Insert with one `unknown` status per endpoint, all or nothing; `taken` when the name is. */
  insert(fields: SubcloudFields, endpoints: readonly string[]): Promise<InsertResult<Subcloud>>
  /** Read under a row lock, decide, apply in the same transaction (a delete takes its alarms). */
  mutate(
    ref: string,
    decide: (current: Subcloud) => Decision<SubcloudChange>,
  ): Promise<MutationResult<Subcloud>>
  /**
   * Move `deploy_status` to `to` as operation `by` allows (see `DEPLOY_MOVES`), atomically; false
   * when the row is gone or in a state `by` does not move from (someone else moved it meanwhile).
   */
  moveDeploy(id: number, to: DeployStatus, by: DeployOperation, fields?: DeployMoveFields): Promise<boolean>
  /** Record the config hash the controller expects the subcloud at (after bootstrap or a pushed change). */
  setExpectedConfigHash(id: number, hash: string): Promise<void>
  /**
   * Move where the agent is dialled from `from` to `to` (undefined: the bootstrap address),
   * atomically; false when the stored one is no longer `from` (another move won).
   */
  setOperationalAddress(id: number, from: string | undefined, to: string | undefined): Promise<boolean>
  /**
   * Fail every deploy and rehome a previous run left half-done (see `INTERRUPTED_DEPLOY_FAILURES`),
   * `error_description` saying `reason`; the names changed.
   */
  failInterrupted(reason: string): Promise<string[]>
  /** Stored ranges of every subcloud, or of those with an id above `afterId` (added since). */
  fleetEntries(afterId?: number): Promise<FleetEntry[]>
  /** Subclouds counted by state, in one query. */
  census(): Promise<SubcloudCensusEntry[]>
  /**
   * Subclouds whose shown state (name, groups, availability, management and deploy states, OAM
   * family, dial addresses, bootstrap values, expected config hash; not the audit's heartbeat
   * bookkeeping) or endpoint sync status changed since `mark`, a previous call's; every one
   * without. A change committed after the look that returned `mark` is never missed, however long
   * its transaction ran; a subcloud may come back unchanged.
   */
  changes(mark?: string): Promise<SubcloudChanges>
  /** The id of every subcloud. */
  ids(): Promise<number[]>
}
