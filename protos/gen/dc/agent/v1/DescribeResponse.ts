// Original file: dc/agent/v1/agent.proto

import type { System as _dc_platform_v1_System, System__Output as _dc_platform_v1_System__Output } from '../../../dc/platform/v1/System.js';
import type { Network as _dc_platform_v1_Network, Network__Output as _dc_platform_v1_Network__Output } from '../../../dc/platform/v1/Network.js';
import type { AddressPool as _dc_platform_v1_AddressPool, AddressPool__Output as _dc_platform_v1_AddressPool__Output } from '../../../dc/platform/v1/AddressPool.js';
import type { NetworkAddrPool as _dc_platform_v1_NetworkAddrPool, NetworkAddrPool__Output as _dc_platform_v1_NetworkAddrPool__Output } from '../../../dc/platform/v1/NetworkAddrPool.js';
import type { Address as _dc_platform_v1_Address, Address__Output as _dc_platform_v1_Address__Output } from '../../../dc/platform/v1/Address.js';
import type { Host as _dc_platform_v1_Host, Host__Output as _dc_platform_v1_Host__Output } from '../../../dc/platform/v1/Host.js';
import type { Alarm as _dc_platform_v1_Alarm, Alarm__Output as _dc_platform_v1_Alarm__Output } from '../../../dc/platform/v1/Alarm.js';
import type { AddressCalls as _dc_agent_v1_AddressCalls, AddressCalls__Output as _dc_agent_v1_AddressCalls__Output } from '../../../dc/agent/v1/AddressCalls.js';
import type { ComponentRestarts as _dc_agent_v1_ComponentRestarts, ComponentRestarts__Output as _dc_agent_v1_ComponentRestarts__Output } from '../../../dc/agent/v1/ComponentRestarts.js';
import type { Long } from '@grpc/proto-loader';

/**
 * The agent's full state.
 */
export interface DescribeResponse {
  /**
   * True once the agent holds a system state; every platform field below is empty before.
   */
  'bootstrapped'?: (boolean);
  /**
   * The system.
   */
  'system'?: (_dc_platform_v1_System | null);
  /**
   * Networks, ordered by id.
   */
  'networks'?: (_dc_platform_v1_Network)[];
  /**
   * Address pools, ordered by id.
   */
  'address_pools'?: (_dc_platform_v1_AddressPool)[];
  /**
   * Network-pool associations, ordered by id.
   */
  'network_addrpools'?: (_dc_platform_v1_NetworkAddrPool)[];
  /**
   * Allocated addresses, ordered by id.
   */
  'addresses'?: (_dc_platform_v1_Address)[];
  /**
   * Hosts, ordered by id.
   */
  'hosts'?: (_dc_platform_v1_Host)[];
  /**
   * Active alarms.
   */
  'alarms'?: (_dc_platform_v1_Alarm)[];
  /**
   * Generation of the state.
   */
  'generation'?: (number | string | Long);
  /**
   * Hash of the platform configuration (see StateSummary.config_hash).
   */
  'config_hash'?: (string);
  /**
   * Epoch currently held.
   */
  'epoch'?: (number | string | Long);
  /**
   * Controller holding the epoch.
   */
  'controller_id'?: (string);
  /**
   * Release string of the system.
   */
  'software_version'?: (string);
  /**
   * Calls served per local listen address, one entry per listen address (zero counts included).
   */
  'address_calls'?: (_dc_agent_v1_AddressCalls)[];
  /**
   * Kubernetes component restarts the agent simulated.
   */
  'component_restarts'?: (_dc_agent_v1_ComponentRestarts)[];
}

/**
 * The agent's full state.
 */
export interface DescribeResponse__Output {
  /**
   * True once the agent holds a system state; every platform field below is empty before.
   */
  'bootstrapped': (boolean);
  /**
   * The system.
   */
  'system': (_dc_platform_v1_System__Output | null);
  /**
   * Networks, ordered by id.
   */
  'networks': (_dc_platform_v1_Network__Output)[];
  /**
   * Address pools, ordered by id.
   */
  'address_pools': (_dc_platform_v1_AddressPool__Output)[];
  /**
   * Network-pool associations, ordered by id.
   */
  'network_addrpools': (_dc_platform_v1_NetworkAddrPool__Output)[];
  /**
   * Allocated addresses, ordered by id.
   */
  'addresses': (_dc_platform_v1_Address__Output)[];
  /**
   * Hosts, ordered by id.
   */
  'hosts': (_dc_platform_v1_Host__Output)[];
  /**
   * Active alarms.
   */
  'alarms': (_dc_platform_v1_Alarm__Output)[];
  /**
   * Generation of the state.
   */
  'generation': (string);
  /**
   * Hash of the platform configuration (see StateSummary.config_hash).
   */
  'config_hash': (string);
  /**
   * Epoch currently held.
   */
  'epoch': (string);
  /**
   * Controller holding the epoch.
   */
  'controller_id': (string);
  /**
   * Release string of the system.
   */
  'software_version': (string);
  /**
   * Calls served per local listen address, one entry per listen address (zero counts included).
   */
  'address_calls': (_dc_agent_v1_AddressCalls__Output)[];
  /**
   * Kubernetes component restarts the agent simulated.
   */
  'component_restarts': (_dc_agent_v1_ComponentRestarts__Output)[];
}
