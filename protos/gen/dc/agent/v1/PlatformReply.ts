// Original file: dc/agent/v1/agent.proto

import type { NetworkMutation as _dc_platform_v1_NetworkMutation, NetworkMutation__Output as _dc_platform_v1_NetworkMutation__Output } from '../../../dc/platform/v1/NetworkMutation.js';
import type { AddressPoolMutation as _dc_platform_v1_AddressPoolMutation, AddressPoolMutation__Output as _dc_platform_v1_AddressPoolMutation__Output } from '../../../dc/platform/v1/AddressPoolMutation.js';
import type { NetworkAddrPoolMutation as _dc_platform_v1_NetworkAddrPoolMutation, NetworkAddrPoolMutation__Output as _dc_platform_v1_NetworkAddrPoolMutation__Output } from '../../../dc/platform/v1/NetworkAddrPoolMutation.js';
import type { HostMutation as _dc_platform_v1_HostMutation, HostMutation__Output as _dc_platform_v1_HostMutation__Output } from '../../../dc/platform/v1/HostMutation.js';

/**
 * The Platform service's reply to one mutation, by the kind of row it changes.
 */
export interface PlatformReply {
  /**
   * AddNetwork, DeleteNetwork.
   */
  'network'?: (_dc_platform_v1_NetworkMutation | null);
  /**
   * AddAddressPool, ModifyAddressPool, DeleteAddressPool.
   */
  'address_pool'?: (_dc_platform_v1_AddressPoolMutation | null);
  /**
   * AssignNetworkAddrPool, RemoveNetworkAddrPool.
   */
  'network_addrpool'?: (_dc_platform_v1_NetworkAddrPoolMutation | null);
  /**
   * LockHost, UnlockHost, SwactHost.
   */
  'host'?: (_dc_platform_v1_HostMutation | null);
  /**
   * Exactly one is set.
   */
  'reply'?: "network"|"address_pool"|"network_addrpool"|"host";
}

/**
 * The Platform service's reply to one mutation, by the kind of row it changes.
 */
export interface PlatformReply__Output {
  /**
   * AddNetwork, DeleteNetwork.
   */
  'network'?: (_dc_platform_v1_NetworkMutation__Output | null);
  /**
   * AddAddressPool, ModifyAddressPool, DeleteAddressPool.
   */
  'address_pool'?: (_dc_platform_v1_AddressPoolMutation__Output | null);
  /**
   * AssignNetworkAddrPool, RemoveNetworkAddrPool.
   */
  'network_addrpool'?: (_dc_platform_v1_NetworkAddrPoolMutation__Output | null);
  /**
   * LockHost, UnlockHost, SwactHost.
   */
  'host'?: (_dc_platform_v1_HostMutation__Output | null);
  /**
   * Exactly one is set.
   */
  'reply'?: "network"|"address_pool"|"network_addrpool"|"host";
}
