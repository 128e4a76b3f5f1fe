import { randomBytes } from 'node:crypto'
import {
  checkSubcloudCompatibility,
  familyOf,
  formatHostPort,
  parseBootstrapValues,
  parseHostPort,
  readYamlMapping,
  stripBootstrapSecrets,
  textProblem,
  writeYamlMapping,
  subcloudFleetRanges,
} from '@dc/netmodel'
import type { BootstrapValues, Family, HostPort, SystemState } from '@dc/netmodel'
import { MAX_BOOTSTRAP_VALUES_BYTES } from '@dc/protos'
import { DEFAULT_AGENT_PORT } from '../config.js'
import { SubcloudAddRejectedError } from '../errors.js'
import { DEFAULT_GROUP_ID } from '../subcloud-groups/subcloud-group.js'
import { NEW_SUBCLOUD_STATE } from './subcloud.js'
import type { SubcloudFields } from './subcloud.js'
import type { FleetClaim, FleetClashes } from './fleet-registry.js'
import { checkSubcloudName } from './subcloud-name.js'
import { checkDcmanagerSubnets, controlPool, fleetClaimOf, fleetViolations } from './subcloud-fleet-rules.js'
import { ViolationList } from './violation-list.js'

export { fleetViolations }

/** The `subcloud add` request, as the DcManager service receives it. */
export interface SubcloudAddRequest {
  readonly bootstrapAddress: string
  readonly bootstrapValuesYaml: string
  /**
   * The values already as a mapping, instead of `bootstrapValuesYaml`: a peer site's copy, whose
   * values its own add checked (size and YAML) before they were sent; saves a YAML round trip per copy.
   */
  readonly bootstrapValues?: Readonly<Record<string, unknown>> | undefined
  readonly group?: string | undefined
  readonly release?: string | undefined
  readonly description?: string | undefined
  readonly location?: string | undefined
  readonly name?: string | undefined
  /** `--migrate`: the subcloud is already deployed (checked against its agent after these rules). */
  readonly migrate?: boolean
}

/** What validation reads from the controller and its store. */
export interface SubcloudAddContext {
  readonly controller: SystemState
  /** Existing subclouds whose stored range or management subnet the new one would clash with. */
  fleetClashes(claim: Pick<FleetClaim, 'ranges' | 'oamNetwork'>): Promise<FleetClashes>
  /** Resolve `--group` (name or id); undefined when there is no such group. */
  findGroupId(ref: string): Promise<number | undefined>
  subcloudNameExists(name: string): Promise<boolean>
}

/** A request that passed every check: the row to insert and the values to bootstrap the agent with. */
export interface AcceptedSubcloudAdd {
  readonly fields: Omit<SubcloudFields, 'epoch'>
  /**
   * YAML sent to the agent's Bootstrap: the operator's values plus the subcloud role and release.
   * Rendered on demand: a peer site's copy is validated as an add is but never bootstrapped from
   * here, and rendering it cost the peer about 0.6 ms of CPU per copy (an initial sync of 10,000).
   */
  readonly bootstrapYaml: () => string
  readonly values: BootstrapValues
  readonly warnings: readonly string[]
  /** What the subcloud takes in the fleet: reserve it before inserting the row. */
  readonly claim: FleetClaim
}

const RELEASE_PATTERN = /^\d{1,4}(\.\d{1,4}){1,3}$/

function parseValuesDocument(text: string, out: ViolationList): Record<string, unknown> | undefined {
  if (Buffer.byteLength(text, 'utf8') > MAX_BOOTSTRAP_VALUES_BYTES) {
    out.add(
      'bootstrap_values',
      'BOOTSTRAP_VALUES_TOO_LARGE',
      `larger than ${MAX_BOOTSTRAP_VALUES_BYTES / 1024} KiB (${MAX_BOOTSTRAP_VALUES_BYTES} bytes)`,
      'invalid',
    )
    return undefined
  }
  const doc = readYamlMapping(text)
  if (doc.ok) return doc.value
  if (doc.reason === 'syntax') {
    out.add('bootstrap_values', 'BOOTSTRAP_VALUES_NOT_YAML', `not valid YAML: ${doc.message}`, 'invalid')
  } else {
    out.add('bootstrap_values', 'BOOTSTRAP_VALUES_NOT_MAPPING', doc.message, 'invalid')
  }
  return undefined
}

