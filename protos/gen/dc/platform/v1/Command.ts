// Original file: dc/platform/v1/platform.proto

import type { AddrPoolAdd as _dc_platform_v1_AddrPoolAdd, AddrPoolAdd__Output as _dc_platform_v1_AddrPoolAdd__Output } from '../../../dc/platform/v1/AddrPoolAdd.js';
import type { AddrPoolModify as _dc_platform_v1_AddrPoolModify, AddrPoolModify__Output as _dc_platform_v1_AddrPoolModify__Output } from '../../../dc/platform/v1/AddrPoolModify.js';
import type { AddrPoolDelete as _dc_platform_v1_AddrPoolDelete, AddrPoolDelete__Output as _dc_platform_v1_AddrPoolDelete__Output } from '../../../dc/platform/v1/AddrPoolDelete.js';
import type { NetworkAdd as _dc_platform_v1_NetworkAdd, NetworkAdd__Output as _dc_platform_v1_NetworkAdd__Output } from '../../../dc/platform/v1/NetworkAdd.js';
import type { NetworkDelete as _dc_platform_v1_NetworkDelete, NetworkDelete__Output as _dc_platform_v1_NetworkDelete__Output } from '../../../dc/platform/v1/NetworkDelete.js';
import type { NetworkAddrPoolAssign as _dc_platform_v1_NetworkAddrPoolAssign, NetworkAddrPoolAssign__Output as _dc_platform_v1_NetworkAddrPoolAssign__Output } from '../../../dc/platform/v1/NetworkAddrPoolAssign.js';
import type { NetworkAddrPoolRemove as _dc_platform_v1_NetworkAddrPoolRemove, NetworkAddrPoolRemove__Output as _dc_platform_v1_NetworkAddrPoolRemove__Output } from '../../../dc/platform/v1/NetworkAddrPoolRemove.js';
import type { HostLock as _dc_platform_v1_HostLock, HostLock__Output as _dc_platform_v1_HostLock__Output } from '../../../dc/platform/v1/HostLock.js';
import type { HostUnlock as _dc_platform_v1_HostUnlock, HostUnlock__Output as _dc_platform_v1_HostUnlock__Output } from '../../../dc/platform/v1/HostUnlock.js';
import type { HostSwact as _dc_platform_v1_HostSwact, HostSwact__Output as _dc_platform_v1_HostSwact__Output } from '../../../dc/platform/v1/HostSwact.js';

/**
 * A platform command as data (netmodel `Command`): exactly one case is set.
 */
export interface Command {
  /**
   * addrpool-add
   */
  'addrpool_add'?: (_dc_platform_v1_AddrPoolAdd | null);
  /**
   * addrpool-modify
   */
  'addrpool_modify'?: (_dc_platform_v1_AddrPoolModify | null);
  /**
   * addrpool-delete
   */
  'addrpool_delete'?: (_dc_platform_v1_AddrPoolDelete | null);
  /**
   * network-add
   */
  'network_add'?: (_dc_platform_v1_NetworkAdd | null);
  /**
   * network-delete
   */
  'network_delete'?: (_dc_platform_v1_NetworkDelete | null);
  /**
   * network-addrpool-assign
   */
  'network_addrpool_assign'?: (_dc_platform_v1_NetworkAddrPoolAssign | null);
  /**
   * network-addrpool-remove
   */
  'network_addrpool_remove'?: (_dc_platform_v1_NetworkAddrPoolRemove | null);
  /**
   * host-lock
   */
  'host_lock'?: (_dc_platform_v1_HostLock | null);
  /**
   * host-unlock
   */
  'host_unlock'?: (_dc_platform_v1_HostUnlock | null);
  /**
   * host-swact
   */
  'host_swact'?: (_dc_platform_v1_HostSwact | null);
  /**
   * The command; the oneof case name is netmodel's command kind with `_` for `-`.
   */
  'command'?: "addrpool_add"|"addrpool_modify"|"addrpool_delete"|"network_add"|"network_delete"|"network_addrpool_assign"|"network_addrpool_remove"|"host_lock"|"host_unlock"|"host_swact";
}

/**
 * A platform command as data (netmodel `Command`): exactly one case is set.
 */
export interface Command__Output {
  /**
   * addrpool-add
   */
  'addrpool_add'?: (_dc_platform_v1_AddrPoolAdd__Output | null);
  /**
   * addrpool-modify
   */
  'addrpool_modify'?: (_dc_platform_v1_AddrPoolModify__Output | null);
  /**
   * addrpool-delete
   */
  'addrpool_delete'?: (_dc_platform_v1_AddrPoolDelete__Output | null);
  /**
   * network-add
   */
  'network_add'?: (_dc_platform_v1_NetworkAdd__Output | null);
  /**
   * network-delete
   */
  'network_delete'?: (_dc_platform_v1_NetworkDelete__Output | null);
  /**
   * network-addrpool-assign
   */
  'network_addrpool_assign'?: (_dc_platform_v1_NetworkAddrPoolAssign__Output | null);
  /**
   * network-addrpool-remove
   */
  'network_addrpool_remove'?: (_dc_platform_v1_NetworkAddrPoolRemove__Output | null);
  /**
   * host-lock
   */
  'host_lock'?: (_dc_platform_v1_HostLock__Output | null);
  /**
   * host-unlock
   */
  'host_unlock'?: (_dc_platform_v1_HostUnlock__Output | null);
  /**
   * host-swact
   */
  'host_swact'?: (_dc_platform_v1_HostSwact__Output | null);
  /**
   * The command; the oneof case name is netmodel's command kind with `_` for `-`.
   */
  'command'?: "addrpool_add"|"addrpool_modify"|"addrpool_delete"|"network_add"|"network_delete"|"network_addrpool_assign"|"network_addrpool_remove"|"host_lock"|"host_unlock"|"host_swact";
}
