import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { BootstrapErrorCode, BootstrapValueError } from '../src/bootstrap-value-error.js'
import {
  BOOTSTRAP_SECRET_KEYS,
  bootstrapKey,
  bootstrapPoolName,
  parseBootstrapValues,
  redactBootstrapValues,
} from '../src/index.js'
import type { BootstrapPool } from '../src/index.js'
import { IPV4_BOOTSTRAP, IPV6_BOOTSTRAP, SEED_BOOTSTRAP, validValues } from './bootstrap-fixtures.js'

type Raw = Readonly<Record<string, unknown>>

function errorsOf(raw: Raw): readonly BootstrapValueError[] {
  const result = parseBootstrapValues(raw)
  if (result.ok) throw new Error('expected the values to be refused')
  return result.errors
}

function describe(errors: readonly BootstrapValueError[]): string {
  return errors.map((e) => `${e.code} ${e.key}: ${e.message}`).join('\n')
}

function expectError(raw: Raw, code: BootstrapErrorCode, key: string, message: RegExp): BootstrapValueError {
  const errors = errorsOf(raw)
  const found = errors.find((e) => e.code === code && e.key === key)
  if (found === undefined) {
    throw new Error(`no ${code} on ${key} among:\n${describe(errors)}`)
  }
  assert.match(found.message, message)
  assert.is(found.field, key)
  assert.is(found.category, 'invalid-argument')
  return found
}

/** Text of each field of a pool, for compact comparisons. */
function text(pool: BootstrapPool | undefined): Record<string, string | undefined> {
  assert.ok(pool, 'pool expected')
  return {
    subnet: pool.subnet.toString(),
    start: pool.start.toString(),
    end: pool.end.toString(),
    floating: pool.floating?.toString(),
    gateway: pool.gateway?.toString(),
    controller0: pool.controller0?.toString(),
    controller1: pool.controller1?.toString(),
  }
}

const Parse = suite('parseBootstrapValues')

Parse("parseBootstrapValues - accepts the seed's dual-stack example", () => {
  const result = parseBootstrapValues(SEED_BOOTSTRAP)
  assert.ok(result.ok, result.ok ? '' : describe(result.errors))
  const { networks, systemMode } = result.values
  assert.is(systemMode, 'simplex')
  assert.equal(
    networks.external_oam.map((p) => p.subnet.toString()),
    ['fd00::/64', '10.20.2.0/24'],
  )
  assert.equal(text(networks.external_oam[0]), {
    subnet: 'fd00::/64',
    start: 'fd00::1',
    end: 'fd00::ffff:ffff:ffff:fffe',
    floating: 'fd00::3',
    gateway: 'fd00::1',
    controller0: 'fd00::4',
    controller1: 'fd00::5',
  })
  assert.equal(text(networks.external_oam[1]), {
    subnet: '10.20.2.0/24',
    start: '10.20.2.1',
    end: '10.20.2.254',
    floating: '10.20.2.3',
    gateway: '10.20.2.1',
    controller0: '10.20.2.4',
    controller1: '10.20.2.5',
  })
  assert.equal(text(networks.management[0]), {
    subnet: 'fd01::/64',
    start: 'fd01::2',
    end: 'fd01::ffff',
    floating: 'fd01::2',
    gateway: undefined,
    controller0: 'fd01::2',
    controller1: 'fd01::2',
  })
  assert.equal(
    networks.cluster_service.map((p) => `${p.subnet.toString()} ${p.start.toString()}-${p.end.toString()}`),
    ['aefd:aaa::/112 aefd:aaa::1-aefd:aaa::fffe', '10.96.0.0/12 10.96.0.1-10.111.255.254'],
  )
  assert.equal(
    networks.pxeboot.map((p) => p.subnet.toString()),
    ['192.168.202.0/24'],
  )
  assert.equal(networks.admin, [])
})

Parse('parseBootstrapValues - defaults the multicast subnet to the management primary family', () => {
  const seed = validValues(SEED_BOOTSTRAP)
  assert.equal(text(seed.networks.management_multicast[0]).subnet, 'ff08::1:1:0/124')
  assert.is(text(seed.networks.management_multicast[0]).end, 'ff08::1:1:e')
  const v4 = validValues(IPV4_BOOTSTRAP)
  assert.equal(text(v4.networks.management_multicast[0]).subnet, '239.1.1.0/28')
  assert.is(text(v4.networks.management_multicast[0]).end, '239.1.1.14')
})

Parse("parseBootstrapValues - warns that the seed's OAM node addresses are unused on simplex", () => {
  const result = parseBootstrapValues(SEED_BOOTSTRAP)
  assert.ok(result.ok)
  assert.equal(result.warnings, [
    'external_oam_node_0_address is not used on a simplex system',
    'external_oam_node_1_address is not used on a simplex system',
  ])
})

