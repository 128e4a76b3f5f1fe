import { initialState, parseBootstrapValues } from '@dc/netmodel'
import type { SystemState } from '@dc/netmodel'
import { CENTRAL_CONTROLLER_VALUES, rejectionOf } from '@dc/test-support'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { SubcloudAddRejectedError } from '../src/errors.js'
import type { Violation } from '../src/errors.js'
import { FleetRegistry } from '../src/subclouds/fleet-registry.js'
import { validateSubcloudAdd } from '../src/subclouds/subcloud-add-validation.js'
import type { SubcloudAddContext, SubcloudAddRequest } from '../src/subclouds/subcloud-add-validation.js'
import type { FleetEntry } from '../src/subclouds/subcloud.js'

type Values = Record<string, string>

function controllerState(): SystemState {
  const parsed = parseBootstrapValues(CENTRAL_CONTROLLER_VALUES)
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('; '))
  return initialState(parsed.values, { uuid: '00000000-0000-4000-8000-000000000001' })
}

function ipv6Subcloud(n: number, extra: Values = {}): Values {
  return {
    name: `subcloud${n}`,
    system_mode: 'simplex',
    management_subnet: `fd01:1${n}::/64`,
    management_start_address: `fd01:1${n}::2`,
    management_end_address: `fd01:1${n}::50`,
    management_gateway_address: `fd01:1${n}::1`,
    systemcontroller_gateway_address: 'fd01:1::1',
    external_oam_subnet: `fd00:1${n}::/64`,
    external_oam_gateway_address: `fd00:1${n}::1`,
    external_oam_floating_address: `fd00:1${n}::2`,
    cluster_host_subnet: `fd02:1${n}::/64`,
    cluster_pod_subnet: `fd03:1${n}::/64`,
    cluster_service_subnet: `fd04:1${n}::/112`,
    admin_password: 'Secr3t!',
    ...extra,
  }
}

function ipv4Subcloud(n: number): Values {
  return {
    name: `subcloud${n}`,
    system_mode: 'simplex',
    management_subnet: `192.168.11${n}.0/24`,
    management_start_address: `192.168.11${n}.2`,
    management_end_address: `192.168.11${n}.50`,
    management_gateway_address: `192.168.11${n}.1`,
    systemcontroller_gateway_address: '192.168.101.1',
    external_oam_subnet: `10.10.1${n}.0/24`,
    external_oam_gateway_address: `10.10.1${n}.1`,
    external_oam_floating_address: `10.10.1${n}.2`,
    cluster_host_subnet: `192.168.20${n}.0/24`,
    cluster_pod_subnet: `172.1${n}.0.0/16`,
    cluster_service_subnet: `10.9${n}.0.0/16`,
  }
}

function yaml(values: Values): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n')
}

function context(fleet: FleetEntry[] = [], names: string[] = []): SubcloudAddContext {
  const registry = new FleetRegistry({
    fleetEntries: (afterId = 0) => Promise.resolve(fleet.filter((e) => e.id > afterId)),
  })
  return {
    controller: controllerState(),
    fleetClashes: (claim) => registry.clashes(claim),
    findGroupId: (ref) =>
      Promise.resolve(ref === 'Default' || ref === '1' ? 1 : ref === 'edge' ? 2 : undefined),
    subcloudNameExists: (name) => Promise.resolve(names.includes(name)),
  }
}

/** Why `validateSubcloudAdd` refuses `request`. */
function refusedAdd(
  request: SubcloudAddRequest,
  ctx: SubcloudAddContext = context(),
): Promise<SubcloudAddRejectedError> {
  return rejectionOf(validateSubcloudAdd(request, ctx), SubcloudAddRejectedError)
}

const keys = (violations: readonly Violation[]): string[] => [...new Set(violations.map((v) => v.key))].sort()

const test = suite('validateSubcloudAdd')

