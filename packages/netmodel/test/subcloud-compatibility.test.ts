import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { applyAll } from '../src/apply.js'
import type { Command } from '../src/command.js'
import { emptyState } from '../src/empty-state.js'
import { bootstrapCommands, initialState } from '../src/initial-state.js'
import {
  MIN_DUAL_STACK_RELEASE,
  checkSubcloudCompatibility,
  compareReleases,
} from '../src/subcloud-compatibility.js'
import type { CompatibilityCode, CompatibilityViolation } from '../src/subcloud-compatibility.js'
import type { SystemState } from '../src/system-state.js'
import { parseBootstrapValues } from '../src/bootstrap-values.js'
import { validValues } from './bootstrap-fixtures.js'

const CLUSTER_V6 = {
  cluster_host_subnet: 'fd02::/64',
  cluster_pod_subnet: 'fd03::/64',
  cluster_service_subnet: 'fd04::/112',
}

/** A duplex system controller, IPv6 primary, dual-stack management and OAM. */
const CONTROLLER_V6 = {
  name: 'SystemController',
  system_mode: 'duplex',
  distributed_cloud_role: 'systemcontroller',
  software_version: '25.09',
  management_subnet: 'fd01::/64,192.168.204.0/24',
  management_start_address: 'fd01::2,192.168.204.2',
  management_end_address: 'fd01::100,192.168.204.100',
  external_oam_subnet: 'fd00::/64,10.20.2.0/24',
  external_oam_gateway_address: 'fd00::1,10.20.2.1',
  external_oam_floating_address: 'fd00::2,10.20.2.2',
  ...CLUSTER_V6,
}

/** The same controller in IPv4 only. */
const CONTROLLER_V4 = {
  name: 'SystemController',
  system_mode: 'duplex',
  distributed_cloud_role: 'systemcontroller',
  software_version: '25.09',
  management_start_address: '192.168.204.2',
  management_end_address: '192.168.204.100',
  external_oam_subnet: '10.20.2.0/24',
  external_oam_gateway_address: '10.20.2.1',
  external_oam_floating_address: '10.20.2.2',
}

/** A simplex IPv6 subcloud that the IPv6 controller accepts. */
const SUBCLOUD_V6 = {
  name: 'subcloud1',
  system_mode: 'simplex',
  software_version: '24.09',
  management_subnet: 'fd01:1::/64',
  management_start_address: 'fd01:1::2',
  management_end_address: 'fd01:1::50',
  management_gateway_address: 'fd01:1::1',
  systemcontroller_gateway_address: 'fd01::101',
  external_oam_subnet: 'fd10::/64',
  external_oam_gateway_address: 'fd10::1',
  external_oam_floating_address: 'fd10::2',
  ...CLUSTER_V6,
}

/** A simplex IPv4 subcloud. */
const SUBCLOUD_V4 = {
  name: 'subcloud2',
  system_mode: 'simplex',
  software_version: '24.09',
  management_subnet: '192.168.101.0/24',
  management_start_address: '192.168.101.2',
  management_end_address: '192.168.101.50',
  management_gateway_address: '192.168.101.1',
  systemcontroller_gateway_address: '192.168.204.101',
  external_oam_subnet: '10.20.3.0/24',
  external_oam_gateway_address: '10.20.3.1',
  external_oam_floating_address: '10.20.3.2',
}

function controller(raw: Readonly<Record<string, unknown>>): SystemState {
  return initialState(validValues(raw), { uuid: '9a1d4c2e-3b4f-4a5b-8c6d-7e8f9a0b1c2d' })
}

/** A controller whose management comes from one file and OAM from another: primaries differ. */
function mixedController(
  mgmtFrom: Readonly<Record<string, unknown>>,
  oamFrom: Readonly<Record<string, unknown>>,
) {
  const only = (raw: Readonly<Record<string, unknown>>, type: 'mgmt' | 'oam', stem: string): Command[] =>
    bootstrapCommands(validValues(raw)).filter((c) =>
      c.kind === 'addrpool-add'
        ? c.name.startsWith(stem)
        : c.kind === 'network-add'
          ? c.type === type
          : c.kind === 'network-addrpool-assign' && c.network === type,
    )
  const empty = emptyState({
    uuid: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
    name: 'SystemController',
    systemMode: 'duplex',
    distributedCloudRole: 'systemcontroller',
    softwareVersion: '25.09',
  })
  const result = applyAll(empty, [...only(mgmtFrom, 'mgmt', 'management'), ...only(oamFrom, 'oam', 'oam')])
  if (!result.ok) throw result.error
  return result.state
}

