// Original file: dc/platform/v1/platform.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AddrPoolAdd as _dc_platform_v1_AddrPoolAdd, AddrPoolAdd__Output as _dc_platform_v1_AddrPoolAdd__Output } from '../../../dc/platform/v1/AddrPoolAdd.js';
import type { AddrPoolDelete as _dc_platform_v1_AddrPoolDelete, AddrPoolDelete__Output as _dc_platform_v1_AddrPoolDelete__Output } from '../../../dc/platform/v1/AddrPoolDelete.js';
import type { AddrPoolModify as _dc_platform_v1_AddrPoolModify, AddrPoolModify__Output as _dc_platform_v1_AddrPoolModify__Output } from '../../../dc/platform/v1/AddrPoolModify.js';
import type { AddressPool as _dc_platform_v1_AddressPool, AddressPool__Output as _dc_platform_v1_AddressPool__Output } from '../../../dc/platform/v1/AddressPool.js';
import type { AddressPoolMutation as _dc_platform_v1_AddressPoolMutation, AddressPoolMutation__Output as _dc_platform_v1_AddressPoolMutation__Output } from '../../../dc/platform/v1/AddressPoolMutation.js';
import type { GetAddressPoolRequest as _dc_platform_v1_GetAddressPoolRequest, GetAddressPoolRequest__Output as _dc_platform_v1_GetAddressPoolRequest__Output } from '../../../dc/platform/v1/GetAddressPoolRequest.js';
import type { GetHostRequest as _dc_platform_v1_GetHostRequest, GetHostRequest__Output as _dc_platform_v1_GetHostRequest__Output } from '../../../dc/platform/v1/GetHostRequest.js';
import type { GetNetworkAddrPoolRequest as _dc_platform_v1_GetNetworkAddrPoolRequest, GetNetworkAddrPoolRequest__Output as _dc_platform_v1_GetNetworkAddrPoolRequest__Output } from '../../../dc/platform/v1/GetNetworkAddrPoolRequest.js';
import type { GetNetworkRequest as _dc_platform_v1_GetNetworkRequest, GetNetworkRequest__Output as _dc_platform_v1_GetNetworkRequest__Output } from '../../../dc/platform/v1/GetNetworkRequest.js';
import type { GetSystemRequest as _dc_platform_v1_GetSystemRequest, GetSystemRequest__Output as _dc_platform_v1_GetSystemRequest__Output } from '../../../dc/platform/v1/GetSystemRequest.js';
import type { Host as _dc_platform_v1_Host, Host__Output as _dc_platform_v1_Host__Output } from '../../../dc/platform/v1/Host.js';
import type { HostLock as _dc_platform_v1_HostLock, HostLock__Output as _dc_platform_v1_HostLock__Output } from '../../../dc/platform/v1/HostLock.js';
import type { HostMutation as _dc_platform_v1_HostMutation, HostMutation__Output as _dc_platform_v1_HostMutation__Output } from '../../../dc/platform/v1/HostMutation.js';
import type { HostSwact as _dc_platform_v1_HostSwact, HostSwact__Output as _dc_platform_v1_HostSwact__Output } from '../../../dc/platform/v1/HostSwact.js';
import type { HostUnlock as _dc_platform_v1_HostUnlock, HostUnlock__Output as _dc_platform_v1_HostUnlock__Output } from '../../../dc/platform/v1/HostUnlock.js';
import type { ListAddressPoolsRequest as _dc_platform_v1_ListAddressPoolsRequest, ListAddressPoolsRequest__Output as _dc_platform_v1_ListAddressPoolsRequest__Output } from '../../../dc/platform/v1/ListAddressPoolsRequest.js';
import type { ListAddressPoolsResponse as _dc_platform_v1_ListAddressPoolsResponse, ListAddressPoolsResponse__Output as _dc_platform_v1_ListAddressPoolsResponse__Output } from '../../../dc/platform/v1/ListAddressPoolsResponse.js';
import type { ListAlarmsRequest as _dc_platform_v1_ListAlarmsRequest, ListAlarmsRequest__Output as _dc_platform_v1_ListAlarmsRequest__Output } from '../../../dc/platform/v1/ListAlarmsRequest.js';
import type { ListAlarmsResponse as _dc_platform_v1_ListAlarmsResponse, ListAlarmsResponse__Output as _dc_platform_v1_ListAlarmsResponse__Output } from '../../../dc/platform/v1/ListAlarmsResponse.js';
import type { ListHostsRequest as _dc_platform_v1_ListHostsRequest, ListHostsRequest__Output as _dc_platform_v1_ListHostsRequest__Output } from '../../../dc/platform/v1/ListHostsRequest.js';
import type { ListHostsResponse as _dc_platform_v1_ListHostsResponse, ListHostsResponse__Output as _dc_platform_v1_ListHostsResponse__Output } from '../../../dc/platform/v1/ListHostsResponse.js';
import type { ListNetworkAddrPoolsRequest as _dc_platform_v1_ListNetworkAddrPoolsRequest, ListNetworkAddrPoolsRequest__Output as _dc_platform_v1_ListNetworkAddrPoolsRequest__Output } from '../../../dc/platform/v1/ListNetworkAddrPoolsRequest.js';
import type { ListNetworkAddrPoolsResponse as _dc_platform_v1_ListNetworkAddrPoolsResponse, ListNetworkAddrPoolsResponse__Output as _dc_platform_v1_ListNetworkAddrPoolsResponse__Output } from '../../../dc/platform/v1/ListNetworkAddrPoolsResponse.js';
import type { ListNetworksRequest as _dc_platform_v1_ListNetworksRequest, ListNetworksRequest__Output as _dc_platform_v1_ListNetworksRequest__Output } from '../../../dc/platform/v1/ListNetworksRequest.js';
import type { ListNetworksResponse as _dc_platform_v1_ListNetworksResponse, ListNetworksResponse__Output as _dc_platform_v1_ListNetworksResponse__Output } from '../../../dc/platform/v1/ListNetworksResponse.js';
import type { Network as _dc_platform_v1_Network, Network__Output as _dc_platform_v1_Network__Output } from '../../../dc/platform/v1/Network.js';
import type { NetworkAdd as _dc_platform_v1_NetworkAdd, NetworkAdd__Output as _dc_platform_v1_NetworkAdd__Output } from '../../../dc/platform/v1/NetworkAdd.js';
import type { NetworkAddrPool as _dc_platform_v1_NetworkAddrPool, NetworkAddrPool__Output as _dc_platform_v1_NetworkAddrPool__Output } from '../../../dc/platform/v1/NetworkAddrPool.js';
import type { NetworkAddrPoolAssign as _dc_platform_v1_NetworkAddrPoolAssign, NetworkAddrPoolAssign__Output as _dc_platform_v1_NetworkAddrPoolAssign__Output } from '../../../dc/platform/v1/NetworkAddrPoolAssign.js';
import type { NetworkAddrPoolMutation as _dc_platform_v1_NetworkAddrPoolMutation, NetworkAddrPoolMutation__Output as _dc_platform_v1_NetworkAddrPoolMutation__Output } from '../../../dc/platform/v1/NetworkAddrPoolMutation.js';
import type { NetworkAddrPoolRemove as _dc_platform_v1_NetworkAddrPoolRemove, NetworkAddrPoolRemove__Output as _dc_platform_v1_NetworkAddrPoolRemove__Output } from '../../../dc/platform/v1/NetworkAddrPoolRemove.js';
import type { NetworkDelete as _dc_platform_v1_NetworkDelete, NetworkDelete__Output as _dc_platform_v1_NetworkDelete__Output } from '../../../dc/platform/v1/NetworkDelete.js';
import type { NetworkMutation as _dc_platform_v1_NetworkMutation, NetworkMutation__Output as _dc_platform_v1_NetworkMutation__Output } from '../../../dc/platform/v1/NetworkMutation.js';
import type { PlanRequest as _dc_platform_v1_PlanRequest, PlanRequest__Output as _dc_platform_v1_PlanRequest__Output } from '../../../dc/platform/v1/PlanRequest.js';
import type { PlanResponse as _dc_platform_v1_PlanResponse, PlanResponse__Output as _dc_platform_v1_PlanResponse__Output } from '../../../dc/platform/v1/PlanResponse.js';
import type { System as _dc_platform_v1_System, System__Output as _dc_platform_v1_System__Output } from '../../../dc/platform/v1/System.js';

