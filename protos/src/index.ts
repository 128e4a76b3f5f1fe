/**
 * The gRPC contracts of the project: the loader, the standard services (health, reflection), the
 * metadata keys, the promise form of client calls, and the generated types under their proto
 * names (`Foo` is what a sender may pass, `Foo__Output` what a receiver gets with the loader's
 * options: defaults filled, longs as decimal strings).
 *
 * @example
 * const { dc } = loadProtos()
 * const client: AgentClient = new dc.agent.v1.Agent(target, credentials)
 * const described = await unaryCall<DescribeResponse__Output>((cb) => client.Describe({}, options, cb))
 */
export { loadProtoDefinition, loadProtos, protoLocation } from './load-protos.js'
export type { DcProtoGrpcType, ProtoLocation } from './load-protos.js'
export { SERVICE_NAMES, addStandardServices } from './standard-services.js'
export type { ServiceName, StandardServicesOptions } from './standard-services.js'
export { MAX_BOOTSTRAP_VALUES_BYTES } from './bootstrap-values-limit.js'
export {
  ERROR_DETAIL_METADATA_KEY,
  REGION_METADATA_KEY,
  REQUEST_ID_METADATA_KEY,
  SYSTEM_CONTROLLER_REGION,
} from './metadata.js'
export { errorDetailMetadata, readErrorDetail } from './error-detail.js'
export type { CommandCase, EffectCase, GeoEventCase, WatchEventCase } from './oneof-cases.js'
export { describeGrpcError, unaryCall } from './unary-call.js'
export { watchEventDeserializer } from './watch-event-decoder.js'
export type { WatchEventDeserialize } from './watch-event-decoder.js'

