// CONTRACT (the store helper implements it in adapters/kysely/kysely-strategy-store.ts).
import type {
  NetworkStrategy,
  NewNetworkStrategy,
  NewStrategyStep,
  StepCount,
  StepState,
  StepUpdate,
  StrategyState,
  StrategyStep,
} from '../strategies/network-strategy.js'
import type { InsertResult } from './mutation.js'

/**
 * The one network strategy and its steps. Only one strategy exists at a time (as in dcmanager,
 * across types); every write is one transaction.
 */
export interface StrategyStore {
  /** The strategy, or undefined when there is none. */
  get(): Promise<NetworkStrategy | undefined>
  /** Insert the strategy (state `initial`) with every step, all or nothing; `taken` when one exists. */
  create(
    strategy: NewNetworkStrategy,
    steps: readonly NewStrategyStep[],
  ): Promise<InsertResult<NetworkStrategy>>
  /**
   * Move the strategy to `to` (with `details` when given) if its state is one of `from`, atomically;
   * the strategy after, or undefined when there is none or its state was not in `from`.
   */
  moveState(
    from: readonly StrategyState[],
    to: StrategyState,
    details?: string,
  ): Promise<NetworkStrategy | undefined>
  /** Delete the strategy and its steps if its state is one of `from`; the strategy as it was. */
  delete(from: readonly StrategyState[]): Promise<NetworkStrategy | undefined>
  /** Steps ordered by subcloud name; only those in `states` when given. */
  steps(states?: readonly StepState[]): Promise<StrategyStep[]>
  /** One step by subcloud name. */
  step(subcloudName: string): Promise<StrategyStep | undefined>
  /** Steps counted by state, in one query. */
  counts(): Promise<StepCount[]>
  /** Apply many step updates in one transaction (the runner's batch); unknown names are ignored. */
  updateSteps(updates: readonly StepUpdate[]): Promise<void>
}