/**
 * The `system` and `fm` commands of one site. Mutations apply one command each, as a change of
 * their own; use Plan for a dry run of several.
 */
export interface PlatformClient extends grpc.Client {
  /**
   * `system addrpool-add`.
   */
  AddAddressPool(argument: _dc_platform_v1_AddrPoolAdd, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_AddressPoolMutation__Output>): grpc.ClientUnaryCall;
  AddAddressPool(argument: _dc_platform_v1_AddrPoolAdd, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_AddressPoolMutation__Output>): grpc.ClientUnaryCall;
  AddAddressPool(argument: _dc_platform_v1_AddrPoolAdd, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_AddressPoolMutation__Output>): grpc.ClientUnaryCall;
  AddAddressPool(argument: _dc_platform_v1_AddrPoolAdd, callback: grpc.requestCallback<_dc_platform_v1_AddressPoolMutation__Output>): grpc.ClientUnaryCall;
  /**
   * `system addrpool-add`.
   */
  addAddressPool(argument: _dc_platform_v1_AddrPoolAdd, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_AddressPoolMutation__Output>): grpc.ClientUnaryCall;
  addAddressPool(argument: _dc_platform_v1_AddrPoolAdd, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_AddressPoolMutation__Output>): grpc.ClientUnaryCall;
  addAddressPool(argument: _dc_platform_v1_AddrPoolAdd, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_AddressPoolMutation__Output>): grpc.ClientUnaryCall;
  addAddressPool(argument: _dc_platform_v1_AddrPoolAdd, callback: grpc.requestCallback<_dc_platform_v1_AddressPoolMutation__Output>): grpc.ClientUnaryCall;
  
  /**
   * `system network-add`.
   */
  AddNetwork(argument: _dc_platform_v1_NetworkAdd, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_NetworkMutation__Output>): grpc.ClientUnaryCall;
  AddNetwork(argument: _dc_platform_v1_NetworkAdd, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_NetworkMutation__Output>): grpc.ClientUnaryCall;
  AddNetwork(argument: _dc_platform_v1_NetworkAdd, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_NetworkMutation__Output>): grpc.ClientUnaryCall;
  AddNetwork(argument: _dc_platform_v1_NetworkAdd, callback: grpc.requestCallback<_dc_platform_v1_NetworkMutation__Output>): grpc.ClientUnaryCall;
  /**
   * `system network-add`.
   */
  addNetwork(argument: _dc_platform_v1_NetworkAdd, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_NetworkMutation__Output>): grpc.ClientUnaryCall;
  addNetwork(argument: _dc_platform_v1_NetworkAdd, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_NetworkMutation__Output>): grpc.ClientUnaryCall;
  addNetwork(argument: _dc_platform_v1_NetworkAdd, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_NetworkMutation__Output>): grpc.ClientUnaryCall;
  addNetwork(argument: _dc_platform_v1_NetworkAdd, callback: grpc.requestCallback<_dc_platform_v1_NetworkMutation__Output>): grpc.ClientUnaryCall;
  