function checkTextField(key: string, value: string | undefined, out: ViolationList): void {
  const problem = value === undefined ? undefined : textProblem(value)
  if (problem !== undefined) out.add(key, problem.code, problem.reason, 'invalid')
}

function parseBootstrapAddress(text: string, out: ViolationList): HostPort | undefined {
  let hp: HostPort
  try {
    hp = parseHostPort(text, DEFAULT_AGENT_PORT)
  } catch (err) {
    out.add(
      'bootstrap_address',
      'BOOTSTRAP_ADDRESS_INVALID',
      `'${text.slice(0, 100)}' is not an address or [address]:port (${err instanceof Error ? err.message : 'unreadable'})`,
      'invalid',
    )
    return undefined
  }
  if (hp.host.value === 0n || hp.host.isMulticast()) {
    out.add(
      'bootstrap_address',
      'BOOTSTRAP_ADDRESS_INVALID',
      `${hp.host.toString()} is not a unicast address an agent can listen on`,
      'invalid',
    )
    return undefined
  }
  return hp
}

/** Values with every secret key removed (not just masked): what the controller keeps. */
export const storedBootstrapValues = stripBootstrapSecrets

/** 32 lowercase hex digits, as dcmanager generates region names. */
export function newRegionName(): string {
  return randomBytes(16).toString('hex')
}

/**
 * The subcloud's primary OAM family: from the parsed values, or, when they do not parse, from the
 * first item of `external_oam_subnet` alone, so the address check is reported with the others.
 */
function primaryOamFamily(
  raw: Readonly<Record<string, unknown>>,
  values: BootstrapValues | undefined,
): Family | undefined {
  if (values !== undefined) return values.networks.external_oam[0]?.subnet.family
  const text = raw.external_oam_subnet
  return typeof text === 'string' ? familyOf(text.split(',')[0] ?? '') : undefined
}

/**
 * The bootstrap address is where the controller reaches the agent before the subcloud has a
 * network it routes to: of the primary OAM family, inside the primary OAM subnet, as StarlingX
 * bootstraps over OAM. A loopback address marks a single-machine lab and is taken as it is.
 */
function checkBootstrapAddress(
  address: HostPort | undefined,
  oamFamily: Family | undefined,
  values: BootstrapValues | undefined,
  out: ViolationList,
): void {
  if (address === undefined || oamFamily === undefined) return
  if (address.host.family !== oamFamily) {
    out.add(
      'bootstrap_address',
      'BOOTSTRAP_ADDRESS_FAMILY',
      `bootstrap address ${address.host.toString()} is ${address.host.family}, but the subcloud's primary OAM family ` +
        `(external_oam_subnet) is ${oamFamily}: the system controller only talks to a subcloud over its primary family`,
      'invalid',
    )
    return
  }
  const oam = values?.networks.external_oam[0]?.subnet
  if (oam === undefined || address.host.isLoopback() || oam.contains(address.host)) return
  out.add(
    'bootstrap_address',
    'BOOTSTRAP_ADDRESS_OUTSIDE_OAM',
    `bootstrap address ${address.host.toString()} is not in the subcloud's primary OAM subnet ` +
      `(external_oam_subnet) ${oam.toString()}: a subcloud is bootstrapped over its OAM network ` +
      '(a loopback address is taken as a single-machine lab)',
    'invalid',
  )
}

