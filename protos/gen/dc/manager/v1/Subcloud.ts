// Original file: dc/manager/v1/manager.proto

import type { EndpointSyncStatus as _dc_manager_v1_EndpointSyncStatus, EndpointSyncStatus__Output as _dc_manager_v1_EndpointSyncStatus__Output } from '../../../dc/manager/v1/EndpointSyncStatus.js';
import type { SubcloudDetail as _dc_manager_v1_SubcloudDetail, SubcloudDetail__Output as _dc_manager_v1_SubcloudDetail__Output } from '../../../dc/manager/v1/SubcloudDetail.js';

/**
 * A subcloud (spec 1.1, `subcloud show`).
 */
export interface Subcloud {
  /**
   * Integer id.
   */
  'id'?: (number);
  /**
   * Unique name: not all digits, not RegionOne or SystemController.
   */
  'name'?: (string);
  /**
   * Free text.
   */
  'description'?: (string);
  /**
   * Free text.
   */
  'location'?: (string);
  /**
   * Unique region name (random 32-hex); the CLI's `--os-region-name` accepts it or the name.
   */
  'region_name'?: (string);
  /**
   * Release string, e.g. `25.09`.
   */
  'software_version'?: (string);
  /**
   * managed | unmanaged.
   */
  'management_state'?: (string);
  /**
   * online | offline.
   */
  'availability_status'?: (string);
  /**
   * not-deployed | creating | create-complete | pre-bootstrap | bootstrapping | bootstrap-complete |
   * complete | create-failed | pre-bootstrap-failed | bootstrap-failed | rehome-pending | secondary | ...
   * (spec 1.3).
   */
  'deploy_status'?: (string);
  /**
   * Last error; `No errors present` when none.
   */
  'error_description'?: (string);
  /**
   * Primary management (or admin, when the subcloud has one) subnet, `network/prefix`.
   */
  'management_subnet'?: (string);
  /**
   * Primary management (or admin) range start.
   */
  'management_start_ip'?: (string);
  /**
   * Primary management (or admin) range end.
   */
  'management_end_ip'?: (string);
  /**
   * Primary management (or admin) gateway.
   */
  'management_gateway_ip'?: (string);
  /**
   * Primary systemcontroller gateway: the subcloud-side route to the controller's management subnet.
   */
  'systemcontroller_gateway_ip'?: (string);
  /**
   * Primary OAM family: "4" or "6".
   */
  'external_oam_subnet_ip_family'?: (string);
  /**
   * Subcloud group id (1 is Default).
   */
  'group_id'?: (number);
  /**
   * Subcloud peer group id; absent when the subcloud is in none.
   */
  'peer_group_id'?: (number);
  /**
   * Backup status; empty when never backed up.
   */
  'backup_status'?: (string);
  /**
   * When the last backup finished; empty when never.
   */
  'backup_datetime'?: (string);
  /**
   * prestaging | failed | complete; empty when never prestaged.
   */
  'prestage_status'?: (string);
  /**
   * Prestaged releases, comma-separated; empty when none.
   */
  'prestage_versions'?: (string);
  /**
   * Creation time.
   */
  'created_at'?: (string);
  /**
   * Last update time; empty when never updated.
   */
  'updated_at'?: (string);
  /**
   * The agent endpoint the controller dials, on the subcloud's primary OAM family: `host:port`, IPv6 bracketed.
   */
  'bootstrap_address'?: (string);
  /**
   * Per-endpoint sync status, ordered by endpoint type.
   */
  'endpoint_sync_status'?: (_dc_manager_v1_EndpointSyncStatus)[];
  /**
   * Aggregate sync (`sync` column): the shared value if every endpoint agrees, otherwise out-of-sync.
   */
  'sync'?: (string);
  /**
   * Consecutive failed audits (capped at 9999).
   */
  'audit_fail_count'?: (number);
  /**
   * When the last heartbeat from the agent arrived; empty when never.
   */
  'last_heartbeat_at'?: (string);
  /**
   * True once the subcloud was rehomed to this controller.
   */
  'rehomed'?: (boolean);
  /**
   * Name of the subcloud group.
   */
  'group_name'?: (string);
  /**
   * Name of the subcloud peer group; empty when none.
   */
  'peer_group_name'?: (string);
  /**
   * Detail fields; present only when the request asked for detail.
   */
  'detail'?: (_dc_manager_v1_SubcloudDetail | null);
  /**
   * reconf: the agent endpoint the controller dials now, `host:port`: the primary admin floating (or
   * management start) address with the bootstrap address's port once the agent listens there, else
   * the bootstrap address.
   */
  'operational_address'?: (string);
  /**
   * reconf: true when the bootstrap address is a loopback address (a single-machine lab): the
   * controller keeps dialling it.
   */
  'loopback_lab'?: (boolean);
  '_peer_group_id'?: "peer_group_id";
}