test('validateSubcloudAdd - accepts an IPv6-only subcloud and builds its fields', async () => {
  const accepted = await validateSubcloudAdd(
    { bootstrapAddress: '::1', bootstrapValuesYaml: yaml(ipv6Subcloud(1)), group: 'edge' },
    context(),
  )
  const { fields } = accepted
  assert.is(fields.name, 'subcloud1')
  assert.is(fields.bootstrapAddress, '[::1]:50051', 'the default agent port, IPv6 bracketed')
  assert.is(fields.externalOamFamily, 'IPv6')
  assert.is(fields.managementSubnet, 'fd01:11::/64')
  assert.is(fields.managementStartIp, 'fd01:11::2')
  assert.is(fields.systemcontrollerGatewayIp, 'fd01:1::1')
  assert.is(fields.groupId, 2)
  assert.is(fields.softwareVersion, '24.09', "the controller's release when none is given")
  assert.match(fields.regionName, /^[0-9a-f]{32}$/)
  assert.is(fields.deployStatus, 'not-deployed')
  assert.not.match(fields.storedValuesJson, /Secr3t|admin_password/)
  assert.match(accepted.bootstrapYaml(), /distributed_cloud_role: subcloud/)
  assert.match(accepted.bootstrapYaml(), /Secr3t!/, 'the agent still gets the secrets it needs')
})

test('validateSubcloudAdd - a dual-stack IPv6-primary subcloud stores its primary values only', async () => {
  const values = ipv6Subcloud(2, {
    management_subnet: 'fd01:12::/64,192.168.112.0/24',
    management_start_address: 'fd01:12::2,192.168.112.2',
    management_end_address: 'fd01:12::50,192.168.112.50',
    management_gateway_address: 'fd01:12::1,192.168.112.1',
    systemcontroller_gateway_address: 'fd01:1::1,192.168.101.1',
    external_oam_subnet: 'fd00:12::/64,10.10.12.0/24',
    external_oam_gateway_address: 'fd00:12::1,10.10.12.1',
    external_oam_floating_address: 'fd00:12::2,10.10.12.2',
  })
  const { fields } = await validateSubcloudAdd(
    { bootstrapAddress: '[::1]:6000', bootstrapValuesYaml: yaml(values) },
    context(),
  )
  assert.is(fields.managementSubnet, 'fd01:12::/64')
  assert.is(fields.managementGatewayIp, 'fd01:12::1')
  assert.is(fields.systemcontrollerGatewayIp, 'fd01:1::1')
  assert.is(fields.bootstrapAddress, '[::1]:6000')
})

test('validateSubcloudAdd - an IPv4-primary subcloud is refused for OAM and management, both families named', async () => {
  const err = await refusedAdd({ bootstrapAddress: '127.0.0.1', bootstrapValuesYaml: yaml(ipv4Subcloud(3)) })
  assert.is(err.category, 'failed-precondition')
  assert.equal(keys(err.violations), ['external_oam_subnet', 'management_subnet'])
  assert.match(err.message, /OAM family IPv4 differs .* IPv6/)
  assert.match(err.message, /management .* family IPv4 differs .* mgmt family IPv6/)
})

test('validateSubcloudAdd - the bootstrap address must be of the primary OAM family', async () => {
  const err = await refusedAdd({
    bootstrapAddress: '127.0.0.1:50051',
    bootstrapValuesYaml: yaml(ipv6Subcloud(1)),
  })
  assert.is(err.category, 'invalid-argument')
  assert.equal(keys(err.violations), ['bootstrap_address'])
})

test('validateSubcloudAdd - the bootstrap address must lie in the primary OAM subnet, unless on loopback', async () => {
  const outside = await refusedAdd({
    bootstrapAddress: '[fd00:99::10]:50051',
    bootstrapValuesYaml: yaml(ipv6Subcloud(1)),
  })
  assert.is(outside.category, 'invalid-argument')
  assert.equal(keys(outside.violations), ['bootstrap_address'])
  assert.is(outside.violations[0]?.code, 'BOOTSTRAP_ADDRESS_OUTSIDE_OAM')
  assert.match(
    outside.message,
    /not in the subcloud's primary OAM subnet \(external_oam_subnet\) fd00:11::\/64/,
  )
  const inside = await validateSubcloudAdd(
    { bootstrapAddress: '[fd00:11::10]:50051', bootstrapValuesYaml: yaml(ipv6Subcloud(1)) },
    context(),
  )
  assert.is(inside.fields.bootstrapAddress, '[fd00:11::10]:50051')
  const lab = await validateSubcloudAdd(
    { bootstrapAddress: '[::1]:50051', bootstrapValuesYaml: yaml(ipv6Subcloud(1)) },
    context(),
  )
  assert.is(lab.fields.bootstrapAddress, '[::1]:50051', 'a single-machine lab keeps its loopback address')
})

