import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AddressCalls as _dc_agent_v1_AddressCalls, AddressCalls__Output as _dc_agent_v1_AddressCalls__Output } from './dc/agent/v1/AddressCalls.js';
import type { AgentClient as _dc_agent_v1_AgentClient, AgentDefinition as _dc_agent_v1_AgentDefinition } from './dc/agent/v1/Agent.js';
import type { AlarmSummary as _dc_agent_v1_AlarmSummary, AlarmSummary__Output as _dc_agent_v1_AlarmSummary__Output } from './dc/agent/v1/AlarmSummary.js';
import type { ApplyRequest as _dc_agent_v1_ApplyRequest, ApplyRequest__Output as _dc_agent_v1_ApplyRequest__Output } from './dc/agent/v1/ApplyRequest.js';
import type { ApplyResponse as _dc_agent_v1_ApplyResponse, ApplyResponse__Output as _dc_agent_v1_ApplyResponse__Output } from './dc/agent/v1/ApplyResponse.js';
import type { BootstrapRequest as _dc_agent_v1_BootstrapRequest, BootstrapRequest__Output as _dc_agent_v1_BootstrapRequest__Output } from './dc/agent/v1/BootstrapRequest.js';
import type { ClaimRequest as _dc_agent_v1_ClaimRequest, ClaimRequest__Output as _dc_agent_v1_ClaimRequest__Output } from './dc/agent/v1/ClaimRequest.js';
import type { ClaimResponse as _dc_agent_v1_ClaimResponse, ClaimResponse__Output as _dc_agent_v1_ClaimResponse__Output } from './dc/agent/v1/ClaimResponse.js';
import type { ComponentRestarts as _dc_agent_v1_ComponentRestarts, ComponentRestarts__Output as _dc_agent_v1_ComponentRestarts__Output } from './dc/agent/v1/ComponentRestarts.js';
import type { DescribeRequest as _dc_agent_v1_DescribeRequest, DescribeRequest__Output as _dc_agent_v1_DescribeRequest__Output } from './dc/agent/v1/DescribeRequest.js';
import type { DescribeResponse as _dc_agent_v1_DescribeResponse, DescribeResponse__Output as _dc_agent_v1_DescribeResponse__Output } from './dc/agent/v1/DescribeResponse.js';
import type { Heartbeat as _dc_agent_v1_Heartbeat, Heartbeat__Output as _dc_agent_v1_Heartbeat__Output } from './dc/agent/v1/Heartbeat.js';
import type { OwnerRequest as _dc_agent_v1_OwnerRequest, OwnerRequest__Output as _dc_agent_v1_OwnerRequest__Output } from './dc/agent/v1/OwnerRequest.js';
import type { PlatformReply as _dc_agent_v1_PlatformReply, PlatformReply__Output as _dc_agent_v1_PlatformReply__Output } from './dc/agent/v1/PlatformReply.js';
import type { StateSummary as _dc_agent_v1_StateSummary, StateSummary__Output as _dc_agent_v1_StateSummary__Output } from './dc/agent/v1/StateSummary.js';
import type { WatchEvent as _dc_agent_v1_WatchEvent, WatchEvent__Output as _dc_agent_v1_WatchEvent__Output } from './dc/agent/v1/WatchEvent.js';
import type { WatchRequest as _dc_agent_v1_WatchRequest, WatchRequest__Output as _dc_agent_v1_WatchRequest__Output } from './dc/agent/v1/WatchRequest.js';
import type { AddrPoolAdd as _dc_platform_v1_AddrPoolAdd, AddrPoolAdd__Output as _dc_platform_v1_AddrPoolAdd__Output } from './dc/platform/v1/AddrPoolAdd.js';
import type { AddrPoolDelete as _dc_platform_v1_AddrPoolDelete, AddrPoolDelete__Output as _dc_platform_v1_AddrPoolDelete__Output } from './dc/platform/v1/AddrPoolDelete.js';
import type { AddrPoolModify as _dc_platform_v1_AddrPoolModify, AddrPoolModify__Output as _dc_platform_v1_AddrPoolModify__Output } from './dc/platform/v1/AddrPoolModify.js';
import type { Address as _dc_platform_v1_Address, Address__Output as _dc_platform_v1_Address__Output } from './dc/platform/v1/Address.js';
import type { AddressPool as _dc_platform_v1_AddressPool, AddressPool__Output as _dc_platform_v1_AddressPool__Output } from './dc/platform/v1/AddressPool.js';
import type { AddressPoolMutation as _dc_platform_v1_AddressPoolMutation, AddressPoolMutation__Output as _dc_platform_v1_AddressPoolMutation__Output } from './dc/platform/v1/AddressPoolMutation.js';
import type { AddressRange as _dc_platform_v1_AddressRange, AddressRange__Output as _dc_platform_v1_AddressRange__Output } from './dc/platform/v1/AddressRange.js';
import type { AddressRangeList as _dc_platform_v1_AddressRangeList, AddressRangeList__Output as _dc_platform_v1_AddressRangeList__Output } from './dc/platform/v1/AddressRangeList.js';
import type { AddressUpdate as _dc_platform_v1_AddressUpdate, AddressUpdate__Output as _dc_platform_v1_AddressUpdate__Output } from './dc/platform/v1/AddressUpdate.js';
import type { AddressesEffect as _dc_platform_v1_AddressesEffect, AddressesEffect__Output as _dc_platform_v1_AddressesEffect__Output } from './dc/platform/v1/AddressesEffect.js';
import type { AdminReconfiguredEffect as _dc_platform_v1_AdminReconfiguredEffect, AdminReconfiguredEffect__Output as _dc_platform_v1_AdminReconfiguredEffect__Output } from './dc/platform/v1/AdminReconfiguredEffect.js';
import type { Alarm as _dc_platform_v1_Alarm, Alarm__Output as _dc_platform_v1_Alarm__Output } from './dc/platform/v1/Alarm.js';
import type { AlarmClearedEffect as _dc_platform_v1_AlarmClearedEffect, AlarmClearedEffect__Output as _dc_platform_v1_AlarmClearedEffect__Output } from './dc/platform/v1/AlarmClearedEffect.js';
import type { Command as _dc_platform_v1_Command, Command__Output as _dc_platform_v1_Command__Output } from './dc/platform/v1/Command.js';
import type { CommandEffects as _dc_platform_v1_CommandEffects, CommandEffects__Output as _dc_platform_v1_CommandEffects__Output } from './dc/platform/v1/CommandEffects.js';
import type { CommandError as _dc_platform_v1_CommandError, CommandError__Output as _dc_platform_v1_CommandError__Output } from './dc/platform/v1/CommandError.js';
import type { CommandResult as _dc_platform_v1_CommandResult, CommandResult__Output as _dc_platform_v1_CommandResult__Output } from './dc/platform/v1/CommandResult.js';
import type { ComponentRestartEffect as _dc_platform_v1_ComponentRestartEffect, ComponentRestartEffect__Output as _dc_platform_v1_ComponentRestartEffect__Output } from './dc/platform/v1/ComponentRestartEffect.js';
import type { Effect as _dc_platform_v1_Effect, Effect__Output as _dc_platform_v1_Effect__Output } from './dc/platform/v1/Effect.js';
import type { GetAddressPoolRequest as _dc_platform_v1_GetAddressPoolRequest, GetAddressPoolRequest__Output as _dc_platform_v1_GetAddressPoolRequest__Output } from './dc/platform/v1/GetAddressPoolRequest.js';
import type { GetHostRequest as _dc_platform_v1_GetHostRequest, GetHostRequest__Output as _dc_platform_v1_GetHostRequest__Output } from './dc/platform/v1/GetHostRequest.js';
import type { GetNetworkAddrPoolRequest as _dc_platform_v1_GetNetworkAddrPoolRequest, GetNetworkAddrPoolRequest__Output as _dc_platform_v1_GetNetworkAddrPoolRequest__Output } from './dc/platform/v1/GetNetworkAddrPoolRequest.js';
import type { GetNetworkRequest as _dc_platform_v1_GetNetworkRequest, GetNetworkRequest__Output as _dc_platform_v1_GetNetworkRequest__Output } from './dc/platform/v1/GetNetworkRequest.js';
import type { GetSystemRequest as _dc_platform_v1_GetSystemRequest, GetSystemRequest__Output as _dc_platform_v1_GetSystemRequest__Output } from './dc/platform/v1/GetSystemRequest.js';
import type { Host as _dc_platform_v1_Host, Host__Output as _dc_platform_v1_Host__Output } from './dc/platform/v1/Host.js';
import type { HostConfigOutOfDateEffect as _dc_platform_v1_HostConfigOutOfDateEffect, HostConfigOutOfDateEffect__Output as _dc_platform_v1_HostConfigOutOfDateEffect__Output } from './dc/platform/v1/HostConfigOutOfDateEffect.js';
import type { HostEffect as _dc_platform_v1_HostEffect, HostEffect__Output as _dc_platform_v1_HostEffect__Output } from './dc/platform/v1/HostEffect.js';
import type { HostLock as _dc_platform_v1_HostLock, HostLock__Output as _dc_platform_v1_HostLock__Output } from './dc/platform/v1/HostLock.js';
import type { HostMutation as _dc_platform_v1_HostMutation, HostMutation__Output as _dc_platform_v1_HostMutation__Output } from './dc/platform/v1/HostMutation.js';
import type { HostSwact as _dc_platform_v1_HostSwact, HostSwact__Output as _dc_platform_v1_HostSwact__Output } from './dc/platform/v1/HostSwact.js';
import type { HostUnlock as _dc_platform_v1_HostUnlock, HostUnlock__Output as _dc_platform_v1_HostUnlock__Output } from './dc/platform/v1/HostUnlock.js';
import type { KubernetesDualStackEffect as _dc_platform_v1_KubernetesDualStackEffect, KubernetesDualStackEffect__Output as _dc_platform_v1_KubernetesDualStackEffect__Output } from './dc/platform/v1/KubernetesDualStackEffect.js';
import type { ListAddressPoolsRequest as _dc_platform_v1_ListAddressPoolsRequest, ListAddressPoolsRequest__Output as _dc_platform_v1_ListAddressPoolsRequest__Output } from './dc/platform/v1/ListAddressPoolsRequest.js';
import type { ListAddressPoolsResponse as _dc_platform_v1_ListAddressPoolsResponse, ListAddressPoolsResponse__Output as _dc_platform_v1_ListAddressPoolsResponse__Output } from './dc/platform/v1/ListAddressPoolsResponse.js';
import type { ListAlarmsRequest as _dc_platform_v1_ListAlarmsRequest, ListAlarmsRequest__Output as _dc_platform_v1_ListAlarmsRequest__Output } from './dc/platform/v1/ListAlarmsRequest.js';
import type { ListAlarmsResponse as _dc_platform_v1_ListAlarmsResponse, ListAlarmsResponse__Output as _dc_platform_v1_ListAlarmsResponse__Output } from './dc/platform/v1/ListAlarmsResponse.js';
import type { ListHostsRequest as _dc_platform_v1_ListHostsRequest, ListHostsRequest__Output as _dc_platform_v1_ListHostsRequest__Output } from './dc/platform/v1/ListHostsRequest.js';
import type { ListHostsResponse as _dc_platform_v1_ListHostsResponse, ListHostsResponse__Output as _dc_platform_v1_ListHostsResponse__Output } from './dc/platform/v1/ListHostsResponse.js';
import type { ListNetworkAddrPoolsRequest as _dc_platform_v1_ListNetworkAddrPoolsRequest, ListNetworkAddrPoolsRequest__Output as _dc_platform_v1_ListNetworkAddrPoolsRequest__Output } from './dc/platform/v1/ListNetworkAddrPoolsRequest.js';
import type { ListNetworkAddrPoolsResponse as _dc_platform_v1_ListNetworkAddrPoolsResponse, ListNetworkAddrPoolsResponse__Output as _dc_platform_v1_ListNetworkAddrPoolsResponse__Output } from './dc/platform/v1/ListNetworkAddrPoolsResponse.js';
import type { ListNetworksRequest as _dc_platform_v1_ListNetworksRequest, ListNetworksRequest__Output as _dc_platform_v1_ListNetworksRequest__Output } from './dc/platform/v1/ListNetworksRequest.js';
import type { ListNetworksResponse as _dc_platform_v1_ListNetworksResponse, ListNetworksResponse__Output as _dc_platform_v1_ListNetworksResponse__Output } from './dc/platform/v1/ListNetworksResponse.js';
import type { Network as _dc_platform_v1_Network, Network__Output as _dc_platform_v1_Network__Output } from './dc/platform/v1/Network.js';
import type { NetworkAdd as _dc_platform_v1_NetworkAdd, NetworkAdd__Output as _dc_platform_v1_NetworkAdd__Output } from './dc/platform/v1/NetworkAdd.js';
import type { NetworkAddrPool as _dc_platform_v1_NetworkAddrPool, NetworkAddrPool__Output as _dc_platform_v1_NetworkAddrPool__Output } from './dc/platform/v1/NetworkAddrPool.js';
import type { NetworkAddrPoolAssign as _dc_platform_v1_NetworkAddrPoolAssign, NetworkAddrPoolAssign__Output as _dc_platform_v1_NetworkAddrPoolAssign__Output } from './dc/platform/v1/NetworkAddrPoolAssign.js';
import type { NetworkAddrPoolMutation as _dc_platform_v1_NetworkAddrPoolMutation, NetworkAddrPoolMutation__Output as _dc_platform_v1_NetworkAddrPoolMutation__Output } from './dc/platform/v1/NetworkAddrPoolMutation.js';
import type { NetworkAddrPoolRemove as _dc_platform_v1_NetworkAddrPoolRemove, NetworkAddrPoolRemove__Output as _dc_platform_v1_NetworkAddrPoolRemove__Output } from './dc/platform/v1/NetworkAddrPoolRemove.js';
import type { NetworkDelete as _dc_platform_v1_NetworkDelete, NetworkDelete__Output as _dc_platform_v1_NetworkDelete__Output } from './dc/platform/v1/NetworkDelete.js';
import type { NetworkMutation as _dc_platform_v1_NetworkMutation, NetworkMutation__Output as _dc_platform_v1_NetworkMutation__Output } from './dc/platform/v1/NetworkMutation.js';
import type { PlanRequest as _dc_platform_v1_PlanRequest, PlanRequest__Output as _dc_platform_v1_PlanRequest__Output } from './dc/platform/v1/PlanRequest.js';
import type { PlanResponse as _dc_platform_v1_PlanResponse, PlanResponse__Output as _dc_platform_v1_PlanResponse__Output } from './dc/platform/v1/PlanResponse.js';
import type { PlatformClient as _dc_platform_v1_PlatformClient, PlatformDefinition as _dc_platform_v1_PlatformDefinition } from './dc/platform/v1/Platform.js';
import type { ReconfiguredEffect as _dc_platform_v1_ReconfiguredEffect, ReconfiguredEffect__Output as _dc_platform_v1_ReconfiguredEffect__Output } from './dc/platform/v1/ReconfiguredEffect.js';
import type { StorageReconfiguredEffect as _dc_platform_v1_StorageReconfiguredEffect, StorageReconfiguredEffect__Output as _dc_platform_v1_StorageReconfiguredEffect__Output } from './dc/platform/v1/StorageReconfiguredEffect.js';
import type { System as _dc_platform_v1_System, System__Output as _dc_platform_v1_System__Output } from './dc/platform/v1/System.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  dc: {
    agent: {
      v1: {
        AddressCalls: MessageTypeDefinition<_dc_agent_v1_AddressCalls, _dc_agent_v1_AddressCalls__Output>
        /**
         * A subcloud agent as its controller sees it.
         */
        Agent: SubtypeConstructor<typeof grpc.Client, _dc_agent_v1_AgentClient> & { service: _dc_agent_v1_AgentDefinition }
        AlarmSummary: MessageTypeDefinition<_dc_agent_v1_AlarmSummary, _dc_agent_v1_AlarmSummary__Output>
        ApplyRequest: MessageTypeDefinition<_dc_agent_v1_ApplyRequest, _dc_agent_v1_ApplyRequest__Output>
        ApplyResponse: MessageTypeDefinition<_dc_agent_v1_ApplyResponse, _dc_agent_v1_ApplyResponse__Output>
        BootstrapRequest: MessageTypeDefinition<_dc_agent_v1_BootstrapRequest, _dc_agent_v1_BootstrapRequest__Output>
        ClaimRequest: MessageTypeDefinition<_dc_agent_v1_ClaimRequest, _dc_agent_v1_ClaimRequest__Output>
        ClaimResponse: MessageTypeDefinition<_dc_agent_v1_ClaimResponse, _dc_agent_v1_ClaimResponse__Output>
        ComponentRestarts: MessageTypeDefinition<_dc_agent_v1_ComponentRestarts, _dc_agent_v1_ComponentRestarts__Output>
        DescribeRequest: MessageTypeDefinition<_dc_agent_v1_DescribeRequest, _dc_agent_v1_DescribeRequest__Output>
        DescribeResponse: MessageTypeDefinition<_dc_agent_v1_DescribeResponse, _dc_agent_v1_DescribeResponse__Output>
        Heartbeat: MessageTypeDefinition<_dc_agent_v1_Heartbeat, _dc_agent_v1_Heartbeat__Output>
        OwnerRequest: MessageTypeDefinition<_dc_agent_v1_OwnerRequest, _dc_agent_v1_OwnerRequest__Output>
        PlatformReply: MessageTypeDefinition<_dc_agent_v1_PlatformReply, _dc_agent_v1_PlatformReply__Output>
        StateSummary: MessageTypeDefinition<_dc_agent_v1_StateSummary, _dc_agent_v1_StateSummary__Output>
        WatchEvent: MessageTypeDefinition<_dc_agent_v1_WatchEvent, _dc_agent_v1_WatchEvent__Output>
        WatchRequest: MessageTypeDefinition<_dc_agent_v1_WatchRequest, _dc_agent_v1_WatchRequest__Output>
      }
    }
    platform: {
      v1: {
        AddrPoolAdd: MessageTypeDefinition<_dc_platform_v1_AddrPoolAdd, _dc_platform_v1_AddrPoolAdd__Output>
        AddrPoolDelete: MessageTypeDefinition<_dc_platform_v1_AddrPoolDelete, _dc_platform_v1_AddrPoolDelete__Output>
        AddrPoolModify: MessageTypeDefinition<_dc_platform_v1_AddrPoolModify, _dc_platform_v1_AddrPoolModify__Output>
        Address: MessageTypeDefinition<_dc_platform_v1_Address, _dc_platform_v1_Address__Output>
        AddressPool: MessageTypeDefinition<_dc_platform_v1_AddressPool, _dc_platform_v1_AddressPool__Output>
        AddressPoolMutation: MessageTypeDefinition<_dc_platform_v1_AddressPoolMutation, _dc_platform_v1_AddressPoolMutation__Output>
        AddressRange: MessageTypeDefinition<_dc_platform_v1_AddressRange, _dc_platform_v1_AddressRange__Output>
        AddressRangeList: MessageTypeDefinition<_dc_platform_v1_AddressRangeList, _dc_platform_v1_AddressRangeList__Output>
        AddressUpdate: MessageTypeDefinition<_dc_platform_v1_AddressUpdate, _dc_platform_v1_AddressUpdate__Output>
        AddressesEffect: MessageTypeDefinition<_dc_platform_v1_AddressesEffect, _dc_platform_v1_AddressesEffect__Output>
        AdminReconfiguredEffect: MessageTypeDefinition<_dc_platform_v1_AdminReconfiguredEffect, _dc_platform_v1_AdminReconfiguredEffect__Output>
        Alarm: MessageTypeDefinition<_dc_platform_v1_Alarm, _dc_platform_v1_Alarm__Output>
        AlarmClearedEffect: MessageTypeDefinition<_dc_platform_v1_AlarmClearedEffect, _dc_platform_v1_AlarmClearedEffect__Output>
        Command: MessageTypeDefinition<_dc_platform_v1_Command, _dc_platform_v1_Command__Output>
        CommandEffects: MessageTypeDefinition<_dc_platform_v1_CommandEffects, _dc_platform_v1_CommandEffects__Output>
        CommandError: MessageTypeDefinition<_dc_platform_v1_CommandError, _dc_platform_v1_CommandError__Output>
        CommandResult: MessageTypeDefinition<_dc_platform_v1_CommandResult, _dc_platform_v1_CommandResult__Output>
        ComponentRestartEffect: MessageTypeDefinition<_dc_platform_v1_ComponentRestartEffect, _dc_platform_v1_ComponentRestartEffect__Output>
        Effect: MessageTypeDefinition<_dc_platform_v1_Effect, _dc_platform_v1_Effect__Output>
        GetAddressPoolRequest: MessageTypeDefinition<_dc_platform_v1_GetAddressPoolRequest, _dc_platform_v1_GetAddressPoolRequest__Output>
        GetHostRequest: MessageTypeDefinition<_dc_platform_v1_GetHostRequest, _dc_platform_v1_GetHostRequest__Output>
        GetNetworkAddrPoolRequest: MessageTypeDefinition<_dc_platform_v1_GetNetworkAddrPoolRequest, _dc_platform_v1_GetNetworkAddrPoolRequest__Output>
        GetNetworkRequest: MessageTypeDefinition<_dc_platform_v1_GetNetworkRequest, _dc_platform_v1_GetNetworkRequest__Output>
        GetSystemRequest: MessageTypeDefinition<_dc_platform_v1_GetSystemRequest, _dc_platform_v1_GetSystemRequest__Output>
        Host: MessageTypeDefinition<_dc_platform_v1_Host, _dc_platform_v1_Host__Output>
        HostConfigOutOfDateEffect: MessageTypeDefinition<_dc_platform_v1_HostConfigOutOfDateEffect, _dc_platform_v1_HostConfigOutOfDateEffect__Output>
        HostEffect: MessageTypeDefinition<_dc_platform_v1_HostEffect, _dc_platform_v1_HostEffect__Output>
        HostLock: MessageTypeDefinition<_dc_platform_v1_HostLock, _dc_platform_v1_HostLock__Output>
        HostMutation: MessageTypeDefinition<_dc_platform_v1_HostMutation, _dc_platform_v1_HostMutation__Output>
        HostSwact: MessageTypeDefinition<_dc_platform_v1_HostSwact, _dc_platform_v1_HostSwact__Output>
        HostUnlock: MessageTypeDefinition<_dc_platform_v1_HostUnlock, _dc_platform_v1_HostUnlock__Output>
        KubernetesDualStackEffect: MessageTypeDefinition<_dc_platform_v1_KubernetesDualStackEffect, _dc_platform_v1_KubernetesDualStackEffect__Output>
        ListAddressPoolsRequest: MessageTypeDefinition<_dc_platform_v1_ListAddressPoolsRequest, _dc_platform_v1_ListAddressPoolsRequest__Output>
        ListAddressPoolsResponse: MessageTypeDefinition<_dc_platform_v1_ListAddressPoolsResponse, _dc_platform_v1_ListAddressPoolsResponse__Output>
        ListAlarmsRequest: MessageTypeDefinition<_dc_platform_v1_ListAlarmsRequest, _dc_platform_v1_ListAlarmsRequest__Output>
        ListAlarmsResponse: MessageTypeDefinition<_dc_platform_v1_ListAlarmsResponse, _dc_platform_v1_ListAlarmsResponse__Output>
        ListHostsRequest: MessageTypeDefinition<_dc_platform_v1_ListHostsRequest, _dc_platform_v1_ListHostsRequest__Output>
        ListHostsResponse: MessageTypeDefinition<_dc_platform_v1_ListHostsResponse, _dc_platform_v1_ListHostsResponse__Output>
        ListNetworkAddrPoolsRequest: MessageTypeDefinition<_dc_platform_v1_ListNetworkAddrPoolsRequest, _dc_platform_v1_ListNetworkAddrPoolsRequest__Output>
        ListNetworkAddrPoolsResponse: MessageTypeDefinition<_dc_platform_v1_ListNetworkAddrPoolsResponse, _dc_platform_v1_ListNetworkAddrPoolsResponse__Output>
        ListNetworksRequest: MessageTypeDefinition<_dc_platform_v1_ListNetworksRequest, _dc_platform_v1_ListNetworksRequest__Output>
        ListNetworksResponse: MessageTypeDefinition<_dc_platform_v1_ListNetworksResponse, _dc_platform_v1_ListNetworksResponse__Output>
        Network: MessageTypeDefinition<_dc_platform_v1_Network, _dc_platform_v1_Network__Output>
        NetworkAdd: MessageTypeDefinition<_dc_platform_v1_NetworkAdd, _dc_platform_v1_NetworkAdd__Output>
        NetworkAddrPool: MessageTypeDefinition<_dc_platform_v1_NetworkAddrPool, _dc_platform_v1_NetworkAddrPool__Output>
        NetworkAddrPoolAssign: MessageTypeDefinition<_dc_platform_v1_NetworkAddrPoolAssign, _dc_platform_v1_NetworkAddrPoolAssign__Output>
        NetworkAddrPoolMutation: MessageTypeDefinition<_dc_platform_v1_NetworkAddrPoolMutation, _dc_platform_v1_NetworkAddrPoolMutation__Output>
        NetworkAddrPoolRemove: MessageTypeDefinition<_dc_platform_v1_NetworkAddrPoolRemove, _dc_platform_v1_NetworkAddrPoolRemove__Output>
        NetworkDelete: MessageTypeDefinition<_dc_platform_v1_NetworkDelete, _dc_platform_v1_NetworkDelete__Output>
        NetworkMutation: MessageTypeDefinition<_dc_platform_v1_NetworkMutation, _dc_platform_v1_NetworkMutation__Output>
        PlanRequest: MessageTypeDefinition<_dc_platform_v1_PlanRequest, _dc_platform_v1_PlanRequest__Output>
        PlanResponse: MessageTypeDefinition<_dc_platform_v1_PlanResponse, _dc_platform_v1_PlanResponse__Output>
        /**
         * The `system` and `fm` commands of one site. Mutations apply one command each, as a change of
         * their own; use Plan for a dry run of several.
         */
        Platform: SubtypeConstructor<typeof grpc.Client, _dc_platform_v1_PlatformClient> & { service: _dc_platform_v1_PlatformDefinition }
        ReconfiguredEffect: MessageTypeDefinition<_dc_platform_v1_ReconfiguredEffect, _dc_platform_v1_ReconfiguredEffect__Output>
        StorageReconfiguredEffect: MessageTypeDefinition<_dc_platform_v1_StorageReconfiguredEffect, _dc_platform_v1_StorageReconfiguredEffect__Output>
        System: MessageTypeDefinition<_dc_platform_v1_System, _dc_platform_v1_System__Output>
      }
    }
  }
}