Parse("parseBootstrapValues - uses StarlingX's shipped IPv4 defaults for absent subnets", () => {
  const { networks } = validValues(IPV4_BOOTSTRAP)
  const subnets = Object.fromEntries(
    Object.entries(networks).map(([id, pools]) => [id, pools.map((p) => p.subnet.toString())]),
  )
  assert.equal(subnets, {
    management: ['192.168.204.0/24'],
    pxeboot: ['169.254.202.0/24'],
    external_oam: ['10.10.10.0/24'],
    management_multicast: ['239.1.1.0/28'],
    cluster_host: ['192.168.206.0/24'],
    cluster_pod: ['172.16.0.0/16'],
    cluster_service: ['10.96.0.0/12'],
    system_controller: [],
    system_controller_oam: [],
    admin: [],
  })
  assert.is(text(networks.external_oam[0]).gateway, '10.10.10.1')
  assert.is(text(networks.external_oam[0]).floating, '10.10.10.2')
})

Parse('parseBootstrapValues - derives start, end, floating and controller addresses per family', () => {
  const duplex = validValues({
    ...SEED_BOOTSTRAP,
    system_mode: 'duplex',
    management_start_address: 'derived',
    management_end_address: 'derived',
    management_subnet: 'fd01::/64,192.168.204.0/24',
  })
  assert.equal(text(duplex.networks.management[0]), {
    subnet: 'fd01::/64',
    start: 'fd01::1',
    end: 'fd01::ffff:ffff:ffff:fffe',
    floating: 'fd01::1',
    gateway: undefined,
    controller0: 'fd01::2',
    controller1: 'fd01::3',
  })
  assert.equal(text(duplex.networks.management[1]), {
    subnet: '192.168.204.0/24',
    start: '192.168.204.1',
    end: '192.168.204.254',
    floating: '192.168.204.1',
    gateway: undefined,
    controller0: '192.168.204.2',
    controller1: '192.168.204.3',
  })
  assert.is(text(duplex.networks.pxeboot[0]).end, '192.168.202.254')
  const oam = validValues({ ...IPV6_BOOTSTRAP, system_mode: 'duplex' }).networks.external_oam[0]
  assert.equal([text(oam).controller0, text(oam).controller1], ['fd00::3', 'fd00::4'])
})

Parse('parseBootstrapValues - keeps controller addresses equal to floating on simplex', () => {
  const mgmt = validValues(IPV4_BOOTSTRAP).networks.cluster_host[0]
  assert.equal(
    [text(mgmt).floating, text(mgmt).controller0, text(mgmt).controller1],
    ['192.168.206.1', '192.168.206.1', '192.168.206.1'],
  )
})

Parse('parseBootstrapValues - reads the scalar keys and passes the rest through', () => {
  const result = parseBootstrapValues({
    name: 'subcloud1',
    system_mode: 'duplex-direct',
    distributed_cloud_role: 'subcloud',
    software_version: '24.09',
    dns_servers: ['8.8.8.8'],
    admin_password: 'St8rlingX*',
  })
  assert.ok(result.ok)
  const v = result.values
  assert.equal(
    [v.name, v.systemMode, v.distributedCloudRole, v.softwareVersion],
    ['subcloud1', 'duplex-direct', 'subcloud', '24.09'],
  )
  assert.equal(v.passthrough, { dns_servers: ['8.8.8.8'], admin_password: 'St8rlingX*' })
  assert.equal(v.explicitKeys, ['distributed_cloud_role', 'name', 'software_version', 'system_mode'])
  const standard = validValues({ system_mode: 'standard', release: '25.09' })
  assert.equal([standard.systemMode, standard.softwareVersion], ['standard', '25.09'])
})

Parse('parseBootstrapValues - reports every error at once, each naming its key', () => {
  const errors = errorsOf({
    system_mode: 'triplex',
    pxeboot_subnet: 'fd05::/64',
    management_subnet: 'fd01::/48',
    management_multicast_subnet: 'ff08::1:1:0/124',
    external_oam_subnet: 'fd00::/64,10.20.2.0/24',
    external_oam_floating_address: 'fd00::3',
    cluster_host_subnet: 'fd02::/64,192.168.206.0/24',
    cluster_pod_subnet: 'fd03::/64',
    cluster_service_subnet: '10.96.0.0/12',
  })
  assert.equal(errors.map((e) => `${e.code} ${e.key}`).sort(), [
    'BOOTSTRAP_CLUSTER_DUAL_STACK_INCOMPLETE cluster_pod_subnet',
    'BOOTSTRAP_CLUSTER_DUAL_STACK_INCOMPLETE cluster_service_subnet',
    'BOOTSTRAP_INVALID_VALUE system_mode',
    'BOOTSTRAP_IPV6_PREFIX_TOO_SHORT management_subnet',
    'BOOTSTRAP_PRIMARY_FAMILY_MISMATCH cluster_service_subnet',
    'BOOTSTRAP_PXEBOOT_NOT_IPV4 pxeboot_subnet',
    'BOOTSTRAP_SIZE_MISMATCH external_oam_floating_address',
  ])
  for (const e of errors) assert.ok(e.message.includes(e.key), `${e.message} should name ${e.key}`)
})

interface RuleCase {
  readonly rule: string
  readonly family: 'IPv4' | 'IPv6'
  readonly raw: Raw
  readonly code: BootstrapErrorCode
  readonly key: string
  readonly message: RegExp
}