/** The request's own fields: free text, release, and whether the controller takes adds now. */
function checkRequestFields(request: SubcloudAddRequest, controller: SystemState, out: ViolationList): void {
  checkTextField('description', request.description, out)
  checkTextField('location', request.location, out)
  if (request.release !== undefined && !RELEASE_PATTERN.test(request.release)) {
    out.add(
      'release',
      'RELEASE_INVALID',
      `'${request.release.slice(0, 40)}' is not a release like 24.09`,
      'invalid',
    )
  }
  if (controller.upgradeInProgress !== 'none') {
    out.add(
      'system',
      'CONTROLLER_UPGRADE_IN_PROGRESS',
      `the system controller has a ${controller.upgradeInProgress} upgrade in progress`,
      'conflict',
    )
  }
}

/** `--group`, by name or id; the Default group when absent. */
async function resolveGroup(
  request: SubcloudAddRequest,
  ctx: SubcloudAddContext,
  out: ViolationList,
): Promise<number> {
  if (request.group === undefined) return DEFAULT_GROUP_ID
  const found = await ctx.findGroupId(request.group)
  if (found !== undefined) return found
  out.add(
    'group',
    'GROUP_NOT_FOUND',
    `subcloud group ${request.group.slice(0, 100)} does not exist`,
    'conflict',
  )
  return DEFAULT_GROUP_ID
}

/** The `name` of the values: a valid subcloud name, the one `--name` gave, not taken yet. */
async function checkName(
  raw: Readonly<Record<string, unknown>>,
  request: SubcloudAddRequest,
  ctx: SubcloudAddContext,
  out: ViolationList,
): Promise<void> {
  const name = typeof raw.name === 'string' ? raw.name.trim() : undefined
  if (name === undefined) return
  const problems = checkSubcloudName(name)
  for (const problem of problems) out.add('name', 'SUBCLOUD_NAME_INVALID', problem, 'invalid')
  if (request.name !== undefined && request.name !== name) {
    out.add(
      'name',
      'SUBCLOUD_NAME_MISMATCH',
      `--name ${request.name.slice(0, 100)} differs from the bootstrap values name ${name.slice(0, 100)}`,
      'invalid',
    )
  }
  if (problems.length === 0 && (await ctx.subcloudNameExists(name))) {
    out.add('name', 'SUBCLOUD_NAME_TAKEN', `Subcloud with name ${name} already exists`, 'duplicate')
  }
}

function checkRole(raw: Readonly<Record<string, unknown>>, out: ViolationList): void {
  const role = raw.distributed_cloud_role
  if (role !== undefined && role !== null && role !== 'subcloud') {
    out.add(
      'distributed_cloud_role',
      'SUBCLOUD_ROLE_INVALID',
      `a subcloud's distributed_cloud_role must be subcloud (or absent), got ${JSON.stringify(role).slice(0, 60)}`,
      'invalid',
    )
  }
}

/**
 * The values against StarlingX's rules (netmodel), against this controller (primary families,
 * gateway, release), dcmanager's subnet sizes, and the fleet's ranges.
 */
async function checkValues(
  raw: Readonly<Record<string, unknown>>,
  request: SubcloudAddRequest,
  ctx: SubcloudAddContext,
  out: ViolationList,
): Promise<{ values: BootstrapValues; warnings: readonly string[] } | undefined> {
  const parsed = parseBootstrapValues(raw)
  if (!parsed.ok) {
    for (const e of parsed.errors) out.add(e.key, e.code, e.message, 'invalid')
    return undefined
  }
  const { values } = parsed
  const compatibility = checkSubcloudCompatibility(
    ctx.controller,
    values,
    request.release === undefined ? {} : { release: request.release },
  )
  for (const v of compatibility) {
    out.add(v.key, v.code, v.message, v.category === 'invalid-argument' ? 'invalid' : 'conflict')
  }
  checkDcmanagerSubnets(values, out)
  const clashes = await ctx.fleetClashes({
    ranges: subcloudFleetRanges(values),
    oamNetwork: values.networks.external_oam[0]?.subnet.network,
  })
  for (const v of fleetViolations(values, clashes)) out.add(v.key, v.code, v.message, v.kind)
  return { values, warnings: parsed.warnings }
}

