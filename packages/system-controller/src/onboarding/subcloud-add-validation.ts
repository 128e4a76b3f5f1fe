import { randomBytes } from 'node:crypto'
import {
  BOOTSTRAP_SECRET_KEYS,
  IpRange,
  checkSubcloudCompatibility,
  familyOf,
  formatHostPort,
  parseBootstrapValues,
  parseHostPort,
  redactBootstrapValues,
  subcloudFleetRanges,
} from '@dc/netmodel'
import type { BootstrapPool, BootstrapValues, Family, HostPort, SystemState } from '@dc/netmodel'
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml'
import { DEFAULT_AGENT_PORT } from '../config.js'
import { SubcloudAddRejectedError } from '../errors.js'
import type { Violation, ViolationKind } from '../errors.js'
import type { NewSubcloud } from '../store/schema.js'
import type { FleetClaim, FleetClashes } from './fleet-registry.js'
import { checkSubcloudName } from './subcloud-name.js'

/** The `subcloud add` request, as the DcManager service receives it. */
export interface SubcloudAddRequest {
  readonly bootstrapAddress: string
  readonly bootstrapValuesYaml: string
  readonly group?: string | undefined
  readonly release?: string | undefined
  readonly description?: string | undefined
  readonly location?: string | undefined
  readonly name?: string | undefined
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
  readonly row: Omit<NewSubcloud, 'epoch'>
  /** YAML sent to the agent's Bootstrap: the operator's values plus the subcloud role and release. */
  readonly bootstrapYaml: string
  readonly values: BootstrapValues
  readonly warnings: readonly string[]
  /** What the subcloud takes in the fleet: reserve it before inserting the row. */
  readonly claim: FleetClaim
}

/** Upper bound on the values file: far above any real `localhost.yml`, small enough to parse at once. */
export const MAX_BOOTSTRAP_VALUES_BYTES = 256 * 1024
const MAX_TEXT_FIELD = 255
const RELEASE_PATTERN = /^\d{1,4}(\.\d{1,4}){1,3}$/

const FAMILY_DIGIT: Record<Family, string> = { IPv4: '4', IPv6: '6' }

class ViolationList {
  readonly items: Violation[] = []

  add(key: string, code: string, message: string, kind: ViolationKind): void {
    if (!this.items.some((v) => v.key === key && v.code === code && v.message === message)) {
      this.items.push({ key, code, message, kind })
    }
  }
}

function parseValuesDocument(text: string, out: ViolationList): Record<string, unknown> | undefined {
  if (Buffer.byteLength(text, 'utf8') > MAX_BOOTSTRAP_VALUES_BYTES) {
    out.add(
      'bootstrap_values',
      'BOOTSTRAP_VALUES_TOO_LARGE',
      `larger than ${MAX_BOOTSTRAP_VALUES_BYTES} bytes`,
      'invalid',
    )
    return undefined
  }
  let doc: unknown
  try {
    doc = parseYaml(text, { maxAliasCount: 50, uniqueKeys: true, prettyErrors: false })
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : 'unreadable'
    out.add('bootstrap_values', 'BOOTSTRAP_VALUES_NOT_YAML', `not valid YAML: ${reason}`, 'invalid')
    return undefined
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    out.add(
      'bootstrap_values',
      'BOOTSTRAP_VALUES_NOT_MAPPING',
      'must be a YAML mapping of keys to values',
      'invalid',
    )
    return undefined
  }
  return doc as Record<string, unknown>
}

function checkTextField(key: string, value: string | undefined, out: ViolationList): void {
  if (value === undefined) return
  if (value.length > MAX_TEXT_FIELD) {
    out.add(key, 'FIELD_TOO_LONG', `at most ${MAX_TEXT_FIELD} characters`, 'invalid')
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value))
    out.add(key, 'FIELD_CONTROL_CHARS', 'must not contain control characters', 'invalid')
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