const V4 = IPV4_BOOTSTRAP
const V6 = IPV6_BOOTSTRAP
const DUAL_CLUSTER_V4 = {
  cluster_host_subnet: '192.168.206.0/24,fd02::/64',
  cluster_pod_subnet: '172.16.0.0/16,fd03::/64',
  cluster_service_subnet: '10.96.0.0/12,fd04::/112',
}
const DUAL_CLUSTER_V6 = {
  cluster_host_subnet: 'fd02::/64,192.168.206.0/24',
  cluster_pod_subnet: 'fd03::/64,172.16.0.0/16',
  cluster_service_subnet: 'fd04::/112,10.96.0.0/12',
}

const RULES: readonly RuleCase[] = [
  {
    rule: 'more than two values',
    family: 'IPv4',
    raw: { ...V4, management_subnet: '192.168.204.0/24,fd01::/64,192.168.205.0/24' },
    code: 'BOOTSTRAP_TOO_MANY_VALUES',
    key: 'management_subnet',
    message: /More than two IPs not supported/,
  },
  {
    rule: 'more than two values',
    family: 'IPv6',
    raw: { ...V6, external_oam_floating_address: 'fd00::2,10.10.10.2,fd00::3' },
    code: 'BOOTSTRAP_TOO_MANY_VALUES',
    key: 'external_oam_floating_address',
    message: /More than two IPs not supported/,
  },
  {
    rule: 'two values of one family',
    family: 'IPv4',
    raw: { ...V4, cluster_host_subnet: '192.168.206.0/24,192.168.207.0/24' },
    code: 'BOOTSTRAP_SAME_FAMILY_DUAL_STACK',
    key: 'cluster_host_subnet',
    message: /Dual-stack of same IP family not supported.*IPv4 twice/,
  },
  {
    rule: 'two values of one family',
    family: 'IPv6',
    raw: { ...V6, cluster_host_subnet: 'fd02::/64,fd12::/64' },
    code: 'BOOTSTRAP_SAME_FAMILY_DUAL_STACK',
    key: 'cluster_host_subnet',
    message: /Dual-stack of same IP family not supported.*IPv6 twice/,
  },
  {
    rule: 'a subnet mixed with an address',
    family: 'IPv4',
    raw: { ...V4, external_oam_subnet: '10.10.10.0/24,fd00::1' },
    code: 'BOOTSTRAP_MIXED_SUBNET_AND_ADDRESS',
    key: 'external_oam_subnet',
    message: /Value should be both either Subnet or Address/,
  },
  {
    rule: 'a subnet mixed with an address',
    family: 'IPv6',
    raw: { ...V6, management_subnet: 'fd01::/64,192.168.204.1' },
    code: 'BOOTSTRAP_MIXED_SUBNET_AND_ADDRESS',
    key: 'management_subnet',
    message: /Value should be both either Subnet or Address/,
  },
  {
    rule: 'a subnet with host bits',
    family: 'IPv4',
    raw: { ...V4, cluster_host_subnet: '192.168.206.1/24' },
    code: 'BOOTSTRAP_INVALID_ADDRESS',
    key: 'cluster_host_subnet',
    message: /host bits are set/,
  },
  {
    rule: 'an unparsable address',
    family: 'IPv6',
    raw: { ...V6, external_oam_gateway_address: 'fd00::g' },
    code: 'BOOTSTRAP_INVALID_ADDRESS',
    key: 'external_oam_gateway_address',
    message: /not an IPv6 address/,
  },
  {
    rule: 'an address where a subnet belongs',
    family: 'IPv4',
    raw: { ...V4, management_subnet: '192.168.204.0' },
    code: 'BOOTSTRAP_INVALID_ADDRESS',
    key: 'management_subnet',
    message: /expected a subnet/,
  },
  {
    rule: 'an address count unlike its subnet',
    family: 'IPv4',
    raw: { ...V4, management_start_address: '192.168.204.2,fd01::2' },
    code: 'BOOTSTRAP_SIZE_MISMATCH',
    key: 'management_start_address',
    message: /Not of same size \(single or dual-stack\)/,
  },
  {
    rule: 'an address count unlike its subnet',
    family: 'IPv6',
    raw: { ...V6, external_oam_subnet: 'fd00::/64,10.10.10.0/24' },
    code: 'BOOTSTRAP_SIZE_MISMATCH',
    key: 'external_oam_floating_address',
    message: /Not of same size \(single or dual-stack\)/,
  },
  {
    rule: 'address families in another order than the subnet',
    family: 'IPv6',
    raw: {
      ...V6,
      external_oam_subnet: 'fd00::/64,10.10.10.0/24',
      external_oam_gateway_address: 'fd00::1,10.10.10.1',
      external_oam_floating_address: '10.10.10.2,fd00::2',
    },
    code: 'BOOTSTRAP_FAMILY_SEQUENCE',
    key: 'external_oam_floating_address',
    message: /IP family does not match on sequence.*IPv4,IPv6 vs IPv6,IPv4/,
  },
  {
    rule: 'address families in another order than the subnet',
    family: 'IPv4',
    raw: {
      ...V4,
      management_subnet: '192.168.204.0/24,fd01::/64',
      management_end_address: 'fd01::ff,192.168.204.20',
    },
    code: 'BOOTSTRAP_FAMILY_SEQUENCE',
    key: 'management_end_address',
    message: /IP family does not match on sequence/,
  },
  {
    rule: 'pxeboot in IPv6',
    family: 'IPv6',
    raw: { ...V6, pxeboot_subnet: 'fd05::/64' },
    code: 'BOOTSTRAP_PXEBOOT_NOT_IPV4',
    key: 'pxeboot_subnet',
    message: /pxeboot_subnet subnet must always be IPv4/,
  },
  {
    rule: 'pxeboot dual-stack',
    family: 'IPv4',
    raw: { ...V4, pxeboot_subnet: '169.254.202.0/24,fd05::/64' },
    code: 'BOOTSTRAP_PXEBOOT_NOT_IPV4',
    key: 'pxeboot_subnet',
    message: /pxeboot_subnet subnet must always be IPv4/,
  },
  {
    rule: 'a cluster primary unlike the management primary',
    family: 'IPv4',
    raw: { ...V4, cluster_pod_subnet: 'fd03::/64' },
    code: 'BOOTSTRAP_PRIMARY_FAMILY_MISMATCH',
    key: 'cluster_pod_subnet',
    message: /Cluster, oam and mgmt must have same family address type: IPv4 \(management_subnet\) and IPv6/,
  },
  {
    rule: 'an OAM primary unlike the management primary',
    family: 'IPv6',
    raw: {
      ...V6,
      external_oam_subnet: '10.10.10.0/24,fd00::/64',
      external_oam_gateway_address: '10.10.10.1,fd00::1',
      external_oam_floating_address: '10.10.10.2,fd00::2',
    },
    code: 'BOOTSTRAP_PRIMARY_FAMILY_MISMATCH',
    key: 'external_oam_subnet',
    message: /Cluster, oam and mgmt must have same family address type: IPv6 \(management_subnet\) and IPv4/,
  },
  {
    rule: 'a multicast primary unlike the management primary',
    family: 'IPv6',
    raw: { ...V6, management_multicast_subnet: '239.1.1.0/28' },
    code: 'BOOTSTRAP_PRIMARY_FAMILY_MISMATCH',
    key: 'management_multicast_subnet',
    message: /must have same family address type/,
  },
  {
    rule: 'an admin primary unlike the management primary',
    family: 'IPv4',
    raw: { ...V4, admin_subnet: 'fd09::/64' },
    code: 'BOOTSTRAP_PRIMARY_FAMILY_MISMATCH',
    key: 'admin_subnet',
    message: /Admin subnet must have same IP family of platform network parameters: IPv6 vs IPv4/,
  },
  {
    rule: 'an admin primary unlike the management primary',
    family: 'IPv6',
    raw: { ...V6, admin_subnet: '192.168.209.0/24' },
    code: 'BOOTSTRAP_PRIMARY_FAMILY_MISMATCH',
    key: 'admin_subnet',
    message: /Admin subnet must have same IP family of platform network parameters: IPv4 vs IPv6/,
  },
  {
    rule: 'one dual-stack cluster network without the others',
    family: 'IPv4',
    raw: { ...V4, cluster_host_subnet: '192.168.206.0/24,fd02::/64' },
    code: 'BOOTSTRAP_CLUSTER_DUAL_STACK_INCOMPLETE',
    key: 'cluster_pod_subnet',
    message: /cluster networks \(pod, host, and service\) must have IPv4 and IPv6 subnets defined/,
  },
  {
    rule: 'one dual-stack cluster network without the others',
    family: 'IPv6',
    raw: { ...V6, cluster_service_subnet: 'fd04::/112,10.96.0.0/12' },
    code: 'BOOTSTRAP_CLUSTER_DUAL_STACK_INCOMPLETE',
    key: 'cluster_host_subnet',
    message: /cluster networks \(pod, host, and service\) must have IPv4 and IPv6 subnets defined/,
  },
  {
    rule: 'a dual-stack cluster-pod with a single-stack OAM',
    family: 'IPv4',
    raw: { ...V4, ...DUAL_CLUSTER_V4 },
    code: 'BOOTSTRAP_CLUSTER_POD_NEEDS_DUAL_STACK_OAM',
    key: 'external_oam_subnet',
    message: /To have dual-stack cluster pod network, OAM must have IPv4 and IPv6 subnets defined/,
  },
  {
    rule: 'a dual-stack cluster-pod with a single-stack OAM',
    family: 'IPv6',
    raw: { ...V6, ...DUAL_CLUSTER_V6 },
    code: 'BOOTSTRAP_CLUSTER_POD_NEEDS_DUAL_STACK_OAM',
    key: 'external_oam_subnet',
    message: /OAM must have IPv4 and IPv6 subnets defined/,
  },
  {
    rule: 'an IPv6 management prefix shorter than /64',
    family: 'IPv6',
    raw: { ...V6, management_subnet: 'fd01::/56' },
    code: 'BOOTSTRAP_IPV6_PREFIX_TOO_SHORT',
    key: 'management_subnet',
    message: /IPv6 minimum prefix length is \/64, got fd01::\/56/,
  },
  {
    rule: 'a unicast multicast subnet',
    family: 'IPv4',
    raw: { ...V4, management_multicast_subnet: '192.168.210.0/28' },
    code: 'BOOTSTRAP_NOT_MULTICAST',
    key: 'management_multicast_subnet',
    message: /Invalid multicast subnet: management_multicast_subnet -> 192.168.210.0\/28/,
  },
  {
    rule: 'a unicast multicast subnet',
    family: 'IPv6',
    raw: { ...V6, management_multicast_subnet: 'fd05::/124' },
    code: 'BOOTSTRAP_NOT_MULTICAST',
    key: 'management_multicast_subnet',
    message: /Invalid multicast subnet: management_multicast_subnet -> fd05::\/124/,
  },
  {
    rule: 'a system controller without a management range',
    family: 'IPv4',
    raw: { ...V4, distributed_cloud_role: 'systemcontroller', management_end_address: '192.168.204.100' },
    code: 'BOOTSTRAP_SYSTEMCONTROLLER_RANGE_REQUIRED',
    key: 'management_start_address',
    message: /required on a system controller/,
  },
  {
    rule: 'a system controller without a management range',
    family: 'IPv6',
    raw: { ...V6, distributed_cloud_role: 'systemcontroller', management_start_address: 'fd01::2' },
    code: 'BOOTSTRAP_SYSTEMCONTROLLER_RANGE_REQUIRED',
    key: 'management_end_address',
    message: /required on a system controller/,
  },
  {
    rule: 'a start address after the end address',
    family: 'IPv4',
    raw: { ...V4, management_start_address: '192.168.204.50', management_end_address: '192.168.204.10' },
    code: 'BOOTSTRAP_RANGE_ORDER',
    key: 'management_start_address',
    message: /start address 192.168.204.50 must be less than end address 192.168.204.10/,
  },
  {
    rule: 'start equal to end outside admin, management, cluster-host and pxeboot',
    family: 'IPv6',
    raw: { ...V6, external_oam_start_address: 'fd00::2', external_oam_end_address: 'fd00::2' },
    code: 'BOOTSTRAP_RANGE_ORDER',
    key: 'external_oam_start_address',
    message: /start address fd00::2 must be less than end address fd00::2/,
  },
  {
    rule: 'a range end outside its subnet',
    family: 'IPv4',
    raw: { ...V4, cluster_host_end_address: '192.168.207.10' },
    code: 'BOOTSTRAP_RANGE_OUTSIDE_SUBNET',
    key: 'cluster_host_end_address',
    message: /192.168.207.10 is not within cluster_host_subnet 192.168.206.0\/24/,
  },
  {
    rule: 'a range start outside its subnet',
    family: 'IPv6',
    raw: { ...V6, cluster_pod_start_address: 'fd13::1' },
    code: 'BOOTSTRAP_RANGE_OUTSIDE_SUBNET',
    key: 'cluster_pod_start_address',
    message: /fd13::1 is not within cluster_pod_subnet fd03::\/64/,
  },
  {
    rule: 'a cluster-pod subnet below 65536 addresses',
    family: 'IPv4',
    raw: { ...V4, cluster_pod_subnet: '172.16.0.0/17' },
    code: 'BOOTSTRAP_SUBNET_TOO_SMALL',
    key: 'cluster_pod_subnet',
    message: /has 32768 addresses; the minimum is 65536/,
  },
  {
    rule: 'a cluster-service subnet below 65536 addresses',
    family: 'IPv6',
    raw: { ...V6, cluster_service_subnet: 'fd04::/113' },
    code: 'BOOTSTRAP_SUBNET_TOO_SMALL',
    key: 'cluster_service_subnet',
    message: /has 32768 addresses; the minimum is 65536/,
  },
  {
    rule: 'a cluster-service subnet above 1048576 addresses',
    family: 'IPv4',
    raw: { ...V4, cluster_service_subnet: '10.96.0.0/11' },
    code: 'BOOTSTRAP_SUBNET_TOO_LARGE',
    key: 'cluster_service_subnet',
    message: /has 2097152 addresses; the maximum is 1048576/,
  },
  {
    rule: 'a cluster-service subnet above 1048576 addresses',
    family: 'IPv6',
    raw: { ...V6, cluster_service_subnet: 'fd04::/107' },
    code: 'BOOTSTRAP_SUBNET_TOO_LARGE',
    key: 'cluster_service_subnet',
    message: /the maximum is 1048576/,
  },
  {
    rule: 'a management subnet below 5 addresses off simplex',
    family: 'IPv4',
    raw: {
      ...V4,
      system_mode: 'duplex',
      management_subnet: '192.168.204.0/30',
      management_multicast_subnet: '239.1.1.0/28',
    },
    code: 'BOOTSTRAP_SUBNET_TOO_SMALL',
    key: 'management_subnet',
    message: /has 4 addresses; the minimum is 5/,
  },
  {
    rule: 'an OAM subnet below 5 addresses',
    family: 'IPv6',
    raw: {
      ...V6,
      external_oam_subnet: 'fd00::/126',
      external_oam_gateway_address: 'fd00::1',
      external_oam_floating_address: 'fd00::2',
    },
    code: 'BOOTSTRAP_SUBNET_TOO_SMALL',
    key: 'external_oam_subnet',
    message: /has 4 addresses; the minimum is 5/,
  },
  {
    rule: 'a subnet below the 4 addresses every pool needs',
    family: 'IPv4',
    raw: { ...V4, pxeboot_subnet: '169.254.202.0/31' },
    code: 'BOOTSTRAP_SUBNET_TOO_SMALL',
    key: 'pxeboot_subnet',
    message: /Invalid subnet size 2 with 169.254.202.0\/31. Please configure at least size \/30 subnet/,
  },
  {
    rule: 'a range smaller than the minimum less two',
    family: 'IPv4',
    raw: {
      ...V4,
      system_mode: 'duplex',
      cluster_host_start_address: '192.168.206.10',
      cluster_host_end_address: '192.168.206.11',
      cluster_host_floating_address: '192.168.206.10',
      cluster_host_node_0_address: '192.168.206.11',
      cluster_host_node_1_address: '192.168.206.10',
    },
    code: 'BOOTSTRAP_RANGE_TOO_SMALL',
    key: 'cluster_host_start_address',
    message: /holds 2 addresses; at least 3 are needed/,
  },
  {
    rule: 'a range smaller than the minimum less two',
    family: 'IPv6',
    raw: {
      ...V6,
      management_multicast_subnet: 'ff08::1:1:0/124',
      management_multicast_end_address: 'ff08::1:1:3',
    },
    code: 'BOOTSTRAP_RANGE_TOO_SMALL',
    key: 'management_multicast_start_address',
    message: /holds 3 addresses; at least 4 are needed/,
  },
  {
    rule: 'a system controller range covering the whole subnet',
    family: 'IPv4',
    raw: {
      ...V4,
      distributed_cloud_role: 'systemcontroller',
      management_start_address: '192.168.204.1',
      management_end_address: '192.168.204.254',
    },
    code: 'BOOTSTRAP_NO_ROOM_FOR_GATEWAY',
    key: 'management_end_address',
    message: /must leave addresses free for the system controller gateway/,
  },
  {
    rule: 'a system controller range covering the whole subnet',
    family: 'IPv6',
    raw: {
      ...V6,
      management_subnet: 'fd01::/120',
      distributed_cloud_role: 'systemcontroller',
      management_start_address: 'fd01::1',
      management_end_address: 'fd01::ff',
    },
    code: 'BOOTSTRAP_NO_ROOM_FOR_GATEWAY',
    key: 'management_end_address',
    message: /covers all of fd01::\/120/,
  },
  {
    rule: 'an address outside its subnet',
    family: 'IPv4',
    raw: { ...V4, external_oam_gateway_address: '10.10.11.1' },
    code: 'BOOTSTRAP_ADDRESS_OUTSIDE_SUBNET',
    key: 'external_oam_gateway_address',
    message: /IP Address 10.10.11.1 is not in subnet: 10.10.10.0\/24/,
  },
  {
    rule: 'an address outside the range',
    family: 'IPv6',
    raw: { ...V6, management_start_address: 'fd01::10', management_floating_address: 'fd01::2' },
    code: 'BOOTSTRAP_ADDRESS_OUTSIDE_RANGE',
    key: 'management_floating_address',
    message: /IP Address fd01::2 is not in range: fd01::10-fd01::ffff:ffff:ffff:fffe/,
  },
  {
    rule: 'the broadcast address as a host address',
    family: 'IPv4',
    raw: { ...V4, external_oam_gateway_address: '10.10.10.255' },
    code: 'BOOTSTRAP_ADDRESS_RESERVED',
    key: 'external_oam_gateway_address',
    message: /Cannot use broadcast address 10.10.10.255/,
  },
  {
    rule: 'the network address as a host address',
    family: 'IPv6',
    raw: { ...V6, external_oam_gateway_address: 'fd00::' },
    code: 'BOOTSTRAP_ADDRESS_RESERVED',
    key: 'external_oam_gateway_address',
    message: /Cannot use network address fd00::/,
  },
  {
    rule: 'two address fields with one address',
    family: 'IPv4',
    raw: { ...V4, external_oam_gateway_address: '10.10.10.2' },
    code: 'BOOTSTRAP_ADDRESS_DUPLICATE',
    key: 'external_oam_gateway_address',
    message: /external_oam_gateway_address can not be the same as external_oam_floating_address: 10.10.10.2/,
  },
  {
    rule: 'two address fields with one address',
    family: 'IPv6',
    raw: { ...V6, system_mode: 'duplex', management_node_1_address: 'fd01::2' },
    code: 'BOOTSTRAP_ADDRESS_DUPLICATE',
    key: 'management_node_1_address',
    message: /management_node_1_address can not be the same as management_node_0_address: fd01::2/,
  },
  {
    rule: 'overlapping subnets of two networks',
    family: 'IPv4',
    raw: { ...V4, cluster_host_subnet: '192.168.204.128/25' },
    code: 'BOOTSTRAP_SUBNET_OVERLAP',
    key: 'cluster_host_subnet',
    message: /192.168.204.128\/25 overlaps with management_subnet 192.168.204.0\/24/,
  },
  {
    rule: 'overlapping subnets of two networks',
    family: 'IPv6',
    raw: {
      ...V6,
      external_oam_subnet: 'fd01::/64',
      external_oam_gateway_address: 'fd01::1',
      external_oam_floating_address: 'fd01::2',
    },
    code: 'BOOTSTRAP_SUBNET_OVERLAP',
    key: 'external_oam_subnet',
    message: /fd01::\/64 overlaps with management_subnet fd01::\/64/,
  },
  {
    rule: 'an address key without its subnet',
    family: 'IPv6',
    raw: { ...V6, admin_start_address: 'fd09::2' },
    code: 'BOOTSTRAP_SUBNET_MISSING',
    key: 'admin_start_address',
    message: /admin_start_address is set but admin_subnet is not/,
  },
  {
    rule: 'an unknown system mode',
    family: 'IPv4',
    raw: { ...V4, system_mode: 'triplex' },
    code: 'BOOTSTRAP_INVALID_VALUE',
    key: 'system_mode',
    message: /'triplex' is not one of simplex, duplex, duplex-direct, standard/,
  },
  {
    rule: 'a number where text belongs',
    family: 'IPv4',
    raw: { ...V4, software_version: 24.1 },
    code: 'BOOTSTRAP_INVALID_VALUE',
    key: 'software_version',
    message: /expected a string, got 24.1/,
  },
  {
    rule: 'an address on the last IPv6 address of a derived range, which ends at subnet[-2]',
    family: 'IPv6',
    raw: { ...V6, external_oam_floating_address: 'fd00::ffff:ffff:ffff:ffff' },
    code: 'BOOTSTRAP_ADDRESS_OUTSIDE_RANGE',
    key: 'external_oam_floating_address',
    message: /IP Address fd00::ffff:ffff:ffff:ffff is not in range: fd00::1-fd00::ffff:ffff:ffff:fffe/,
  },
  {
    rule: 'a simplex subcloud floating address unlike its start address',
    family: 'IPv4',
    raw: {
      ...V4,
      distributed_cloud_role: 'subcloud',
      management_start_address: '192.168.204.2',
      management_floating_address: '192.168.204.3',
    },
    code: 'BOOTSTRAP_FLOATING_NOT_START',
    key: 'management_floating_address',
    message:
      /management_floating_address: on a simplex subcloud the floating address must equal management_start_address: 192.168.204.3 vs 192.168.204.2/,
  },
  {
    rule: 'a simplex subcloud floating address unlike its start address',
    family: 'IPv6',
    raw: {
      ...V6,
      distributed_cloud_role: 'subcloud',
      admin_subnet: 'fd09::/64',
      admin_start_address: 'fd09::2',
      admin_end_address: 'fd09::20',
      admin_floating_address: 'fd09::5',
    },
    code: 'BOOTSTRAP_FLOATING_NOT_START',
    key: 'admin_floating_address',
    message: /on a simplex subcloud the floating address must equal admin_start_address: fd09::5 vs fd09::2/,
  },
]