test('validateSubcloudAdd - reports every problem at once, each naming its key', async () => {
  const values = ipv6Subcloud(1, { name: '123', external_oam_gateway_address: 'not-an-address' })
  const err = await refusedAdd({
    bootstrapAddress: 'nowhere',
    bootstrapValuesYaml: yaml(values),
    group: 'missing',
    release: 'ten',
  })
  assert.is(err.category, 'invalid-argument')
  for (const key of ['name', 'external_oam_gateway_address', 'bootstrap_address', 'group', 'release']) {
    assert.ok(keys(err.violations).includes(key), `${key} in ${keys(err.violations).join(', ')}`)
  }
})

test('validateSubcloudAdd - fleet rules: overlapping ranges, OAM inside another management subnet, taken names', async () => {
  const fleet: FleetEntry[] = [
    {
      id: 1,
      name: 'other',
      managementSubnet: 'fd00:14::/64',
      managementStart: 'fd01:14::10',
      managementEnd: 'fd01:14::20',
    },
  ]
  const err = await refusedAdd(
    { bootstrapAddress: '::1', bootstrapValuesYaml: yaml(ipv6Subcloud(4)) },
    context(fleet, ['subcloud4']),
  )
  const codes = err.violations.map((v) => v.code).sort()
  assert.equal(codes, ['FLEET_RANGE_OVERLAP', 'OAM_SUBNET_OVERLAP', 'SUBCLOUD_NAME_TAKEN'])
  assert.is(err.category, 'failed-precondition')
  assert.match(err.message, /overlaps with that of subcloud other/)

  const onlyName = await refusedAdd(
    { bootstrapAddress: '::1', bootstrapValuesYaml: yaml(ipv6Subcloud(5)) },
    context([], ['subcloud5']),
  )
  assert.is(onlyName.category, 'already-exists')
})

test('validateSubcloudAdd - malformed documents are refused as such', async () => {
  for (const [doc, code] of [
    ['name: [unclosed', 'BOOTSTRAP_VALUES_NOT_YAML'],
    ['- a list', 'BOOTSTRAP_VALUES_NOT_MAPPING'],
    ['just text', 'BOOTSTRAP_VALUES_NOT_MAPPING'],
    [`a: ${'x'.repeat(300_000)}`, 'BOOTSTRAP_VALUES_TOO_LARGE'],
  ] as const) {
    const err = await refusedAdd({ bootstrapAddress: '::1', bootstrapValuesYaml: doc })
    assert.ok(
      err.violations.some((v) => v.code === code),
      `${code}: ${err.message}`,
    )
  }
  const role = await refusedAdd({
    bootstrapAddress: '::1',
    bootstrapValuesYaml: yaml(ipv6Subcloud(6, { distributed_cloud_role: 'systemcontroller' })),
  })
  assert.ok(keys(role.violations).includes('distributed_cloud_role'))
})

test('validateSubcloudAdd - a password after a YAML indicator is named by key and line, never echoed', async () => {
  for (const indicator of ['*', '|', '>', '!', '&', '%', '@', '`', '{', '[', "'", '"', ',']) {
    const doc = `${yaml(ipv6Subcloud(7, { admin_password: 'x' }))}\nsysadmin_password: ${indicator}Pw1-9zq\n`
    const err = await refusedAdd({ bootstrapAddress: '[::1]:50051', bootstrapValuesYaml: doc })
    const text = `${err.message} ${JSON.stringify(err.violations)}`
    assert.not.ok(text.includes('Pw1-9zq'), `${indicator}: ${text}`)
    const violation = err.violations.find((v) => v.code === 'BOOTSTRAP_VALUES_NOT_YAML')
    assert.ok(violation, `${indicator}: ${text}`)
    assert.match(violation.message, /^not valid YAML: \S+ \(line \d+, column \d+\): /)
  }
})

test.run()