/** dcmanager `validate_network_str` sizes for the networks it checks (spec distcloud 2.3). */
function checkDcmanagerSubnets(values: BootstrapValues, out: ViolationList): void {
  const minControl = values.systemMode === 'simplex' ? 4n : 8n
  const checks: [string, readonly BootstrapPool[], bigint][] = [
    ['management_subnet', values.networks.management, minControl],
    ['admin_subnet', values.networks.admin, minControl],
    ['external_oam_subnet', values.networks.external_oam, 3n],
  ]
  for (const [key, pools, min] of checks) {
    for (const { subnet } of pools) {
      if (subnet.size < min) {
        out.add(
          key,
          'SUBNET_TOO_SMALL',
          `${key} invalid: Subnet too small - must have at least ${min} addresses`,
          'invalid',
        )
      }
      if (subnet.family === 'IPv6' && subnet.prefix < 64) {
        out.add(key, 'IPV6_PREFIX_TOO_SHORT', `${key} invalid: IPv6 minimum prefix length is 64`, 'invalid')
      }
    }
  }
}

/** The fleet rules' violations (spec 2.3) for a subcloud with `values` that clashes as `clashes` says. */
export function fleetViolations(values: BootstrapValues, clashes: FleetClashes): Violation[] {
  const out = new ViolationList()
  for (const conflict of clashes.ranges) {
    const key = values.networks.admin.some((p) => p.start.equals(conflict.requested.start))
      ? 'admin_start_address'
      : 'management_start_address'
    out.add(
      key,
      'FLEET_RANGE_OVERLAP',
      `Management address range ${conflict.requested.start.toString()}-${conflict.requested.end.toString()} ` +
        `overlaps with that of subcloud ${conflict.owner} (${conflict.range.start.toString()}-${conflict.range.end.toString()})`,
      'conflict',
    )
  }
  // spec 2.3: the OAM network address must not fall inside another subcloud's management subnet.
  const oam = values.networks.external_oam[0]?.subnet
  for (const { owner, subnet } of clashes.subnets) {
    out.add(
      'external_oam_subnet',
      'OAM_SUBNET_OVERLAP',
      `external_oam_subnet invalid: Subnet ${oam?.toString() ?? ''} overlaps with another configured subnet (management subnet ${subnet} of subcloud ${owner})`,
      'conflict',
    )
  }
  return out.items
}

/** Values with every secret key removed (not just masked): what the controller keeps. */
export function storedBootstrapValues(raw: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const redacted = redactBootstrapValues(raw)
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip)
    if (value === null || typeof value !== 'object') return value
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !BOOTSTRAP_SECRET_KEYS.includes(k))
        .map(([k, v]) => [k, strip(v)]),
    )
  }
  return strip(redacted) as Record<string, unknown>
}

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

/** The bootstrap address is the one the controller dials: it must be of the primary OAM family. */
function checkAddressFamily(
  address: HostPort | undefined,
  oamFamily: Family | undefined,
  out: ViolationList,
): void {
  if (address === undefined || oamFamily === undefined || address.host.family === oamFamily) return
  out.add(
    'bootstrap_address',
    'BOOTSTRAP_ADDRESS_FAMILY',
    `bootstrap address ${address.host.toString()} is ${address.host.family}, but the subcloud's primary OAM family ` +
      `(external_oam_subnet) is ${oamFamily}: the system controller only talks to a subcloud over its primary family`,
    'invalid',
  )
}

function controlPool(values: BootstrapValues): BootstrapPool | undefined {
  return values.networks.admin[0] ?? values.networks.management[0]
}

/**
 * Every check of `subcloud add` (spec distcloud 2.3, netmodel's compatibility rules, the fleet
 * overlap rule, the OAM family of the bootstrap address), all run before anything is written.
 * Throws {@link SubcloudAddRejectedError} listing every violation; returns the row to insert.
 */