/**
 * A subcloud (spec 1.1, `subcloud show`).
 */
export interface Subcloud__Output {
  /**
   * Integer id.
   */
  'id': (number);
  /**
   * Unique name: not all digits, not RegionOne or SystemController.
   */
  'name': (string);
  /**
   * Free text.
   */
  'description': (string);
  /**
   * Free text.
   */
  'location': (string);
  /**
   * Unique region name (random 32-hex); the CLI's `--os-region-name` accepts it or the name.
   */
  'region_name': (string);
  /**
   * Release string, e.g. `25.09`.
   */
  'software_version': (string);
  /**
   * managed | unmanaged.
   */
  'management_state': (string);
  /**
   * online | offline.
   */
  'availability_status': (string);
  /**
   * not-deployed | creating | create-complete | pre-bootstrap | bootstrapping | bootstrap-complete |
   * complete | create-failed | pre-bootstrap-failed | bootstrap-failed | rehome-pending | secondary | ...
   * (spec 1.3).
   */
  'deploy_status': (string);
  /**
   * Last error; `No errors present` when none.
   */
  'error_description': (string);
  /**
   * Primary management (or admin, when the subcloud has one) subnet, `network/prefix`.
   */
  'management_subnet': (string);
  /**
   * Primary management (or admin) range start.
   */
  'management_start_ip': (string);
  /**
   * Primary management (or admin) range end.
   */
  'management_end_ip': (string);
  /**
   * Primary management (or admin) gateway.
   */
  'management_gateway_ip': (string);
  /**
   * Primary systemcontroller gateway: the subcloud-side route to the controller's management subnet.
   */
  'systemcontroller_gateway_ip': (string);
  /**
   * Primary OAM family: "4" or "6".
   */
  'external_oam_subnet_ip_family': (string);
  /**
   * Subcloud group id (1 is Default).
   */
  'group_id': (number);
  /**
   * Subcloud peer group id; absent when the subcloud is in none.
   */
  'peer_group_id'?: (number);
  /**
   * Backup status; empty when never backed up.
   */
  'backup_status': (string);
  /**
   * When the last backup finished; empty when never.
   */
  'backup_datetime': (string);
  /**
   * prestaging | failed | complete; empty when never prestaged.
   */
  'prestage_status': (string);
  /**
   * Prestaged releases, comma-separated; empty when none.
   */
  'prestage_versions': (string);
  /**
   * Creation time.
   */
  'created_at': (string);
  /**
   * Last update time; empty when never updated.
   */
  'updated_at': (string);
  /**
   * The agent endpoint the controller dials, on the subcloud's primary OAM family: `host:port`, IPv6 bracketed.
   */
  'bootstrap_address': (string);
  /**
   * Per-endpoint sync status, ordered by endpoint type.
   */
  'endpoint_sync_status': (_dc_manager_v1_EndpointSyncStatus__Output)[];
  /**
   * Aggregate sync (`sync` column): the shared value if every endpoint agrees, otherwise out-of-sync.
   */
  'sync': (string);
  /**
   * Consecutive failed audits (capped at 9999).
   */
  'audit_fail_count': (number);
  /**
   * When the last heartbeat from the agent arrived; empty when never.
   */
  'last_heartbeat_at': (string);
  /**
   * True once the subcloud was rehomed to this controller.
   */
  'rehomed': (boolean);
  /**
   * Name of the subcloud group.
   */
  'group_name': (string);
  /**
   * Name of the subcloud peer group; empty when none.
   */
  'peer_group_name': (string);
  /**
   * Detail fields; present only when the request asked for detail.
   */
  'detail': (_dc_manager_v1_SubcloudDetail__Output | null);
  /**
   * reconf: the agent endpoint the controller dials now, `host:port`: the primary admin floating (or
   * management start) address with the bootstrap address's port once the agent listens there, else
   * the bootstrap address.
   */
  'operational_address': (string);
  /**
   * reconf: true when the bootstrap address is a loopback address (a single-machine lab): the
   * controller keeps dialling it.
   */
  'loopback_lab': (boolean);
  '_peer_group_id'?: "peer_group_id";
}
