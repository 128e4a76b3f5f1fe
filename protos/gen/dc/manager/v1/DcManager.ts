// Original file: dc/manager/v1/manager.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AddPeerGroupAssociationRequest as _dc_manager_v1_AddPeerGroupAssociationRequest, AddPeerGroupAssociationRequest__Output as _dc_manager_v1_AddPeerGroupAssociationRequest__Output } from '../../../dc/manager/v1/AddPeerGroupAssociationRequest.js';
import type { AddSubcloudGroupRequest as _dc_manager_v1_AddSubcloudGroupRequest, AddSubcloudGroupRequest__Output as _dc_manager_v1_AddSubcloudGroupRequest__Output } from '../../../dc/manager/v1/AddSubcloudGroupRequest.js';
import type { AddSubcloudPeerGroupRequest as _dc_manager_v1_AddSubcloudPeerGroupRequest, AddSubcloudPeerGroupRequest__Output as _dc_manager_v1_AddSubcloudPeerGroupRequest__Output } from '../../../dc/manager/v1/AddSubcloudPeerGroupRequest.js';
import type { AddSubcloudRequest as _dc_manager_v1_AddSubcloudRequest, AddSubcloudRequest__Output as _dc_manager_v1_AddSubcloudRequest__Output } from '../../../dc/manager/v1/AddSubcloudRequest.js';
import type { AddSystemPeerRequest as _dc_manager_v1_AddSystemPeerRequest, AddSystemPeerRequest__Output as _dc_manager_v1_AddSystemPeerRequest__Output } from '../../../dc/manager/v1/AddSystemPeerRequest.js';
import type { AlarmDetail as _dc_manager_v1_AlarmDetail, AlarmDetail__Output as _dc_manager_v1_AlarmDetail__Output } from '../../../dc/manager/v1/AlarmDetail.js';
import type { CreateNetworkStrategyRequest as _dc_manager_v1_CreateNetworkStrategyRequest, CreateNetworkStrategyRequest__Output as _dc_manager_v1_CreateNetworkStrategyRequest__Output } from '../../../dc/manager/v1/CreateNetworkStrategyRequest.js';
import type { DeleteSubcloudRequest as _dc_manager_v1_DeleteSubcloudRequest, DeleteSubcloudRequest__Output as _dc_manager_v1_DeleteSubcloudRequest__Output } from '../../../dc/manager/v1/DeleteSubcloudRequest.js';
import type { GetAlarmRequest as _dc_manager_v1_GetAlarmRequest, GetAlarmRequest__Output as _dc_manager_v1_GetAlarmRequest__Output } from '../../../dc/manager/v1/GetAlarmRequest.js';
import type { GetAlarmSummaryRequest as _dc_manager_v1_GetAlarmSummaryRequest, GetAlarmSummaryRequest__Output as _dc_manager_v1_GetAlarmSummaryRequest__Output } from '../../../dc/manager/v1/GetAlarmSummaryRequest.js';
import type { GetAlarmSummaryResponse as _dc_manager_v1_GetAlarmSummaryResponse, GetAlarmSummaryResponse__Output as _dc_manager_v1_GetAlarmSummaryResponse__Output } from '../../../dc/manager/v1/GetAlarmSummaryResponse.js';
import type { GetStrategyStepRequest as _dc_manager_v1_GetStrategyStepRequest, GetStrategyStepRequest__Output as _dc_manager_v1_GetStrategyStepRequest__Output } from '../../../dc/manager/v1/GetStrategyStepRequest.js';
import type { GetSubcloudErrorsRequest as _dc_manager_v1_GetSubcloudErrorsRequest, GetSubcloudErrorsRequest__Output as _dc_manager_v1_GetSubcloudErrorsRequest__Output } from '../../../dc/manager/v1/GetSubcloudErrorsRequest.js';
import type { GetSubcloudRequest as _dc_manager_v1_GetSubcloudRequest, GetSubcloudRequest__Output as _dc_manager_v1_GetSubcloudRequest__Output } from '../../../dc/manager/v1/GetSubcloudRequest.js';
import type { ListEventsRequest as _dc_manager_v1_ListEventsRequest, ListEventsRequest__Output as _dc_manager_v1_ListEventsRequest__Output } from '../../../dc/manager/v1/ListEventsRequest.js';
import type { ListEventsResponse as _dc_manager_v1_ListEventsResponse, ListEventsResponse__Output as _dc_manager_v1_ListEventsResponse__Output } from '../../../dc/manager/v1/ListEventsResponse.js';
import type { ListPeerGroupAssociationsRequest as _dc_manager_v1_ListPeerGroupAssociationsRequest, ListPeerGroupAssociationsRequest__Output as _dc_manager_v1_ListPeerGroupAssociationsRequest__Output } from '../../../dc/manager/v1/ListPeerGroupAssociationsRequest.js';
import type { ListPeerGroupAssociationsResponse as _dc_manager_v1_ListPeerGroupAssociationsResponse, ListPeerGroupAssociationsResponse__Output as _dc_manager_v1_ListPeerGroupAssociationsResponse__Output } from '../../../dc/manager/v1/ListPeerGroupAssociationsResponse.js';
import type { ListStrategyStepsRequest as _dc_manager_v1_ListStrategyStepsRequest, ListStrategyStepsRequest__Output as _dc_manager_v1_ListStrategyStepsRequest__Output } from '../../../dc/manager/v1/ListStrategyStepsRequest.js';
import type { ListStrategyStepsResponse as _dc_manager_v1_ListStrategyStepsResponse, ListStrategyStepsResponse__Output as _dc_manager_v1_ListStrategyStepsResponse__Output } from '../../../dc/manager/v1/ListStrategyStepsResponse.js';
import type { ListSubcloudGroupsRequest as _dc_manager_v1_ListSubcloudGroupsRequest, ListSubcloudGroupsRequest__Output as _dc_manager_v1_ListSubcloudGroupsRequest__Output } from '../../../dc/manager/v1/ListSubcloudGroupsRequest.js';
import type { ListSubcloudGroupsResponse as _dc_manager_v1_ListSubcloudGroupsResponse, ListSubcloudGroupsResponse__Output as _dc_manager_v1_ListSubcloudGroupsResponse__Output } from '../../../dc/manager/v1/ListSubcloudGroupsResponse.js';
import type { ListSubcloudPeerGroupsRequest as _dc_manager_v1_ListSubcloudPeerGroupsRequest, ListSubcloudPeerGroupsRequest__Output as _dc_manager_v1_ListSubcloudPeerGroupsRequest__Output } from '../../../dc/manager/v1/ListSubcloudPeerGroupsRequest.js';
import type { ListSubcloudPeerGroupsResponse as _dc_manager_v1_ListSubcloudPeerGroupsResponse, ListSubcloudPeerGroupsResponse__Output as _dc_manager_v1_ListSubcloudPeerGroupsResponse__Output } from '../../../dc/manager/v1/ListSubcloudPeerGroupsResponse.js';
import type { ListSubcloudsRequest as _dc_manager_v1_ListSubcloudsRequest, ListSubcloudsRequest__Output as _dc_manager_v1_ListSubcloudsRequest__Output } from '../../../dc/manager/v1/ListSubcloudsRequest.js';
import type { ListSubcloudsResponse as _dc_manager_v1_ListSubcloudsResponse, ListSubcloudsResponse__Output as _dc_manager_v1_ListSubcloudsResponse__Output } from '../../../dc/manager/v1/ListSubcloudsResponse.js';
import type { ListSystemPeersRequest as _dc_manager_v1_ListSystemPeersRequest, ListSystemPeersRequest__Output as _dc_manager_v1_ListSystemPeersRequest__Output } from '../../../dc/manager/v1/ListSystemPeersRequest.js';
import type { ListSystemPeersResponse as _dc_manager_v1_ListSystemPeersResponse, ListSystemPeersResponse__Output as _dc_manager_v1_ListSystemPeersResponse__Output } from '../../../dc/manager/v1/ListSystemPeersResponse.js';
import type { ManageSubcloudRequest as _dc_manager_v1_ManageSubcloudRequest, ManageSubcloudRequest__Output as _dc_manager_v1_ManageSubcloudRequest__Output } from '../../../dc/manager/v1/ManageSubcloudRequest.js';
import type { MigrateSubcloudPeerGroupRequest as _dc_manager_v1_MigrateSubcloudPeerGroupRequest, MigrateSubcloudPeerGroupRequest__Output as _dc_manager_v1_MigrateSubcloudPeerGroupRequest__Output } from '../../../dc/manager/v1/MigrateSubcloudPeerGroupRequest.js';
import type { NetworkStrategy as _dc_manager_v1_NetworkStrategy, NetworkStrategy__Output as _dc_manager_v1_NetworkStrategy__Output } from '../../../dc/manager/v1/NetworkStrategy.js';
import type { NetworkStrategyRequest as _dc_manager_v1_NetworkStrategyRequest, NetworkStrategyRequest__Output as _dc_manager_v1_NetworkStrategyRequest__Output } from '../../../dc/manager/v1/NetworkStrategyRequest.js';
import type { PeerGroupAssociation as _dc_manager_v1_PeerGroupAssociation, PeerGroupAssociation__Output as _dc_manager_v1_PeerGroupAssociation__Output } from '../../../dc/manager/v1/PeerGroupAssociation.js';
import type { PeerGroupAssociationRef as _dc_manager_v1_PeerGroupAssociationRef, PeerGroupAssociationRef__Output as _dc_manager_v1_PeerGroupAssociationRef__Output } from '../../../dc/manager/v1/PeerGroupAssociationRef.js';
import type { RedeploySubcloudRequest as _dc_manager_v1_RedeploySubcloudRequest, RedeploySubcloudRequest__Output as _dc_manager_v1_RedeploySubcloudRequest__Output } from '../../../dc/manager/v1/RedeploySubcloudRequest.js';
import type { StrategyStep as _dc_manager_v1_StrategyStep, StrategyStep__Output as _dc_manager_v1_StrategyStep__Output } from '../../../dc/manager/v1/StrategyStep.js';
import type { Subcloud as _dc_manager_v1_Subcloud, Subcloud__Output as _dc_manager_v1_Subcloud__Output } from '../../../dc/manager/v1/Subcloud.js';
import type { SubcloudDeployRequest as _dc_manager_v1_SubcloudDeployRequest, SubcloudDeployRequest__Output as _dc_manager_v1_SubcloudDeployRequest__Output } from '../../../dc/manager/v1/SubcloudDeployRequest.js';
import type { SubcloudErrors as _dc_manager_v1_SubcloudErrors, SubcloudErrors__Output as _dc_manager_v1_SubcloudErrors__Output } from '../../../dc/manager/v1/SubcloudErrors.js';
import type { SubcloudGroup as _dc_manager_v1_SubcloudGroup, SubcloudGroup__Output as _dc_manager_v1_SubcloudGroup__Output } from '../../../dc/manager/v1/SubcloudGroup.js';
import type { SubcloudGroupRef as _dc_manager_v1_SubcloudGroupRef, SubcloudGroupRef__Output as _dc_manager_v1_SubcloudGroupRef__Output } from '../../../dc/manager/v1/SubcloudGroupRef.js';
import type { SubcloudPeerGroup as _dc_manager_v1_SubcloudPeerGroup, SubcloudPeerGroup__Output as _dc_manager_v1_SubcloudPeerGroup__Output } from '../../../dc/manager/v1/SubcloudPeerGroup.js';
import type { SubcloudPeerGroupRef as _dc_manager_v1_SubcloudPeerGroupRef, SubcloudPeerGroupRef__Output as _dc_manager_v1_SubcloudPeerGroupRef__Output } from '../../../dc/manager/v1/SubcloudPeerGroupRef.js';
import type { SubcloudPeerGroupStatus as _dc_manager_v1_SubcloudPeerGroupStatus, SubcloudPeerGroupStatus__Output as _dc_manager_v1_SubcloudPeerGroupStatus__Output } from '../../../dc/manager/v1/SubcloudPeerGroupStatus.js';
import type { SystemPeer as _dc_manager_v1_SystemPeer, SystemPeer__Output as _dc_manager_v1_SystemPeer__Output } from '../../../dc/manager/v1/SystemPeer.js';
import type { SystemPeerRef as _dc_manager_v1_SystemPeerRef, SystemPeerRef__Output as _dc_manager_v1_SystemPeerRef__Output } from '../../../dc/manager/v1/SystemPeerRef.js';
import type { UnmanageSubcloudRequest as _dc_manager_v1_UnmanageSubcloudRequest, UnmanageSubcloudRequest__Output as _dc_manager_v1_UnmanageSubcloudRequest__Output } from '../../../dc/manager/v1/UnmanageSubcloudRequest.js';
import type { UpdatePeerGroupAssociationRequest as _dc_manager_v1_UpdatePeerGroupAssociationRequest, UpdatePeerGroupAssociationRequest__Output as _dc_manager_v1_UpdatePeerGroupAssociationRequest__Output } from '../../../dc/manager/v1/UpdatePeerGroupAssociationRequest.js';
import type { UpdateSubcloudGroupRequest as _dc_manager_v1_UpdateSubcloudGroupRequest, UpdateSubcloudGroupRequest__Output as _dc_manager_v1_UpdateSubcloudGroupRequest__Output } from '../../../dc/manager/v1/UpdateSubcloudGroupRequest.js';
import type { UpdateSubcloudPeerGroupRequest as _dc_manager_v1_UpdateSubcloudPeerGroupRequest, UpdateSubcloudPeerGroupRequest__Output as _dc_manager_v1_UpdateSubcloudPeerGroupRequest__Output } from '../../../dc/manager/v1/UpdateSubcloudPeerGroupRequest.js';
import type { UpdateSubcloudRequest as _dc_manager_v1_UpdateSubcloudRequest, UpdateSubcloudRequest__Output as _dc_manager_v1_UpdateSubcloudRequest__Output } from '../../../dc/manager/v1/UpdateSubcloudRequest.js';
import type { UpdateSystemPeerRequest as _dc_manager_v1_UpdateSystemPeerRequest, UpdateSystemPeerRequest__Output as _dc_manager_v1_UpdateSystemPeerRequest__Output } from '../../../dc/manager/v1/UpdateSystemPeerRequest.js';

