import { parseHostPort } from '@dc/netmodel'
import type { Family } from '@dc/netmodel'
import { given } from '@dc/platform-service'
import type {
  AddSubcloudGroupRequest__Output,
  AddSubcloudRequest__Output,
  Subcloud as SubcloudMessage,
  SubcloudDetail as SubcloudDetailMessage,
  SubcloudGroup as SubcloudGroupMessage,
  UpdateSubcloudGroupRequest__Output,
  UpdateSubcloudRequest__Output,
} from '@dc/protos'
import { aggregateSync } from '../audit/index.js'
import { DEFAULT_AGENT_PORT } from '../config.js'
import type { NewSubcloudGroup } from '../subcloud-groups/subcloud-group-service.js'
import { UPDATE_APPLY_TYPES } from '../subcloud-groups/subcloud-group.js'
import type { SubcloudGroup, SubcloudGroupFields } from '../subcloud-groups/subcloud-group.js'
import type { SubcloudAddRequest } from '../subclouds/subcloud-add-validation.js'
import type { SubcloudDetail, SubcloudUpdateInput } from '../subclouds/subcloud-service.js'
import { dialAddress } from '../subclouds/subcloud.js'
import type { Subcloud } from '../subclouds/subcloud.js'
import { agentAddress, choice, entityName, freeText, integerIn, reference } from './field-validators.js'

/** dcmanager's bound on `max_parallel_subclouds`. */
const MAX_PARALLEL = 5000

const FAMILY_DIGIT: Readonly<Record<Family, string>> = { IPv4: '4', IPv6: '6' }

/** A bootstrap address on loopback marks a single-machine lab. */
function isLoopbackAddress(address: string): boolean {
  try {
    return parseHostPort(address).host.isLoopback()
  } catch {
    // A stored address the controller could not have written: not a lab, and shown as it is.
    return false
  }
}

function time(value: Date | undefined): string {
  return value === undefined ? '' : value.toISOString()
}

/** The `Subcloud` message of a subcloud; `detail` only when the caller asked for it. */
export function subcloudMessage(subcloud: Subcloud, detail?: SubcloudDetail): SubcloudMessage {
  const message: SubcloudMessage = {
    id: subcloud.id,
    name: subcloud.name,
    description: subcloud.description,
    location: subcloud.location,
    region_name: subcloud.regionName,
    software_version: subcloud.softwareVersion,
    management_state: subcloud.managementState,
    availability_status: subcloud.availability,
    deploy_status: subcloud.deployStatus,
    error_description: subcloud.errorDescription,
    management_subnet: subcloud.managementSubnet,
    management_start_ip: subcloud.managementStartIp,
    management_end_ip: subcloud.managementEndIp,
    management_gateway_ip: subcloud.managementGatewayIp,
    systemcontroller_gateway_ip: subcloud.systemcontrollerGatewayIp,
    external_oam_subnet_ip_family: FAMILY_DIGIT[subcloud.externalOamFamily],
    group_id: subcloud.groupId,
    backup_status: subcloud.backupStatus,
    backup_datetime: time(subcloud.backupAt),
    prestage_status: subcloud.prestageStatus,
    prestage_versions: subcloud.prestageVersions,
    created_at: time(subcloud.createdAt),
    updated_at: time(subcloud.updatedAt),
    bootstrap_address: subcloud.bootstrapAddress,
    endpoint_sync_status: subcloud.endpoints.map((e) => ({
      endpoint_type: e.endpointType,
      sync_status: e.syncStatus,
    })),
    sync: aggregateSync(subcloud.endpoints.map((e) => e.syncStatus)),
    audit_fail_count: subcloud.auditFailCount,
    last_heartbeat_at: time(subcloud.lastHeartbeatAt),
    rehomed: subcloud.rehomed,
    group_name: subcloud.groupName,
    peer_group_name: subcloud.peerGroupName,
    operational_address: dialAddress(subcloud),
    loopback_lab: isLoopbackAddress(subcloud.bootstrapAddress),
  }
  if (subcloud.peerGroupId !== null) message.peer_group_id = subcloud.peerGroupId
  if (detail !== undefined) message.detail = detailMessage(detail)
  return message
}

function detailMessage(detail: SubcloudDetail): SubcloudDetailMessage {
  const summary = detail.alarmSummary
  return {
    oam_floating_ip: detail.oamFloatingIp,
    deploy_config_sync_status: detail.deployConfigSyncStatus,
    alarm_summary:
      summary === undefined
        ? null
        : {
            critical: summary.critical,
            major: summary.major,
            minor: summary.minor,
            warnings: summary.warnings,
            cloud_status: summary.cloudStatus,
          },
    agent_generation: detail.agentGeneration,
    agent_config_hash: detail.agentConfigHash,
    expected_config_hash: detail.expectedConfigHash,
    epoch: String(detail.epoch),
  }
}

export function groupMessage(group: SubcloudGroup): SubcloudGroupMessage {
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    update_apply_type: group.updateApplyType,
    max_parallel_subclouds: group.maxParallelSubclouds,
    created_at: time(group.createdAt),
    updated_at: time(group.updatedAt),
  }
}

/**
 * `subcloud add` as the service takes it. Its fields are checked with the bootstrap values, so that
 * every violation is reported at once.
 */
export function addSubcloudInput(request: AddSubcloudRequest__Output): SubcloudAddRequest {
  return {
    bootstrapAddress: request.bootstrap_address,
    bootstrapValuesYaml: request.bootstrap_values_yaml,
    group: request.group,
    release: request.release,
    description: request.description,
    location: request.location,
    name: request.name,
    migrate: request.migrate,
  }
}

/** `subcloud update`, every field checked for form. */
export function updateSubcloudInput(request: UpdateSubcloudRequest__Output): SubcloudUpdateInput {
  const r = request
  return {
    subcloud: reference('subcloud', r.subcloud),
    ...given('description', r.description, (v) => freeText('description', v)),
    ...given('location', r.location, (v) => freeText('location', v)),
    ...given('name', r.name),
    ...given('group', r.group, (v) => reference('group', v)),
    ...given('bootstrapAddress', r.bootstrap_address, (v) =>
      agentAddress('bootstrap_address', v, DEFAULT_AGENT_PORT),
    ),
    ...given('bootstrapValuesYaml', r.bootstrap_values_yaml),
    ...given('peerGroup', r.peer_group, (v) => reference('peer_group', v)),
  }
}

function groupFields(request: {
  readonly description?: string | undefined
  readonly update_apply_type?: string | undefined
  readonly max_parallel_subclouds?: number | undefined
}): Partial<SubcloudGroupFields> {
  const r = request
  return {
    ...given('description', r.description, (v) => freeText('description', v)),
    ...given('updateApplyType', r.update_apply_type, (v) =>
      choice('update_apply_type', v, UPDATE_APPLY_TYPES),
    ),
    ...given('maxParallelSubclouds', r.max_parallel_subclouds, (v) =>
      integerIn('max_parallel_subclouds', v, { min: 1, max: MAX_PARALLEL }),
    ),
  }
}

export function newGroupInput(request: AddSubcloudGroupRequest__Output): NewSubcloudGroup {
  return { name: entityName('name', request.name), ...groupFields(request) }
}

export function groupChangesInput(request: UpdateSubcloudGroupRequest__Output): Partial<SubcloudGroupFields> {
  return { ...given('name', request.name, (v) => entityName('name', v)), ...groupFields(request) }
}