for (const c of RULES) {
  Parse(`parseBootstrapValues - refuses ${c.rule} (${c.family})`, () => {
    expectError(c.raw, c.code, c.key, c.message)
  })
}

Parse('parseBootstrapValues - accepts both single-stack bases the rule cases start from', () => {
  validValues(V4)
  validValues(V6)
})

Parse(
  'parseBootstrapValues - allows start equal to end on management, and the sysinv overlap exceptions',
  () => {
    const values = validValues({
      ...V4,
      management_start_address: '192.168.204.2',
      management_end_address: '192.168.204.2',
      cluster_pod_subnet: '10.96.0.0/16',
    })
    assert.is(text(values.networks.management[0]).end, '192.168.204.2')
  },
)

Parse('parseBootstrapValues - accepts a 3-address management range on simplex only', () => {
  const raw = {
    ...V4,
    management_subnet: '192.168.204.0/29',
    management_start_address: '192.168.204.2',
    management_end_address: '192.168.204.2',
  }
  validValues(raw)
  expectError(
    { ...raw, system_mode: 'duplex' },
    'BOOTSTRAP_RANGE_TOO_SMALL',
    'management_start_address',
    /at least 3/,
  )
})

Parse('parseBootstrapValues - treats derived and null as not provided', () => {
  const values = validValues({ ...V6, management_start_address: 'derived', management_end_address: null })
  assert.equal(
    [text(values.networks.management[0]).start, text(values.networks.management[0]).end],
    ['fd01::1', 'fd01::ffff:ffff:ffff:fffe'],
  )
  assert.not.ok(values.explicitKeys.includes('management_start_address'))
})