function check(
  sc: SystemState,
  raw: Readonly<Record<string, unknown>>,
  opts: { release?: string } = {},
): readonly CompatibilityViolation[] {
  return checkSubcloudCompatibility(sc, validValues(raw), opts)
}

function only(
  violations: readonly CompatibilityViolation[],
  code: CompatibilityCode,
): CompatibilityViolation {
  assert.equal(
    violations.map((v) => v.code),
    [code],
    violations.map((v) => `${v.code} ${v.key}: ${v.message}`).join('\n'),
  )
  return violations[0] as CompatibilityViolation
}

const Check = suite('checkSubcloudCompatibility')

Check('checkSubcloudCompatibility - accepts a subcloud of the same primary families (IPv6 and IPv4)', () => {
  assert.equal(check(controller(CONTROLLER_V6), SUBCLOUD_V6), [])
  assert.equal(check(controller(CONTROLLER_V4), SUBCLOUD_V4), [])
})

Check(
  'checkSubcloudCompatibility - refuses a primary OAM family unlike the controller (IPv4 subcloud)',
  () => {
    const sc = mixedController(CONTROLLER_V4, CONTROLLER_V6)
    const v = only(check(sc, SUBCLOUD_V4), 'SUBCLOUD_OAM_FAMILY_MISMATCH')
    assert.is(v.key, 'external_oam_subnet')
    assert.is(v.category, 'failed-precondition')
    assert.match(
      v.message,
      /primary OAM family IPv4 differs from the system controller's primary OAM family IPv6/,
    )
  },
)

Check(
  'checkSubcloudCompatibility - refuses a primary OAM family unlike the controller (IPv6 subcloud)',
  () => {
    const sc = mixedController(CONTROLLER_V6, CONTROLLER_V4)
    const v = only(check(sc, SUBCLOUD_V6), 'SUBCLOUD_OAM_FAMILY_MISMATCH')
    assert.match(v.message, /OAM family IPv6 differs .* OAM family IPv4/)
  },
)

Check(
  'checkSubcloudCompatibility - compares the management family when the subcloud has no admin network',
  () => {
    const sc = mixedController(
      {
        ...CONTROLLER_V4,
        management_subnet: '192.168.204.0/24,fd01::/64',
        management_start_address: '192.168.204.2,fd01::2',
        management_end_address: '192.168.204.100,fd01::100',
      },
      CONTROLLER_V6,
    )
    const violations = check(sc, {
      ...SUBCLOUD_V6,
      systemcontroller_gateway_address: 'fd01::101',
    })
    const v = only(violations, 'SUBCLOUD_ADMIN_FAMILY_MISMATCH')
    assert.is(v.key, 'management_subnet')
    assert.match(
      v.message,
      /primary management \(no admin network\) family IPv6 differs .* primary mgmt family IPv4/,
    )
  },
)

Check('checkSubcloudCompatibility - compares the admin family when the subcloud has one', () => {
  const sc = mixedController(CONTROLLER_V6, CONTROLLER_V4)
  const violations = check(sc, {
    ...SUBCLOUD_V4,
    management_gateway_address: null,
    admin_subnet: '192.168.110.0/24',
    admin_start_address: '192.168.110.2',
    admin_end_address: '192.168.110.20',
    admin_gateway_address: '192.168.110.1',
    systemcontroller_gateway_address: '192.168.204.101',
  })
  const v = only(violations, 'SUBCLOUD_ADMIN_FAMILY_MISMATCH')
  assert.is(v.key, 'admin_subnet')
  assert.match(v.message, /primary admin family IPv4 differs .* primary mgmt family IPv6/)
})

Check(
  'checkSubcloudCompatibility - wants the systemcontroller gateway in the subcloud primary family',
  () => {
    const v = only(
      check(controller(CONTROLLER_V6), {
        ...SUBCLOUD_V6,
        systemcontroller_gateway_address: '192.168.204.101',
      }),
      'SUBCLOUD_SC_GATEWAY_FAMILY',
    )
    assert.is(v.key, 'systemcontroller_gateway_address')
    assert.match(v.message, /systemcontroller_gateway_address invalid: Expected IPv6, got 192.168.204.101/)
  },
)