export type { PlatformClient, PlatformDefinition, PlatformHandlers } from '../gen/dc/platform/v1/Platform.js'
export type { AddrPoolAdd, AddrPoolAdd__Output } from '../gen/dc/platform/v1/AddrPoolAdd.js'
export type { AddrPoolDelete, AddrPoolDelete__Output } from '../gen/dc/platform/v1/AddrPoolDelete.js'
export type { AddrPoolModify, AddrPoolModify__Output } from '../gen/dc/platform/v1/AddrPoolModify.js'
export type { Address, Address__Output } from '../gen/dc/platform/v1/Address.js'
export type { AddressPool, AddressPool__Output } from '../gen/dc/platform/v1/AddressPool.js'
export type {
  AddressPoolMutation,
  AddressPoolMutation__Output,
} from '../gen/dc/platform/v1/AddressPoolMutation.js'
export type { AddressRange, AddressRange__Output } from '../gen/dc/platform/v1/AddressRange.js'
export type { AddressRangeList, AddressRangeList__Output } from '../gen/dc/platform/v1/AddressRangeList.js'
export type { AddressUpdate, AddressUpdate__Output } from '../gen/dc/platform/v1/AddressUpdate.js'
export type { AddressesEffect, AddressesEffect__Output } from '../gen/dc/platform/v1/AddressesEffect.js'
export type {
  AdminReconfiguredEffect,
  AdminReconfiguredEffect__Output,
} from '../gen/dc/platform/v1/AdminReconfiguredEffect.js'
export type { Alarm, Alarm__Output } from '../gen/dc/platform/v1/Alarm.js'
export type {
  AlarmClearedEffect,
  AlarmClearedEffect__Output,
} from '../gen/dc/platform/v1/AlarmClearedEffect.js'
export type { Command, Command__Output } from '../gen/dc/platform/v1/Command.js'
export type { CommandEffects, CommandEffects__Output } from '../gen/dc/platform/v1/CommandEffects.js'
export type { CommandError, CommandError__Output } from '../gen/dc/platform/v1/CommandError.js'
export type { CommandResult, CommandResult__Output } from '../gen/dc/platform/v1/CommandResult.js'
export type {
  ComponentRestartEffect,
  ComponentRestartEffect__Output,
} from '../gen/dc/platform/v1/ComponentRestartEffect.js'
export type { Effect, Effect__Output } from '../gen/dc/platform/v1/Effect.js'
export type {
  GetAddressPoolRequest,
  GetAddressPoolRequest__Output,
} from '../gen/dc/platform/v1/GetAddressPoolRequest.js'
export type { GetHostRequest, GetHostRequest__Output } from '../gen/dc/platform/v1/GetHostRequest.js'
export type {
  GetNetworkAddrPoolRequest,
  GetNetworkAddrPoolRequest__Output,
} from '../gen/dc/platform/v1/GetNetworkAddrPoolRequest.js'
export type { GetNetworkRequest, GetNetworkRequest__Output } from '../gen/dc/platform/v1/GetNetworkRequest.js'
export type { GetSystemRequest, GetSystemRequest__Output } from '../gen/dc/platform/v1/GetSystemRequest.js'
export type { Host, Host__Output } from '../gen/dc/platform/v1/Host.js'
export type {
  HostConfigOutOfDateEffect,
  HostConfigOutOfDateEffect__Output,
} from '../gen/dc/platform/v1/HostConfigOutOfDateEffect.js'
export type { HostEffect, HostEffect__Output } from '../gen/dc/platform/v1/HostEffect.js'
export type { HostLock, HostLock__Output } from '../gen/dc/platform/v1/HostLock.js'
export type { HostMutation, HostMutation__Output } from '../gen/dc/platform/v1/HostMutation.js'
export type { HostSwact, HostSwact__Output } from '../gen/dc/platform/v1/HostSwact.js'
export type { HostUnlock, HostUnlock__Output } from '../gen/dc/platform/v1/HostUnlock.js'
export type {
  KubernetesDualStackEffect,
  KubernetesDualStackEffect__Output,
} from '../gen/dc/platform/v1/KubernetesDualStackEffect.js'
export type {
  ListAddressPoolsRequest,
  ListAddressPoolsRequest__Output,
} from '../gen/dc/platform/v1/ListAddressPoolsRequest.js'
export type {
  ListAddressPoolsResponse,
  ListAddressPoolsResponse__Output,
} from '../gen/dc/platform/v1/ListAddressPoolsResponse.js'
export type { ListAlarmsRequest, ListAlarmsRequest__Output } from '../gen/dc/platform/v1/ListAlarmsRequest.js'
export type {
  ListAlarmsResponse,
  ListAlarmsResponse__Output,
} from '../gen/dc/platform/v1/ListAlarmsResponse.js'
export type { ListHostsRequest, ListHostsRequest__Output } from '../gen/dc/platform/v1/ListHostsRequest.js'
export type { ListHostsResponse, ListHostsResponse__Output } from '../gen/dc/platform/v1/ListHostsResponse.js'
export type {
  ListNetworkAddrPoolsRequest,
  ListNetworkAddrPoolsRequest__Output,
} from '../gen/dc/platform/v1/ListNetworkAddrPoolsRequest.js'
export type {
  ListNetworkAddrPoolsResponse,
  ListNetworkAddrPoolsResponse__Output,
} from '../gen/dc/platform/v1/ListNetworkAddrPoolsResponse.js'
export type {
  ListNetworksRequest,
  ListNetworksRequest__Output,
} from '../gen/dc/platform/v1/ListNetworksRequest.js'
export type {
  ListNetworksResponse,
  ListNetworksResponse__Output,
} from '../gen/dc/platform/v1/ListNetworksResponse.js'
export type { Network, Network__Output } from '../gen/dc/platform/v1/Network.js'
export type { NetworkAdd, NetworkAdd__Output } from '../gen/dc/platform/v1/NetworkAdd.js'
export type { NetworkAddrPool, NetworkAddrPool__Output } from '../gen/dc/platform/v1/NetworkAddrPool.js'
export type {
  NetworkAddrPoolAssign,
  NetworkAddrPoolAssign__Output,
} from '../gen/dc/platform/v1/NetworkAddrPoolAssign.js'
export type {
  NetworkAddrPoolMutation,
  NetworkAddrPoolMutation__Output,
} from '../gen/dc/platform/v1/NetworkAddrPoolMutation.js'
export type {
  NetworkAddrPoolRemove,
  NetworkAddrPoolRemove__Output,
} from '../gen/dc/platform/v1/NetworkAddrPoolRemove.js'
export type { NetworkDelete, NetworkDelete__Output } from '../gen/dc/platform/v1/NetworkDelete.js'
export type { NetworkMutation, NetworkMutation__Output } from '../gen/dc/platform/v1/NetworkMutation.js'
export type { PlanRequest, PlanRequest__Output } from '../gen/dc/platform/v1/PlanRequest.js'
export type { PlanResponse, PlanResponse__Output } from '../gen/dc/platform/v1/PlanResponse.js'
export type {
  ReconfiguredEffect,
  ReconfiguredEffect__Output,
} from '../gen/dc/platform/v1/ReconfiguredEffect.js'
export type {
  StorageReconfiguredEffect,
  StorageReconfiguredEffect__Output,
} from '../gen/dc/platform/v1/StorageReconfiguredEffect.js'
export type { System, System__Output } from '../gen/dc/platform/v1/System.js'
export type { AgentClient, AgentDefinition, AgentHandlers } from '../gen/dc/agent/v1/Agent.js'
export type { AddressCalls, AddressCalls__Output } from '../gen/dc/agent/v1/AddressCalls.js'
export type { AlarmSummary, AlarmSummary__Output } from '../gen/dc/agent/v1/AlarmSummary.js'
export type { ApplyRequest, ApplyRequest__Output } from '../gen/dc/agent/v1/ApplyRequest.js'
export type { ApplyResponse, ApplyResponse__Output } from '../gen/dc/agent/v1/ApplyResponse.js'
export type { BootstrapRequest, BootstrapRequest__Output } from '../gen/dc/agent/v1/BootstrapRequest.js'
export type { ClaimRequest, ClaimRequest__Output } from '../gen/dc/agent/v1/ClaimRequest.js'
export type { ClaimResponse, ClaimResponse__Output } from '../gen/dc/agent/v1/ClaimResponse.js'
export type { ComponentRestarts, ComponentRestarts__Output } from '../gen/dc/agent/v1/ComponentRestarts.js'
export type { DescribeRequest, DescribeRequest__Output } from '../gen/dc/agent/v1/DescribeRequest.js'
export type { DescribeResponse, DescribeResponse__Output } from '../gen/dc/agent/v1/DescribeResponse.js'
export type { Heartbeat, Heartbeat__Output } from '../gen/dc/agent/v1/Heartbeat.js'
export type { PlatformReply, PlatformReply__Output } from '../gen/dc/agent/v1/PlatformReply.js'
export type { StateSummary, StateSummary__Output } from '../gen/dc/agent/v1/StateSummary.js'
export type { WatchEvent, WatchEvent__Output } from '../gen/dc/agent/v1/WatchEvent.js'
export type { WatchRequest, WatchRequest__Output } from '../gen/dc/agent/v1/WatchRequest.js'
export type {
  DcManagerClient,
  DcManagerDefinition,
  DcManagerHandlers,
} from '../gen/dc/manager/v1/DcManager.js'
export type {
  AddPeerGroupAssociationRequest,
  AddPeerGroupAssociationRequest__Output,
} from '../gen/dc/manager/v1/AddPeerGroupAssociationRequest.js'
export type {
  AddSubcloudGroupRequest,
  AddSubcloudGroupRequest__Output,
} from '../gen/dc/manager/v1/AddSubcloudGroupRequest.js'
export type {
  AddSubcloudPeerGroupRequest,
  AddSubcloudPeerGroupRequest__Output,
} from '../gen/dc/manager/v1/AddSubcloudPeerGroupRequest.js'
export type {
  AddSubcloudRequest,
  AddSubcloudRequest__Output,
} from '../gen/dc/manager/v1/AddSubcloudRequest.js'
export type {
  AddSystemPeerRequest,
  AddSystemPeerRequest__Output,
} from '../gen/dc/manager/v1/AddSystemPeerRequest.js'
export type {
  DeleteSubcloudRequest,
  DeleteSubcloudRequest__Output,
} from '../gen/dc/manager/v1/DeleteSubcloudRequest.js'
export type {
  EndpointSyncStatus,
  EndpointSyncStatus__Output,
} from '../gen/dc/manager/v1/EndpointSyncStatus.js'
export type {
  GetSubcloudErrorsRequest,
  GetSubcloudErrorsRequest__Output,
} from '../gen/dc/manager/v1/GetSubcloudErrorsRequest.js'
export type {
  GetSubcloudRequest,
  GetSubcloudRequest__Output,
} from '../gen/dc/manager/v1/GetSubcloudRequest.js'
export type {
  ListPeerGroupAssociationsRequest,
  ListPeerGroupAssociationsRequest__Output,
} from '../gen/dc/manager/v1/ListPeerGroupAssociationsRequest.js'
export type {
  ListPeerGroupAssociationsResponse,
  ListPeerGroupAssociationsResponse__Output,
} from '../gen/dc/manager/v1/ListPeerGroupAssociationsResponse.js'
export type {
  ListSubcloudGroupsRequest,
  ListSubcloudGroupsRequest__Output,
} from '../gen/dc/manager/v1/ListSubcloudGroupsRequest.js'
export type {
  ListSubcloudGroupsResponse,
  ListSubcloudGroupsResponse__Output,
} from '../gen/dc/manager/v1/ListSubcloudGroupsResponse.js'
export type {
  ListSubcloudPeerGroupsRequest,
  ListSubcloudPeerGroupsRequest__Output,
} from '../gen/dc/manager/v1/ListSubcloudPeerGroupsRequest.js'
export type {
  ListSubcloudPeerGroupsResponse,
  ListSubcloudPeerGroupsResponse__Output,
} from '../gen/dc/manager/v1/ListSubcloudPeerGroupsResponse.js'
export type {
  ListSubcloudsRequest,
  ListSubcloudsRequest__Output,
} from '../gen/dc/manager/v1/ListSubcloudsRequest.js'
export type {
  ListSubcloudsResponse,
  ListSubcloudsResponse__Output,
} from '../gen/dc/manager/v1/ListSubcloudsResponse.js'
export type {
  ListSystemPeersRequest,
  ListSystemPeersRequest__Output,
} from '../gen/dc/manager/v1/ListSystemPeersRequest.js'
export type {
  ListSystemPeersResponse,
  ListSystemPeersResponse__Output,
} from '../gen/dc/manager/v1/ListSystemPeersResponse.js'
export type {
  ManageSubcloudRequest,
  ManageSubcloudRequest__Output,
} from '../gen/dc/manager/v1/ManageSubcloudRequest.js'
export type {
  MigrateSubcloudPeerGroupRequest,
  MigrateSubcloudPeerGroupRequest__Output,
} from '../gen/dc/manager/v1/MigrateSubcloudPeerGroupRequest.js'
export type {
  PeerGroupAssociation,
  PeerGroupAssociation__Output,
} from '../gen/dc/manager/v1/PeerGroupAssociation.js'
export type {
  PeerGroupAssociationRef,
  PeerGroupAssociationRef__Output,
} from '../gen/dc/manager/v1/PeerGroupAssociationRef.js'
export type { Subcloud, Subcloud__Output } from '../gen/dc/manager/v1/Subcloud.js'
export type {
  SubcloudAlarmSummary,
  SubcloudAlarmSummary__Output,
} from '../gen/dc/manager/v1/SubcloudAlarmSummary.js'
export type { SubcloudDetail, SubcloudDetail__Output } from '../gen/dc/manager/v1/SubcloudDetail.js'
export type { SubcloudErrors, SubcloudErrors__Output } from '../gen/dc/manager/v1/SubcloudErrors.js'
export type { SubcloudGroup, SubcloudGroup__Output } from '../gen/dc/manager/v1/SubcloudGroup.js'
export type { SubcloudGroupRef, SubcloudGroupRef__Output } from '../gen/dc/manager/v1/SubcloudGroupRef.js'
export type { SubcloudPeerGroup, SubcloudPeerGroup__Output } from '../gen/dc/manager/v1/SubcloudPeerGroup.js'
export type {
  SubcloudPeerGroupRef,
  SubcloudPeerGroupRef__Output,
} from '../gen/dc/manager/v1/SubcloudPeerGroupRef.js'
export type {
  SubcloudPeerGroupStatus,
  SubcloudPeerGroupStatus__Output,
} from '../gen/dc/manager/v1/SubcloudPeerGroupStatus.js'
export type { SystemPeer, SystemPeer__Output } from '../gen/dc/manager/v1/SystemPeer.js'
export type { SystemPeerRef, SystemPeerRef__Output } from '../gen/dc/manager/v1/SystemPeerRef.js'
export type {
  UnmanageSubcloudRequest,
  UnmanageSubcloudRequest__Output,
} from '../gen/dc/manager/v1/UnmanageSubcloudRequest.js'
export type {
  UpdatePeerGroupAssociationRequest,
  UpdatePeerGroupAssociationRequest__Output,
} from '../gen/dc/manager/v1/UpdatePeerGroupAssociationRequest.js'
export type {
  UpdateSubcloudGroupRequest,
  UpdateSubcloudGroupRequest__Output,
} from '../gen/dc/manager/v1/UpdateSubcloudGroupRequest.js'
export type {
  UpdateSubcloudPeerGroupRequest,
  UpdateSubcloudPeerGroupRequest__Output,
} from '../gen/dc/manager/v1/UpdateSubcloudPeerGroupRequest.js'
export type {
  UpdateSubcloudRequest,
  UpdateSubcloudRequest__Output,
} from '../gen/dc/manager/v1/UpdateSubcloudRequest.js'
export type {
  UpdateSystemPeerRequest,
  UpdateSystemPeerRequest__Output,
} from '../gen/dc/manager/v1/UpdateSystemPeerRequest.js'
export type {
  CreateNetworkStrategyRequest,
  CreateNetworkStrategyRequest__Output,
} from '../gen/dc/manager/v1/CreateNetworkStrategyRequest.js'
export type {
  GetStrategyStepRequest,
  GetStrategyStepRequest__Output,
} from '../gen/dc/manager/v1/GetStrategyStepRequest.js'
export type {
  ListStrategyStepsRequest,
  ListStrategyStepsRequest__Output,
} from '../gen/dc/manager/v1/ListStrategyStepsRequest.js'
export type {
  ListStrategyStepsResponse,
  ListStrategyStepsResponse__Output,
} from '../gen/dc/manager/v1/ListStrategyStepsResponse.js'
export type { NetworkStrategy, NetworkStrategy__Output } from '../gen/dc/manager/v1/NetworkStrategy.js'
export type {
  NetworkStrategyRequest,
  NetworkStrategyRequest__Output,
} from '../gen/dc/manager/v1/NetworkStrategyRequest.js'
export type { StepStateCount, StepStateCount__Output } from '../gen/dc/manager/v1/StepStateCount.js'
export type { StrategyStep, StrategyStep__Output } from '../gen/dc/manager/v1/StrategyStep.js'
// faults: fault history
export type { AlarmDetail, AlarmDetail__Output } from '../gen/dc/manager/v1/AlarmDetail.js'
export type { Event, Event__Output } from '../gen/dc/manager/v1/Event.js'
export type { GetAlarmRequest, GetAlarmRequest__Output } from '../gen/dc/manager/v1/GetAlarmRequest.js'
export type {
  GetAlarmSummaryRequest,
  GetAlarmSummaryRequest__Output,
} from '../gen/dc/manager/v1/GetAlarmSummaryRequest.js'
export type {
  GetAlarmSummaryResponse,
  GetAlarmSummaryResponse__Output,
} from '../gen/dc/manager/v1/GetAlarmSummaryResponse.js'
export type { ListEventsRequest, ListEventsRequest__Output } from '../gen/dc/manager/v1/ListEventsRequest.js'
export type {
  ListEventsResponse,
  ListEventsResponse__Output,
} from '../gen/dc/manager/v1/ListEventsResponse.js'
export type { SubcloudAlarms, SubcloudAlarms__Output } from '../gen/dc/manager/v1/SubcloudAlarms.js'
// dc.geo.v1, the controllers' site-to-site messages; its Heartbeat is GeoHeartbeat beside dc.agent.v1's.
export type {
  AdministrativeState,
  AdministrativeState__Output,
} from '../gen/dc/geo/v1/AdministrativeState.js'
export type { ApplyAck, ApplyAck__Output } from '../gen/dc/geo/v1/ApplyAck.js'
export type { AssociationRemoved, AssociationRemoved__Output } from '../gen/dc/geo/v1/AssociationRemoved.js'
export type { GeoEvent, GeoEvent__Output } from '../gen/dc/geo/v1/GeoEvent.js'
export type { GroupState, GroupState__Output } from '../gen/dc/geo/v1/GroupState.js'
export type {
  Heartbeat as GeoHeartbeat,
  Heartbeat__Output as GeoHeartbeat__Output,
} from '../gen/dc/geo/v1/Heartbeat.js'
export type { MemberCopy, MemberCopy__Output } from '../gen/dc/geo/v1/MemberCopy.js'
export type { MemberFailure, MemberFailure__Output } from '../gen/dc/geo/v1/MemberFailure.js'
export type { MemberRemoved, MemberRemoved__Output } from '../gen/dc/geo/v1/MemberRemoved.js'
export type { Members, Members__Output } from '../gen/dc/geo/v1/Members.js'
export type { MigrationStatus, MigrationStatus__Output } from '../gen/dc/geo/v1/MigrationStatus.js'
export type { Ownership, Ownership__Output } from '../gen/dc/geo/v1/Ownership.js'
export type { SnapshotEnd, SnapshotEnd__Output } from '../gen/dc/geo/v1/SnapshotEnd.js'
