import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { Command, NetworkPlan, SitePlan, SystemState } from '../src/index.js'
import {
  CONFIG_OUT_OF_DATE_ALARM,
  FleetIndex,
  SubnetAllocator,
  applyAll,
  commandLine,
  hostActions,
  kubernetesView,
  parseNetworkPlan,
  planSite,
  siteNetworksFromState,
} from '../src/index.js'
import { ISSUE_PLAN, REMOVE_PLAN, dualStackSite, ipv6Site, outOfDate } from './network-plan-fixtures.js'
import { must } from './state-fixtures.js'

const PlanSite = suite('planSite')

function planFor(
  plan: NetworkPlan | string,
  state: SystemState,
  name = 'subcloud1',
  allocator?: SubnetAllocator,
): SitePlan {
  const parsed = typeof plan === 'string' ? parseNetworkPlan(plan) : plan
  return planSite(
    parsed,
    siteNetworksFromState(state, name),
    allocator ?? new SubnetAllocator(new FleetIndex()),
  )
}

function commandsOf(plan: SitePlan): readonly Command[] {
  if (plan.kind !== 'change') throw new Error(`expected a change, got ${plan.kind}: ${plan.reason}`)
  return plan.commands
}

function has250(state: SystemState): boolean {
  return state.alarms.some((a) => a.alarmId === CONFIG_OUT_OF_DATE_ALARM)
}

/** The site after `commands` and then the host sequence they call for. */
function applyWithHosts(state: SystemState, commands: readonly Command[]): SystemState {
  const changed = must(applyAll(state, commands))
  return must(applyAll(changed, hostActions(siteNetworksFromState(changed, 'subcloud1'), outOfDate(changed))))
}

PlanSite("planSite - a duplex IPv6 site gets the seed's IPv4 commands, OAM first", () => {
  assert.equal(commandsOf(planFor(ISSUE_PLAN, ipv6Site('duplex'))).map(commandLine), [
    'system addrpool-add oam-ipv4 10.64.0.0 24 --order random --ranges 10.64.0.1-10.64.0.253 --floating-address 10.64.0.1 --controller0-address 10.64.0.2 --controller1-address 10.64.0.3 --gateway-address 10.64.0.254',
    'system network-addrpool-assign oam oam-ipv4',
    'system addrpool-add cluster-host-ipv4 10.128.0.0 24 --order random --ranges 10.128.0.1-10.128.0.254 --floating-address 10.128.0.1 --controller0-address 10.128.0.2 --controller1-address 10.128.0.3',
    'system network-addrpool-assign cluster-host cluster-host-ipv4',
    'system addrpool-add cluster-pod-ipv4 172.16.0.0 16 --order random --ranges 172.16.0.1-172.16.255.254',
    'system network-addrpool-assign cluster-pod cluster-pod-ipv4',
    'system addrpool-add cluster-service-ipv4 10.96.0.0 12 --order random --ranges 10.96.0.1-10.111.255.254',
    'system network-addrpool-assign cluster-service cluster-service-ipv4',
  ])
})

PlanSite(
  'planSite - a simplex site gets no controller addresses, and Kubernetes turns dual-stack at runtime',
  () => {
    const before = ipv6Site('simplex')
    const commands = commandsOf(planFor(ISSUE_PLAN, before))
    assert.is(
      commandLine(commands[0] as Command),
      'system addrpool-add oam-ipv4 10.64.0.0 24 --order random --ranges 10.64.0.1-10.64.0.253 --floating-address 10.64.0.1 --gateway-address 10.64.0.254',
    )
    const after = must(applyAll(before, commands))
    assert.is(has250(after), false, 'AIO-SX reconfigures OAM at runtime')
    assert.equal(hostActions(siteNetworksFromState(after, 'subcloud1'), outOfDate(after)), [])
    const view = kubernetesView(after)
    assert.ok(view.dualStack)
    assert.is(view.serviceClusterIpRange, 'fd04::/112,10.96.0.0/12')
    assert.is(view.clusterCidr, 'fd03::/64,172.16.0.0/16')
    assert.is(
      view.nodeIps['controller-0'],
      `${before.pools.find((p) => p.name === 'cluster-host-subnet-ipv6')?.floatingAddress},10.128.0.1`,
    )
  },
)

PlanSite(
  'planSite - a duplex site raises 250.001, and the host sequence clears it with controller-0 active again',
  () => {
    const before = ipv6Site('duplex')
    const changed = must(applyAll(before, commandsOf(planFor(ISSUE_PLAN, before))))
    assert.ok(kubernetesView(changed).dualStack)
    assert.equal(outOfDate(changed), ['controller-0', 'controller-1'])
    assert.ok(has250(changed))
    const hosts = hostActions(siteNetworksFromState(changed, 'subcloud1'), outOfDate(changed))
    assert.equal(hosts.map(commandLine), [
      'system host-lock controller-1',
      'system host-unlock controller-1',
      'system host-swact controller-0',
      'system host-lock controller-0',
      'system host-unlock controller-0',
      'system host-swact controller-1',
    ])
    const done = must(applyAll(changed, hosts))
    assert.is(has250(done), false)
    assert.equal(outOfDate(done), [])
    assert.equal(
      done.hosts.filter((h) => h.active).map((h) => h.hostname),
      ['controller-0'],
    )
  },
)