Check('checkSubcloudCompatibility - wants a controller management pool of the gateway family', () => {
  const sc = controller({
    ...CONTROLLER_V6,
    management_subnet: 'fd01::/64',
    management_start_address: 'fd01::2',
    management_end_address: 'fd01::100',
  })
  const violations = check(sc, { ...SUBCLOUD_V6, systemcontroller_gateway_address: '192.168.204.101' })
  assert.equal(
    violations.map((v) => v.code),
    ['SUBCLOUD_SC_GATEWAY_FAMILY', 'SUBCLOUD_SC_GATEWAY_NOT_ALIGNED'],
  )
  assert.match(
    violations[1]?.message ?? '',
    /IP family is not aligned with system controller management: IPv4 pool not found in pools \[management-ipv6\]/,
  )
})

Check(
  'checkSubcloudCompatibility - wants the systemcontroller gateway inside the controller management subnet',
  () => {
    const v6 = only(
      check(controller(CONTROLLER_V6), { ...SUBCLOUD_V6, systemcontroller_gateway_address: 'fd05::1' }),
      'SUBCLOUD_SC_GATEWAY_OUTSIDE_POOL',
    )
    assert.match(v6.message, /is not within management pool: fd01::\/64/)
    const v4 = only(
      check(controller(CONTROLLER_V4), { ...SUBCLOUD_V4, systemcontroller_gateway_address: '192.168.205.1' }),
      'SUBCLOUD_SC_GATEWAY_OUTSIDE_POOL',
    )
    assert.match(v4.message, /is not within management pool: 192.168.204.0\/24/)
  },
)

Check(
  'checkSubcloudCompatibility - wants the systemcontroller gateway outside the controller management range',
  () => {
    const v6 = only(
      check(controller(CONTROLLER_V6), { ...SUBCLOUD_V6, systemcontroller_gateway_address: 'fd01::50' }),
      'SUBCLOUD_SC_GATEWAY_IN_RANGE',
    )
    assert.match(v6.message, /is within management pool: fd01::2 - fd01::100/)
    const v4 = only(
      check(controller(CONTROLLER_V4), { ...SUBCLOUD_V4, systemcontroller_gateway_address: '192.168.204.2' }),
      'SUBCLOUD_SC_GATEWAY_IN_RANGE',
    )
    assert.match(v4.message, /is within management pool: 192.168.204.2 - 192.168.204.100/)
  },
)

/** {@link CONTROLLER_V4} with an IPv6 secondary management pool. */
const CONTROLLER_V4_DUAL = {
  ...CONTROLLER_V4,
  management_subnet: '192.168.204.0/24,fd01::/64',
  management_start_address: '192.168.204.2,fd01::2',
  management_end_address: '192.168.204.100,fd01::100',
}

Check(
  'checkSubcloudCompatibility - places a secondary systemcontroller gateway in the controller pool of its family (IPv4)',
  () => {
    const sc = controller(CONTROLLER_V6)
    const gateway = (value: string) => ({ ...SUBCLOUD_V6, systemcontroller_gateway_address: value })
    const inRange = only(check(sc, gateway('fd01::101,192.168.204.50')), 'SUBCLOUD_SC_GATEWAY_IN_RANGE')
    assert.is(
      inRange.message,
      'systemcontroller_gateway_address secondary invalid, is within management pool: 192.168.204.2 - 192.168.204.100',
    )
    assert.is(inRange.category, 'failed-precondition')
    const outside = only(check(sc, gateway('fd01::101,10.9.9.1')), 'SUBCLOUD_SC_GATEWAY_OUTSIDE_POOL')
    assert.match(outside.message, /secondary invalid, is not within management pool: 192.168.204.0\/24/)
    assert.equal(check(sc, gateway('fd01::101,192.168.204.101')), [])
  },
)

Check(
  'checkSubcloudCompatibility - places a secondary systemcontroller gateway in the controller pool of its family (IPv6)',
  () => {
    const sc = controller(CONTROLLER_V4_DUAL)
    const gateway = (value: string) => ({ ...SUBCLOUD_V4, systemcontroller_gateway_address: value })
    const inRange = only(check(sc, gateway('192.168.204.101,fd01::50')), 'SUBCLOUD_SC_GATEWAY_IN_RANGE')
    assert.is(
      inRange.message,
      'systemcontroller_gateway_address secondary invalid, is within management pool: fd01::2 - fd01::100',
    )
    const reserved = only(check(sc, gateway('192.168.204.101,fd01::')), 'SUBCLOUD_SC_GATEWAY_RESERVED')
    assert.match(
      reserved.message,
      /secondary invalid: fd01:: is the network or broadcast address of fd01::\/64/,
    )
    assert.equal(check(sc, gateway('192.168.204.101,fd01::101')), [])
    // a single-stack controller has no secondary management subnet to route to: nothing to judge
    assert.equal(check(controller(CONTROLLER_V4), gateway('192.168.204.101,fd01::50')), [])
  },
)