/**
 * The dcmanager API of the system controller.
 */
export interface DcManagerClient extends grpc.Client {
  /**
   * `network-strategy abort`: in-flight steps finish, no new one starts.
   */
  AbortNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  AbortNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  AbortNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  AbortNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  /**
   * `network-strategy abort`: in-flight steps finish, no new one starts.
   */
  abortNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  abortNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  abortNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  abortNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  
  /**
   * `subcloud deploy abort`: a deploy in its bootstrap phase stops, aborting-bootstrap then bootstrap-aborted.
   */
  AbortSubcloudDeploy(argument: _dc_manager_v1_SubcloudDeployRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  AbortSubcloudDeploy(argument: _dc_manager_v1_SubcloudDeployRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  AbortSubcloudDeploy(argument: _dc_manager_v1_SubcloudDeployRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  AbortSubcloudDeploy(argument: _dc_manager_v1_SubcloudDeployRequest, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  /**
   * `subcloud deploy abort`: a deploy in its bootstrap phase stops, aborting-bootstrap then bootstrap-aborted.
   */
  abortSubcloudDeploy(argument: _dc_manager_v1_SubcloudDeployRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  abortSubcloudDeploy(argument: _dc_manager_v1_SubcloudDeployRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  abortSubcloudDeploy(argument: _dc_manager_v1_SubcloudDeployRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  abortSubcloudDeploy(argument: _dc_manager_v1_SubcloudDeployRequest, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  
  /**
   * `peer-group-association add`.
   */
  AddPeerGroupAssociation(argument: _dc_manager_v1_AddPeerGroupAssociationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  AddPeerGroupAssociation(argument: _dc_manager_v1_AddPeerGroupAssociationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  AddPeerGroupAssociation(argument: _dc_manager_v1_AddPeerGroupAssociationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  AddPeerGroupAssociation(argument: _dc_manager_v1_AddPeerGroupAssociationRequest, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  /**
   * `peer-group-association add`.
   */
  addPeerGroupAssociation(argument: _dc_manager_v1_AddPeerGroupAssociationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  addPeerGroupAssociation(argument: _dc_manager_v1_AddPeerGroupAssociationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  addPeerGroupAssociation(argument: _dc_manager_v1_AddPeerGroupAssociationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  addPeerGroupAssociation(argument: _dc_manager_v1_AddPeerGroupAssociationRequest, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  
  /**
   * `subcloud add`: validates synchronously (every violation at once), then deploys in the background;
   * returns the subcloud as created (deploy_status not-deployed).
   */
  AddSubcloud(argument: _dc_manager_v1_AddSubcloudRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  AddSubcloud(argument: _dc_manager_v1_AddSubcloudRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  AddSubcloud(argument: _dc_manager_v1_AddSubcloudRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  AddSubcloud(argument: _dc_manager_v1_AddSubcloudRequest, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  /**
   * `subcloud add`: validates synchronously (every violation at once), then deploys in the background;
   * returns the subcloud as created (deploy_status not-deployed).
   */
  addSubcloud(argument: _dc_manager_v1_AddSubcloudRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  addSubcloud(argument: _dc_manager_v1_AddSubcloudRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  addSubcloud(argument: _dc_manager_v1_AddSubcloudRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  addSubcloud(argument: _dc_manager_v1_AddSubcloudRequest, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  
  /**
   * `subcloud-group add`.
   */
  AddSubcloudGroup(argument: _dc_manager_v1_AddSubcloudGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  AddSubcloudGroup(argument: _dc_manager_v1_AddSubcloudGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  AddSubcloudGroup(argument: _dc_manager_v1_AddSubcloudGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  AddSubcloudGroup(argument: _dc_manager_v1_AddSubcloudGroupRequest, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  /**
   * `subcloud-group add`.
   */
  addSubcloudGroup(argument: _dc_manager_v1_AddSubcloudGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  addSubcloudGroup(argument: _dc_manager_v1_AddSubcloudGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  addSubcloudGroup(argument: _dc_manager_v1_AddSubcloudGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  addSubcloudGroup(argument: _dc_manager_v1_AddSubcloudGroupRequest, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  
  /**
   * `subcloud-peer-group add`.
   */
  AddSubcloudPeerGroup(argument: _dc_manager_v1_AddSubcloudPeerGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  AddSubcloudPeerGroup(argument: _dc_manager_v1_AddSubcloudPeerGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  AddSubcloudPeerGroup(argument: _dc_manager_v1_AddSubcloudPeerGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  AddSubcloudPeerGroup(argument: _dc_manager_v1_AddSubcloudPeerGroupRequest, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  /**
   * `subcloud-peer-group add`.
   */
  addSubcloudPeerGroup(argument: _dc_manager_v1_AddSubcloudPeerGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  addSubcloudPeerGroup(argument: _dc_manager_v1_AddSubcloudPeerGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  addSubcloudPeerGroup(argument: _dc_manager_v1_AddSubcloudPeerGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  addSubcloudPeerGroup(argument: _dc_manager_v1_AddSubcloudPeerGroupRequest, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  
  /**
   * `system-peer add`.
   */
  AddSystemPeer(argument: _dc_manager_v1_AddSystemPeerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  AddSystemPeer(argument: _dc_manager_v1_AddSystemPeerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  AddSystemPeer(argument: _dc_manager_v1_AddSystemPeerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  AddSystemPeer(argument: _dc_manager_v1_AddSystemPeerRequest, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  /**
   * `system-peer add`.
   */
  addSystemPeer(argument: _dc_manager_v1_AddSystemPeerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  addSystemPeer(argument: _dc_manager_v1_AddSystemPeerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  addSystemPeer(argument: _dc_manager_v1_AddSystemPeerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  addSystemPeer(argument: _dc_manager_v1_AddSystemPeerRequest, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  
  /**
   * `network-strategy apply`: starts applying; FAILED_PRECONDITION while a step is refused or the
   * strategy is not initial.
   */
  ApplyNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  ApplyNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  ApplyNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  ApplyNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  /**
   * `network-strategy apply`: starts applying; FAILED_PRECONDITION while a step is refused or the
   * strategy is not initial.
   */
  applyNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  applyNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  applyNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  applyNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  
  /**
   * `network-strategy create`: a dry run of the whole fleet, stored with one step per subcloud;
   * ALREADY_EXISTS while a strategy exists.
   */
  CreateNetworkStrategy(argument: _dc_manager_v1_CreateNetworkStrategyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  CreateNetworkStrategy(argument: _dc_manager_v1_CreateNetworkStrategyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  CreateNetworkStrategy(argument: _dc_manager_v1_CreateNetworkStrategyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  CreateNetworkStrategy(argument: _dc_manager_v1_CreateNetworkStrategyRequest, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  /**
   * `network-strategy create`: a dry run of the whole fleet, stored with one step per subcloud;
   * ALREADY_EXISTS while a strategy exists.
   */
  createNetworkStrategy(argument: _dc_manager_v1_CreateNetworkStrategyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  createNetworkStrategy(argument: _dc_manager_v1_CreateNetworkStrategyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  createNetworkStrategy(argument: _dc_manager_v1_CreateNetworkStrategyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  createNetworkStrategy(argument: _dc_manager_v1_CreateNetworkStrategyRequest, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  
  /**
   * `network-strategy delete`: refused while applying or aborting; returns the strategy as it was.
   */
  DeleteNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  DeleteNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  DeleteNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  DeleteNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  /**
   * `network-strategy delete`: refused while applying or aborting; returns the strategy as it was.
   */
  deleteNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  deleteNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  deleteNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  deleteNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  
  /**
   * `peer-group-association delete`: returns the association as it was.
   */
  DeletePeerGroupAssociation(argument: _dc_manager_v1_PeerGroupAssociationRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  DeletePeerGroupAssociation(argument: _dc_manager_v1_PeerGroupAssociationRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  DeletePeerGroupAssociation(argument: _dc_manager_v1_PeerGroupAssociationRef, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  DeletePeerGroupAssociation(argument: _dc_manager_v1_PeerGroupAssociationRef, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  /**
   * `peer-group-association delete`: returns the association as it was.
   */
  deletePeerGroupAssociation(argument: _dc_manager_v1_PeerGroupAssociationRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  deletePeerGroupAssociation(argument: _dc_manager_v1_PeerGroupAssociationRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  deletePeerGroupAssociation(argument: _dc_manager_v1_PeerGroupAssociationRef, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  deletePeerGroupAssociation(argument: _dc_manager_v1_PeerGroupAssociationRef, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  
  /**
   * `subcloud delete`: returns the subcloud as it was.
   */
  DeleteSubcloud(argument: _dc_manager_v1_DeleteSubcloudRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  DeleteSubcloud(argument: _dc_manager_v1_DeleteSubcloudRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  DeleteSubcloud(argument: _dc_manager_v1_DeleteSubcloudRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  DeleteSubcloud(argument: _dc_manager_v1_DeleteSubcloudRequest, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  /**
   * `subcloud delete`: returns the subcloud as it was.
   */
  deleteSubcloud(argument: _dc_manager_v1_DeleteSubcloudRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  deleteSubcloud(argument: _dc_manager_v1_DeleteSubcloudRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  deleteSubcloud(argument: _dc_manager_v1_DeleteSubcloudRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  deleteSubcloud(argument: _dc_manager_v1_DeleteSubcloudRequest, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  
  /**
   * `subcloud-group delete`: returns the group as it was.
   */
  DeleteSubcloudGroup(argument: _dc_manager_v1_SubcloudGroupRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  DeleteSubcloudGroup(argument: _dc_manager_v1_SubcloudGroupRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  DeleteSubcloudGroup(argument: _dc_manager_v1_SubcloudGroupRef, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  DeleteSubcloudGroup(argument: _dc_manager_v1_SubcloudGroupRef, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  /**
   * `subcloud-group delete`: returns the group as it was.
   */
  deleteSubcloudGroup(argument: _dc_manager_v1_SubcloudGroupRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  deleteSubcloudGroup(argument: _dc_manager_v1_SubcloudGroupRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  deleteSubcloudGroup(argument: _dc_manager_v1_SubcloudGroupRef, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  deleteSubcloudGroup(argument: _dc_manager_v1_SubcloudGroupRef, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  
  /**
   * `subcloud-peer-group delete`: returns the peer group as it was.
   */
  DeleteSubcloudPeerGroup(argument: _dc_manager_v1_SubcloudPeerGroupRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  DeleteSubcloudPeerGroup(argument: _dc_manager_v1_SubcloudPeerGroupRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  DeleteSubcloudPeerGroup(argument: _dc_manager_v1_SubcloudPeerGroupRef, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  DeleteSubcloudPeerGroup(argument: _dc_manager_v1_SubcloudPeerGroupRef, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  /**
   * `subcloud-peer-group delete`: returns the peer group as it was.
   */
  deleteSubcloudPeerGroup(argument: _dc_manager_v1_SubcloudPeerGroupRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  deleteSubcloudPeerGroup(argument: _dc_manager_v1_SubcloudPeerGroupRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  deleteSubcloudPeerGroup(argument: _dc_manager_v1_SubcloudPeerGroupRef, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  deleteSubcloudPeerGroup(argument: _dc_manager_v1_SubcloudPeerGroupRef, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  
  /**
   * `system-peer delete`: returns the peer as it was.
   */
  DeleteSystemPeer(argument: _dc_manager_v1_SystemPeerRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  DeleteSystemPeer(argument: _dc_manager_v1_SystemPeerRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  DeleteSystemPeer(argument: _dc_manager_v1_SystemPeerRef, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  DeleteSystemPeer(argument: _dc_manager_v1_SystemPeerRef, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  /**
   * `system-peer delete`: returns the peer as it was.
   */
  deleteSystemPeer(argument: _dc_manager_v1_SystemPeerRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  deleteSystemPeer(argument: _dc_manager_v1_SystemPeerRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  deleteSystemPeer(argument: _dc_manager_v1_SystemPeerRef, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  deleteSystemPeer(argument: _dc_manager_v1_SystemPeerRef, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  
  /**
   * `fm alarm-show`: an active alarm the controller holds, by uuid; NOT_FOUND when none has it.
   */
  GetAlarm(argument: _dc_manager_v1_GetAlarmRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_AlarmDetail__Output>): grpc.ClientUnaryCall;
  GetAlarm(argument: _dc_manager_v1_GetAlarmRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_AlarmDetail__Output>): grpc.ClientUnaryCall;
  GetAlarm(argument: _dc_manager_v1_GetAlarmRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_AlarmDetail__Output>): grpc.ClientUnaryCall;
  GetAlarm(argument: _dc_manager_v1_GetAlarmRequest, callback: grpc.requestCallback<_dc_manager_v1_AlarmDetail__Output>): grpc.ClientUnaryCall;
  /**
   * `fm alarm-show`: an active alarm the controller holds, by uuid; NOT_FOUND when none has it.
   */
  getAlarm(argument: _dc_manager_v1_GetAlarmRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_AlarmDetail__Output>): grpc.ClientUnaryCall;
  getAlarm(argument: _dc_manager_v1_GetAlarmRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_AlarmDetail__Output>): grpc.ClientUnaryCall;
  getAlarm(argument: _dc_manager_v1_GetAlarmRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_AlarmDetail__Output>): grpc.ClientUnaryCall;
  getAlarm(argument: _dc_manager_v1_GetAlarmRequest, callback: grpc.requestCallback<_dc_manager_v1_AlarmDetail__Output>): grpc.ClientUnaryCall;
  
  /**
   * `dcmanager alarm summary`: per subcloud, the active alarms of its region by severity.
   */
  GetAlarmSummary(argument: _dc_manager_v1_GetAlarmSummaryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_GetAlarmSummaryResponse__Output>): grpc.ClientUnaryCall;
  GetAlarmSummary(argument: _dc_manager_v1_GetAlarmSummaryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_GetAlarmSummaryResponse__Output>): grpc.ClientUnaryCall;
  GetAlarmSummary(argument: _dc_manager_v1_GetAlarmSummaryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_GetAlarmSummaryResponse__Output>): grpc.ClientUnaryCall;
  GetAlarmSummary(argument: _dc_manager_v1_GetAlarmSummaryRequest, callback: grpc.requestCallback<_dc_manager_v1_GetAlarmSummaryResponse__Output>): grpc.ClientUnaryCall;
  /**
   * `dcmanager alarm summary`: per subcloud, the active alarms of its region by severity.
   */
  getAlarmSummary(argument: _dc_manager_v1_GetAlarmSummaryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_GetAlarmSummaryResponse__Output>): grpc.ClientUnaryCall;
  getAlarmSummary(argument: _dc_manager_v1_GetAlarmSummaryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_GetAlarmSummaryResponse__Output>): grpc.ClientUnaryCall;
  getAlarmSummary(argument: _dc_manager_v1_GetAlarmSummaryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_GetAlarmSummaryResponse__Output>): grpc.ClientUnaryCall;
  getAlarmSummary(argument: _dc_manager_v1_GetAlarmSummaryRequest, callback: grpc.requestCallback<_dc_manager_v1_GetAlarmSummaryResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * `network-strategy show`; NOT_FOUND when there is none.
   */
  GetNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  GetNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  GetNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  GetNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  /**
   * `network-strategy show`; NOT_FOUND when there is none.
   */
  getNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  getNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  getNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  getNetworkStrategy(argument: _dc_manager_v1_NetworkStrategyRequest, callback: grpc.requestCallback<_dc_manager_v1_NetworkStrategy__Output>): grpc.ClientUnaryCall;
  
  /**
   * `peer-group-association show`.
   */
  GetPeerGroupAssociation(argument: _dc_manager_v1_PeerGroupAssociationRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  GetPeerGroupAssociation(argument: _dc_manager_v1_PeerGroupAssociationRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  GetPeerGroupAssociation(argument: _dc_manager_v1_PeerGroupAssociationRef, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  GetPeerGroupAssociation(argument: _dc_manager_v1_PeerGroupAssociationRef, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  /**
   * `peer-group-association show`.
   */
  getPeerGroupAssociation(argument: _dc_manager_v1_PeerGroupAssociationRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  getPeerGroupAssociation(argument: _dc_manager_v1_PeerGroupAssociationRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  getPeerGroupAssociation(argument: _dc_manager_v1_PeerGroupAssociationRef, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  getPeerGroupAssociation(argument: _dc_manager_v1_PeerGroupAssociationRef, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  
  /**
   * `strategy-step show`.
   */
  GetStrategyStep(argument: _dc_manager_v1_GetStrategyStepRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_StrategyStep__Output>): grpc.ClientUnaryCall;
  GetStrategyStep(argument: _dc_manager_v1_GetStrategyStepRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_StrategyStep__Output>): grpc.ClientUnaryCall;
  GetStrategyStep(argument: _dc_manager_v1_GetStrategyStepRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_StrategyStep__Output>): grpc.ClientUnaryCall;
  GetStrategyStep(argument: _dc_manager_v1_GetStrategyStepRequest, callback: grpc.requestCallback<_dc_manager_v1_StrategyStep__Output>): grpc.ClientUnaryCall;
  /**
   * `strategy-step show`.
   */
  getStrategyStep(argument: _dc_manager_v1_GetStrategyStepRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_StrategyStep__Output>): grpc.ClientUnaryCall;
  getStrategyStep(argument: _dc_manager_v1_GetStrategyStepRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_StrategyStep__Output>): grpc.ClientUnaryCall;
  getStrategyStep(argument: _dc_manager_v1_GetStrategyStepRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_StrategyStep__Output>): grpc.ClientUnaryCall;
  getStrategyStep(argument: _dc_manager_v1_GetStrategyStepRequest, callback: grpc.requestCallback<_dc_manager_v1_StrategyStep__Output>): grpc.ClientUnaryCall;
  
  /**
   * `subcloud show`.
   */
  GetSubcloud(argument: _dc_manager_v1_GetSubcloudRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  GetSubcloud(argument: _dc_manager_v1_GetSubcloudRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  GetSubcloud(argument: _dc_manager_v1_GetSubcloudRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  GetSubcloud(argument: _dc_manager_v1_GetSubcloudRequest, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  /**
   * `subcloud show`.
   */
  getSubcloud(argument: _dc_manager_v1_GetSubcloudRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  getSubcloud(argument: _dc_manager_v1_GetSubcloudRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  getSubcloud(argument: _dc_manager_v1_GetSubcloudRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  getSubcloud(argument: _dc_manager_v1_GetSubcloudRequest, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  
  /**
   * `subcloud errors`.
   */
  GetSubcloudErrors(argument: _dc_manager_v1_GetSubcloudErrorsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudErrors__Output>): grpc.ClientUnaryCall;
  GetSubcloudErrors(argument: _dc_manager_v1_GetSubcloudErrorsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_SubcloudErrors__Output>): grpc.ClientUnaryCall;
  GetSubcloudErrors(argument: _dc_manager_v1_GetSubcloudErrorsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudErrors__Output>): grpc.ClientUnaryCall;
  GetSubcloudErrors(argument: _dc_manager_v1_GetSubcloudErrorsRequest, callback: grpc.requestCallback<_dc_manager_v1_SubcloudErrors__Output>): grpc.ClientUnaryCall;
  /**
   * `subcloud errors`.
   */
  getSubcloudErrors(argument: _dc_manager_v1_GetSubcloudErrorsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudErrors__Output>): grpc.ClientUnaryCall;
  getSubcloudErrors(argument: _dc_manager_v1_GetSubcloudErrorsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_SubcloudErrors__Output>): grpc.ClientUnaryCall;
  getSubcloudErrors(argument: _dc_manager_v1_GetSubcloudErrorsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudErrors__Output>): grpc.ClientUnaryCall;
  getSubcloudErrors(argument: _dc_manager_v1_GetSubcloudErrorsRequest, callback: grpc.requestCallback<_dc_manager_v1_SubcloudErrors__Output>): grpc.ClientUnaryCall;
  
  /**
   * `subcloud-group show`.
   */
  GetSubcloudGroup(argument: _dc_manager_v1_SubcloudGroupRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  GetSubcloudGroup(argument: _dc_manager_v1_SubcloudGroupRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  GetSubcloudGroup(argument: _dc_manager_v1_SubcloudGroupRef, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  GetSubcloudGroup(argument: _dc_manager_v1_SubcloudGroupRef, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  /**
   * `subcloud-group show`.
   */
  getSubcloudGroup(argument: _dc_manager_v1_SubcloudGroupRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  getSubcloudGroup(argument: _dc_manager_v1_SubcloudGroupRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  getSubcloudGroup(argument: _dc_manager_v1_SubcloudGroupRef, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  getSubcloudGroup(argument: _dc_manager_v1_SubcloudGroupRef, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  
  /**
   * `subcloud-peer-group show`.
   */
  GetSubcloudPeerGroup(argument: _dc_manager_v1_SubcloudPeerGroupRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  GetSubcloudPeerGroup(argument: _dc_manager_v1_SubcloudPeerGroupRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  GetSubcloudPeerGroup(argument: _dc_manager_v1_SubcloudPeerGroupRef, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  GetSubcloudPeerGroup(argument: _dc_manager_v1_SubcloudPeerGroupRef, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  /**
   * `subcloud-peer-group show`.
   */
  getSubcloudPeerGroup(argument: _dc_manager_v1_SubcloudPeerGroupRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  getSubcloudPeerGroup(argument: _dc_manager_v1_SubcloudPeerGroupRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  getSubcloudPeerGroup(argument: _dc_manager_v1_SubcloudPeerGroupRef, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  getSubcloudPeerGroup(argument: _dc_manager_v1_SubcloudPeerGroupRef, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  
  /**
   * `subcloud-peer-group status`.
   */
  GetSubcloudPeerGroupStatus(argument: _dc_manager_v1_SubcloudPeerGroupRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroupStatus__Output>): grpc.ClientUnaryCall;
  GetSubcloudPeerGroupStatus(argument: _dc_manager_v1_SubcloudPeerGroupRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroupStatus__Output>): grpc.ClientUnaryCall;
  GetSubcloudPeerGroupStatus(argument: _dc_manager_v1_SubcloudPeerGroupRef, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroupStatus__Output>): grpc.ClientUnaryCall;
  GetSubcloudPeerGroupStatus(argument: _dc_manager_v1_SubcloudPeerGroupRef, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroupStatus__Output>): grpc.ClientUnaryCall;
  /**
   * `subcloud-peer-group status`.
   */
  getSubcloudPeerGroupStatus(argument: _dc_manager_v1_SubcloudPeerGroupRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroupStatus__Output>): grpc.ClientUnaryCall;
  getSubcloudPeerGroupStatus(argument: _dc_manager_v1_SubcloudPeerGroupRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroupStatus__Output>): grpc.ClientUnaryCall;
  getSubcloudPeerGroupStatus(argument: _dc_manager_v1_SubcloudPeerGroupRef, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroupStatus__Output>): grpc.ClientUnaryCall;
  getSubcloudPeerGroupStatus(argument: _dc_manager_v1_SubcloudPeerGroupRef, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroupStatus__Output>): grpc.ClientUnaryCall;
  
  /**
   * `system-peer show`.
   */
  GetSystemPeer(argument: _dc_manager_v1_SystemPeerRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  GetSystemPeer(argument: _dc_manager_v1_SystemPeerRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  GetSystemPeer(argument: _dc_manager_v1_SystemPeerRef, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  GetSystemPeer(argument: _dc_manager_v1_SystemPeerRef, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  /**
   * `system-peer show`.
   */
  getSystemPeer(argument: _dc_manager_v1_SystemPeerRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  getSystemPeer(argument: _dc_manager_v1_SystemPeerRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  getSystemPeer(argument: _dc_manager_v1_SystemPeerRef, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  getSystemPeer(argument: _dc_manager_v1_SystemPeerRef, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  
  /**
   * faults: fault history
   * `fm event-list`: the alarms raised and cleared in a region, newest first, from the
   * controller's fault history. INVALID_ARGUMENT names `query` or `limit` when they are malformed.
   */
  ListEvents(argument: _dc_manager_v1_ListEventsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  ListEvents(argument: _dc_manager_v1_ListEventsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  ListEvents(argument: _dc_manager_v1_ListEventsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  ListEvents(argument: _dc_manager_v1_ListEventsRequest, callback: grpc.requestCallback<_dc_manager_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * faults: fault history
   * `fm event-list`: the alarms raised and cleared in a region, newest first, from the
   * controller's fault history. INVALID_ARGUMENT names `query` or `limit` when they are malformed.
   */
  listEvents(argument: _dc_manager_v1_ListEventsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  listEvents(argument: _dc_manager_v1_ListEventsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  listEvents(argument: _dc_manager_v1_ListEventsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  listEvents(argument: _dc_manager_v1_ListEventsRequest, callback: grpc.requestCallback<_dc_manager_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * `peer-group-association list`.
   */
  ListPeerGroupAssociations(argument: _dc_manager_v1_ListPeerGroupAssociationsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListPeerGroupAssociationsResponse__Output>): grpc.ClientUnaryCall;
  ListPeerGroupAssociations(argument: _dc_manager_v1_ListPeerGroupAssociationsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_ListPeerGroupAssociationsResponse__Output>): grpc.ClientUnaryCall;
  ListPeerGroupAssociations(argument: _dc_manager_v1_ListPeerGroupAssociationsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListPeerGroupAssociationsResponse__Output>): grpc.ClientUnaryCall;
  ListPeerGroupAssociations(argument: _dc_manager_v1_ListPeerGroupAssociationsRequest, callback: grpc.requestCallback<_dc_manager_v1_ListPeerGroupAssociationsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * `peer-group-association list`.
   */
  listPeerGroupAssociations(argument: _dc_manager_v1_ListPeerGroupAssociationsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListPeerGroupAssociationsResponse__Output>): grpc.ClientUnaryCall;
  listPeerGroupAssociations(argument: _dc_manager_v1_ListPeerGroupAssociationsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_ListPeerGroupAssociationsResponse__Output>): grpc.ClientUnaryCall;
  listPeerGroupAssociations(argument: _dc_manager_v1_ListPeerGroupAssociationsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListPeerGroupAssociationsResponse__Output>): grpc.ClientUnaryCall;
  listPeerGroupAssociations(argument: _dc_manager_v1_ListPeerGroupAssociationsRequest, callback: grpc.requestCallback<_dc_manager_v1_ListPeerGroupAssociationsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * `strategy-step list`.
   */
  ListStrategySteps(argument: _dc_manager_v1_ListStrategyStepsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListStrategyStepsResponse__Output>): grpc.ClientUnaryCall;
  ListStrategySteps(argument: _dc_manager_v1_ListStrategyStepsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_ListStrategyStepsResponse__Output>): grpc.ClientUnaryCall;
  ListStrategySteps(argument: _dc_manager_v1_ListStrategyStepsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListStrategyStepsResponse__Output>): grpc.ClientUnaryCall;
  ListStrategySteps(argument: _dc_manager_v1_ListStrategyStepsRequest, callback: grpc.requestCallback<_dc_manager_v1_ListStrategyStepsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * `strategy-step list`.
   */
  listStrategySteps(argument: _dc_manager_v1_ListStrategyStepsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListStrategyStepsResponse__Output>): grpc.ClientUnaryCall;
  listStrategySteps(argument: _dc_manager_v1_ListStrategyStepsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_ListStrategyStepsResponse__Output>): grpc.ClientUnaryCall;
  listStrategySteps(argument: _dc_manager_v1_ListStrategyStepsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListStrategyStepsResponse__Output>): grpc.ClientUnaryCall;
  listStrategySteps(argument: _dc_manager_v1_ListStrategyStepsRequest, callback: grpc.requestCallback<_dc_manager_v1_ListStrategyStepsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * `subcloud-group list-subclouds`.
   */
  ListSubcloudGroupSubclouds(argument: _dc_manager_v1_SubcloudGroupRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudsResponse__Output>): grpc.ClientUnaryCall;
  ListSubcloudGroupSubclouds(argument: _dc_manager_v1_SubcloudGroupRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudsResponse__Output>): grpc.ClientUnaryCall;
  ListSubcloudGroupSubclouds(argument: _dc_manager_v1_SubcloudGroupRef, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudsResponse__Output>): grpc.ClientUnaryCall;
  ListSubcloudGroupSubclouds(argument: _dc_manager_v1_SubcloudGroupRef, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * `subcloud-group list-subclouds`.
   */
  listSubcloudGroupSubclouds(argument: _dc_manager_v1_SubcloudGroupRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudsResponse__Output>): grpc.ClientUnaryCall;
  listSubcloudGroupSubclouds(argument: _dc_manager_v1_SubcloudGroupRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudsResponse__Output>): grpc.ClientUnaryCall;
  listSubcloudGroupSubclouds(argument: _dc_manager_v1_SubcloudGroupRef, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudsResponse__Output>): grpc.ClientUnaryCall;
  listSubcloudGroupSubclouds(argument: _dc_manager_v1_SubcloudGroupRef, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * `subcloud-group list`.
   */
  ListSubcloudGroups(argument: _dc_manager_v1_ListSubcloudGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListSubcloudGroups(argument: _dc_manager_v1_ListSubcloudGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListSubcloudGroups(argument: _dc_manager_v1_ListSubcloudGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListSubcloudGroups(argument: _dc_manager_v1_ListSubcloudGroupsRequest, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudGroupsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * `subcloud-group list`.
   */
  listSubcloudGroups(argument: _dc_manager_v1_ListSubcloudGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudGroupsResponse__Output>): grpc.ClientUnaryCall;
  listSubcloudGroups(argument: _dc_manager_v1_ListSubcloudGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudGroupsResponse__Output>): grpc.ClientUnaryCall;
  listSubcloudGroups(argument: _dc_manager_v1_ListSubcloudGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudGroupsResponse__Output>): grpc.ClientUnaryCall;
  listSubcloudGroups(argument: _dc_manager_v1_ListSubcloudGroupsRequest, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudGroupsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * `subcloud-peer-group list-subclouds`.
   */
  ListSubcloudPeerGroupSubclouds(argument: _dc_manager_v1_SubcloudPeerGroupRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudsResponse__Output>): grpc.ClientUnaryCall;
  ListSubcloudPeerGroupSubclouds(argument: _dc_manager_v1_SubcloudPeerGroupRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudsResponse__Output>): grpc.ClientUnaryCall;
  ListSubcloudPeerGroupSubclouds(argument: _dc_manager_v1_SubcloudPeerGroupRef, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudsResponse__Output>): grpc.ClientUnaryCall;
  ListSubcloudPeerGroupSubclouds(argument: _dc_manager_v1_SubcloudPeerGroupRef, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * `subcloud-peer-group list-subclouds`.
   */
  listSubcloudPeerGroupSubclouds(argument: _dc_manager_v1_SubcloudPeerGroupRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudsResponse__Output>): grpc.ClientUnaryCall;
  listSubcloudPeerGroupSubclouds(argument: _dc_manager_v1_SubcloudPeerGroupRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudsResponse__Output>): grpc.ClientUnaryCall;
  listSubcloudPeerGroupSubclouds(argument: _dc_manager_v1_SubcloudPeerGroupRef, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudsResponse__Output>): grpc.ClientUnaryCall;
  listSubcloudPeerGroupSubclouds(argument: _dc_manager_v1_SubcloudPeerGroupRef, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * `subcloud-peer-group list`.
   */
  ListSubcloudPeerGroups(argument: _dc_manager_v1_ListSubcloudPeerGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudPeerGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListSubcloudPeerGroups(argument: _dc_manager_v1_ListSubcloudPeerGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudPeerGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListSubcloudPeerGroups(argument: _dc_manager_v1_ListSubcloudPeerGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudPeerGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListSubcloudPeerGroups(argument: _dc_manager_v1_ListSubcloudPeerGroupsRequest, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudPeerGroupsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * `subcloud-peer-group list`.
   */
  listSubcloudPeerGroups(argument: _dc_manager_v1_ListSubcloudPeerGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudPeerGroupsResponse__Output>): grpc.ClientUnaryCall;
  listSubcloudPeerGroups(argument: _dc_manager_v1_ListSubcloudPeerGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudPeerGroupsResponse__Output>): grpc.ClientUnaryCall;
  listSubcloudPeerGroups(argument: _dc_manager_v1_ListSubcloudPeerGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudPeerGroupsResponse__Output>): grpc.ClientUnaryCall;
  listSubcloudPeerGroups(argument: _dc_manager_v1_ListSubcloudPeerGroupsRequest, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudPeerGroupsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * `subcloud list`.
   */
  ListSubclouds(argument: _dc_manager_v1_ListSubcloudsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudsResponse__Output>): grpc.ClientUnaryCall;
  ListSubclouds(argument: _dc_manager_v1_ListSubcloudsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudsResponse__Output>): grpc.ClientUnaryCall;
  ListSubclouds(argument: _dc_manager_v1_ListSubcloudsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudsResponse__Output>): grpc.ClientUnaryCall;
  ListSubclouds(argument: _dc_manager_v1_ListSubcloudsRequest, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * `subcloud list`.
   */
  listSubclouds(argument: _dc_manager_v1_ListSubcloudsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudsResponse__Output>): grpc.ClientUnaryCall;
  listSubclouds(argument: _dc_manager_v1_ListSubcloudsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudsResponse__Output>): grpc.ClientUnaryCall;
  listSubclouds(argument: _dc_manager_v1_ListSubcloudsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudsResponse__Output>): grpc.ClientUnaryCall;
  listSubclouds(argument: _dc_manager_v1_ListSubcloudsRequest, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * `system-peer list-subcloud-peer-groups`: the peer groups this peer leads.
   */
  ListSystemPeerPeerGroups(argument: _dc_manager_v1_SystemPeerRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudPeerGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListSystemPeerPeerGroups(argument: _dc_manager_v1_SystemPeerRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudPeerGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListSystemPeerPeerGroups(argument: _dc_manager_v1_SystemPeerRef, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudPeerGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListSystemPeerPeerGroups(argument: _dc_manager_v1_SystemPeerRef, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudPeerGroupsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * `system-peer list-subcloud-peer-groups`: the peer groups this peer leads.
   */
  listSystemPeerPeerGroups(argument: _dc_manager_v1_SystemPeerRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudPeerGroupsResponse__Output>): grpc.ClientUnaryCall;
  listSystemPeerPeerGroups(argument: _dc_manager_v1_SystemPeerRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudPeerGroupsResponse__Output>): grpc.ClientUnaryCall;
  listSystemPeerPeerGroups(argument: _dc_manager_v1_SystemPeerRef, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudPeerGroupsResponse__Output>): grpc.ClientUnaryCall;
  listSystemPeerPeerGroups(argument: _dc_manager_v1_SystemPeerRef, callback: grpc.requestCallback<_dc_manager_v1_ListSubcloudPeerGroupsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * `system-peer list`.
   */
  ListSystemPeers(argument: _dc_manager_v1_ListSystemPeersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListSystemPeersResponse__Output>): grpc.ClientUnaryCall;
  ListSystemPeers(argument: _dc_manager_v1_ListSystemPeersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_ListSystemPeersResponse__Output>): grpc.ClientUnaryCall;
  ListSystemPeers(argument: _dc_manager_v1_ListSystemPeersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListSystemPeersResponse__Output>): grpc.ClientUnaryCall;
  ListSystemPeers(argument: _dc_manager_v1_ListSystemPeersRequest, callback: grpc.requestCallback<_dc_manager_v1_ListSystemPeersResponse__Output>): grpc.ClientUnaryCall;
  /**
   * `system-peer list`.
   */
  listSystemPeers(argument: _dc_manager_v1_ListSystemPeersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListSystemPeersResponse__Output>): grpc.ClientUnaryCall;
  listSystemPeers(argument: _dc_manager_v1_ListSystemPeersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_ListSystemPeersResponse__Output>): grpc.ClientUnaryCall;
  listSystemPeers(argument: _dc_manager_v1_ListSystemPeersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_ListSystemPeersResponse__Output>): grpc.ClientUnaryCall;
  listSystemPeers(argument: _dc_manager_v1_ListSystemPeersRequest, callback: grpc.requestCallback<_dc_manager_v1_ListSystemPeersResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * `subcloud manage`.
   */
  ManageSubcloud(argument: _dc_manager_v1_ManageSubcloudRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  ManageSubcloud(argument: _dc_manager_v1_ManageSubcloudRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  ManageSubcloud(argument: _dc_manager_v1_ManageSubcloudRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  ManageSubcloud(argument: _dc_manager_v1_ManageSubcloudRequest, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  /**
   * `subcloud manage`.
   */
  manageSubcloud(argument: _dc_manager_v1_ManageSubcloudRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  manageSubcloud(argument: _dc_manager_v1_ManageSubcloudRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  manageSubcloud(argument: _dc_manager_v1_ManageSubcloudRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  manageSubcloud(argument: _dc_manager_v1_ManageSubcloudRequest, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  
  /**
   * `subcloud-peer-group migrate`: starts the migration; returns the peer group (migration_status migrating).
   */
  MigrateSubcloudPeerGroup(argument: _dc_manager_v1_MigrateSubcloudPeerGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  MigrateSubcloudPeerGroup(argument: _dc_manager_v1_MigrateSubcloudPeerGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  MigrateSubcloudPeerGroup(argument: _dc_manager_v1_MigrateSubcloudPeerGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  MigrateSubcloudPeerGroup(argument: _dc_manager_v1_MigrateSubcloudPeerGroupRequest, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  /**
   * `subcloud-peer-group migrate`: starts the migration; returns the peer group (migration_status migrating).
   */
  migrateSubcloudPeerGroup(argument: _dc_manager_v1_MigrateSubcloudPeerGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  migrateSubcloudPeerGroup(argument: _dc_manager_v1_MigrateSubcloudPeerGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  migrateSubcloudPeerGroup(argument: _dc_manager_v1_MigrateSubcloudPeerGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  migrateSubcloudPeerGroup(argument: _dc_manager_v1_MigrateSubcloudPeerGroupRequest, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  
  /**
   * lifecycle: deploy recovery
   * `subcloud redeploy`: the values checked as `subcloud add` checks them, then the agent reset and
   * bootstrapped again in the background; returns the subcloud as the deploy starts.
   */
  RedeploySubcloud(argument: _dc_manager_v1_RedeploySubcloudRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  RedeploySubcloud(argument: _dc_manager_v1_RedeploySubcloudRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  RedeploySubcloud(argument: _dc_manager_v1_RedeploySubcloudRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  RedeploySubcloud(argument: _dc_manager_v1_RedeploySubcloudRequest, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  /**
   * lifecycle: deploy recovery
   * `subcloud redeploy`: the values checked as `subcloud add` checks them, then the agent reset and
   * bootstrapped again in the background; returns the subcloud as the deploy starts.
   */
  redeploySubcloud(argument: _dc_manager_v1_RedeploySubcloudRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  redeploySubcloud(argument: _dc_manager_v1_RedeploySubcloudRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  redeploySubcloud(argument: _dc_manager_v1_RedeploySubcloudRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  redeploySubcloud(argument: _dc_manager_v1_RedeploySubcloudRequest, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  
  /**
   * `subcloud deploy resume`: a failed or aborted deploy runs again from the phase that failed.
   */
  ResumeSubcloudDeploy(argument: _dc_manager_v1_SubcloudDeployRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  ResumeSubcloudDeploy(argument: _dc_manager_v1_SubcloudDeployRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  ResumeSubcloudDeploy(argument: _dc_manager_v1_SubcloudDeployRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  ResumeSubcloudDeploy(argument: _dc_manager_v1_SubcloudDeployRequest, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  /**
   * `subcloud deploy resume`: a failed or aborted deploy runs again from the phase that failed.
   */
  resumeSubcloudDeploy(argument: _dc_manager_v1_SubcloudDeployRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  resumeSubcloudDeploy(argument: _dc_manager_v1_SubcloudDeployRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  resumeSubcloudDeploy(argument: _dc_manager_v1_SubcloudDeployRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  resumeSubcloudDeploy(argument: _dc_manager_v1_SubcloudDeployRequest, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  
  /**
   * `peer-group-association sync`: only on the primary association of a group the local system leads.
   */
  SyncPeerGroupAssociation(argument: _dc_manager_v1_PeerGroupAssociationRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  SyncPeerGroupAssociation(argument: _dc_manager_v1_PeerGroupAssociationRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  SyncPeerGroupAssociation(argument: _dc_manager_v1_PeerGroupAssociationRef, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  SyncPeerGroupAssociation(argument: _dc_manager_v1_PeerGroupAssociationRef, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  /**
   * `peer-group-association sync`: only on the primary association of a group the local system leads.
   */
  syncPeerGroupAssociation(argument: _dc_manager_v1_PeerGroupAssociationRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  syncPeerGroupAssociation(argument: _dc_manager_v1_PeerGroupAssociationRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  syncPeerGroupAssociation(argument: _dc_manager_v1_PeerGroupAssociationRef, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  syncPeerGroupAssociation(argument: _dc_manager_v1_PeerGroupAssociationRef, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  
  /**
   * `subcloud unmanage`.
   */
  UnmanageSubcloud(argument: _dc_manager_v1_UnmanageSubcloudRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  UnmanageSubcloud(argument: _dc_manager_v1_UnmanageSubcloudRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  UnmanageSubcloud(argument: _dc_manager_v1_UnmanageSubcloudRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  UnmanageSubcloud(argument: _dc_manager_v1_UnmanageSubcloudRequest, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  /**
   * `subcloud unmanage`.
   */
  unmanageSubcloud(argument: _dc_manager_v1_UnmanageSubcloudRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  unmanageSubcloud(argument: _dc_manager_v1_UnmanageSubcloudRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  unmanageSubcloud(argument: _dc_manager_v1_UnmanageSubcloudRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  unmanageSubcloud(argument: _dc_manager_v1_UnmanageSubcloudRequest, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  
  /**
   * `peer-group-association update`.
   */
  UpdatePeerGroupAssociation(argument: _dc_manager_v1_UpdatePeerGroupAssociationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  UpdatePeerGroupAssociation(argument: _dc_manager_v1_UpdatePeerGroupAssociationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  UpdatePeerGroupAssociation(argument: _dc_manager_v1_UpdatePeerGroupAssociationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  UpdatePeerGroupAssociation(argument: _dc_manager_v1_UpdatePeerGroupAssociationRequest, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  /**
   * `peer-group-association update`.
   */
  updatePeerGroupAssociation(argument: _dc_manager_v1_UpdatePeerGroupAssociationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  updatePeerGroupAssociation(argument: _dc_manager_v1_UpdatePeerGroupAssociationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  updatePeerGroupAssociation(argument: _dc_manager_v1_UpdatePeerGroupAssociationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  updatePeerGroupAssociation(argument: _dc_manager_v1_UpdatePeerGroupAssociationRequest, callback: grpc.requestCallback<_dc_manager_v1_PeerGroupAssociation__Output>): grpc.ClientUnaryCall;
  
  /**
   * `subcloud update`.
   */
  UpdateSubcloud(argument: _dc_manager_v1_UpdateSubcloudRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  UpdateSubcloud(argument: _dc_manager_v1_UpdateSubcloudRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  UpdateSubcloud(argument: _dc_manager_v1_UpdateSubcloudRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  UpdateSubcloud(argument: _dc_manager_v1_UpdateSubcloudRequest, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  /**
   * `subcloud update`.
   */
  updateSubcloud(argument: _dc_manager_v1_UpdateSubcloudRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  updateSubcloud(argument: _dc_manager_v1_UpdateSubcloudRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  updateSubcloud(argument: _dc_manager_v1_UpdateSubcloudRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  updateSubcloud(argument: _dc_manager_v1_UpdateSubcloudRequest, callback: grpc.requestCallback<_dc_manager_v1_Subcloud__Output>): grpc.ClientUnaryCall;
  
  /**
   * `subcloud-group update`.
   */
  UpdateSubcloudGroup(argument: _dc_manager_v1_UpdateSubcloudGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  UpdateSubcloudGroup(argument: _dc_manager_v1_UpdateSubcloudGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  UpdateSubcloudGroup(argument: _dc_manager_v1_UpdateSubcloudGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  UpdateSubcloudGroup(argument: _dc_manager_v1_UpdateSubcloudGroupRequest, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  /**
   * `subcloud-group update`.
   */
  updateSubcloudGroup(argument: _dc_manager_v1_UpdateSubcloudGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  updateSubcloudGroup(argument: _dc_manager_v1_UpdateSubcloudGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  updateSubcloudGroup(argument: _dc_manager_v1_UpdateSubcloudGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  updateSubcloudGroup(argument: _dc_manager_v1_UpdateSubcloudGroupRequest, callback: grpc.requestCallback<_dc_manager_v1_SubcloudGroup__Output>): grpc.ClientUnaryCall;
  
  /**
   * `subcloud-peer-group update`.
   */
  UpdateSubcloudPeerGroup(argument: _dc_manager_v1_UpdateSubcloudPeerGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  UpdateSubcloudPeerGroup(argument: _dc_manager_v1_UpdateSubcloudPeerGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  UpdateSubcloudPeerGroup(argument: _dc_manager_v1_UpdateSubcloudPeerGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  UpdateSubcloudPeerGroup(argument: _dc_manager_v1_UpdateSubcloudPeerGroupRequest, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  /**
   * `subcloud-peer-group update`.
   */
  updateSubcloudPeerGroup(argument: _dc_manager_v1_UpdateSubcloudPeerGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  updateSubcloudPeerGroup(argument: _dc_manager_v1_UpdateSubcloudPeerGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  updateSubcloudPeerGroup(argument: _dc_manager_v1_UpdateSubcloudPeerGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  updateSubcloudPeerGroup(argument: _dc_manager_v1_UpdateSubcloudPeerGroupRequest, callback: grpc.requestCallback<_dc_manager_v1_SubcloudPeerGroup__Output>): grpc.ClientUnaryCall;
  
  /**
   * `system-peer update`.
   */
  UpdateSystemPeer(argument: _dc_manager_v1_UpdateSystemPeerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  UpdateSystemPeer(argument: _dc_manager_v1_UpdateSystemPeerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  UpdateSystemPeer(argument: _dc_manager_v1_UpdateSystemPeerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  UpdateSystemPeer(argument: _dc_manager_v1_UpdateSystemPeerRequest, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  /**
   * `system-peer update`.
   */
  updateSystemPeer(argument: _dc_manager_v1_UpdateSystemPeerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  updateSystemPeer(argument: _dc_manager_v1_UpdateSystemPeerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  updateSystemPeer(argument: _dc_manager_v1_UpdateSystemPeerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  updateSystemPeer(argument: _dc_manager_v1_UpdateSystemPeerRequest, callback: grpc.requestCallback<_dc_manager_v1_SystemPeer__Output>): grpc.ClientUnaryCall;
  
}

/**
 * The dcmanager API of the system controller.
 */
export interface DcManagerHandlers extends grpc.UntypedServiceImplementation {
  /**
   * `network-strategy abort`: in-flight steps finish, no new one starts.
   */
  AbortNetworkStrategy: grpc.handleUnaryCall<_dc_manager_v1_NetworkStrategyRequest__Output, _dc_manager_v1_NetworkStrategy>;
  
  /**
   * `subcloud deploy abort`: a deploy in its bootstrap phase stops, aborting-bootstrap then bootstrap-aborted.
   */
  AbortSubcloudDeploy: grpc.handleUnaryCall<_dc_manager_v1_SubcloudDeployRequest__Output, _dc_manager_v1_Subcloud>;
  
  /**
   * `peer-group-association add`.
   */
  AddPeerGroupAssociation: grpc.handleUnaryCall<_dc_manager_v1_AddPeerGroupAssociationRequest__Output, _dc_manager_v1_PeerGroupAssociation>;
  
  /**
   * `subcloud add`: validates synchronously (every violation at once), then deploys in the background;
   * returns the subcloud as created (deploy_status not-deployed).
   */
  AddSubcloud: grpc.handleUnaryCall<_dc_manager_v1_AddSubcloudRequest__Output, _dc_manager_v1_Subcloud>;
  
  /**
   * `subcloud-group add`.
   */
  AddSubcloudGroup: grpc.handleUnaryCall<_dc_manager_v1_AddSubcloudGroupRequest__Output, _dc_manager_v1_SubcloudGroup>;
  
  /**
   * `subcloud-peer-group add`.
   */
  AddSubcloudPeerGroup: grpc.handleUnaryCall<_dc_manager_v1_AddSubcloudPeerGroupRequest__Output, _dc_manager_v1_SubcloudPeerGroup>;
  
  /**
   * `system-peer add`.
   */
  AddSystemPeer: grpc.handleUnaryCall<_dc_manager_v1_AddSystemPeerRequest__Output, _dc_manager_v1_SystemPeer>;
  
  /**
   * `network-strategy apply`: starts applying; FAILED_PRECONDITION while a step is refused or the
   * strategy is not initial.
   */
  ApplyNetworkStrategy: grpc.handleUnaryCall<_dc_manager_v1_NetworkStrategyRequest__Output, _dc_manager_v1_NetworkStrategy>;
  
  /**
   * `network-strategy create`: a dry run of the whole fleet, stored with one step per subcloud;
   * ALREADY_EXISTS while a strategy exists.
   */
  CreateNetworkStrategy: grpc.handleUnaryCall<_dc_manager_v1_CreateNetworkStrategyRequest__Output, _dc_manager_v1_NetworkStrategy>;
  
  /**
   * `network-strategy delete`: refused while applying or aborting; returns the strategy as it was.
   */
  DeleteNetworkStrategy: grpc.handleUnaryCall<_dc_manager_v1_NetworkStrategyRequest__Output, _dc_manager_v1_NetworkStrategy>;
  
  /**
   * `peer-group-association delete`: returns the association as it was.
   */
  DeletePeerGroupAssociation: grpc.handleUnaryCall<_dc_manager_v1_PeerGroupAssociationRef__Output, _dc_manager_v1_PeerGroupAssociation>;
  
  /**
   * `subcloud delete`: returns the subcloud as it was.
   */
  DeleteSubcloud: grpc.handleUnaryCall<_dc_manager_v1_DeleteSubcloudRequest__Output, _dc_manager_v1_Subcloud>;
  
  /**
   * `subcloud-group delete`: returns the group as it was.
   */
  DeleteSubcloudGroup: grpc.handleUnaryCall<_dc_manager_v1_SubcloudGroupRef__Output, _dc_manager_v1_SubcloudGroup>;
  
  /**
   * `subcloud-peer-group delete`: returns the peer group as it was.
   */
  DeleteSubcloudPeerGroup: grpc.handleUnaryCall<_dc_manager_v1_SubcloudPeerGroupRef__Output, _dc_manager_v1_SubcloudPeerGroup>;
  
  /**
   * `system-peer delete`: returns the peer as it was.
   */
  DeleteSystemPeer: grpc.handleUnaryCall<_dc_manager_v1_SystemPeerRef__Output, _dc_manager_v1_SystemPeer>;
  
  /**
   * `fm alarm-show`: an active alarm the controller holds, by uuid; NOT_FOUND when none has it.
   */
  GetAlarm: grpc.handleUnaryCall<_dc_manager_v1_GetAlarmRequest__Output, _dc_manager_v1_AlarmDetail>;
  
  /**
   * `dcmanager alarm summary`: per subcloud, the active alarms of its region by severity.
   */
  GetAlarmSummary: grpc.handleUnaryCall<_dc_manager_v1_GetAlarmSummaryRequest__Output, _dc_manager_v1_GetAlarmSummaryResponse>;
  
  /**
   * `network-strategy show`; NOT_FOUND when there is none.
   */
  GetNetworkStrategy: grpc.handleUnaryCall<_dc_manager_v1_NetworkStrategyRequest__Output, _dc_manager_v1_NetworkStrategy>;
  
  /**
   * `peer-group-association show`.
   */
  GetPeerGroupAssociation: grpc.handleUnaryCall<_dc_manager_v1_PeerGroupAssociationRef__Output, _dc_manager_v1_PeerGroupAssociation>;
  
  /**
   * `strategy-step show`.
   */
  GetStrategyStep: grpc.handleUnaryCall<_dc_manager_v1_GetStrategyStepRequest__Output, _dc_manager_v1_StrategyStep>;
  
  /**
   * `subcloud show`.
   */
  GetSubcloud: grpc.handleUnaryCall<_dc_manager_v1_GetSubcloudRequest__Output, _dc_manager_v1_Subcloud>;
  
  /**
   * `subcloud errors`.
   */
  GetSubcloudErrors: grpc.handleUnaryCall<_dc_manager_v1_GetSubcloudErrorsRequest__Output, _dc_manager_v1_SubcloudErrors>;
  
  /**
   * `subcloud-group show`.
   */
  GetSubcloudGroup: grpc.handleUnaryCall<_dc_manager_v1_SubcloudGroupRef__Output, _dc_manager_v1_SubcloudGroup>;
  
  /**
   * `subcloud-peer-group show`.
   */
  GetSubcloudPeerGroup: grpc.handleUnaryCall<_dc_manager_v1_SubcloudPeerGroupRef__Output, _dc_manager_v1_SubcloudPeerGroup>;
  
  /**
   * `subcloud-peer-group status`.
   */
  GetSubcloudPeerGroupStatus: grpc.handleUnaryCall<_dc_manager_v1_SubcloudPeerGroupRef__Output, _dc_manager_v1_SubcloudPeerGroupStatus>;
  
  /**
   * `system-peer show`.
   */
  GetSystemPeer: grpc.handleUnaryCall<_dc_manager_v1_SystemPeerRef__Output, _dc_manager_v1_SystemPeer>;
  
  /**
   * faults: fault history
   * `fm event-list`: the alarms raised and cleared in a region, newest first, from the
   * controller's fault history. INVALID_ARGUMENT names `query` or `limit` when they are malformed.
   */
  ListEvents: grpc.handleUnaryCall<_dc_manager_v1_ListEventsRequest__Output, _dc_manager_v1_ListEventsResponse>;
  
  /**
   * `peer-group-association list`.
   */
  ListPeerGroupAssociations: grpc.handleUnaryCall<_dc_manager_v1_ListPeerGroupAssociationsRequest__Output, _dc_manager_v1_ListPeerGroupAssociationsResponse>;
  
  /**
   * `strategy-step list`.
   */
  ListStrategySteps: grpc.handleUnaryCall<_dc_manager_v1_ListStrategyStepsRequest__Output, _dc_manager_v1_ListStrategyStepsResponse>;
  
  /**
   * `subcloud-group list-subclouds`.
   */
  ListSubcloudGroupSubclouds: grpc.handleUnaryCall<_dc_manager_v1_SubcloudGroupRef__Output, _dc_manager_v1_ListSubcloudsResponse>;
  
  /**
   * `subcloud-group list`.
   */
  ListSubcloudGroups: grpc.handleUnaryCall<_dc_manager_v1_ListSubcloudGroupsRequest__Output, _dc_manager_v1_ListSubcloudGroupsResponse>;
  
  /**
   * `subcloud-peer-group list-subclouds`.
   */
  ListSubcloudPeerGroupSubclouds: grpc.handleUnaryCall<_dc_manager_v1_SubcloudPeerGroupRef__Output, _dc_manager_v1_ListSubcloudsResponse>;
  
  /**
   * `subcloud-peer-group list`.
   */
  ListSubcloudPeerGroups: grpc.handleUnaryCall<_dc_manager_v1_ListSubcloudPeerGroupsRequest__Output, _dc_manager_v1_ListSubcloudPeerGroupsResponse>;
  
  /**
   * `subcloud list`.
   */
  ListSubclouds: grpc.handleUnaryCall<_dc_manager_v1_ListSubcloudsRequest__Output, _dc_manager_v1_ListSubcloudsResponse>;
  
  /**
   * `system-peer list-subcloud-peer-groups`: the peer groups this peer leads.
   */
  ListSystemPeerPeerGroups: grpc.handleUnaryCall<_dc_manager_v1_SystemPeerRef__Output, _dc_manager_v1_ListSubcloudPeerGroupsResponse>;
  
  /**
   * `system-peer list`.
   */
  ListSystemPeers: grpc.handleUnaryCall<_dc_manager_v1_ListSystemPeersRequest__Output, _dc_manager_v1_ListSystemPeersResponse>;
  
  /**
   * `subcloud manage`.
   */
  ManageSubcloud: grpc.handleUnaryCall<_dc_manager_v1_ManageSubcloudRequest__Output, _dc_manager_v1_Subcloud>;
  
  /**
   * `subcloud-peer-group migrate`: starts the migration; returns the peer group (migration_status migrating).
   */
  MigrateSubcloudPeerGroup: grpc.handleUnaryCall<_dc_manager_v1_MigrateSubcloudPeerGroupRequest__Output, _dc_manager_v1_SubcloudPeerGroup>;
  
  /**
   * lifecycle: deploy recovery
   * `subcloud redeploy`: the values checked as `subcloud add` checks them, then the agent reset and
   * bootstrapped again in the background; returns the subcloud as the deploy starts.
   */
  RedeploySubcloud: grpc.handleUnaryCall<_dc_manager_v1_RedeploySubcloudRequest__Output, _dc_manager_v1_Subcloud>;
  
  /**
   * `subcloud deploy resume`: a failed or aborted deploy runs again from the phase that failed.
   */
  ResumeSubcloudDeploy: grpc.handleUnaryCall<_dc_manager_v1_SubcloudDeployRequest__Output, _dc_manager_v1_Subcloud>;
  
  /**
   * `peer-group-association sync`: only on the primary association of a group the local system leads.
   */
  SyncPeerGroupAssociation: grpc.handleUnaryCall<_dc_manager_v1_PeerGroupAssociationRef__Output, _dc_manager_v1_PeerGroupAssociation>;
  
  /**
   * `subcloud unmanage`.
   */
  UnmanageSubcloud: grpc.handleUnaryCall<_dc_manager_v1_UnmanageSubcloudRequest__Output, _dc_manager_v1_Subcloud>;
  
  /**
   * `peer-group-association update`.
   */
  UpdatePeerGroupAssociation: grpc.handleUnaryCall<_dc_manager_v1_UpdatePeerGroupAssociationRequest__Output, _dc_manager_v1_PeerGroupAssociation>;
  
  /**
   * `subcloud update`.
   */
  UpdateSubcloud: grpc.handleUnaryCall<_dc_manager_v1_UpdateSubcloudRequest__Output, _dc_manager_v1_Subcloud>;
  
  /**
   * `subcloud-group update`.
   */
  UpdateSubcloudGroup: grpc.handleUnaryCall<_dc_manager_v1_UpdateSubcloudGroupRequest__Output, _dc_manager_v1_SubcloudGroup>;
  
  /**
   * `subcloud-peer-group update`.
   */
  UpdateSubcloudPeerGroup: grpc.handleUnaryCall<_dc_manager_v1_UpdateSubcloudPeerGroupRequest__Output, _dc_manager_v1_SubcloudPeerGroup>;
  
  /**
   * `system-peer update`.
   */
  UpdateSystemPeer: grpc.handleUnaryCall<_dc_manager_v1_UpdateSystemPeerRequest__Output, _dc_manager_v1_SystemPeer>;
  
}

export interface DcManagerDefinition extends grpc.ServiceDefinition {
  AbortNetworkStrategy: MethodDefinition<_dc_manager_v1_NetworkStrategyRequest, _dc_manager_v1_NetworkStrategy, _dc_manager_v1_NetworkStrategyRequest__Output, _dc_manager_v1_NetworkStrategy__Output>
  AbortSubcloudDeploy: MethodDefinition<_dc_manager_v1_SubcloudDeployRequest, _dc_manager_v1_Subcloud, _dc_manager_v1_SubcloudDeployRequest__Output, _dc_manager_v1_Subcloud__Output>
  AddPeerGroupAssociation: MethodDefinition<_dc_manager_v1_AddPeerGroupAssociationRequest, _dc_manager_v1_PeerGroupAssociation, _dc_manager_v1_AddPeerGroupAssociationRequest__Output, _dc_manager_v1_PeerGroupAssociation__Output>
  AddSubcloud: MethodDefinition<_dc_manager_v1_AddSubcloudRequest, _dc_manager_v1_Subcloud, _dc_manager_v1_AddSubcloudRequest__Output, _dc_manager_v1_Subcloud__Output>
  AddSubcloudGroup: MethodDefinition<_dc_manager_v1_AddSubcloudGroupRequest, _dc_manager_v1_SubcloudGroup, _dc_manager_v1_AddSubcloudGroupRequest__Output, _dc_manager_v1_SubcloudGroup__Output>
  AddSubcloudPeerGroup: MethodDefinition<_dc_manager_v1_AddSubcloudPeerGroupRequest, _dc_manager_v1_SubcloudPeerGroup, _dc_manager_v1_AddSubcloudPeerGroupRequest__Output, _dc_manager_v1_SubcloudPeerGroup__Output>
  AddSystemPeer: MethodDefinition<_dc_manager_v1_AddSystemPeerRequest, _dc_manager_v1_SystemPeer, _dc_manager_v1_AddSystemPeerRequest__Output, _dc_manager_v1_SystemPeer__Output>
  ApplyNetworkStrategy: MethodDefinition<_dc_manager_v1_NetworkStrategyRequest, _dc_manager_v1_NetworkStrategy, _dc_manager_v1_NetworkStrategyRequest__Output, _dc_manager_v1_NetworkStrategy__Output>
  CreateNetworkStrategy: MethodDefinition<_dc_manager_v1_CreateNetworkStrategyRequest, _dc_manager_v1_NetworkStrategy, _dc_manager_v1_CreateNetworkStrategyRequest__Output, _dc_manager_v1_NetworkStrategy__Output>
  DeleteNetworkStrategy: MethodDefinition<_dc_manager_v1_NetworkStrategyRequest, _dc_manager_v1_NetworkStrategy, _dc_manager_v1_NetworkStrategyRequest__Output, _dc_manager_v1_NetworkStrategy__Output>
  DeletePeerGroupAssociation: MethodDefinition<_dc_manager_v1_PeerGroupAssociationRef, _dc_manager_v1_PeerGroupAssociation, _dc_manager_v1_PeerGroupAssociationRef__Output, _dc_manager_v1_PeerGroupAssociation__Output>
  DeleteSubcloud: MethodDefinition<_dc_manager_v1_DeleteSubcloudRequest, _dc_manager_v1_Subcloud, _dc_manager_v1_DeleteSubcloudRequest__Output, _dc_manager_v1_Subcloud__Output>
  DeleteSubcloudGroup: MethodDefinition<_dc_manager_v1_SubcloudGroupRef, _dc_manager_v1_SubcloudGroup, _dc_manager_v1_SubcloudGroupRef__Output, _dc_manager_v1_SubcloudGroup__Output>
  DeleteSubcloudPeerGroup: MethodDefinition<_dc_manager_v1_SubcloudPeerGroupRef, _dc_manager_v1_SubcloudPeerGroup, _dc_manager_v1_SubcloudPeerGroupRef__Output, _dc_manager_v1_SubcloudPeerGroup__Output>
  DeleteSystemPeer: MethodDefinition<_dc_manager_v1_SystemPeerRef, _dc_manager_v1_SystemPeer, _dc_manager_v1_SystemPeerRef__Output, _dc_manager_v1_SystemPeer__Output>
  GetAlarm: MethodDefinition<_dc_manager_v1_GetAlarmRequest, _dc_manager_v1_AlarmDetail, _dc_manager_v1_GetAlarmRequest__Output, _dc_manager_v1_AlarmDetail__Output>
  GetAlarmSummary: MethodDefinition<_dc_manager_v1_GetAlarmSummaryRequest, _dc_manager_v1_GetAlarmSummaryResponse, _dc_manager_v1_GetAlarmSummaryRequest__Output, _dc_manager_v1_GetAlarmSummaryResponse__Output>
  GetNetworkStrategy: MethodDefinition<_dc_manager_v1_NetworkStrategyRequest, _dc_manager_v1_NetworkStrategy, _dc_manager_v1_NetworkStrategyRequest__Output, _dc_manager_v1_NetworkStrategy__Output>
  GetPeerGroupAssociation: MethodDefinition<_dc_manager_v1_PeerGroupAssociationRef, _dc_manager_v1_PeerGroupAssociation, _dc_manager_v1_PeerGroupAssociationRef__Output, _dc_manager_v1_PeerGroupAssociation__Output>
  GetStrategyStep: MethodDefinition<_dc_manager_v1_GetStrategyStepRequest, _dc_manager_v1_StrategyStep, _dc_manager_v1_GetStrategyStepRequest__Output, _dc_manager_v1_StrategyStep__Output>
  GetSubcloud: MethodDefinition<_dc_manager_v1_GetSubcloudRequest, _dc_manager_v1_Subcloud, _dc_manager_v1_GetSubcloudRequest__Output, _dc_manager_v1_Subcloud__Output>
  GetSubcloudErrors: MethodDefinition<_dc_manager_v1_GetSubcloudErrorsRequest, _dc_manager_v1_SubcloudErrors, _dc_manager_v1_GetSubcloudErrorsRequest__Output, _dc_manager_v1_SubcloudErrors__Output>
  GetSubcloudGroup: MethodDefinition<_dc_manager_v1_SubcloudGroupRef, _dc_manager_v1_SubcloudGroup, _dc_manager_v1_SubcloudGroupRef__Output, _dc_manager_v1_SubcloudGroup__Output>
  GetSubcloudPeerGroup: MethodDefinition<_dc_manager_v1_SubcloudPeerGroupRef, _dc_manager_v1_SubcloudPeerGroup, _dc_manager_v1_SubcloudPeerGroupRef__Output, _dc_manager_v1_SubcloudPeerGroup__Output>
  GetSubcloudPeerGroupStatus: MethodDefinition<_dc_manager_v1_SubcloudPeerGroupRef, _dc_manager_v1_SubcloudPeerGroupStatus, _dc_manager_v1_SubcloudPeerGroupRef__Output, _dc_manager_v1_SubcloudPeerGroupStatus__Output>
  GetSystemPeer: MethodDefinition<_dc_manager_v1_SystemPeerRef, _dc_manager_v1_SystemPeer, _dc_manager_v1_SystemPeerRef__Output, _dc_manager_v1_SystemPeer__Output>
  ListEvents: MethodDefinition<_dc_manager_v1_ListEventsRequest, _dc_manager_v1_ListEventsResponse, _dc_manager_v1_ListEventsRequest__Output, _dc_manager_v1_ListEventsResponse__Output>
  ListPeerGroupAssociations: MethodDefinition<_dc_manager_v1_ListPeerGroupAssociationsRequest, _dc_manager_v1_ListPeerGroupAssociationsResponse, _dc_manager_v1_ListPeerGroupAssociationsRequest__Output, _dc_manager_v1_ListPeerGroupAssociationsResponse__Output>
  ListStrategySteps: MethodDefinition<_dc_manager_v1_ListStrategyStepsRequest, _dc_manager_v1_ListStrategyStepsResponse, _dc_manager_v1_ListStrategyStepsRequest__Output, _dc_manager_v1_ListStrategyStepsResponse__Output>
  ListSubcloudGroupSubclouds: MethodDefinition<_dc_manager_v1_SubcloudGroupRef, _dc_manager_v1_ListSubcloudsResponse, _dc_manager_v1_SubcloudGroupRef__Output, _dc_manager_v1_ListSubcloudsResponse__Output>
  ListSubcloudGroups: MethodDefinition<_dc_manager_v1_ListSubcloudGroupsRequest, _dc_manager_v1_ListSubcloudGroupsResponse, _dc_manager_v1_ListSubcloudGroupsRequest__Output, _dc_manager_v1_ListSubcloudGroupsResponse__Output>
  ListSubcloudPeerGroupSubclouds: MethodDefinition<_dc_manager_v1_SubcloudPeerGroupRef, _dc_manager_v1_ListSubcloudsResponse, _dc_manager_v1_SubcloudPeerGroupRef__Output, _dc_manager_v1_ListSubcloudsResponse__Output>
  ListSubcloudPeerGroups: MethodDefinition<_dc_manager_v1_ListSubcloudPeerGroupsRequest, _dc_manager_v1_ListSubcloudPeerGroupsResponse, _dc_manager_v1_ListSubcloudPeerGroupsRequest__Output, _dc_manager_v1_ListSubcloudPeerGroupsResponse__Output>
  ListSubclouds: MethodDefinition<_dc_manager_v1_ListSubcloudsRequest, _dc_manager_v1_ListSubcloudsResponse, _dc_manager_v1_ListSubcloudsRequest__Output, _dc_manager_v1_ListSubcloudsResponse__Output>
  ListSystemPeerPeerGroups: MethodDefinition<_dc_manager_v1_SystemPeerRef, _dc_manager_v1_ListSubcloudPeerGroupsResponse, _dc_manager_v1_SystemPeerRef__Output, _dc_manager_v1_ListSubcloudPeerGroupsResponse__Output>
  ListSystemPeers: MethodDefinition<_dc_manager_v1_ListSystemPeersRequest, _dc_manager_v1_ListSystemPeersResponse, _dc_manager_v1_ListSystemPeersRequest__Output, _dc_manager_v1_ListSystemPeersResponse__Output>
  ManageSubcloud: MethodDefinition<_dc_manager_v1_ManageSubcloudRequest, _dc_manager_v1_Subcloud, _dc_manager_v1_ManageSubcloudRequest__Output, _dc_manager_v1_Subcloud__Output>
  MigrateSubcloudPeerGroup: MethodDefinition<_dc_manager_v1_MigrateSubcloudPeerGroupRequest, _dc_manager_v1_SubcloudPeerGroup, _dc_manager_v1_MigrateSubcloudPeerGroupRequest__Output, _dc_manager_v1_SubcloudPeerGroup__Output>
  RedeploySubcloud: MethodDefinition<_dc_manager_v1_RedeploySubcloudRequest, _dc_manager_v1_Subcloud, _dc_manager_v1_RedeploySubcloudRequest__Output, _dc_manager_v1_Subcloud__Output>
  ResumeSubcloudDeploy: MethodDefinition<_dc_manager_v1_SubcloudDeployRequest, _dc_manager_v1_Subcloud, _dc_manager_v1_SubcloudDeployRequest__Output, _dc_manager_v1_Subcloud__Output>
  SyncPeerGroupAssociation: MethodDefinition<_dc_manager_v1_PeerGroupAssociationRef, _dc_manager_v1_PeerGroupAssociation, _dc_manager_v1_PeerGroupAssociationRef__Output, _dc_manager_v1_PeerGroupAssociation__Output>
  UnmanageSubcloud: MethodDefinition<_dc_manager_v1_UnmanageSubcloudRequest, _dc_manager_v1_Subcloud, _dc_manager_v1_UnmanageSubcloudRequest__Output, _dc_manager_v1_Subcloud__Output>
  UpdatePeerGroupAssociation: MethodDefinition<_dc_manager_v1_UpdatePeerGroupAssociationRequest, _dc_manager_v1_PeerGroupAssociation, _dc_manager_v1_UpdatePeerGroupAssociationRequest__Output, _dc_manager_v1_PeerGroupAssociation__Output>
  UpdateSubcloud: MethodDefinition<_dc_manager_v1_UpdateSubcloudRequest, _dc_manager_v1_Subcloud, _dc_manager_v1_UpdateSubcloudRequest__Output, _dc_manager_v1_Subcloud__Output>
  UpdateSubcloudGroup: MethodDefinition<_dc_manager_v1_UpdateSubcloudGroupRequest, _dc_manager_v1_SubcloudGroup, _dc_manager_v1_UpdateSubcloudGroupRequest__Output, _dc_manager_v1_SubcloudGroup__Output>
  UpdateSubcloudPeerGroup: MethodDefinition<_dc_manager_v1_UpdateSubcloudPeerGroupRequest, _dc_manager_v1_SubcloudPeerGroup, _dc_manager_v1_UpdateSubcloudPeerGroupRequest__Output, _dc_manager_v1_SubcloudPeerGroup__Output>
  UpdateSystemPeer: MethodDefinition<_dc_manager_v1_UpdateSystemPeerRequest, _dc_manager_v1_SystemPeer, _dc_manager_v1_UpdateSystemPeerRequest__Output, _dc_manager_v1_SystemPeer__Output>
}