PlanSite('planSite - the remove plan brings a converted site back to single-stack, Kubernetes too', () => {
  for (const mode of ['simplex', 'duplex'] as const) {
    const before = ipv6Site(mode)
    const dual = applyWithHosts(before, commandsOf(planFor(ISSUE_PLAN, before)))
    const commands = commandsOf(planFor(REMOVE_PLAN, dual))
    assert.equal(
      commands.map((c) => (c.kind === 'addrpool-delete' ? `${c.kind} ${c.pool}` : c.kind)),
      [
        'network-addrpool-remove',
        'addrpool-delete cluster-service-ipv4',
        'network-addrpool-remove',
        'addrpool-delete cluster-pod-ipv4',
        'network-addrpool-remove',
        'addrpool-delete cluster-host-ipv4',
        'network-addrpool-remove',
        'addrpool-delete oam-ipv4',
      ],
      mode,
    )
    const single = applyWithHosts(dual, commands)
    assert.is(kubernetesView(single).dualStack, false, mode)
    assert.is(kubernetesView(single).serviceClusterIpRange, 'fd04::/112', mode)
    assert.equal(single.pools.map((p) => p.name).sort(), before.pools.map((p) => p.name).sort(), mode)
    assert.is(has250(single), false, mode)
    assert.equal(planFor(REMOVE_PLAN, single), {
      kind: 'skip',
      reason: 'already single-stack: cluster-service, cluster-pod, cluster-host, oam',
    })
  }
})

PlanSite('planSite - an already dual-stack site is skipped, naming the networks', () => {
  assert.equal(planFor(ISSUE_PLAN, dualStackSite()), {
    kind: 'skip',
    reason: 'already dual-stack: oam, cluster-host, cluster-pod, cluster-service',
  })
})

PlanSite('planSite - leaves out the networks that already have the secondary family', () => {
  const before = ipv6Site('simplex')
  const half = must(applyAll(before, commandsOf(planFor('add: { oam: { subnet: 10.20.7.0/24 } }\n', before))))
  const rest = commandsOf(planFor(ISSUE_PLAN, half))
  assert.equal(
    rest
      .filter((c) => c.kind === 'network-addrpool-assign')
      .map((c) => c.kind === 'network-addrpool-assign' && c.network),
    ['cluster-host', 'cluster-pod', 'cluster-service'],
  )
  assert.ok(must(applyAll(half, rest)).kubernetesDualStack)
})

PlanSite("planSite - refuses a plan of the site's primary family, naming the key", () => {
  assert.equal(
    planFor(
      'add:\n  cluster-pod: { subnet: "fd10::/64" }\n  oam: { subnet: "fd11::/64" }\n',
      ipv6Site('simplex'),
    ),
    {
      kind: 'refuse',
      reason: "add.cluster-pod: the plan gives IPv6, which is subcloud1's primary family",
    },
  )
})

PlanSite(
  'planSite - per-subcloud values replace the source, and a fleet conflict names the key and the owner',
  () => {
    const allocator = new SubnetAllocator(new FleetIndex())
    const plan = parseNetworkPlan(ISSUE_PLAN)
    const state = ipv6Site('duplex')
    const first = commandsOf(planFor(plan, state, 'subcloud1', allocator))
    const seventh = commandsOf(planFor(plan, state, 'subcloud7', allocator))
    const oamOf = (commands: readonly Command[]) => {
      const add = commands[0]
      return add?.kind === 'addrpool-add' ? `${add.network}/${add.prefix}` : undefined
    }
    assert.is(oamOf(first), '10.64.0.0/24')
    assert.is(oamOf(seventh), '10.20.7.0/24')
    const clash = parseNetworkPlan(`${ISSUE_PLAN}  subcloud8: { oam: { subnet: 10.20.7.128/25 } }\n`)
    assert.equal(planFor(clash, state, 'subcloud8', allocator), {
      kind: 'refuse',
      reason: 'subclouds.subcloud8.oam.subnet: 10.20.7.128/25 overlaps 10.20.7.0/24 of subcloud7',
    })
  },
)

PlanSite('planSite - refuses an exhausted allocation, naming allocate_from', () => {
  const plan = parseNetworkPlan('add: { oam: { allocate_from: 10.64.0.0/23, prefix: 24 } }\n')
  const allocator = new SubnetAllocator(new FleetIndex())
  const state = ipv6Site('simplex')
  assert.is(planFor(plan, state, 'subcloud1', allocator).kind, 'change')
  assert.is(planFor(plan, state, 'subcloud2', allocator).kind, 'change')
  assert.equal(planFor(plan, state, 'subcloud3', allocator), {
    kind: 'refuse',
    reason: 'add.oam.allocate_from: 10.64.0.0/23 has no free /24 left for subcloud3',
  })
})

