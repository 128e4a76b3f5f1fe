// Original file: dc/platform/v1/platform.proto

import type { KubernetesDualStackEffect as _dc_platform_v1_KubernetesDualStackEffect, KubernetesDualStackEffect__Output as _dc_platform_v1_KubernetesDualStackEffect__Output } from '../../../dc/platform/v1/KubernetesDualStackEffect.js';
import type { ComponentRestartEffect as _dc_platform_v1_ComponentRestartEffect, ComponentRestartEffect__Output as _dc_platform_v1_ComponentRestartEffect__Output } from '../../../dc/platform/v1/ComponentRestartEffect.js';
import type { ReconfiguredEffect as _dc_platform_v1_ReconfiguredEffect, ReconfiguredEffect__Output as _dc_platform_v1_ReconfiguredEffect__Output } from '../../../dc/platform/v1/ReconfiguredEffect.js';
import type { AdminReconfiguredEffect as _dc_platform_v1_AdminReconfiguredEffect, AdminReconfiguredEffect__Output as _dc_platform_v1_AdminReconfiguredEffect__Output } from '../../../dc/platform/v1/AdminReconfiguredEffect.js';
import type { StorageReconfiguredEffect as _dc_platform_v1_StorageReconfiguredEffect, StorageReconfiguredEffect__Output as _dc_platform_v1_StorageReconfiguredEffect__Output } from '../../../dc/platform/v1/StorageReconfiguredEffect.js';
import type { HostConfigOutOfDateEffect as _dc_platform_v1_HostConfigOutOfDateEffect, HostConfigOutOfDateEffect__Output as _dc_platform_v1_HostConfigOutOfDateEffect__Output } from '../../../dc/platform/v1/HostConfigOutOfDateEffect.js';
import type { HostEffect as _dc_platform_v1_HostEffect, HostEffect__Output as _dc_platform_v1_HostEffect__Output } from '../../../dc/platform/v1/HostEffect.js';
import type { AddressesEffect as _dc_platform_v1_AddressesEffect, AddressesEffect__Output as _dc_platform_v1_AddressesEffect__Output } from '../../../dc/platform/v1/AddressesEffect.js';
import type { Alarm as _dc_platform_v1_Alarm, Alarm__Output as _dc_platform_v1_Alarm__Output } from '../../../dc/platform/v1/Alarm.js';
import type { AlarmClearedEffect as _dc_platform_v1_AlarmClearedEffect, AlarmClearedEffect__Output as _dc_platform_v1_AlarmClearedEffect__Output } from '../../../dc/platform/v1/AlarmClearedEffect.js';

/**
 * What a command does to the platform beyond the state change (netmodel `Effect`).
 */
export interface Effect {
  /**
   * kubernetes-dual-stack
   */
  'kubernetes_dual_stack'?: (_dc_platform_v1_KubernetesDualStackEffect | null);
  /**
   * component-restart
   */
  'component_restart'?: (_dc_platform_v1_ComponentRestartEffect | null);
  /**
   * oam-reconfigured
   */
  'oam_reconfigured'?: (_dc_platform_v1_ReconfiguredEffect | null);
  /**
   * mgmt-reconfigured
   */
  'mgmt_reconfigured'?: (_dc_platform_v1_ReconfiguredEffect | null);
  /**
   * admin-reconfigured
   */
  'admin_reconfigured'?: (_dc_platform_v1_AdminReconfiguredEffect | null);
  /**
   * storage-reconfigured
   */
  'storage_reconfigured'?: (_dc_platform_v1_StorageReconfiguredEffect | null);
  /**
   * host-config-out-of-date
   */
  'host_config_out_of_date'?: (_dc_platform_v1_HostConfigOutOfDateEffect | null);
  /**
   * host-config-applied: an unlock applied the host's pending configuration.
   */
  'host_config_applied'?: (_dc_platform_v1_HostEffect | null);
  /**
   * host-state-changed
   */
  'host_state_changed'?: (_dc_platform_v1_HostEffect | null);
  /**
   * addresses-allocated
   */
  'addresses_allocated'?: (_dc_platform_v1_AddressesEffect | null);
  /**
   * addresses-released
   */
  'addresses_released'?: (_dc_platform_v1_AddressesEffect | null);
  /**
   * alarm-raised
   */
  'alarm_raised'?: (_dc_platform_v1_Alarm | null);
  /**
   * alarm-cleared
   */
  'alarm_cleared'?: (_dc_platform_v1_AlarmClearedEffect | null);
  /**
   * The effect; the oneof case name is netmodel's effect type with `_` for `-`.
   */
  'effect'?: "kubernetes_dual_stack"|"component_restart"|"oam_reconfigured"|"mgmt_reconfigured"|"admin_reconfigured"|"storage_reconfigured"|"host_config_out_of_date"|"host_config_applied"|"host_state_changed"|"addresses_allocated"|"addresses_released"|"alarm_raised"|"alarm_cleared";
}

/**
 * What a command does to the platform beyond the state change (netmodel `Effect`).
 */
export interface Effect__Output {
  /**
   * kubernetes-dual-stack
   */
  'kubernetes_dual_stack'?: (_dc_platform_v1_KubernetesDualStackEffect__Output | null);
  /**
   * component-restart
   */
  'component_restart'?: (_dc_platform_v1_ComponentRestartEffect__Output | null);
  /**
   * oam-reconfigured
   */
  'oam_reconfigured'?: (_dc_platform_v1_ReconfiguredEffect__Output | null);
  /**
   * mgmt-reconfigured
   */
  'mgmt_reconfigured'?: (_dc_platform_v1_ReconfiguredEffect__Output | null);
  /**
   * admin-reconfigured
   */
  'admin_reconfigured'?: (_dc_platform_v1_AdminReconfiguredEffect__Output | null);
  /**
   * storage-reconfigured
   */
  'storage_reconfigured'?: (_dc_platform_v1_StorageReconfiguredEffect__Output | null);
  /**
   * host-config-out-of-date
   */
  'host_config_out_of_date'?: (_dc_platform_v1_HostConfigOutOfDateEffect__Output | null);
  /**
   * host-config-applied: an unlock applied the host's pending configuration.
   */
  'host_config_applied'?: (_dc_platform_v1_HostEffect__Output | null);
  /**
   * host-state-changed
   */
  'host_state_changed'?: (_dc_platform_v1_HostEffect__Output | null);
  /**
   * addresses-allocated
   */
  'addresses_allocated'?: (_dc_platform_v1_AddressesEffect__Output | null);
  /**
   * addresses-released
   */
  'addresses_released'?: (_dc_platform_v1_AddressesEffect__Output | null);
  /**
   * alarm-raised
   */
  'alarm_raised'?: (_dc_platform_v1_Alarm__Output | null);
  /**
   * alarm-cleared
   */
  'alarm_cleared'?: (_dc_platform_v1_AlarmClearedEffect__Output | null);
  /**
   * The effect; the oneof case name is netmodel's effect type with `_` for `-`.
   */
  'effect'?: "kubernetes_dual_stack"|"component_restart"|"oam_reconfigured"|"mgmt_reconfigured"|"admin_reconfigured"|"storage_reconfigured"|"host_config_out_of_date"|"host_config_applied"|"host_state_changed"|"addresses_allocated"|"addresses_released"|"alarm_raised"|"alarm_cleared";
}