  /**
   * `system network-addrpool-assign`.
   */
  AssignNetworkAddrPool(argument: _dc_platform_v1_NetworkAddrPoolAssign, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_NetworkAddrPoolMutation__Output>): grpc.ClientUnaryCall;
  AssignNetworkAddrPool(argument: _dc_platform_v1_NetworkAddrPoolAssign, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_NetworkAddrPoolMutation__Output>): grpc.ClientUnaryCall;
  AssignNetworkAddrPool(argument: _dc_platform_v1_NetworkAddrPoolAssign, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_NetworkAddrPoolMutation__Output>): grpc.ClientUnaryCall;
  AssignNetworkAddrPool(argument: _dc_platform_v1_NetworkAddrPoolAssign, callback: grpc.requestCallback<_dc_platform_v1_NetworkAddrPoolMutation__Output>): grpc.ClientUnaryCall;
  /**
   * `system network-addrpool-assign`.
   */
  assignNetworkAddrPool(argument: _dc_platform_v1_NetworkAddrPoolAssign, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_NetworkAddrPoolMutation__Output>): grpc.ClientUnaryCall;
  assignNetworkAddrPool(argument: _dc_platform_v1_NetworkAddrPoolAssign, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_NetworkAddrPoolMutation__Output>): grpc.ClientUnaryCall;
  assignNetworkAddrPool(argument: _dc_platform_v1_NetworkAddrPoolAssign, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_NetworkAddrPoolMutation__Output>): grpc.ClientUnaryCall;
  assignNetworkAddrPool(argument: _dc_platform_v1_NetworkAddrPoolAssign, callback: grpc.requestCallback<_dc_platform_v1_NetworkAddrPoolMutation__Output>): grpc.ClientUnaryCall;
  
  /**
   * `system addrpool-delete`.
   */
  DeleteAddressPool(argument: _dc_platform_v1_AddrPoolDelete, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_AddressPoolMutation__Output>): grpc.ClientUnaryCall;
  DeleteAddressPool(argument: _dc_platform_v1_AddrPoolDelete, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_AddressPoolMutation__Output>): grpc.ClientUnaryCall;
  DeleteAddressPool(argument: _dc_platform_v1_AddrPoolDelete, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_AddressPoolMutation__Output>): grpc.ClientUnaryCall;
  DeleteAddressPool(argument: _dc_platform_v1_AddrPoolDelete, callback: grpc.requestCallback<_dc_platform_v1_AddressPoolMutation__Output>): grpc.ClientUnaryCall;
  /**
   * `system addrpool-delete`.
   */
  deleteAddressPool(argument: _dc_platform_v1_AddrPoolDelete, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_AddressPoolMutation__Output>): grpc.ClientUnaryCall;
  deleteAddressPool(argument: _dc_platform_v1_AddrPoolDelete, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_AddressPoolMutation__Output>): grpc.ClientUnaryCall;
  deleteAddressPool(argument: _dc_platform_v1_AddrPoolDelete, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_AddressPoolMutation__Output>): grpc.ClientUnaryCall;
  deleteAddressPool(argument: _dc_platform_v1_AddrPoolDelete, callback: grpc.requestCallback<_dc_platform_v1_AddressPoolMutation__Output>): grpc.ClientUnaryCall;
  
  /**
   * `system network-delete`.
   */
  DeleteNetwork(argument: _dc_platform_v1_NetworkDelete, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_NetworkMutation__Output>): grpc.ClientUnaryCall;
  DeleteNetwork(argument: _dc_platform_v1_NetworkDelete, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_NetworkMutation__Output>): grpc.ClientUnaryCall;
  DeleteNetwork(argument: _dc_platform_v1_NetworkDelete, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_NetworkMutation__Output>): grpc.ClientUnaryCall;
  DeleteNetwork(argument: _dc_platform_v1_NetworkDelete, callback: grpc.requestCallback<_dc_platform_v1_NetworkMutation__Output>): grpc.ClientUnaryCall;
  /**
   * `system network-delete`.
   */
  deleteNetwork(argument: _dc_platform_v1_NetworkDelete, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_NetworkMutation__Output>): grpc.ClientUnaryCall;
  deleteNetwork(argument: _dc_platform_v1_NetworkDelete, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_NetworkMutation__Output>): grpc.ClientUnaryCall;
  deleteNetwork(argument: _dc_platform_v1_NetworkDelete, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_NetworkMutation__Output>): grpc.ClientUnaryCall;
  deleteNetwork(argument: _dc_platform_v1_NetworkDelete, callback: grpc.requestCallback<_dc_platform_v1_NetworkMutation__Output>): grpc.ClientUnaryCall;
  
  /**
   * `system addrpool-show`.
   */
  GetAddressPool(argument: _dc_platform_v1_GetAddressPoolRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_AddressPool__Output>): grpc.ClientUnaryCall;
  GetAddressPool(argument: _dc_platform_v1_GetAddressPoolRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_AddressPool__Output>): grpc.ClientUnaryCall;
  GetAddressPool(argument: _dc_platform_v1_GetAddressPoolRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_AddressPool__Output>): grpc.ClientUnaryCall;
  GetAddressPool(argument: _dc_platform_v1_GetAddressPoolRequest, callback: grpc.requestCallback<_dc_platform_v1_AddressPool__Output>): grpc.ClientUnaryCall;
  /**
   * `system addrpool-show`.
   */
  getAddressPool(argument: _dc_platform_v1_GetAddressPoolRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_AddressPool__Output>): grpc.ClientUnaryCall;
  getAddressPool(argument: _dc_platform_v1_GetAddressPoolRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_AddressPool__Output>): grpc.ClientUnaryCall;
  getAddressPool(argument: _dc_platform_v1_GetAddressPoolRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_AddressPool__Output>): grpc.ClientUnaryCall;
  getAddressPool(argument: _dc_platform_v1_GetAddressPoolRequest, callback: grpc.requestCallback<_dc_platform_v1_AddressPool__Output>): grpc.ClientUnaryCall;
  
  /**
   * `system host-show`.
   */
  GetHost(argument: _dc_platform_v1_GetHostRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_Host__Output>): grpc.ClientUnaryCall;
  GetHost(argument: _dc_platform_v1_GetHostRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_Host__Output>): grpc.ClientUnaryCall;
  GetHost(argument: _dc_platform_v1_GetHostRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_Host__Output>): grpc.ClientUnaryCall;
  GetHost(argument: _dc_platform_v1_GetHostRequest, callback: grpc.requestCallback<_dc_platform_v1_Host__Output>): grpc.ClientUnaryCall;
  /**
   * `system host-show`.
   */
  getHost(argument: _dc_platform_v1_GetHostRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_Host__Output>): grpc.ClientUnaryCall;
  getHost(argument: _dc_platform_v1_GetHostRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_Host__Output>): grpc.ClientUnaryCall;
  getHost(argument: _dc_platform_v1_GetHostRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_Host__Output>): grpc.ClientUnaryCall;
  getHost(argument: _dc_platform_v1_GetHostRequest, callback: grpc.requestCallback<_dc_platform_v1_Host__Output>): grpc.ClientUnaryCall;
  
