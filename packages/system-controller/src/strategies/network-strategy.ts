// CONTRACT (domain types of the network strategy; the store and runner helpers build on them).
import type { Command } from '@dc/netmodel'

/** StarlingX's strategy states (dcmanager consts), `deleting` included. */
export type StrategyState =
  'initial' | 'applying' | 'abort requested' | 'aborting' | 'complete' | 'failed' | 'aborted' | 'deleting'

/** parallel | serial, as `--subcloud-apply-type`. */
export type SubcloudApplyType = 'parallel' | 'serial'

/**
 * A step's state. In flight: `pre-check` → `applying change` → `host actions` (the seed's
 * lock/unlock/swact; the details name the action) → `wait for kubernetes` → `wait for in-sync`.
 * Ends: `complete`, `failed`, `aborted`. `refused` (its dry run was refused) and `skipped` (left
 * out at create, with the reason) never run.
 */
export type StepState =
  | 'initial'
  | 'pre-check'
  | 'applying change'
  | 'host actions'
  | 'wait for kubernetes'
  | 'wait for in-sync'
  | 'complete'
  | 'failed'
  | 'aborted'
  | 'refused'
  | 'skipped'

/** The strategy row. */
export interface NetworkStrategy {
  readonly uuid: string
  readonly state: StrategyState
  readonly applyType: SubcloudApplyType
  readonly maxParallel: number
  readonly stopOnFailure: boolean
  readonly planKind: 'add' | 'remove'
  /** The plan file as given, kept for `show` and resume. */
  readonly planYaml: string
  readonly groupName: string | null
  readonly subcloudName: string | null
  readonly details: string
  readonly createdAt: Date
  readonly updatedAt: Date | null
}

/** What `create` stores. */
export type NewNetworkStrategy = Omit<NetworkStrategy, 'createdAt' | 'updatedAt' | 'state' | 'details'>

/** One subcloud's step. */
export interface StrategyStep {
  readonly subcloudId: number
  readonly subcloudName: string
  readonly state: StepState
  readonly details: string
  /** The change, sent as one `Apply` with change id `<strategy uuid>/<subcloud name>/0`. */
  readonly commands: readonly Command[]
  /** Host actions, one `Apply` each, change id `<strategy uuid>/<subcloud name>/<1-based index>`. */
  readonly hostActions: readonly Command[]
  /** The generation of the subcloud's state the plan was made for (the change's expected generation). */
  readonly baseGeneration: number
  /**
   * How many of the step's Applies (the change, then each host action) are known to have been
   * applied: a resumed step sends the rest, repeating the first unknown one with its change id.
   */
  readonly applied: number
  readonly startedAt: Date | null
  readonly finishedAt: Date | null
  readonly createdAt: Date
  readonly updatedAt: Date | null
}

/** What `create` stores per subcloud. */
export type NewStrategyStep = Pick<
  StrategyStep,
  'subcloudId' | 'subcloudName' | 'state' | 'details' | 'commands' | 'hostActions' | 'baseGeneration'
>

/** A change to one step, written by the runner in batches. */
export interface StepUpdate {
  readonly subcloudName: string
  readonly state: StepState
  readonly details?: string
  readonly applied?: number
  readonly startedAt?: Date
  readonly finishedAt?: Date
}

/** Steps counted by state. */
export interface StepCount {
  readonly state: StepState
  readonly count: number
}
