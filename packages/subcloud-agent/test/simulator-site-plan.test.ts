import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { parse as parseYaml } from 'yaml'
import {
  FleetIndex,
  IpRange,
  checkSubcloudCompatibility,
  initialState,
  parseBootstrapValues,
} from '@dc/netmodel'
import type { BootstrapValues, SystemState } from '@dc/netmodel'
import { parseMix, planSites, spreadKinds } from '../src/simulator/site-plan.js'
import {
  MAX_SITES,
  SIMULATED_CONTROLLER_VALUES,
  siteBootstrapValues,
  valuesYaml,
} from '../src/simulator/site-values.js'
import type { FlatValues, SiteKind } from '../src/simulator/site-values.js'

function parsed(values: FlatValues): BootstrapValues {
  const result = parseBootstrapValues(parseYaml(valuesYaml(values)) as Record<string, unknown>)
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.key}: ${e.message}`).join('; '))
  return result.values
}

function controller(values: FlatValues): SystemState {
  return initialState(parsed(values), { uuid: '0d7c2a4e-8f1b-4c6d-9e3a-5b2f1c0d9e8a' })
}

/** The same controller with the two families of every dual value swapped: IPv4 primary. */
function ipv4PrimaryController(): FlatValues {
  const swap = (v: string): string => (v.includes(',') ? v.split(',').reverse().join(',') : v)
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(SIMULATED_CONTROLLER_VALUES)) out[key] = swap(value)
  return {
    ...out,
    cluster_host_subnet: '192.168.102.0/24',
    cluster_pod_subnet: '172.20.0.0/16',
    cluster_service_subnet: '10.96.0.0/12',
  }
}

const SiteBootstrapValues = suite('siteBootstrapValues')

SiteBootstrapValues(
  'siteBootstrapValues - IPv6 and dual-stack sites are valid and onboardable by the simulated controller',
  () => {
    const central = controller(SIMULATED_CONTROLLER_VALUES)
    for (const kind of ['ipv6', 'dual'] as const) {
      for (const index of [0, 1, 255, 256, 4095, 10_000, MAX_SITES - 1]) {
        const values = parsed(siteBootstrapValues(index, kind, `subcloud${index}`))
        const violations = checkSubcloudCompatibility(central, values).map((v) => v.message)
        assert.equal(violations, [], `${kind} site ${index}`)
      }
    }
  },
)

SiteBootstrapValues('siteBootstrapValues - an IPv4 site needs an IPv4-primary controller', () => {
  const values = parsed(siteBootstrapValues(7, 'ipv4', 'subcloud7'))
  const codes = checkSubcloudCompatibility(controller(SIMULATED_CONTROLLER_VALUES), values).map((v) => v.code)
  assert.equal(codes, ['SUBCLOUD_OAM_FAMILY_MISMATCH', 'SUBCLOUD_ADMIN_FAMILY_MISMATCH'])
  assert.equal(checkSubcloudCompatibility(controller(ipv4PrimaryController()), values), [])
})

SiteBootstrapValues('siteBootstrapValues - no two sites of a fleet share a management address', () => {
  const kinds: SiteKind[] = ['ipv6', 'dual', 'ipv4']
  const entries = Array.from({ length: 3000 }, (_, i) => {
    const index = i < 1500 ? i : MAX_SITES - 3000 + i
    const kind = kinds[i % 3] ?? 'ipv6'
    const values = parsed(siteBootstrapValues(index, kind, 'x'))
    // Both families, not only the primary range the controller's fleet check keeps.
    return {
      owner: `subcloud${index}`,
      ranges: values.networks.management.map((p) => new IpRange(p.start, p.end)),
    }
  })
  assert.is(entries.flatMap((e) => e.ranges).length, 4000, 'one range per family per site')
  assert.equal(FleetIndex.findOverlaps(entries), [])
})

SiteBootstrapValues('siteBootstrapValues - refuses an index outside the plan', () => {
  assert.throws(() => siteBootstrapValues(MAX_SITES, 'ipv6', 'x'), /outside/)
  assert.throws(() => siteBootstrapValues(-1, 'ipv6', 'x'), /outside/)
})

const ParseMix = suite('parseMix')

ParseMix('parseMix - reads V4:V6:DUAL weights and refuses anything else', () => {
  assert.equal(parseMix('1:2:3'), { ipv4: 1, ipv6: 2, dual: 3 })
  for (const bad of ['1:1', '1:1:1:1', 'a:1:1', '0:0:0', '-1:1:1', ''])
    assert.throws(() => parseMix(bad), undefined, bad)
})

const SpreadKinds = suite('spreadKinds')

SpreadKinds('spreadKinds - keeps every prefix of the fleet in proportion', () => {
  const kinds = spreadKinds(300, { ipv4: 1, ipv6: 1, dual: 1 })
  for (const n of [3, 30, 300]) {
    const head = kinds.slice(0, n)
    for (const kind of ['ipv4', 'ipv6', 'dual'] as const) {
      assert.is(head.filter((k) => k === kind).length, n / 3, `${kind} in the first ${n}`)
    }
  }
  assert.ok(spreadKinds(50, { ipv4: 0, ipv6: 1, dual: 0 }).every((k) => k === 'ipv6'))
})

const PlanSites = suite('planSites')

PlanSites('planSites - gives each site consecutive ports, its family addresses and its values', () => {
  const sites = planSites({
    count: 3,
    firstIndex: 10,
    mix: { ipv4: 1, ipv6: 1, dual: 1 },
    basePort: 40_000,
    hosts: { ipv4: '127.0.0.1', ipv6: '::1' },
  })
  assert.equal(
    sites.map((s) => [s.name, s.kind, s.primary.text, s.secondary?.text]),
    [
      ['subcloud10', 'ipv6', '[::1]:40000', undefined],
      ['subcloud11', 'dual', '[::1]:40001', '127.0.0.1:40001'],
      ['subcloud12', 'ipv4', '127.0.0.1:40002', undefined],
    ],
  )
  const values = parseYaml(sites[1]?.bootstrapValuesYaml ?? '') as Record<string, string>
  assert.is(values['name'], 'subcloud11')
  assert.is(values['management_subnet'], 'fd10:b::/64,10.0.2.192/26')
})

PlanSites('planSites - refuses plans past the last site or the last port', () => {
  const base = { mix: { ipv4: 0, ipv6: 1, dual: 0 }, hosts: { ipv4: '127.0.0.1', ipv6: '::1' } }
  assert.throws(() => planSites({ ...base, count: 2, firstIndex: MAX_SITES - 1, basePort: 20_000 }), /exceed/)
  assert.throws(() => planSites({ ...base, count: 2, firstIndex: 0, basePort: 65_535 }), /65535/)
  assert.throws(() => planSites({ ...base, count: 0, firstIndex: 0, basePort: 20_000 }), /1 or more/)
})

SiteBootstrapValues.run()
ParseMix.run()
SpreadKinds.run()
PlanSites.run()