  /**
   * `system network-show`.
   */
  GetNetwork(argument: _dc_platform_v1_GetNetworkRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_Network__Output>): grpc.ClientUnaryCall;
  GetNetwork(argument: _dc_platform_v1_GetNetworkRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_Network__Output>): grpc.ClientUnaryCall;
  GetNetwork(argument: _dc_platform_v1_GetNetworkRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_Network__Output>): grpc.ClientUnaryCall;
  GetNetwork(argument: _dc_platform_v1_GetNetworkRequest, callback: grpc.requestCallback<_dc_platform_v1_Network__Output>): grpc.ClientUnaryCall;
  /**
   * `system network-show`.
   */
  getNetwork(argument: _dc_platform_v1_GetNetworkRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_Network__Output>): grpc.ClientUnaryCall;
  getNetwork(argument: _dc_platform_v1_GetNetworkRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_Network__Output>): grpc.ClientUnaryCall;
  getNetwork(argument: _dc_platform_v1_GetNetworkRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_Network__Output>): grpc.ClientUnaryCall;
  getNetwork(argument: _dc_platform_v1_GetNetworkRequest, callback: grpc.requestCallback<_dc_platform_v1_Network__Output>): grpc.ClientUnaryCall;
  
  /**
   * `system network-addrpool-show`.
   */
  GetNetworkAddrPool(argument: _dc_platform_v1_GetNetworkAddrPoolRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_NetworkAddrPool__Output>): grpc.ClientUnaryCall;
  GetNetworkAddrPool(argument: _dc_platform_v1_GetNetworkAddrPoolRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_NetworkAddrPool__Output>): grpc.ClientUnaryCall;
  GetNetworkAddrPool(argument: _dc_platform_v1_GetNetworkAddrPoolRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_NetworkAddrPool__Output>): grpc.ClientUnaryCall;
  GetNetworkAddrPool(argument: _dc_platform_v1_GetNetworkAddrPoolRequest, callback: grpc.requestCallback<_dc_platform_v1_NetworkAddrPool__Output>): grpc.ClientUnaryCall;
  /**
   * `system network-addrpool-show`.
   */
  getNetworkAddrPool(argument: _dc_platform_v1_GetNetworkAddrPoolRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_NetworkAddrPool__Output>): grpc.ClientUnaryCall;
  getNetworkAddrPool(argument: _dc_platform_v1_GetNetworkAddrPoolRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_NetworkAddrPool__Output>): grpc.ClientUnaryCall;
  getNetworkAddrPool(argument: _dc_platform_v1_GetNetworkAddrPoolRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_NetworkAddrPool__Output>): grpc.ClientUnaryCall;
  getNetworkAddrPool(argument: _dc_platform_v1_GetNetworkAddrPoolRequest, callback: grpc.requestCallback<_dc_platform_v1_NetworkAddrPool__Output>): grpc.ClientUnaryCall;
  
  /**
   * `system show`.
   */
  GetSystem(argument: _dc_platform_v1_GetSystemRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_System__Output>): grpc.ClientUnaryCall;
  GetSystem(argument: _dc_platform_v1_GetSystemRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_System__Output>): grpc.ClientUnaryCall;
  GetSystem(argument: _dc_platform_v1_GetSystemRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_System__Output>): grpc.ClientUnaryCall;
  GetSystem(argument: _dc_platform_v1_GetSystemRequest, callback: grpc.requestCallback<_dc_platform_v1_System__Output>): grpc.ClientUnaryCall;
  /**
   * `system show`.
   */
  getSystem(argument: _dc_platform_v1_GetSystemRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_System__Output>): grpc.ClientUnaryCall;
  getSystem(argument: _dc_platform_v1_GetSystemRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_System__Output>): grpc.ClientUnaryCall;
  getSystem(argument: _dc_platform_v1_GetSystemRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_System__Output>): grpc.ClientUnaryCall;
  getSystem(argument: _dc_platform_v1_GetSystemRequest, callback: grpc.requestCallback<_dc_platform_v1_System__Output>): grpc.ClientUnaryCall;
  
