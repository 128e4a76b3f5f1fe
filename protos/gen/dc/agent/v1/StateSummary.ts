// Original file: dc/agent/v1/agent.proto

import type { AlarmSummary as _dc_agent_v1_AlarmSummary, AlarmSummary__Output as _dc_agent_v1_AlarmSummary__Output } from '../../../dc/agent/v1/AlarmSummary.js';
import type { Host as _dc_platform_v1_Host, Host__Output as _dc_platform_v1_Host__Output } from '../../../dc/platform/v1/Host.js';
import type { Long } from '@grpc/proto-loader';

/**
 * A compact view of the agent's state: Bootstrap's answer and Watch's status event.
 */
export interface StateSummary {
  /**
   * True once the agent holds a system state.
   */
  'bootstrapped'?: (boolean);
  /**
   * Generation of the state (0 before bootstrap).
   */
  'generation'?: (number | string | Long);
  /**
   * Hash of the platform configuration as netmodel computes it; the controller's sync audit compares it.
   */
  'config_hash'?: (string);
  /**
   * Epoch currently held (0 when never claimed).
   */
  'epoch'?: (number | string | Long);
  /**
   * Controller holding the epoch; empty when never claimed.
   */
  'controller_id'?: (string);
  /**
   * Release string of the system.
   */
  'software_version'?: (string);
  /**
   * Alarm counts.
   */
  'alarms'?: (_dc_agent_v1_AlarmSummary | null);
  /**
   * Host states.
   */
  'hosts'?: (_dc_platform_v1_Host)[];
  /**
   * System uuid; empty before bootstrap.
   */
  'system_uuid'?: (string);
  /**
   * System name; empty before bootstrap.
   */
  'system_name'?: (string);
}

/**
 * A compact view of the agent's state: Bootstrap's answer and Watch's status event.
 */
export interface StateSummary__Output {
  /**
   * True once the agent holds a system state.
   */
  'bootstrapped': (boolean);
  /**
   * Generation of the state (0 before bootstrap).
   */
  'generation': (string);
  /**
   * Hash of the platform configuration as netmodel computes it; the controller's sync audit compares it.
   */
  'config_hash': (string);
  /**
   * Epoch currently held (0 when never claimed).
   */
  'epoch': (string);
  /**
   * Controller holding the epoch; empty when never claimed.
   */
  'controller_id': (string);
  /**
   * Release string of the system.
   */
  'software_version': (string);
  /**
   * Alarm counts.
   */
  'alarms': (_dc_agent_v1_AlarmSummary__Output | null);
  /**
   * Host states.
   */
  'hosts': (_dc_platform_v1_Host__Output)[];
  /**
   * System uuid; empty before bootstrap.
   */
  'system_uuid': (string);
  /**
   * System name; empty before bootstrap.
   */
  'system_name': (string);
}