Check(
  "checkSubcloudCompatibility - accepts dcmanager's simplex shortcut: a floating address for start and end",
  () => {
    for (const [sc, raw, floating] of [
      [controller(CONTROLLER_V4), SUBCLOUD_V4, '192.168.101.2'],
      [controller(CONTROLLER_V6), SUBCLOUD_V6, 'fd01:1::2'],
    ] as const) {
      const { management_start_address: _s, management_end_address: _e, ...rest } = raw
      const parsed = parseBootstrapValues(
        { ...rest, management_floating_address: floating },
        { subcloud: true },
      )
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.errors.map((e) => e.message).join('\n'))
      if (!parsed.ok) return
      assert.equal(checkSubcloudCompatibility(sc, parsed.values), [])
      // without the shortcut (a duplex subcloud) start and end stay required
      const duplex = validValues({ ...rest, system_mode: 'duplex', management_floating_address: floating })
      const required = checkSubcloudCompatibility(sc, duplex)
        .filter((v) => v.code === 'SUBCLOUD_VALUE_REQUIRED')
        .map((v) => v.message)
      assert.equal(required, ['management_start_address required', 'management_end_address required'])
    }
  },
)

Check(
  'checkSubcloudCompatibility - refuses the network or broadcast address as systemcontroller gateway',
  () => {
    only(
      check(controller(CONTROLLER_V4), {
        ...SUBCLOUD_V4,
        systemcontroller_gateway_address: '192.168.204.255',
      }),
      'SUBCLOUD_SC_GATEWAY_RESERVED',
    )
    only(
      check(controller(CONTROLLER_V6), { ...SUBCLOUD_V6, systemcontroller_gateway_address: 'fd01::' }),
      'SUBCLOUD_SC_GATEWAY_RESERVED',
    )
  },
)

Check('checkSubcloudCompatibility - lists every required value that is missing', () => {
  const violations = check(controller(CONTROLLER_V6), {
    ...SUBCLOUD_V6,
    name: null,
    systemcontroller_gateway_address: null,
    external_oam_gateway_address: null,
    management_gateway_address: null,
  })
  assert.equal(
    violations.map((v) => `${v.code} ${v.key}`),
    [
      'SUBCLOUD_VALUE_REQUIRED name',
      'SUBCLOUD_VALUE_REQUIRED systemcontroller_gateway_address',
      'SUBCLOUD_VALUE_REQUIRED external_oam_gateway_address',
      'SUBCLOUD_VALUE_REQUIRED management_gateway_address',
    ],
  )
  assert.ok(violations.every((v) => v.message === `${v.key} required` && v.category === 'invalid-argument'))
})

Check('checkSubcloudCompatibility - refuses both a management and an admin gateway', () => {
  const v = only(
    check(controller(CONTROLLER_V6), {
      ...SUBCLOUD_V6,
      admin_subnet: 'fd09:1::/64',
      admin_start_address: 'fd09:1::2',
      admin_end_address: 'fd09:1::20',
      admin_gateway_address: 'fd09:1::1',
    }),
    'SUBCLOUD_GATEWAY_CONFLICT',
  )
  assert.match(v.message, /cannot be specified at the same time/)
})

Check('checkSubcloudCompatibility - wants the admin values together', () => {
  const violations = check(controller(CONTROLLER_V6), {
    ...SUBCLOUD_V6,
    management_gateway_address: null,
    admin_subnet: 'fd09:1::/64',
    admin_gateway_address: 'fd09:1::ffff',
  })
  assert.equal(
    violations.map((v) => `${v.code} ${v.key}`),
    [
      'SUBCLOUD_ADMIN_INCOMPLETE admin_start_address',
      'SUBCLOUD_ADMIN_INCOMPLETE admin_end_address',
      // the derived range of an IPv6 subnet runs to its last address, so it holds the gateway
      'SUBCLOUD_GATEWAY_IN_RANGE admin_gateway_address',
    ],
  )
})