Parse('parseBootstrapValues - warns about short IPv4 management prefixes on standard systems', () => {
  const result = parseBootstrapValues({ system_mode: 'standard', management_subnet: '192.168.0.0/20' })
  assert.ok(result.ok)
  assert.ok(result.warnings.some((w) => w.includes('/20 is shorter than /24')))
})

const SHORTCUT_CASES = [
  { family: 'IPv4', raw: V4, floating: '192.168.204.7' },
  { family: 'IPv6', raw: V6, floating: 'fd01::7' },
] as const

for (const { family, raw, floating } of SHORTCUT_CASES) {
  Parse(
    `parseBootstrapValues - a simplex subcloud's floating address alone is its whole range (${family})`,
    () => {
      const subcloud = { ...raw, distributed_cloud_role: 'subcloud', management_floating_address: floating }
      const pool = validValues(subcloud).networks.management[0]
      assert.equal(
        [pool?.start.toString(), pool?.end.toString(), pool?.floating?.toString()],
        [floating, floating, floating],
      )
      assert.ok(validValues(subcloud).explicitKeys.includes('management_start_address'))
      assert.ok(validValues(subcloud).explicitKeys.includes('management_end_address'))
      // a caller that knows the values are a subcloud's needs no role in the file
      const flagged = parseBootstrapValues(
        { ...raw, management_floating_address: floating },
        { subcloud: true },
      )
      assert.ok(flagged.ok)
      assert.is(flagged.ok && flagged.values.networks.management[0]?.end.toString(), floating)
    },
  )

  Parse(
    `parseBootstrapValues - the floating shortcut is dcmanager's, for simplex subclouds only (${family})`,
    () => {
      const derivedEnd = family === 'IPv4' ? '192.168.204.254' : 'fd01::ffff:ffff:ffff:fffe'
      for (const other of [
        { ...raw, management_floating_address: floating },
        {
          ...raw,
          distributed_cloud_role: 'subcloud',
          system_mode: 'duplex',
          management_floating_address: floating,
        },
      ]) {
        const pool = validValues(other).networks.management[0]
        assert.is(pool?.end.toString(), derivedEnd)
        assert.not.ok(validValues(other).explicitKeys.includes('management_start_address'))
      }
    },
  )
}

