// Original file: dc/agent/v1/agent.proto

import type { Effect as _dc_platform_v1_Effect, Effect__Output as _dc_platform_v1_Effect__Output } from '../../../dc/platform/v1/Effect.js';
import type { PlatformReply as _dc_agent_v1_PlatformReply, PlatformReply__Output as _dc_agent_v1_PlatformReply__Output } from '../../../dc/agent/v1/PlatformReply.js';
import type { Long } from '@grpc/proto-loader';

/**
 * Result of an applied change.
 */
export interface ApplyResponse {
  /**
   * Generation after the change.
   */
  'generation'?: (number | string | Long);
  /**
   * Configuration hash after the change.
   */
  'config_hash'?: (string);
  /**
   * Effects of all commands, in order.
   */
  'effects'?: (_dc_platform_v1_Effect)[];
  /**
   * True when this answers a retry of an already applied change_id.
   */
  'replayed'?: (boolean);
  /**
   * For a change of exactly one Platform mutation (a forwarded `system` change), the reply the
   * Platform service gives that mutation, built from the state before and after; a replay returns
   * the first one.
   */
  'platform_reply'?: (_dc_agent_v1_PlatformReply | null);
}

/**
 * Result of an applied change.
 */
export interface ApplyResponse__Output {
  /**
   * Generation after the change.
   */
  'generation': (string);
  /**
   * Configuration hash after the change.
   */
  'config_hash': (string);
  /**
   * Effects of all commands, in order.
   */
  'effects': (_dc_platform_v1_Effect__Output)[];
  /**
   * True when this answers a retry of an already applied change_id.
   */
  'replayed': (boolean);
  /**
   * For a change of exactly one Platform mutation (a forwarded `system` change), the reply the
   * Platform service gives that mutation, built from the state before and after; a replay returns
   * the first one.
   */
  'platform_reply': (_dc_agent_v1_PlatformReply__Output | null);
}
