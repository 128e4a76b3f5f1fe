// Original file: dc/manager/v1/manager.proto

import type { SubcloudAlarmSummary as _dc_manager_v1_SubcloudAlarmSummary, SubcloudAlarmSummary__Output as _dc_manager_v1_SubcloudAlarmSummary__Output } from '../../../dc/manager/v1/SubcloudAlarmSummary.js';
import type { Long } from '@grpc/proto-loader';

/**
 * Live and agent-side details, filled by `show --detail` and `list --detail`.
 */
export interface SubcloudDetail {
  /**
   * Primary OAM floating address, read live from the subcloud; empty when it cannot be reached.
   */
  'oam_floating_ip'?: (string);
  /**
   * Deploy config sync status: Deployment: configurations up-to-date | Deployment: configurations out-of-date | unknown.
   */
  'deploy_config_sync_status'?: (string);
  /**
   * Alarm summary from the last audit.
   */
  'alarm_summary'?: (_dc_manager_v1_SubcloudAlarmSummary | null);
  /**
   * Generation the agent reported last (0 when never audited).
   */
  'agent_generation'?: (number | string | Long);
  /**
   * Config hash the agent reported last; empty when never audited.
   */
  'agent_config_hash'?: (string);
  /**
   * Config hash the controller expects; the platform endpoint is in-sync when both are equal.
   */
  'expected_config_hash'?: (string);
  /**
   * Controller epoch the controller holds on the agent (0 when never claimed).
   */
  'epoch'?: (number | string | Long);
}

/**
 * Live and agent-side details, filled by `show --detail` and `list --detail`.
 */
export interface SubcloudDetail__Output {
  /**
   * Primary OAM floating address, read live from the subcloud; empty when it cannot be reached.
   */
  'oam_floating_ip': (string);
  /**
   * Deploy config sync status: Deployment: configurations up-to-date | Deployment: configurations out-of-date | unknown.
   */
  'deploy_config_sync_status': (string);
  /**
   * Alarm summary from the last audit.
   */
  'alarm_summary': (_dc_manager_v1_SubcloudAlarmSummary__Output | null);
  /**
   * Generation the agent reported last (0 when never audited).
   */
  'agent_generation': (string);
  /**
   * Config hash the agent reported last; empty when never audited.
   */
  'agent_config_hash': (string);
  /**
   * Config hash the controller expects; the platform endpoint is in-sync when both are equal.
   */
  'expected_config_hash': (string);
  /**
   * Controller epoch the controller holds on the agent (0 when never claimed).
   */
  'epoch': (string);
}