Parse('parseBootstrapValues - a name or address with a control or bidirectional character is refused', () => {
  for (const [key, value] of [
    ['name', 'site\nforged'],
    ['name', 'site\u001b[31m'],
    ['system_mode', 'simplex\u202e'],
    ['management_subnet', 'fd01::/64\u0000'],
  ] as const) {
    const error = expectError(
      { ...IPV6_BOOTSTRAP, [key]: value },
      'BOOTSTRAP_INVALID_VALUE',
      key,
      /must not contain control or bidirectional formatting characters/,
    )
    assert.is(error.message, `${key}: must not contain control or bidirectional formatting characters`)
  }
})

const Keys = suite('bootstrapKey')

Keys('bootstrapKey - names subnet and address keys of a network', () => {
  assert.is(bootstrapKey('external_oam', 'node0'), 'external_oam_node_0_address')
  assert.is(bootstrapKey('management_multicast', 'subnet'), 'management_multicast_subnet')
})

const PoolNames = suite('bootstrapPoolName')

PoolNames("bootstrapPoolName - follows the seed's addrpool names", () => {
  assert.is(bootstrapPoolName('management', 'IPv6'), 'management-ipv6')
  assert.is(bootstrapPoolName('external_oam', 'IPv4'), 'oam-ipv4')
  assert.is(bootstrapPoolName('management_multicast', 'IPv6'), 'multicast-subnet-ipv6')
  assert.is(bootstrapPoolName('cluster_host', 'IPv6'), 'cluster-host-subnet-ipv6')
  assert.is(bootstrapPoolName('pxeboot', 'IPv4'), 'pxeboot')
})

const Redact = suite('redactBootstrapValues')

Redact('redactBootstrapValues - hides every secret key, nested ones included, and keeps the rest', () => {
  const raw = {
    admin_password: 'St8rlingX*',
    ansible_become_pass: 'St8rlingX*',
    management_subnet: 'fd01::/64',
    docker_registries: { 'k8s.gcr.io': { url: 'registry.local', username: 'admin', password: 'secret' } },
  }
  const redacted = redactBootstrapValues(raw)
  assert.equal(redacted, {
    admin_password: '<redacted>',
    ansible_become_pass: '<redacted>',
    management_subnet: 'fd01::/64',
    docker_registries: { 'k8s.gcr.io': { url: 'registry.local', username: 'admin', password: '<redacted>' } },
  })
  assert.is(raw.admin_password, 'St8rlingX*')
  assert.ok(BOOTSTRAP_SECRET_KEYS.includes('admin_password'))
  assert.not.ok(JSON.stringify(redacted).includes('secret'))
})

Parse.run()
Keys.run()
PoolNames.run()
Redact.run()
