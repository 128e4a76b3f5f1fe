// Original file: dc/manager/v1/manager.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One subcloud's part in the strategy.
 */
export interface StrategyStep {
  /**
   * Subcloud name.
   */
  'cloud'?: (string);
  /**
   * 1 Create, 2 Apply, 3 Complete.
   */
  'stage'?: (number);
  /**
   * initial | pre-check | applying change | lock <host> | unlock <host> | swact <host> |
   * wait for kubernetes | wait for in-sync | complete | failed | aborted | refused | skipped.
   */
  'state'?: (string);
  /**
   * For refused, failed and skipped steps, why; empty otherwise.
   */
  'details'?: (string);
  /**
   * When the step started; empty when it has not.
   */
  'started_at'?: (string);
  /**
   * When it ended; empty when it has not.
   */
  'finished_at'?: (string);
  /**
   * Creation time.
   */
  'created_at'?: (string);
  /**
   * Last update time; empty when never updated.
   */
  'updated_at'?: (string);
  /**
   * The subcloud's change, one `system` command line per command, in order (empty when skipped).
   */
  'commands'?: (string)[];
  /**
   * Host actions run after the change (the seed's lock/unlock/swact), as command lines.
   */
  'host_actions'?: (string)[];
  /**
   * Generation of the subcloud's state the plan was made for.
   */
  'base_generation'?: (number | string | Long);
}

/**
 * One subcloud's part in the strategy.
 */
export interface StrategyStep__Output {
  /**
   * Subcloud name.
   */
  'cloud': (string);
  /**
   * 1 Create, 2 Apply, 3 Complete.
   */
  'stage': (number);
  /**
   * initial | pre-check | applying change | lock <host> | unlock <host> | swact <host> |
   * wait for kubernetes | wait for in-sync | complete | failed | aborted | refused | skipped.
   */
  'state': (string);
  /**
   * For refused, failed and skipped steps, why; empty otherwise.
   */
  'details': (string);
  /**
   * When the step started; empty when it has not.
   */
  'started_at': (string);
  /**
   * When it ended; empty when it has not.
   */
  'finished_at': (string);
  /**
   * Creation time.
   */
  'created_at': (string);
  /**
   * Last update time; empty when never updated.
   */
  'updated_at': (string);
  /**
   * The subcloud's change, one `system` command line per command, in order (empty when skipped).
   */
  'commands': (string)[];
  /**
   * Host actions run after the change (the seed's lock/unlock/swact), as command lines.
   */
  'host_actions': (string)[];
  /**
   * Generation of the subcloud's state the plan was made for.
   */
  'base_generation': (string);
}
