import type { Family } from '@dc/netmodel'
import { isDeployStatus } from '../../subclouds/deploy-status.js'
import type { DeployStatus } from '../../subclouds/deploy-status.js'
import type { EndpointStatus, Subcloud, SubcloudEdit, SubcloudFields } from '../../subclouds/subcloud.js'
import type { NewSubcloud, SubcloudRow, SubcloudUpdate } from './schema.js'

const FAMILY_OF_DIGIT: Readonly<Record<string, Family>> = { '4': 'IPv4', '6': 'IPv6' }
const DIGIT_OF_FAMILY: Readonly<Record<Family, string>> = { IPv4: '4', IPv6: '6' }

/** A stored deploy status this release does not know: the row was not written by it. */
export function deployStatusOf(text: string, subcloud: string): DeployStatus {
  if (!isDeployStatus(text))
    throw new Error(`subcloud ${subcloud}: stored deploy_status '${text}' is unknown`)
  return text
}

function familyOf(digit: string, subcloud: string): Family {
  const family = FAMILY_OF_DIGIT[digit]
  if (family === undefined) {
    throw new Error(`subcloud ${subcloud}: stored external_oam_subnet_ip_family '${digit}' is not 4 or 6`)
  }
  return family
}

/** What a subcloud row is joined with when read. */
export interface SubcloudExtras {
  readonly groupName: string
  readonly peerGroupName: string
  readonly endpoints: readonly EndpointStatus[]
}

/** The domain subcloud of a row. */
export function subcloudOf(row: SubcloudRow, extras: SubcloudExtras): Subcloud {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    location: row.location,
    regionName: row.region_name,
    softwareVersion: row.software_version,
    managementSubnet: row.management_subnet,
    managementStartIp: row.management_start_ip,
    managementEndIp: row.management_end_ip,
    managementGatewayIp: row.management_gateway_ip,
    systemcontrollerGatewayIp: row.systemcontroller_gateway_ip,
    externalOamFamily: familyOf(row.external_oam_subnet_ip_family, row.name),
    groupId: row.group_id,
    peerGroupId: row.peer_group_id,
    rehomeData: row.rehome_data,
    deployStatus: deployStatusOf(row.deploy_status, row.name),
    errorDescription: row.error_description,
    availability: row.availability_status,
    auditFailCount: row.audit_fail_count,
    managementState: row.management_state,
    bootstrapAddress: row.bootstrap_address,
    operationalAddress: row.operational_address ?? undefined,
    storedValuesJson: row.bootstrap_values_json,
    epoch: row.epoch,
    groupName: extras.groupName,
    peerGroupName: extras.peerGroupName,
    expectedConfigHash: row.expected_config_hash ?? undefined,
    lastHeartbeatAt: row.last_heartbeat_at ?? undefined,
    rehomed: row.rehomed,
    backupStatus: row.backup_status ?? '',
    backupAt: row.backup_datetime ?? undefined,
    prestageStatus: row.prestage_status ?? '',
    prestageVersions: row.prestage_versions ?? '',
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    endpoints: extras.endpoints,
  }
}

/** The row to insert for a new subcloud. */
export function newSubcloudRow(fields: SubcloudFields): NewSubcloud {
  return {
    name: fields.name,
    description: fields.description,
    location: fields.location,
    region_name: fields.regionName,
    software_version: fields.softwareVersion,
    management_subnet: fields.managementSubnet,
    management_start_ip: fields.managementStartIp,
    management_end_ip: fields.managementEndIp,
    management_gateway_ip: fields.managementGatewayIp,
    systemcontroller_gateway_ip: fields.systemcontrollerGatewayIp,
    external_oam_subnet_ip_family: DIGIT_OF_FAMILY[fields.externalOamFamily],
    group_id: fields.groupId,
    peer_group_id: fields.peerGroupId,
    rehome_data: fields.rehomeData,
    deploy_status: fields.deployStatus,
    error_description: fields.errorDescription,
    availability_status: fields.availability,
    audit_fail_count: fields.auditFailCount,
    management_state: fields.managementState,
    bootstrap_address: fields.bootstrapAddress,
    bootstrap_values_json: fields.storedValuesJson,
    epoch: fields.epoch,
  }
}

const EDIT_COLUMNS: { readonly [K in keyof Required<SubcloudEdit>]: keyof SubcloudUpdate } = {
  name: 'name',
  description: 'description',
  location: 'location',
  groupId: 'group_id',
  peerGroupId: 'peer_group_id',
  rehomeData: 'rehome_data',
  bootstrapAddress: 'bootstrap_address',
  managementState: 'management_state',
  deployStatus: 'deploy_status',
  epoch: 'epoch',
  errorDescription: 'error_description',
  softwareVersion: 'software_version',
  managementSubnet: 'management_subnet',
  managementStartIp: 'management_start_ip',
  managementEndIp: 'management_end_ip',
  managementGatewayIp: 'management_gateway_ip',
  systemcontrollerGatewayIp: 'systemcontroller_gateway_ip',
  storedValuesJson: 'bootstrap_values_json',
}

/** The columns an edit sets (fields left out are not touched). */
export function subcloudUpdateOf(edit: SubcloudEdit): SubcloudUpdate {
  const set: Record<string, unknown> = {}
  for (const [field, column] of Object.entries(EDIT_COLUMNS)) {
    const value = edit[field as keyof SubcloudEdit]
    if (value !== undefined) set[column] = value
  }
  return set as SubcloudUpdate
}