/** What an accepted request becomes: the subcloud's fields, its fleet claim, the agent's values. */
function accept(
  request: SubcloudAddRequest,
  controller: SystemState,
  checked: {
    raw: Readonly<Record<string, unknown>>
    values: BootstrapValues
    address: HostPort
    groupId: number
  },
): Omit<AcceptedSubcloudAdd, 'warnings'> | undefined {
  const { raw, values, address, groupId } = checked
  const control = controlPool(values)
  const oam = values.networks.external_oam[0]
  const scGateway = values.systemControllerGateway[0]
  const claim = fleetClaimOf(values)
  if (
    control === undefined ||
    oam === undefined ||
    scGateway === undefined ||
    values.name === undefined ||
    claim === undefined
  ) {
    return undefined
  }
  const release = request.release ?? values.softwareVersion ?? controller.softwareVersion
  const bootstrapValues: Record<string, unknown> = { ...raw, distributed_cloud_role: 'subcloud' }
  if (raw.software_version === undefined && raw.release === undefined)
    bootstrapValues.software_version = release
  return {
    values,
    claim,
    bootstrapYaml: () => writeYamlMapping(bootstrapValues),
    fields: {
      name: values.name,
      description: request.description ?? '',
      location: request.location ?? '',
      regionName: newRegionName(),
      softwareVersion: release,
      managementSubnet: control.subnet.toString(),
      managementStartIp: control.start.toString(),
      managementEndIp: control.end.toString(),
      managementGatewayIp: control.gateway?.toString() ?? '',
      systemcontrollerGatewayIp: scGateway.toString(),
      externalOamFamily: oam.subnet.family,
      groupId,
      ...NEW_SUBCLOUD_STATE,
      bootstrapAddress: formatHostPort(address.host.toString(), address.port),
      storedValuesJson: JSON.stringify(storedBootstrapValues(raw)),
    },
  }
}

/**
 * Every check of `subcloud add` (spec distcloud 2.3, netmodel's compatibility rules, the fleet
 * overlap rule, the OAM family of the bootstrap address), all run before anything is written, in
 * named phases that each add what they find to one list. Throws {@link SubcloudAddRejectedError}
 * listing every violation; returns the fields of the subcloud to insert.
 */
export async function validateSubcloudAdd(
  request: SubcloudAddRequest,
  ctx: SubcloudAddContext,
): Promise<AcceptedSubcloudAdd> {
  const out = new ViolationList()
  checkRequestFields(request, ctx.controller, out)
  const address = parseBootstrapAddress(request.bootstrapAddress, out)
  const groupId = await resolveGroup(request, ctx, out)
  const raw =
    request.bootstrapValues === undefined
      ? parseValuesDocument(request.bootstrapValuesYaml, out)
      : { ...request.bootstrapValues }
  let checked: { values: BootstrapValues; warnings: readonly string[] } | undefined
  if (raw !== undefined) {
    await checkName(raw, request, ctx, out)
    checkRole(raw, out)
    checked = await checkValues(raw, request, ctx, out)
    checkBootstrapAddress(address, primaryOamFamily(raw, checked?.values), checked?.values, out)
  }
  const accepted =
    out.items.length > 0 || raw === undefined || checked === undefined || address === undefined
      ? undefined
      : accept(request, ctx.controller, { raw, values: checked.values, address, groupId })
  if (accepted === undefined || checked === undefined) {
    if (out.items.length === 0) {
      out.add('bootstrap_values', 'BOOTSTRAP_VALUES_INCOMPLETE', 'required values are missing', 'invalid')
    }
    throw new SubcloudAddRejectedError(out.items)
  }
  return { ...accepted, warnings: checked.warnings }
}