PlanSite(
  "planSite - refuses a subnet overlapping one of the site's own pools, or a leftover pool name",
  () => {
    assert.equal(planFor('add: { oam: { subnet: 169.254.202.0/25 } }\n', ipv6Site('simplex')), {
      kind: 'refuse',
      reason:
        "add.oam.subnet: 169.254.202.0/25 overlaps subcloud1's pool pxeboot (169.254.202.0/24) of its pxeboot network",
    })
    const leftover = must(
      applyAll(ipv6Site('simplex'), [
        { kind: 'addrpool-add', name: 'oam-ipv4', network: '10.9.0.0', prefix: 24 },
      ]),
    )
    assert.equal(planFor('add: { oam: { subnet: 10.20.7.0/24 } }\n', leftover), {
      kind: 'refuse',
      reason: 'add.oam: subcloud1 already has a pool named oam-ipv4; delete or rename it first',
    })
  },
)

PlanSite('planSite - keeps the cluster-pod and OAM order netmodel needs', () => {
  assert.equal(planFor('add: { cluster-pod: { subnet: 172.16.0.0/16 } }\n', ipv6Site('simplex')), {
    kind: 'refuse',
    reason: 'add.cluster-pod: cluster-pod can get IPv4 only once oam has it; add oam to the plan',
  })
  const dual = dualStackSite()
  assert.equal(planFor('remove: [cluster-host, oam]\n', dual), {
    kind: 'refuse',
    reason: 'remove[1]: oam keeps its IPv4 pool while cluster-pod has one; remove cluster-pod too',
  })
})

PlanSite('planSite - the remove plan takes the bootstrap secondaries off a dual-stack site', () => {
  const dual = dualStackSite()
  const single = must(applyAll(dual, commandsOf(planFor(REMOVE_PLAN, dual))))
  assert.is(kubernetesView(single).dualStack, false)
  assert.equal(
    single.pools.filter((p) => p.family === 'IPv4').map((p) => p.name),
    ['pxeboot'],
  )
})

const HostActions = suite('hostActions')

HostActions('hostActions - only the standby out of date: lock and unlock it, no swact', () => {
  const site = siteNetworksFromState(ipv6Site('duplex'), 'subcloud1')
  assert.equal(hostActions(site, ['controller-1']).map(commandLine), [
    'system host-lock controller-1',
    'system host-unlock controller-1',
  ])
})

HostActions('hostActions - only the active out of date: swact around it, and back', () => {
  const state = ipv6Site('duplex')
  const site = siteNetworksFromState(state, 'subcloud1')
  const commands = hostActions(site, ['controller-0'])
  assert.equal(commands.map(commandLine), [
    'system host-swact controller-0',
    'system host-lock controller-0',
    'system host-unlock controller-0',
    'system host-swact controller-1',
  ])
  must(applyAll(state, commands))
})

HostActions(
  'hostActions - simplex locks and unlocks controller-0; nothing out of date, nothing to do',
  () => {
    const site = siteNetworksFromState(ipv6Site('simplex'), 'subcloud1')
    assert.equal(hostActions(site, ['controller-0']).map(commandLine), [
      'system host-lock controller-0',
      'system host-unlock controller-0',
    ])
    assert.equal(hostActions(site, []), [])
  },
)

const SiteNetworksFromState = suite('siteNetworksFromState')

SiteNetworksFromState(
  'siteNetworksFromState - networks with their pools primary first, every pool, the hosts',
  () => {
    const state = dualStackSite()
    const site = siteNetworksFromState(state, 'subcloud3')
    assert.is(site.name, 'subcloud3')
    assert.is(site.primaryFamily, 'IPv6')
    assert.is(site.systemMode, 'simplex')
    const oam = site.networks.find((n) => n.type === 'oam')
    assert.equal(
      oam?.pools.map((p) => [p.pool.name, p.pool.family, p.pool.subnet]),
      [
        ['oam-ipv6', 'IPv6', 'fd00::/64'],
        ['oam-ipv4', 'IPv4', '10.20.2.0/24'],
      ],
    )
    assert.is(
      oam?.pools[1]?.assignment,
      state.networkPools.find((a) => a.poolUuid === oam?.pools[1]?.pool.uuid)?.uuid,
    )
    assert.is(site.pools.length, state.pools.length)
    assert.equal(site.hosts, [
      { hostname: 'controller-0', personality: 'controller', active: true, administrative: 'unlocked' },
    ])
  },
)

PlanSite.run()
HostActions.run()
SiteNetworksFromState.run()
