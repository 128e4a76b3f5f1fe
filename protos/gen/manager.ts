import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AddPeerGroupAssociationRequest as _dc_manager_v1_AddPeerGroupAssociationRequest, AddPeerGroupAssociationRequest__Output as _dc_manager_v1_AddPeerGroupAssociationRequest__Output } from './dc/manager/v1/AddPeerGroupAssociationRequest.js';
import type { AddSubcloudGroupRequest as _dc_manager_v1_AddSubcloudGroupRequest, AddSubcloudGroupRequest__Output as _dc_manager_v1_AddSubcloudGroupRequest__Output } from './dc/manager/v1/AddSubcloudGroupRequest.js';
import type { AddSubcloudPeerGroupRequest as _dc_manager_v1_AddSubcloudPeerGroupRequest, AddSubcloudPeerGroupRequest__Output as _dc_manager_v1_AddSubcloudPeerGroupRequest__Output } from './dc/manager/v1/AddSubcloudPeerGroupRequest.js';
import type { AddSubcloudRequest as _dc_manager_v1_AddSubcloudRequest, AddSubcloudRequest__Output as _dc_manager_v1_AddSubcloudRequest__Output } from './dc/manager/v1/AddSubcloudRequest.js';
import type { AddSystemPeerRequest as _dc_manager_v1_AddSystemPeerRequest, AddSystemPeerRequest__Output as _dc_manager_v1_AddSystemPeerRequest__Output } from './dc/manager/v1/AddSystemPeerRequest.js';
import type { AlarmDetail as _dc_manager_v1_AlarmDetail, AlarmDetail__Output as _dc_manager_v1_AlarmDetail__Output } from './dc/manager/v1/AlarmDetail.js';
import type { CreateNetworkStrategyRequest as _dc_manager_v1_CreateNetworkStrategyRequest, CreateNetworkStrategyRequest__Output as _dc_manager_v1_CreateNetworkStrategyRequest__Output } from './dc/manager/v1/CreateNetworkStrategyRequest.js';
import type { DcManagerClient as _dc_manager_v1_DcManagerClient, DcManagerDefinition as _dc_manager_v1_DcManagerDefinition } from './dc/manager/v1/DcManager.js';
import type { DeleteSubcloudRequest as _dc_manager_v1_DeleteSubcloudRequest, DeleteSubcloudRequest__Output as _dc_manager_v1_DeleteSubcloudRequest__Output } from './dc/manager/v1/DeleteSubcloudRequest.js';
import type { EndpointSyncStatus as _dc_manager_v1_EndpointSyncStatus, EndpointSyncStatus__Output as _dc_manager_v1_EndpointSyncStatus__Output } from './dc/manager/v1/EndpointSyncStatus.js';
import type { Event as _dc_manager_v1_Event, Event__Output as _dc_manager_v1_Event__Output } from './dc/manager/v1/Event.js';
import type { GetAlarmRequest as _dc_manager_v1_GetAlarmRequest, GetAlarmRequest__Output as _dc_manager_v1_GetAlarmRequest__Output } from './dc/manager/v1/GetAlarmRequest.js';
import type { GetAlarmSummaryRequest as _dc_manager_v1_GetAlarmSummaryRequest, GetAlarmSummaryRequest__Output as _dc_manager_v1_GetAlarmSummaryRequest__Output } from './dc/manager/v1/GetAlarmSummaryRequest.js';
import type { GetAlarmSummaryResponse as _dc_manager_v1_GetAlarmSummaryResponse, GetAlarmSummaryResponse__Output as _dc_manager_v1_GetAlarmSummaryResponse__Output } from './dc/manager/v1/GetAlarmSummaryResponse.js';
import type { GetStrategyStepRequest as _dc_manager_v1_GetStrategyStepRequest, GetStrategyStepRequest__Output as _dc_manager_v1_GetStrategyStepRequest__Output } from './dc/manager/v1/GetStrategyStepRequest.js';
import type { GetSubcloudErrorsRequest as _dc_manager_v1_GetSubcloudErrorsRequest, GetSubcloudErrorsRequest__Output as _dc_manager_v1_GetSubcloudErrorsRequest__Output } from './dc/manager/v1/GetSubcloudErrorsRequest.js';
import type { GetSubcloudRequest as _dc_manager_v1_GetSubcloudRequest, GetSubcloudRequest__Output as _dc_manager_v1_GetSubcloudRequest__Output } from './dc/manager/v1/GetSubcloudRequest.js';
import type { ListEventsRequest as _dc_manager_v1_ListEventsRequest, ListEventsRequest__Output as _dc_manager_v1_ListEventsRequest__Output } from './dc/manager/v1/ListEventsRequest.js';
import type { ListEventsResponse as _dc_manager_v1_ListEventsResponse, ListEventsResponse__Output as _dc_manager_v1_ListEventsResponse__Output } from './dc/manager/v1/ListEventsResponse.js';
import type { ListPeerGroupAssociationsRequest as _dc_manager_v1_ListPeerGroupAssociationsRequest, ListPeerGroupAssociationsRequest__Output as _dc_manager_v1_ListPeerGroupAssociationsRequest__Output } from './dc/manager/v1/ListPeerGroupAssociationsRequest.js';
import type { ListPeerGroupAssociationsResponse as _dc_manager_v1_ListPeerGroupAssociationsResponse, ListPeerGroupAssociationsResponse__Output as _dc_manager_v1_ListPeerGroupAssociationsResponse__Output } from './dc/manager/v1/ListPeerGroupAssociationsResponse.js';
import type { ListStrategyStepsRequest as _dc_manager_v1_ListStrategyStepsRequest, ListStrategyStepsRequest__Output as _dc_manager_v1_ListStrategyStepsRequest__Output } from './dc/manager/v1/ListStrategyStepsRequest.js';
import type { ListStrategyStepsResponse as _dc_manager_v1_ListStrategyStepsResponse, ListStrategyStepsResponse__Output as _dc_manager_v1_ListStrategyStepsResponse__Output } from './dc/manager/v1/ListStrategyStepsResponse.js';
import type { ListSubcloudGroupsRequest as _dc_manager_v1_ListSubcloudGroupsRequest, ListSubcloudGroupsRequest__Output as _dc_manager_v1_ListSubcloudGroupsRequest__Output } from './dc/manager/v1/ListSubcloudGroupsRequest.js';
import type { ListSubcloudGroupsResponse as _dc_manager_v1_ListSubcloudGroupsResponse, ListSubcloudGroupsResponse__Output as _dc_manager_v1_ListSubcloudGroupsResponse__Output } from './dc/manager/v1/ListSubcloudGroupsResponse.js';
import type { ListSubcloudPeerGroupsRequest as _dc_manager_v1_ListSubcloudPeerGroupsRequest, ListSubcloudPeerGroupsRequest__Output as _dc_manager_v1_ListSubcloudPeerGroupsRequest__Output } from './dc/manager/v1/ListSubcloudPeerGroupsRequest.js';
import type { ListSubcloudPeerGroupsResponse as _dc_manager_v1_ListSubcloudPeerGroupsResponse, ListSubcloudPeerGroupsResponse__Output as _dc_manager_v1_ListSubcloudPeerGroupsResponse__Output } from './dc/manager/v1/ListSubcloudPeerGroupsResponse.js';
import type { ListSubcloudsRequest as _dc_manager_v1_ListSubcloudsRequest, ListSubcloudsRequest__Output as _dc_manager_v1_ListSubcloudsRequest__Output } from './dc/manager/v1/ListSubcloudsRequest.js';
import type { ListSubcloudsResponse as _dc_manager_v1_ListSubcloudsResponse, ListSubcloudsResponse__Output as _dc_manager_v1_ListSubcloudsResponse__Output } from './dc/manager/v1/ListSubcloudsResponse.js';
import type { ListSystemPeersRequest as _dc_manager_v1_ListSystemPeersRequest, ListSystemPeersRequest__Output as _dc_manager_v1_ListSystemPeersRequest__Output } from './dc/manager/v1/ListSystemPeersRequest.js';
import type { ListSystemPeersResponse as _dc_manager_v1_ListSystemPeersResponse, ListSystemPeersResponse__Output as _dc_manager_v1_ListSystemPeersResponse__Output } from './dc/manager/v1/ListSystemPeersResponse.js';
import type { ManageSubcloudRequest as _dc_manager_v1_ManageSubcloudRequest, ManageSubcloudRequest__Output as _dc_manager_v1_ManageSubcloudRequest__Output } from './dc/manager/v1/ManageSubcloudRequest.js';
import type { MigrateSubcloudPeerGroupRequest as _dc_manager_v1_MigrateSubcloudPeerGroupRequest, MigrateSubcloudPeerGroupRequest__Output as _dc_manager_v1_MigrateSubcloudPeerGroupRequest__Output } from './dc/manager/v1/MigrateSubcloudPeerGroupRequest.js';
import type { NetworkStrategy as _dc_manager_v1_NetworkStrategy, NetworkStrategy__Output as _dc_manager_v1_NetworkStrategy__Output } from './dc/manager/v1/NetworkStrategy.js';
import type { NetworkStrategyRequest as _dc_manager_v1_NetworkStrategyRequest, NetworkStrategyRequest__Output as _dc_manager_v1_NetworkStrategyRequest__Output } from './dc/manager/v1/NetworkStrategyRequest.js';
import type { PeerGroupAssociation as _dc_manager_v1_PeerGroupAssociation, PeerGroupAssociation__Output as _dc_manager_v1_PeerGroupAssociation__Output } from './dc/manager/v1/PeerGroupAssociation.js';
import type { PeerGroupAssociationRef as _dc_manager_v1_PeerGroupAssociationRef, PeerGroupAssociationRef__Output as _dc_manager_v1_PeerGroupAssociationRef__Output } from './dc/manager/v1/PeerGroupAssociationRef.js';
import type { RedeploySubcloudRequest as _dc_manager_v1_RedeploySubcloudRequest, RedeploySubcloudRequest__Output as _dc_manager_v1_RedeploySubcloudRequest__Output } from './dc/manager/v1/RedeploySubcloudRequest.js';
import type { StepStateCount as _dc_manager_v1_StepStateCount, StepStateCount__Output as _dc_manager_v1_StepStateCount__Output } from './dc/manager/v1/StepStateCount.js';
import type { StrategyStep as _dc_manager_v1_StrategyStep, StrategyStep__Output as _dc_manager_v1_StrategyStep__Output } from './dc/manager/v1/StrategyStep.js';
import type { Subcloud as _dc_manager_v1_Subcloud, Subcloud__Output as _dc_manager_v1_Subcloud__Output } from './dc/manager/v1/Subcloud.js';
import type { SubcloudAlarmSummary as _dc_manager_v1_SubcloudAlarmSummary, SubcloudAlarmSummary__Output as _dc_manager_v1_SubcloudAlarmSummary__Output } from './dc/manager/v1/SubcloudAlarmSummary.js';
import type { SubcloudAlarms as _dc_manager_v1_SubcloudAlarms, SubcloudAlarms__Output as _dc_manager_v1_SubcloudAlarms__Output } from './dc/manager/v1/SubcloudAlarms.js';
import type { SubcloudDeployRequest as _dc_manager_v1_SubcloudDeployRequest, SubcloudDeployRequest__Output as _dc_manager_v1_SubcloudDeployRequest__Output } from './dc/manager/v1/SubcloudDeployRequest.js';
import type { SubcloudDetail as _dc_manager_v1_SubcloudDetail, SubcloudDetail__Output as _dc_manager_v1_SubcloudDetail__Output } from './dc/manager/v1/SubcloudDetail.js';
import type { SubcloudErrors as _dc_manager_v1_SubcloudErrors, SubcloudErrors__Output as _dc_manager_v1_SubcloudErrors__Output } from './dc/manager/v1/SubcloudErrors.js';
import type { SubcloudGroup as _dc_manager_v1_SubcloudGroup, SubcloudGroup__Output as _dc_manager_v1_SubcloudGroup__Output } from './dc/manager/v1/SubcloudGroup.js';
import type { SubcloudGroupRef as _dc_manager_v1_SubcloudGroupRef, SubcloudGroupRef__Output as _dc_manager_v1_SubcloudGroupRef__Output } from './dc/manager/v1/SubcloudGroupRef.js';
import type { SubcloudPeerGroup as _dc_manager_v1_SubcloudPeerGroup, SubcloudPeerGroup__Output as _dc_manager_v1_SubcloudPeerGroup__Output } from './dc/manager/v1/SubcloudPeerGroup.js';
import type { SubcloudPeerGroupRef as _dc_manager_v1_SubcloudPeerGroupRef, SubcloudPeerGroupRef__Output as _dc_manager_v1_SubcloudPeerGroupRef__Output } from './dc/manager/v1/SubcloudPeerGroupRef.js';
import type { SubcloudPeerGroupStatus as _dc_manager_v1_SubcloudPeerGroupStatus, SubcloudPeerGroupStatus__Output as _dc_manager_v1_SubcloudPeerGroupStatus__Output } from './dc/manager/v1/SubcloudPeerGroupStatus.js';
import type { SystemPeer as _dc_manager_v1_SystemPeer, SystemPeer__Output as _dc_manager_v1_SystemPeer__Output } from './dc/manager/v1/SystemPeer.js';
import type { SystemPeerRef as _dc_manager_v1_SystemPeerRef, SystemPeerRef__Output as _dc_manager_v1_SystemPeerRef__Output } from './dc/manager/v1/SystemPeerRef.js';
import type { UnmanageSubcloudRequest as _dc_manager_v1_UnmanageSubcloudRequest, UnmanageSubcloudRequest__Output as _dc_manager_v1_UnmanageSubcloudRequest__Output } from './dc/manager/v1/UnmanageSubcloudRequest.js';
import type { UpdatePeerGroupAssociationRequest as _dc_manager_v1_UpdatePeerGroupAssociationRequest, UpdatePeerGroupAssociationRequest__Output as _dc_manager_v1_UpdatePeerGroupAssociationRequest__Output } from './dc/manager/v1/UpdatePeerGroupAssociationRequest.js';
import type { UpdateSubcloudGroupRequest as _dc_manager_v1_UpdateSubcloudGroupRequest, UpdateSubcloudGroupRequest__Output as _dc_manager_v1_UpdateSubcloudGroupRequest__Output } from './dc/manager/v1/UpdateSubcloudGroupRequest.js';
import type { UpdateSubcloudPeerGroupRequest as _dc_manager_v1_UpdateSubcloudPeerGroupRequest, UpdateSubcloudPeerGroupRequest__Output as _dc_manager_v1_UpdateSubcloudPeerGroupRequest__Output } from './dc/manager/v1/UpdateSubcloudPeerGroupRequest.js';
import type { UpdateSubcloudRequest as _dc_manager_v1_UpdateSubcloudRequest, UpdateSubcloudRequest__Output as _dc_manager_v1_UpdateSubcloudRequest__Output } from './dc/manager/v1/UpdateSubcloudRequest.js';
import type { UpdateSystemPeerRequest as _dc_manager_v1_UpdateSystemPeerRequest, UpdateSystemPeerRequest__Output as _dc_manager_v1_UpdateSystemPeerRequest__Output } from './dc/manager/v1/UpdateSystemPeerRequest.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  dc: {
    manager: {
      v1: {
        AddPeerGroupAssociationRequest: MessageTypeDefinition<_dc_manager_v1_AddPeerGroupAssociationRequest, _dc_manager_v1_AddPeerGroupAssociationRequest__Output>
        AddSubcloudGroupRequest: MessageTypeDefinition<_dc_manager_v1_AddSubcloudGroupRequest, _dc_manager_v1_AddSubcloudGroupRequest__Output>
        AddSubcloudPeerGroupRequest: MessageTypeDefinition<_dc_manager_v1_AddSubcloudPeerGroupRequest, _dc_manager_v1_AddSubcloudPeerGroupRequest__Output>
        AddSubcloudRequest: MessageTypeDefinition<_dc_manager_v1_AddSubcloudRequest, _dc_manager_v1_AddSubcloudRequest__Output>
        AddSystemPeerRequest: MessageTypeDefinition<_dc_manager_v1_AddSystemPeerRequest, _dc_manager_v1_AddSystemPeerRequest__Output>
        AlarmDetail: MessageTypeDefinition<_dc_manager_v1_AlarmDetail, _dc_manager_v1_AlarmDetail__Output>
        CreateNetworkStrategyRequest: MessageTypeDefinition<_dc_manager_v1_CreateNetworkStrategyRequest, _dc_manager_v1_CreateNetworkStrategyRequest__Output>
        /**
         * The dcmanager API of the system controller.
         */
        DcManager: SubtypeConstructor<typeof grpc.Client, _dc_manager_v1_DcManagerClient> & { service: _dc_manager_v1_DcManagerDefinition }
        DeleteSubcloudRequest: MessageTypeDefinition<_dc_manager_v1_DeleteSubcloudRequest, _dc_manager_v1_DeleteSubcloudRequest__Output>
        EndpointSyncStatus: MessageTypeDefinition<_dc_manager_v1_EndpointSyncStatus, _dc_manager_v1_EndpointSyncStatus__Output>
        Event: MessageTypeDefinition<_dc_manager_v1_Event, _dc_manager_v1_Event__Output>
        GetAlarmRequest: MessageTypeDefinition<_dc_manager_v1_GetAlarmRequest, _dc_manager_v1_GetAlarmRequest__Output>
        GetAlarmSummaryRequest: MessageTypeDefinition<_dc_manager_v1_GetAlarmSummaryRequest, _dc_manager_v1_GetAlarmSummaryRequest__Output>
        GetAlarmSummaryResponse: MessageTypeDefinition<_dc_manager_v1_GetAlarmSummaryResponse, _dc_manager_v1_GetAlarmSummaryResponse__Output>
        GetStrategyStepRequest: MessageTypeDefinition<_dc_manager_v1_GetStrategyStepRequest, _dc_manager_v1_GetStrategyStepRequest__Output>
        GetSubcloudErrorsRequest: MessageTypeDefinition<_dc_manager_v1_GetSubcloudErrorsRequest, _dc_manager_v1_GetSubcloudErrorsRequest__Output>
        GetSubcloudRequest: MessageTypeDefinition<_dc_manager_v1_GetSubcloudRequest, _dc_manager_v1_GetSubcloudRequest__Output>
        ListEventsRequest: MessageTypeDefinition<_dc_manager_v1_ListEventsRequest, _dc_manager_v1_ListEventsRequest__Output>
        ListEventsResponse: MessageTypeDefinition<_dc_manager_v1_ListEventsResponse, _dc_manager_v1_ListEventsResponse__Output>
        ListPeerGroupAssociationsRequest: MessageTypeDefinition<_dc_manager_v1_ListPeerGroupAssociationsRequest, _dc_manager_v1_ListPeerGroupAssociationsRequest__Output>
        ListPeerGroupAssociationsResponse: MessageTypeDefinition<_dc_manager_v1_ListPeerGroupAssociationsResponse, _dc_manager_v1_ListPeerGroupAssociationsResponse__Output>
        ListStrategyStepsRequest: MessageTypeDefinition<_dc_manager_v1_ListStrategyStepsRequest, _dc_manager_v1_ListStrategyStepsRequest__Output>
        ListStrategyStepsResponse: MessageTypeDefinition<_dc_manager_v1_ListStrategyStepsResponse, _dc_manager_v1_ListStrategyStepsResponse__Output>
        ListSubcloudGroupsRequest: MessageTypeDefinition<_dc_manager_v1_ListSubcloudGroupsRequest, _dc_manager_v1_ListSubcloudGroupsRequest__Output>
        ListSubcloudGroupsResponse: MessageTypeDefinition<_dc_manager_v1_ListSubcloudGroupsResponse, _dc_manager_v1_ListSubcloudGroupsResponse__Output>
        ListSubcloudPeerGroupsRequest: MessageTypeDefinition<_dc_manager_v1_ListSubcloudPeerGroupsRequest, _dc_manager_v1_ListSubcloudPeerGroupsRequest__Output>
        ListSubcloudPeerGroupsResponse: MessageTypeDefinition<_dc_manager_v1_ListSubcloudPeerGroupsResponse, _dc_manager_v1_ListSubcloudPeerGroupsResponse__Output>
        ListSubcloudsRequest: MessageTypeDefinition<_dc_manager_v1_ListSubcloudsRequest, _dc_manager_v1_ListSubcloudsRequest__Output>
        ListSubcloudsResponse: MessageTypeDefinition<_dc_manager_v1_ListSubcloudsResponse, _dc_manager_v1_ListSubcloudsResponse__Output>
        ListSystemPeersRequest: MessageTypeDefinition<_dc_manager_v1_ListSystemPeersRequest, _dc_manager_v1_ListSystemPeersRequest__Output>
        ListSystemPeersResponse: MessageTypeDefinition<_dc_manager_v1_ListSystemPeersResponse, _dc_manager_v1_ListSystemPeersResponse__Output>
        ManageSubcloudRequest: MessageTypeDefinition<_dc_manager_v1_ManageSubcloudRequest, _dc_manager_v1_ManageSubcloudRequest__Output>
        MigrateSubcloudPeerGroupRequest: MessageTypeDefinition<_dc_manager_v1_MigrateSubcloudPeerGroupRequest, _dc_manager_v1_MigrateSubcloudPeerGroupRequest__Output>
        NetworkStrategy: MessageTypeDefinition<_dc_manager_v1_NetworkStrategy, _dc_manager_v1_NetworkStrategy__Output>
        NetworkStrategyRequest: MessageTypeDefinition<_dc_manager_v1_NetworkStrategyRequest, _dc_manager_v1_NetworkStrategyRequest__Output>
        PeerGroupAssociation: MessageTypeDefinition<_dc_manager_v1_PeerGroupAssociation, _dc_manager_v1_PeerGroupAssociation__Output>
        PeerGroupAssociationRef: MessageTypeDefinition<_dc_manager_v1_PeerGroupAssociationRef, _dc_manager_v1_PeerGroupAssociationRef__Output>
        RedeploySubcloudRequest: MessageTypeDefinition<_dc_manager_v1_RedeploySubcloudRequest, _dc_manager_v1_RedeploySubcloudRequest__Output>
        StepStateCount: MessageTypeDefinition<_dc_manager_v1_StepStateCount, _dc_manager_v1_StepStateCount__Output>
        StrategyStep: MessageTypeDefinition<_dc_manager_v1_StrategyStep, _dc_manager_v1_StrategyStep__Output>
        Subcloud: MessageTypeDefinition<_dc_manager_v1_Subcloud, _dc_manager_v1_Subcloud__Output>
        SubcloudAlarmSummary: MessageTypeDefinition<_dc_manager_v1_SubcloudAlarmSummary, _dc_manager_v1_SubcloudAlarmSummary__Output>
        SubcloudAlarms: MessageTypeDefinition<_dc_manager_v1_SubcloudAlarms, _dc_manager_v1_SubcloudAlarms__Output>
        SubcloudDeployRequest: MessageTypeDefinition<_dc_manager_v1_SubcloudDeployRequest, _dc_manager_v1_SubcloudDeployRequest__Output>
        SubcloudDetail: MessageTypeDefinition<_dc_manager_v1_SubcloudDetail, _dc_manager_v1_SubcloudDetail__Output>
        SubcloudErrors: MessageTypeDefinition<_dc_manager_v1_SubcloudErrors, _dc_manager_v1_SubcloudErrors__Output>
        SubcloudGroup: MessageTypeDefinition<_dc_manager_v1_SubcloudGroup, _dc_manager_v1_SubcloudGroup__Output>
        SubcloudGroupRef: MessageTypeDefinition<_dc_manager_v1_SubcloudGroupRef, _dc_manager_v1_SubcloudGroupRef__Output>
        SubcloudPeerGroup: MessageTypeDefinition<_dc_manager_v1_SubcloudPeerGroup, _dc_manager_v1_SubcloudPeerGroup__Output>
        SubcloudPeerGroupRef: MessageTypeDefinition<_dc_manager_v1_SubcloudPeerGroupRef, _dc_manager_v1_SubcloudPeerGroupRef__Output>
        SubcloudPeerGroupStatus: MessageTypeDefinition<_dc_manager_v1_SubcloudPeerGroupStatus, _dc_manager_v1_SubcloudPeerGroupStatus__Output>
        SystemPeer: MessageTypeDefinition<_dc_manager_v1_SystemPeer, _dc_manager_v1_SystemPeer__Output>
        SystemPeerRef: MessageTypeDefinition<_dc_manager_v1_SystemPeerRef, _dc_manager_v1_SystemPeerRef__Output>
        UnmanageSubcloudRequest: MessageTypeDefinition<_dc_manager_v1_UnmanageSubcloudRequest, _dc_manager_v1_UnmanageSubcloudRequest__Output>
        UpdatePeerGroupAssociationRequest: MessageTypeDefinition<_dc_manager_v1_UpdatePeerGroupAssociationRequest, _dc_manager_v1_UpdatePeerGroupAssociationRequest__Output>
        UpdateSubcloudGroupRequest: MessageTypeDefinition<_dc_manager_v1_UpdateSubcloudGroupRequest, _dc_manager_v1_UpdateSubcloudGroupRequest__Output>
        UpdateSubcloudPeerGroupRequest: MessageTypeDefinition<_dc_manager_v1_UpdateSubcloudPeerGroupRequest, _dc_manager_v1_UpdateSubcloudPeerGroupRequest__Output>
        UpdateSubcloudRequest: MessageTypeDefinition<_dc_manager_v1_UpdateSubcloudRequest, _dc_manager_v1_UpdateSubcloudRequest__Output>
        UpdateSystemPeerRequest: MessageTypeDefinition<_dc_manager_v1_UpdateSystemPeerRequest, _dc_manager_v1_UpdateSystemPeerRequest__Output>
      }
    }
  }
}