Check("checkSubcloudCompatibility - refuses a subcloud gateway inside the subcloud's own range", () => {
  const v = only(
    check(controller(CONTROLLER_V6), { ...SUBCLOUD_V6, management_gateway_address: 'fd01:1::10' }),
    'SUBCLOUD_GATEWAY_IN_RANGE',
  )
  assert.is(v.key, 'management_gateway_address')
  assert.match(v.message, /is within management pool: fd01:1::2 - fd01:1::50/)
})

const DUAL_SUBCLOUD = {
  ...SUBCLOUD_V6,
  external_oam_subnet: 'fd10::/64,10.20.3.0/24',
  external_oam_gateway_address: 'fd10::1,10.20.3.1',
  external_oam_floating_address: 'fd10::2,10.20.3.2',
  cluster_host_subnet: 'fd02::/64,192.168.206.0/24',
  cluster_pod_subnet: 'fd03::/64,172.16.0.0/16',
  cluster_service_subnet: 'fd04::/112,10.96.0.0/12',
}

Check('checkSubcloudCompatibility - wants release 24.09 or later for dual-stack values', () => {
  const sc = controller(CONTROLLER_V6)
  const v = only(check(sc, { ...DUAL_SUBCLOUD, software_version: '22.12' }), 'SUBCLOUD_RELEASE_TOO_OLD')
  assert.is(v.key, 'external_oam_subnet')
  assert.match(
    v.message,
    /dual-stack values \(external_oam_subnet, cluster_host_subnet, cluster_pod_subnet, cluster_service_subnet\) need release 24.09 \(StarlingX 10.0\) or later; the subcloud release is 22.12/,
  )
  assert.equal(check(sc, { ...DUAL_SUBCLOUD, software_version: '22.12' }, { release: '24.09' }), [])
  assert.equal(
    check(sc, { ...SUBCLOUD_V6, software_version: '22.12' }),
    [],
    'single-stack needs no new release',
  )
  assert.equal(check(sc, { ...DUAL_SUBCLOUD, software_version: null }), [], "the controller's 25.09 applies")
})

Check('checkSubcloudCompatibility - refuses a release that is not a release string', () => {
  const v = only(
    check(controller(CONTROLLER_V6), SUBCLOUD_V6, { release: 'stx-10' }),
    'SUBCLOUD_RELEASE_INVALID',
  )
  assert.is(v.key, 'release')
  assert.match(v.message, /release 'stx-10' is not a release like 24.09/)
})

Check("checkSubcloudCompatibility - refuses management subnets overlapping the controller's own", () => {
  const v6 = check(controller(CONTROLLER_V6), {
    ...SUBCLOUD_V6,
    management_subnet: 'fd00::/64',
    management_start_address: 'fd00::1:2',
    management_end_address: 'fd00::1:50',
    management_gateway_address: 'fd00::1:1',
  })
  const overlap = v6.filter((v) => v.code === 'SUBCLOUD_SUBNET_OVERLAPS_CONTROLLER')
  assert.is(overlap.length, 1)
  assert.match(
    overlap[0]?.message ?? '',
    /management_subnet fd00::\/64 overlaps the system controller's address pool 'oam-ipv6' fd00::\/64/,
  )
  const v4 = only(
    check(controller(CONTROLLER_V4), {
      ...SUBCLOUD_V4,
      management_subnet: '192.168.204.128/25',
      management_start_address: '192.168.204.130',
      management_end_address: '192.168.204.150',
      management_gateway_address: '192.168.204.129',
    }),
    'SUBCLOUD_SUBNET_OVERLAPS_CONTROLLER',
  )
  assert.match(v4.message, /'management-ipv4' 192.168.204.0\/24/)
})

const Releases = suite('compareReleases')

Releases('compareReleases - orders releases numerically, part by part', () => {
  assert.ok((compareReleases('22.12', MIN_DUAL_STACK_RELEASE) ?? 0) < 0)
  assert.is(compareReleases('24.09', '24.09.0'), 0)
  assert.ok((compareReleases('24.09.1', '24.09') ?? 0) > 0)
  assert.ok((compareReleases('25.09', '24.12') ?? 0) > 0)
  assert.ok((compareReleases('100.1', '25.09') ?? 0) > 0)
  assert.is(compareReleases('10.0-rc', '24.09'), undefined)
})

Check.run()
Releases.run()