export async function validateSubcloudAdd(
  request: SubcloudAddRequest,
  ctx: SubcloudAddContext,
): Promise<AcceptedSubcloudAdd> {
  const out = new ViolationList()
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
  if (ctx.controller.upgradeInProgress !== 'none') {
    out.add(
      'system',
      'CONTROLLER_UPGRADE_IN_PROGRESS',
      `the system controller has a ${ctx.controller.upgradeInProgress} upgrade in progress`,
      'conflict',
    )
  }
  const address = parseBootstrapAddress(request.bootstrapAddress, out)
  let groupId = 1
  if (request.group !== undefined) {
    const found = await ctx.findGroupId(request.group)
    if (found === undefined) {
      out.add(
        'group',
        'GROUP_NOT_FOUND',
        `subcloud group ${request.group.slice(0, 100)} does not exist`,
        'conflict',
      )
    } else {
      groupId = found
    }
  }

  const raw = parseValuesDocument(request.bootstrapValuesYaml, out)
  let values: BootstrapValues | undefined
  let warnings: readonly string[] = []
  if (raw !== undefined) {
    const name = typeof raw.name === 'string' ? raw.name.trim() : undefined
    if (name !== undefined) {
      for (const problem of checkSubcloudName(name))
        out.add('name', 'SUBCLOUD_NAME_INVALID', problem, 'invalid')
      if (request.name !== undefined && request.name !== name) {
        out.add(
          'name',
          'SUBCLOUD_NAME_MISMATCH',
          `--name ${request.name.slice(0, 100)} differs from the bootstrap values name ${name.slice(0, 100)}`,
          'invalid',
        )
      }
      if (checkSubcloudName(name).length === 0 && (await ctx.subcloudNameExists(name))) {
        out.add('name', 'SUBCLOUD_NAME_TAKEN', `Subcloud with name ${name} already exists`, 'duplicate')
      }
    }
    const role = raw.distributed_cloud_role
    if (role !== undefined && role !== null && role !== 'subcloud') {
      out.add(
        'distributed_cloud_role',
        'SUBCLOUD_ROLE_INVALID',
        `a subcloud's distributed_cloud_role must be subcloud (or absent), got ${JSON.stringify(role).slice(0, 60)}`,
        'invalid',
      )
    }
    const parsed = parseBootstrapValues(raw)
    if (!parsed.ok) {
      for (const e of parsed.errors) out.add(e.key, e.code, e.message, 'invalid')
    } else {
      values = parsed.values
      warnings = parsed.warnings
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
    }
    checkAddressFamily(address, primaryOamFamily(raw, values), out)
  }

  const control = values === undefined ? undefined : controlPool(values)
  const oam = values?.networks.external_oam[0]
  const scGateway = values?.systemControllerGateway[0]
  if (
    out.items.length > 0 ||
    raw === undefined ||
    values === undefined ||
    address === undefined ||
    control === undefined ||
    oam === undefined ||
    scGateway === undefined ||
    values.name === undefined
  ) {
    if (out.items.length === 0) {
      out.add('bootstrap_values', 'BOOTSTRAP_VALUES_INCOMPLETE', 'required values are missing', 'invalid')
    }
    throw new SubcloudAddRejectedError(out.items)
  }

  const release = request.release ?? values.softwareVersion ?? ctx.controller.softwareVersion
  const bootstrapValues: Record<string, unknown> = { ...raw, distributed_cloud_role: 'subcloud' }
  if (raw.software_version === undefined && raw.release === undefined)
    bootstrapValues.software_version = release
  return {
    values,
    warnings,
    claim: {
      name: values.name,
      ranges: subcloudFleetRanges(values),
      oamNetwork: oam.subnet.network,
      storedRange: new IpRange(control.start, control.end),
      managementSubnet: control.subnet,
    },
    bootstrapYaml: stringifyYaml(bootstrapValues),
    row: {
      name: values.name,
      description: request.description ?? '',
      location: request.location ?? '',
      region_name: newRegionName(),
      software_version: release,
      management_subnet: control.subnet.toString(),
      management_start_ip: control.start.toString(),
      management_end_ip: control.end.toString(),
      management_gateway_ip: control.gateway?.toString() ?? '',
      systemcontroller_gateway_ip: scGateway.toString(),
      external_oam_subnet_ip_family: FAMILY_DIGIT[oam.subnet.family],
      group_id: groupId,
      deploy_status: 'not-deployed',
      error_description: 'No errors present',
      availability_status: 'offline',
      audit_fail_count: 0,
      management_state: 'unmanaged',
      bootstrap_address: formatHostPort(address.host.toString(), address.port),
      bootstrap_values_json: JSON.stringify(storedBootstrapValues(raw)),
    },
  }
}