  /**
   * `system addrpool-list`.
   */
  ListAddressPools(argument: _dc_platform_v1_ListAddressPoolsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_ListAddressPoolsResponse__Output>): grpc.ClientUnaryCall;
  ListAddressPools(argument: _dc_platform_v1_ListAddressPoolsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_ListAddressPoolsResponse__Output>): grpc.ClientUnaryCall;
  ListAddressPools(argument: _dc_platform_v1_ListAddressPoolsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_ListAddressPoolsResponse__Output>): grpc.ClientUnaryCall;
  ListAddressPools(argument: _dc_platform_v1_ListAddressPoolsRequest, callback: grpc.requestCallback<_dc_platform_v1_ListAddressPoolsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * `system addrpool-list`.
   */
  listAddressPools(argument: _dc_platform_v1_ListAddressPoolsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_ListAddressPoolsResponse__Output>): grpc.ClientUnaryCall;
  listAddressPools(argument: _dc_platform_v1_ListAddressPoolsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_ListAddressPoolsResponse__Output>): grpc.ClientUnaryCall;
  listAddressPools(argument: _dc_platform_v1_ListAddressPoolsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_ListAddressPoolsResponse__Output>): grpc.ClientUnaryCall;
  listAddressPools(argument: _dc_platform_v1_ListAddressPoolsRequest, callback: grpc.requestCallback<_dc_platform_v1_ListAddressPoolsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * `fm alarm-list`. On the controller, the region in call metadata selects the site: its own
   * alarms for `SystemController` (including the 280.xxx subcloud alarms), the subcloud agent's
   * alarms, forwarded, for a subcloud region.
   */
  ListAlarms(argument: _dc_platform_v1_ListAlarmsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_ListAlarmsResponse__Output>): grpc.ClientUnaryCall;
  ListAlarms(argument: _dc_platform_v1_ListAlarmsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_ListAlarmsResponse__Output>): grpc.ClientUnaryCall;
  ListAlarms(argument: _dc_platform_v1_ListAlarmsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_ListAlarmsResponse__Output>): grpc.ClientUnaryCall;
  ListAlarms(argument: _dc_platform_v1_ListAlarmsRequest, callback: grpc.requestCallback<_dc_platform_v1_ListAlarmsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * `fm alarm-list`. On the controller, the region in call metadata selects the site: its own
   * alarms for `SystemController` (including the 280.xxx subcloud alarms), the subcloud agent's
   * alarms, forwarded, for a subcloud region.
   */
  listAlarms(argument: _dc_platform_v1_ListAlarmsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_ListAlarmsResponse__Output>): grpc.ClientUnaryCall;
  listAlarms(argument: _dc_platform_v1_ListAlarmsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_ListAlarmsResponse__Output>): grpc.ClientUnaryCall;
  listAlarms(argument: _dc_platform_v1_ListAlarmsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_ListAlarmsResponse__Output>): grpc.ClientUnaryCall;
  listAlarms(argument: _dc_platform_v1_ListAlarmsRequest, callback: grpc.requestCallback<_dc_platform_v1_ListAlarmsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * `system host-list`.
   */
  ListHosts(argument: _dc_platform_v1_ListHostsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_ListHostsResponse__Output>): grpc.ClientUnaryCall;
  ListHosts(argument: _dc_platform_v1_ListHostsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_ListHostsResponse__Output>): grpc.ClientUnaryCall;
  ListHosts(argument: _dc_platform_v1_ListHostsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_ListHostsResponse__Output>): grpc.ClientUnaryCall;
  ListHosts(argument: _dc_platform_v1_ListHostsRequest, callback: grpc.requestCallback<_dc_platform_v1_ListHostsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * `system host-list`.
   */
  listHosts(argument: _dc_platform_v1_ListHostsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_ListHostsResponse__Output>): grpc.ClientUnaryCall;
  listHosts(argument: _dc_platform_v1_ListHostsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_ListHostsResponse__Output>): grpc.ClientUnaryCall;
  listHosts(argument: _dc_platform_v1_ListHostsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_ListHostsResponse__Output>): grpc.ClientUnaryCall;
  listHosts(argument: _dc_platform_v1_ListHostsRequest, callback: grpc.requestCallback<_dc_platform_v1_ListHostsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * `system network-addrpool-list`.
   */
  ListNetworkAddrPools(argument: _dc_platform_v1_ListNetworkAddrPoolsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_ListNetworkAddrPoolsResponse__Output>): grpc.ClientUnaryCall;
  ListNetworkAddrPools(argument: _dc_platform_v1_ListNetworkAddrPoolsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_ListNetworkAddrPoolsResponse__Output>): grpc.ClientUnaryCall;
  ListNetworkAddrPools(argument: _dc_platform_v1_ListNetworkAddrPoolsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_ListNetworkAddrPoolsResponse__Output>): grpc.ClientUnaryCall;
  ListNetworkAddrPools(argument: _dc_platform_v1_ListNetworkAddrPoolsRequest, callback: grpc.requestCallback<_dc_platform_v1_ListNetworkAddrPoolsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * `system network-addrpool-list`.
   */
  listNetworkAddrPools(argument: _dc_platform_v1_ListNetworkAddrPoolsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_ListNetworkAddrPoolsResponse__Output>): grpc.ClientUnaryCall;
  listNetworkAddrPools(argument: _dc_platform_v1_ListNetworkAddrPoolsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_ListNetworkAddrPoolsResponse__Output>): grpc.ClientUnaryCall;
  listNetworkAddrPools(argument: _dc_platform_v1_ListNetworkAddrPoolsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_ListNetworkAddrPoolsResponse__Output>): grpc.ClientUnaryCall;
  listNetworkAddrPools(argument: _dc_platform_v1_ListNetworkAddrPoolsRequest, callback: grpc.requestCallback<_dc_platform_v1_ListNetworkAddrPoolsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * `system network-list`.
   */
  ListNetworks(argument: _dc_platform_v1_ListNetworksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_ListNetworksResponse__Output>): grpc.ClientUnaryCall;
  ListNetworks(argument: _dc_platform_v1_ListNetworksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_ListNetworksResponse__Output>): grpc.ClientUnaryCall;
  ListNetworks(argument: _dc_platform_v1_ListNetworksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_ListNetworksResponse__Output>): grpc.ClientUnaryCall;
  ListNetworks(argument: _dc_platform_v1_ListNetworksRequest, callback: grpc.requestCallback<_dc_platform_v1_ListNetworksResponse__Output>): grpc.ClientUnaryCall;
  /**
   * `system network-list`.
   */
  listNetworks(argument: _dc_platform_v1_ListNetworksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_ListNetworksResponse__Output>): grpc.ClientUnaryCall;
  listNetworks(argument: _dc_platform_v1_ListNetworksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_ListNetworksResponse__Output>): grpc.ClientUnaryCall;
  listNetworks(argument: _dc_platform_v1_ListNetworksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_ListNetworksResponse__Output>): grpc.ClientUnaryCall;
  listNetworks(argument: _dc_platform_v1_ListNetworksRequest, callback: grpc.requestCallback<_dc_platform_v1_ListNetworksResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * `system host-lock`.
   */
  LockHost(argument: _dc_platform_v1_HostLock, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_HostMutation__Output>): grpc.ClientUnaryCall;
  LockHost(argument: _dc_platform_v1_HostLock, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_HostMutation__Output>): grpc.ClientUnaryCall;
  LockHost(argument: _dc_platform_v1_HostLock, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_HostMutation__Output>): grpc.ClientUnaryCall;
  LockHost(argument: _dc_platform_v1_HostLock, callback: grpc.requestCallback<_dc_platform_v1_HostMutation__Output>): grpc.ClientUnaryCall;
  /**
   * `system host-lock`.
   */
  lockHost(argument: _dc_platform_v1_HostLock, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_HostMutation__Output>): grpc.ClientUnaryCall;
  lockHost(argument: _dc_platform_v1_HostLock, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_HostMutation__Output>): grpc.ClientUnaryCall;
  lockHost(argument: _dc_platform_v1_HostLock, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_HostMutation__Output>): grpc.ClientUnaryCall;
  lockHost(argument: _dc_platform_v1_HostLock, callback: grpc.requestCallback<_dc_platform_v1_HostMutation__Output>): grpc.ClientUnaryCall;
  
  /**
   * `system addrpool-modify`.
   */
  ModifyAddressPool(argument: _dc_platform_v1_AddrPoolModify, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_AddressPoolMutation__Output>): grpc.ClientUnaryCall;
  ModifyAddressPool(argument: _dc_platform_v1_AddrPoolModify, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_AddressPoolMutation__Output>): grpc.ClientUnaryCall;
  ModifyAddressPool(argument: _dc_platform_v1_AddrPoolModify, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_AddressPoolMutation__Output>): grpc.ClientUnaryCall;
  ModifyAddressPool(argument: _dc_platform_v1_AddrPoolModify, callback: grpc.requestCallback<_dc_platform_v1_AddressPoolMutation__Output>): grpc.ClientUnaryCall;
  /**
   * `system addrpool-modify`.
   */
  modifyAddressPool(argument: _dc_platform_v1_AddrPoolModify, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_AddressPoolMutation__Output>): grpc.ClientUnaryCall;
  modifyAddressPool(argument: _dc_platform_v1_AddrPoolModify, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_AddressPoolMutation__Output>): grpc.ClientUnaryCall;
  modifyAddressPool(argument: _dc_platform_v1_AddrPoolModify, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_AddressPoolMutation__Output>): grpc.ClientUnaryCall;
  modifyAddressPool(argument: _dc_platform_v1_AddrPoolModify, callback: grpc.requestCallback<_dc_platform_v1_AddressPoolMutation__Output>): grpc.ClientUnaryCall;
  
  /**
   * Dry run of a list of commands: per-command result and effects, no change.
   */
  Plan(argument: _dc_platform_v1_PlanRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_PlanResponse__Output>): grpc.ClientUnaryCall;
  Plan(argument: _dc_platform_v1_PlanRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_PlanResponse__Output>): grpc.ClientUnaryCall;
  Plan(argument: _dc_platform_v1_PlanRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_PlanResponse__Output>): grpc.ClientUnaryCall;
  Plan(argument: _dc_platform_v1_PlanRequest, callback: grpc.requestCallback<_dc_platform_v1_PlanResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Dry run of a list of commands: per-command result and effects, no change.
   */
  plan(argument: _dc_platform_v1_PlanRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_PlanResponse__Output>): grpc.ClientUnaryCall;
  plan(argument: _dc_platform_v1_PlanRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_PlanResponse__Output>): grpc.ClientUnaryCall;
  plan(argument: _dc_platform_v1_PlanRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_PlanResponse__Output>): grpc.ClientUnaryCall;
  plan(argument: _dc_platform_v1_PlanRequest, callback: grpc.requestCallback<_dc_platform_v1_PlanResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * `system network-addrpool-remove`.
   */
  RemoveNetworkAddrPool(argument: _dc_platform_v1_NetworkAddrPoolRemove, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_NetworkAddrPoolMutation__Output>): grpc.ClientUnaryCall;
  RemoveNetworkAddrPool(argument: _dc_platform_v1_NetworkAddrPoolRemove, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_NetworkAddrPoolMutation__Output>): grpc.ClientUnaryCall;
  RemoveNetworkAddrPool(argument: _dc_platform_v1_NetworkAddrPoolRemove, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_NetworkAddrPoolMutation__Output>): grpc.ClientUnaryCall;
  RemoveNetworkAddrPool(argument: _dc_platform_v1_NetworkAddrPoolRemove, callback: grpc.requestCallback<_dc_platform_v1_NetworkAddrPoolMutation__Output>): grpc.ClientUnaryCall;
  /**
   * `system network-addrpool-remove`.
   */
  removeNetworkAddrPool(argument: _dc_platform_v1_NetworkAddrPoolRemove, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_NetworkAddrPoolMutation__Output>): grpc.ClientUnaryCall;
  removeNetworkAddrPool(argument: _dc_platform_v1_NetworkAddrPoolRemove, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_NetworkAddrPoolMutation__Output>): grpc.ClientUnaryCall;
  removeNetworkAddrPool(argument: _dc_platform_v1_NetworkAddrPoolRemove, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_NetworkAddrPoolMutation__Output>): grpc.ClientUnaryCall;
  removeNetworkAddrPool(argument: _dc_platform_v1_NetworkAddrPoolRemove, callback: grpc.requestCallback<_dc_platform_v1_NetworkAddrPoolMutation__Output>): grpc.ClientUnaryCall;
  
  /**
   * `system host-swact`.
   */
  SwactHost(argument: _dc_platform_v1_HostSwact, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_HostMutation__Output>): grpc.ClientUnaryCall;
  SwactHost(argument: _dc_platform_v1_HostSwact, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_HostMutation__Output>): grpc.ClientUnaryCall;
  SwactHost(argument: _dc_platform_v1_HostSwact, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_HostMutation__Output>): grpc.ClientUnaryCall;
  SwactHost(argument: _dc_platform_v1_HostSwact, callback: grpc.requestCallback<_dc_platform_v1_HostMutation__Output>): grpc.ClientUnaryCall;
  /**
   * `system host-swact`.
   */
  swactHost(argument: _dc_platform_v1_HostSwact, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_HostMutation__Output>): grpc.ClientUnaryCall;
  swactHost(argument: _dc_platform_v1_HostSwact, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_HostMutation__Output>): grpc.ClientUnaryCall;
  swactHost(argument: _dc_platform_v1_HostSwact, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_HostMutation__Output>): grpc.ClientUnaryCall;
  swactHost(argument: _dc_platform_v1_HostSwact, callback: grpc.requestCallback<_dc_platform_v1_HostMutation__Output>): grpc.ClientUnaryCall;
  
  /**
   * `system host-unlock`.
   */
  UnlockHost(argument: _dc_platform_v1_HostUnlock, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_HostMutation__Output>): grpc.ClientUnaryCall;
  UnlockHost(argument: _dc_platform_v1_HostUnlock, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_HostMutation__Output>): grpc.ClientUnaryCall;
  UnlockHost(argument: _dc_platform_v1_HostUnlock, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_HostMutation__Output>): grpc.ClientUnaryCall;
  UnlockHost(argument: _dc_platform_v1_HostUnlock, callback: grpc.requestCallback<_dc_platform_v1_HostMutation__Output>): grpc.ClientUnaryCall;
  /**
   * `system host-unlock`.
   */
  unlockHost(argument: _dc_platform_v1_HostUnlock, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_HostMutation__Output>): grpc.ClientUnaryCall;
  unlockHost(argument: _dc_platform_v1_HostUnlock, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_platform_v1_HostMutation__Output>): grpc.ClientUnaryCall;
  unlockHost(argument: _dc_platform_v1_HostUnlock, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_platform_v1_HostMutation__Output>): grpc.ClientUnaryCall;
  unlockHost(argument: _dc_platform_v1_HostUnlock, callback: grpc.requestCallback<_dc_platform_v1_HostMutation__Output>): grpc.ClientUnaryCall;
  
}

/**
 * The `system` and `fm` commands of one site. Mutations apply one command each, as a change of
 * their own; use Plan for a dry run of several.
 */
export interface PlatformHandlers extends grpc.UntypedServiceImplementation {
  /**
   * `system addrpool-add`.
   */
  AddAddressPool: grpc.handleUnaryCall<_dc_platform_v1_AddrPoolAdd__Output, _dc_platform_v1_AddressPoolMutation>;
  
  /**
   * `system network-add`.
   */
  AddNetwork: grpc.handleUnaryCall<_dc_platform_v1_NetworkAdd__Output, _dc_platform_v1_NetworkMutation>;
  
  /**
   * `system network-addrpool-assign`.
   */
  AssignNetworkAddrPool: grpc.handleUnaryCall<_dc_platform_v1_NetworkAddrPoolAssign__Output, _dc_platform_v1_NetworkAddrPoolMutation>;
  
  /**
   * `system addrpool-delete`.
   */
  DeleteAddressPool: grpc.handleUnaryCall<_dc_platform_v1_AddrPoolDelete__Output, _dc_platform_v1_AddressPoolMutation>;
  
  /**
   * `system network-delete`.
   */
  DeleteNetwork: grpc.handleUnaryCall<_dc_platform_v1_NetworkDelete__Output, _dc_platform_v1_NetworkMutation>;
  
  /**
   * `system addrpool-show`.
   */
  GetAddressPool: grpc.handleUnaryCall<_dc_platform_v1_GetAddressPoolRequest__Output, _dc_platform_v1_AddressPool>;
  
  /**
   * `system host-show`.
   */
  GetHost: grpc.handleUnaryCall<_dc_platform_v1_GetHostRequest__Output, _dc_platform_v1_Host>;
  
  /**
   * `system network-show`.
   */
  GetNetwork: grpc.handleUnaryCall<_dc_platform_v1_GetNetworkRequest__Output, _dc_platform_v1_Network>;
  
  /**
   * `system network-addrpool-show`.
   */
  GetNetworkAddrPool: grpc.handleUnaryCall<_dc_platform_v1_GetNetworkAddrPoolRequest__Output, _dc_platform_v1_NetworkAddrPool>;
  
  /**
   * `system show`.
   */
  GetSystem: grpc.handleUnaryCall<_dc_platform_v1_GetSystemRequest__Output, _dc_platform_v1_System>;
  
  /**
   * `system addrpool-list`.
   */
  ListAddressPools: grpc.handleUnaryCall<_dc_platform_v1_ListAddressPoolsRequest__Output, _dc_platform_v1_ListAddressPoolsResponse>;
  
  /**
   * `fm alarm-list`. On the controller, the region in call metadata selects the site: its own
   * alarms for `SystemController` (including the 280.xxx subcloud alarms), the subcloud agent's
   * alarms, forwarded, for a subcloud region.
   */
  ListAlarms: grpc.handleUnaryCall<_dc_platform_v1_ListAlarmsRequest__Output, _dc_platform_v1_ListAlarmsResponse>;
  
  /**
   * `system host-list`.
   */
  ListHosts: grpc.handleUnaryCall<_dc_platform_v1_ListHostsRequest__Output, _dc_platform_v1_ListHostsResponse>;
  
  /**
   * `system network-addrpool-list`.
   */
  ListNetworkAddrPools: grpc.handleUnaryCall<_dc_platform_v1_ListNetworkAddrPoolsRequest__Output, _dc_platform_v1_ListNetworkAddrPoolsResponse>;
  
  /**
   * `system network-list`.
   */
  ListNetworks: grpc.handleUnaryCall<_dc_platform_v1_ListNetworksRequest__Output, _dc_platform_v1_ListNetworksResponse>;
  
  /**
   * `system host-lock`.
   */
  LockHost: grpc.handleUnaryCall<_dc_platform_v1_HostLock__Output, _dc_platform_v1_HostMutation>;
  
  /**
   * `system addrpool-modify`.
   */
  ModifyAddressPool: grpc.handleUnaryCall<_dc_platform_v1_AddrPoolModify__Output, _dc_platform_v1_AddressPoolMutation>;
  
  /**
   * Dry run of a list of commands: per-command result and effects, no change.
   */
  Plan: grpc.handleUnaryCall<_dc_platform_v1_PlanRequest__Output, _dc_platform_v1_PlanResponse>;
  
  /**
   * `system network-addrpool-remove`.
   */
  RemoveNetworkAddrPool: grpc.handleUnaryCall<_dc_platform_v1_NetworkAddrPoolRemove__Output, _dc_platform_v1_NetworkAddrPoolMutation>;
  
  /**
   * `system host-swact`.
   */
  SwactHost: grpc.handleUnaryCall<_dc_platform_v1_HostSwact__Output, _dc_platform_v1_HostMutation>;
  
  /**
   * `system host-unlock`.
   */
  UnlockHost: grpc.handleUnaryCall<_dc_platform_v1_HostUnlock__Output, _dc_platform_v1_HostMutation>;
  
}

export interface PlatformDefinition extends grpc.ServiceDefinition {
  AddAddressPool: MethodDefinition<_dc_platform_v1_AddrPoolAdd, _dc_platform_v1_AddressPoolMutation, _dc_platform_v1_AddrPoolAdd__Output, _dc_platform_v1_AddressPoolMutation__Output>
  AddNetwork: MethodDefinition<_dc_platform_v1_NetworkAdd, _dc_platform_v1_NetworkMutation, _dc_platform_v1_NetworkAdd__Output, _dc_platform_v1_NetworkMutation__Output>
  AssignNetworkAddrPool: MethodDefinition<_dc_platform_v1_NetworkAddrPoolAssign, _dc_platform_v1_NetworkAddrPoolMutation, _dc_platform_v1_NetworkAddrPoolAssign__Output, _dc_platform_v1_NetworkAddrPoolMutation__Output>
  DeleteAddressPool: MethodDefinition<_dc_platform_v1_AddrPoolDelete, _dc_platform_v1_AddressPoolMutation, _dc_platform_v1_AddrPoolDelete__Output, _dc_platform_v1_AddressPoolMutation__Output>
  DeleteNetwork: MethodDefinition<_dc_platform_v1_NetworkDelete, _dc_platform_v1_NetworkMutation, _dc_platform_v1_NetworkDelete__Output, _dc_platform_v1_NetworkMutation__Output>
  GetAddressPool: MethodDefinition<_dc_platform_v1_GetAddressPoolRequest, _dc_platform_v1_AddressPool, _dc_platform_v1_GetAddressPoolRequest__Output, _dc_platform_v1_AddressPool__Output>
  GetHost: MethodDefinition<_dc_platform_v1_GetHostRequest, _dc_platform_v1_Host, _dc_platform_v1_GetHostRequest__Output, _dc_platform_v1_Host__Output>
  GetNetwork: MethodDefinition<_dc_platform_v1_GetNetworkRequest, _dc_platform_v1_Network, _dc_platform_v1_GetNetworkRequest__Output, _dc_platform_v1_Network__Output>
  GetNetworkAddrPool: MethodDefinition<_dc_platform_v1_GetNetworkAddrPoolRequest, _dc_platform_v1_NetworkAddrPool, _dc_platform_v1_GetNetworkAddrPoolRequest__Output, _dc_platform_v1_NetworkAddrPool__Output>
  GetSystem: MethodDefinition<_dc_platform_v1_GetSystemRequest, _dc_platform_v1_System, _dc_platform_v1_GetSystemRequest__Output, _dc_platform_v1_System__Output>
  ListAddressPools: MethodDefinition<_dc_platform_v1_ListAddressPoolsRequest, _dc_platform_v1_ListAddressPoolsResponse, _dc_platform_v1_ListAddressPoolsRequest__Output, _dc_platform_v1_ListAddressPoolsResponse__Output>
  ListAlarms: MethodDefinition<_dc_platform_v1_ListAlarmsRequest, _dc_platform_v1_ListAlarmsResponse, _dc_platform_v1_ListAlarmsRequest__Output, _dc_platform_v1_ListAlarmsResponse__Output>
  ListHosts: MethodDefinition<_dc_platform_v1_ListHostsRequest, _dc_platform_v1_ListHostsResponse, _dc_platform_v1_ListHostsRequest__Output, _dc_platform_v1_ListHostsResponse__Output>
  ListNetworkAddrPools: MethodDefinition<_dc_platform_v1_ListNetworkAddrPoolsRequest, _dc_platform_v1_ListNetworkAddrPoolsResponse, _dc_platform_v1_ListNetworkAddrPoolsRequest__Output, _dc_platform_v1_ListNetworkAddrPoolsResponse__Output>
  ListNetworks: MethodDefinition<_dc_platform_v1_ListNetworksRequest, _dc_platform_v1_ListNetworksResponse, _dc_platform_v1_ListNetworksRequest__Output, _dc_platform_v1_ListNetworksResponse__Output>
  LockHost: MethodDefinition<_dc_platform_v1_HostLock, _dc_platform_v1_HostMutation, _dc_platform_v1_HostLock__Output, _dc_platform_v1_HostMutation__Output>
  ModifyAddressPool: MethodDefinition<_dc_platform_v1_AddrPoolModify, _dc_platform_v1_AddressPoolMutation, _dc_platform_v1_AddrPoolModify__Output, _dc_platform_v1_AddressPoolMutation__Output>
  Plan: MethodDefinition<_dc_platform_v1_PlanRequest, _dc_platform_v1_PlanResponse, _dc_platform_v1_PlanRequest__Output, _dc_platform_v1_PlanResponse__Output>
  RemoveNetworkAddrPool: MethodDefinition<_dc_platform_v1_NetworkAddrPoolRemove, _dc_platform_v1_NetworkAddrPoolMutation, _dc_platform_v1_NetworkAddrPoolRemove__Output, _dc_platform_v1_NetworkAddrPoolMutation__Output>
  SwactHost: MethodDefinition<_dc_platform_v1_HostSwact, _dc_platform_v1_HostMutation, _dc_platform_v1_HostSwact__Output, _dc_platform_v1_HostMutation__Output>
  UnlockHost: MethodDefinition<_dc_platform_v1_HostUnlock, _dc_platform_v1_HostMutation, _dc_platform_v1_HostUnlock__Output, _dc_platform_v1_HostMutation__Output>
}
