import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { ApplyAck as _dc_geo_v1_ApplyAck, ApplyAck__Output as _dc_geo_v1_ApplyAck__Output } from './dc/geo/v1/ApplyAck.js';
import type { AssociationRemoved as _dc_geo_v1_AssociationRemoved, AssociationRemoved__Output as _dc_geo_v1_AssociationRemoved__Output } from './dc/geo/v1/AssociationRemoved.js';
import type { GeoEvent as _dc_geo_v1_GeoEvent, GeoEvent__Output as _dc_geo_v1_GeoEvent__Output } from './dc/geo/v1/GeoEvent.js';
import type { GroupState as _dc_geo_v1_GroupState, GroupState__Output as _dc_geo_v1_GroupState__Output } from './dc/geo/v1/GroupState.js';
import type { Heartbeat as _dc_geo_v1_Heartbeat, Heartbeat__Output as _dc_geo_v1_Heartbeat__Output } from './dc/geo/v1/Heartbeat.js';
import type { MemberCopy as _dc_geo_v1_MemberCopy, MemberCopy__Output as _dc_geo_v1_MemberCopy__Output } from './dc/geo/v1/MemberCopy.js';
import type { MemberFailure as _dc_geo_v1_MemberFailure, MemberFailure__Output as _dc_geo_v1_MemberFailure__Output } from './dc/geo/v1/MemberFailure.js';
import type { MemberRemoved as _dc_geo_v1_MemberRemoved, MemberRemoved__Output as _dc_geo_v1_MemberRemoved__Output } from './dc/geo/v1/MemberRemoved.js';
import type { Members as _dc_geo_v1_Members, Members__Output as _dc_geo_v1_Members__Output } from './dc/geo/v1/Members.js';
import type { Ownership as _dc_geo_v1_Ownership, Ownership__Output as _dc_geo_v1_Ownership__Output } from './dc/geo/v1/Ownership.js';
import type { SnapshotEnd as _dc_geo_v1_SnapshotEnd, SnapshotEnd__Output as _dc_geo_v1_SnapshotEnd__Output } from './dc/geo/v1/SnapshotEnd.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  dc: {
    geo: {
      v1: {
        AdministrativeState: EnumTypeDefinition
        ApplyAck: MessageTypeDefinition<_dc_geo_v1_ApplyAck, _dc_geo_v1_ApplyAck__Output>
        AssociationRemoved: MessageTypeDefinition<_dc_geo_v1_AssociationRemoved, _dc_geo_v1_AssociationRemoved__Output>
        GeoEvent: MessageTypeDefinition<_dc_geo_v1_GeoEvent, _dc_geo_v1_GeoEvent__Output>
        GroupState: MessageTypeDefinition<_dc_geo_v1_GroupState, _dc_geo_v1_GroupState__Output>
        Heartbeat: MessageTypeDefinition<_dc_geo_v1_Heartbeat, _dc_geo_v1_Heartbeat__Output>
        MemberCopy: MessageTypeDefinition<_dc_geo_v1_MemberCopy, _dc_geo_v1_MemberCopy__Output>
        MemberFailure: MessageTypeDefinition<_dc_geo_v1_MemberFailure, _dc_geo_v1_MemberFailure__Output>
        MemberRemoved: MessageTypeDefinition<_dc_geo_v1_MemberRemoved, _dc_geo_v1_MemberRemoved__Output>
        Members: MessageTypeDefinition<_dc_geo_v1_Members, _dc_geo_v1_Members__Output>
        MigrationStatus: EnumTypeDefinition
        Ownership: MessageTypeDefinition<_dc_geo_v1_Ownership, _dc_geo_v1_Ownership__Output>
        SnapshotEnd: MessageTypeDefinition<_dc_geo_v1_SnapshotEnd, _dc_geo_v1_SnapshotEnd__Output>
      }
    }
  }
}

