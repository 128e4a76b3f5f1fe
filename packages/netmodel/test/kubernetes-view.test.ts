import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { apply, applyAll } from '../src/apply.js'
import type { Command } from '../src/command.js'
import { emptyState } from '../src/empty-state.js'
import { initialState } from '../src/initial-state.js'
import { kubernetesView, renderKubernetesFiles, resolveServiceFamilies } from '../src/kubernetes-view.js'
import type { ServiceFamilyCode, ServiceFamilyResult, ServiceFamilySpec } from '../src/kubernetes-view.js'
import { findPool } from '../src/state-queries.js'
import type { SystemState } from '../src/system-state.js'
import { IPV4_BOOTSTRAP, IPV6_BOOTSTRAP, SEED_BOOTSTRAP, validValues } from './bootstrap-fixtures.js'
import {
  ASSIGN_CLUSTER_IPV4,
  ASSIGN_OAM_IPV4,
  clusterIpv4Pools,
  oamIpv4Pool,
} from './walkthrough-fixtures.js'

const UUID = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f'

function state(raw: Readonly<Record<string, unknown>>): SystemState {
  return initialState(validValues(raw), { uuid: UUID })
}

/** A system without any network, so without cluster networks. */
function bareState(): SystemState {
  return emptyState({
    uuid: UUID,
    name: 'bare',
    systemMode: 'simplex',
    distributedCloudRole: 'none',
    softwareVersion: '25.09',
  })
}

function run(s: SystemState, commands: readonly Command[]): SystemState {
  const result = applyAll(s, commands)
  if (!result.ok) throw result.error
  return result.state
}

function removeSecondary(s: SystemState, pool: string): SystemState {
  const uuid = findPool(s, pool)?.uuid
  const assignment = s.networkPools.find((a) => a.poolUuid === uuid)
  assert.ok(assignment, `${pool} is assigned`)
  const result = apply(s, { kind: 'network-addrpool-remove', assignment: assignment.uuid })
  if (!result.ok) throw result.error
  return result.state
}

/** The seed's runtime walkthrough on an IPv6 single-stack AIO-SX, up to the cluster pools. */
const TO_DUAL_STACK_OAM: readonly Command[] = [
  oamIpv4Pool('simplex'),
  ASSIGN_OAM_IPV4,
  ...clusterIpv4Pools('simplex'),
  ...ASSIGN_CLUSTER_IPV4.slice(0, 2),
]
const LAST_CLUSTER_POOL = ASSIGN_CLUSTER_IPV4[2] as Command

const View = suite('kubernetesView')

View("kubernetesView - derives dual-stack flags from the seed's bootstrap, primary first", () => {
  const view = kubernetesView(state(SEED_BOOTSTRAP))
  assert.is(view.dualStack, true)
  assert.is(view.serviceClusterIpRange, 'aefd:aaa::/112,10.96.0.0/12')
  assert.is(view.clusterCidr, 'aefd:206::/64,172.16.0.0/16')
  assert.equal(view.nodeIps, { 'controller-0': 'aefd:205::1,192.168.205.1' })
  assert.equal(view.serviceFamilies, ['IPv6', 'IPv4'])
  assert.equal(view.calicoIpPools, [
    {
      name: 'default-ipv6-ippool',
      cidr: 'aefd:206::/64',
      blockSize: 122,
      natOutgoing: true,
      disabled: false,
      nodeSelector: 'all()',
    },
    {
      name: 'default-ipv4-ippool',
      cidr: '172.16.0.0/16',
      blockSize: 26,
      natOutgoing: true,
      disabled: false,
      nodeSelector: 'all()',
    },
  ])
})

View('kubernetesView - gives each duplex controller its own cluster-host addresses as node-ip', () => {
  const view = kubernetesView(state({ ...SEED_BOOTSTRAP, system_mode: 'duplex' }))
  assert.equal(view.nodeIps, {
    'controller-0': 'aefd:205::2,192.168.205.2',
    'controller-1': 'aefd:205::3,192.168.205.3',
  })
})

View('kubernetesView - stays single-stack on an IPv4 system', () => {
  const view = kubernetesView(state(IPV4_BOOTSTRAP))
  assert.equal(
    [view.dualStack, view.serviceClusterIpRange, view.clusterCidr, view.nodeIps['controller-0']],
    [false, '10.96.0.0/12', '172.16.0.0/16', '192.168.206.1'],
  )
  assert.equal(
    view.calicoIpPools.map((p) => [p.name, p.cidr, p.blockSize]),
    [['default-ipv4-ippool', '172.16.0.0/16', 26]],
  )
})

View(
  "kubernetesView - follows the seed's runtime walkthrough: dual-stack only with the third pool, and back",
  () => {
    const partial = run(state(IPV6_BOOTSTRAP), TO_DUAL_STACK_OAM)
    const before = kubernetesView(partial)
    assert.is(before.dualStack, false, 'cluster-host is still single-stack')
    assert.is(before.serviceClusterIpRange, 'fd04::/112')
    assert.equal(before.serviceFamilies, ['IPv6'])

    const dual = run(partial, [LAST_CLUSTER_POOL])
    const after = kubernetesView(dual)
    assert.is(after.dualStack, true)
    assert.is(after.serviceClusterIpRange, 'fd04::/112,10.96.0.0/12')
    assert.is(after.clusterCidr, 'fd03::/64,172.16.0.0/16')
    assert.equal(after.nodeIps, { 'controller-0': 'fd02::1,171.168.204.1' })
    assert.is(dual.kubernetesDualStack, after.dualStack)

    const reverted = ['cluster-pod-ipv4', 'cluster-service-ipv4', 'cluster-host-ipv4'].reduce(
      removeSecondary,
      dual,
    )
    assert.equal(kubernetesView(reverted), kubernetesView(state(IPV6_BOOTSTRAP)))
  },
)

View('kubernetesView - is empty for a system without cluster networks', () => {
  const empty = bareState()
  assert.equal(kubernetesView(empty), {
    dualStack: false,
    serviceClusterIpRange: '',
    clusterCidr: '',
    nodeIps: {},
    calicoIpPools: [],
    serviceFamilies: [],
  })
})

const Resolve = suite('resolveServiceFamilies')

const DUAL = state(SEED_BOOTSTRAP)
const SINGLE_V4 = state(IPV4_BOOTSTRAP)
const SINGLE_V6 = state(IPV6_BOOTSTRAP)

function families(s: SystemState, spec: ServiceFamilySpec): unknown {
  const result = resolveServiceFamilies(s, spec)
  if (!result.ok) throw result.error
  return [result.ipFamilyPolicy, result.ipFamilies]
}

function refused(result: ServiceFamilyResult, code: ServiceFamilyCode, field: string, message: RegExp): void {
  assert.not.ok(result.ok, 'expected a refusal')
  if (result.ok) return
  assert.is(result.error.code, code)
  assert.is(result.error.field, field)
  assert.is(result.error.category, 'invalid-argument')
  assert.match(result.error.message, message)
}

Resolve("resolveServiceFamilies - gives the seed's PreferDualStack Service both families, IPv6 first", () => {
  assert.equal(families(DUAL, { ipFamilyPolicy: 'PreferDualStack', ipFamilies: ['IPv6', 'IPv4'] }), [
    'PreferDualStack',
    ['IPv6', 'IPv4'],
  ])
})

Resolve('resolveServiceFamilies - defaults to SingleStack on the first service range family', () => {
  assert.equal(families(DUAL, {}), ['SingleStack', ['IPv6']])
  assert.equal(families(SINGLE_V4, {}), ['SingleStack', ['IPv4']])
})

Resolve(
  'resolveServiceFamilies - PreferDualStack gives two families on a dual-stack cluster, else one',
  () => {
    assert.equal(families(DUAL, { ipFamilyPolicy: 'PreferDualStack' }), ['PreferDualStack', ['IPv6', 'IPv4']])
    assert.equal(families(SINGLE_V4, { ipFamilyPolicy: 'PreferDualStack' }), ['PreferDualStack', ['IPv4']])
    assert.equal(families(SINGLE_V6, { ipFamilyPolicy: 'PreferDualStack' }), ['PreferDualStack', ['IPv6']])
  },
)

Resolve('resolveServiceFamilies - keeps the requested order and adds the other family second', () => {
  assert.equal(families(DUAL, { ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv4'] }), [
    'RequireDualStack',
    ['IPv4', 'IPv6'],
  ])
  assert.equal(families(DUAL, { ipFamilies: ['IPv4'] }), ['SingleStack', ['IPv4']])
  assert.equal(families(DUAL, { ipFamilies: ['IPv4', 'IPv6'] }), ['RequireDualStack', ['IPv4', 'IPv6']])
})

Resolve('resolveServiceFamilies - RequireDualStack fails on a single-stack cluster', () => {
  refused(
    resolveServiceFamilies(SINGLE_V6, { ipFamilyPolicy: 'RequireDualStack' }),
    'SERVICE_DUAL_STACK_UNAVAILABLE',
    'spec.ipFamilyPolicy',
    /Cluster is not configured for dual stack services/,
  )
})

Resolve('resolveServiceFamilies - refuses a family the cluster does not have (both families)', () => {
  refused(
    resolveServiceFamilies(SINGLE_V4, { ipFamilies: ['IPv6'] }),
    'SERVICE_FAMILY_UNAVAILABLE',
    'spec.ipFamilies[0]',
    /ipfamily IPv6 is not configured on cluster/,
  )
  refused(
    resolveServiceFamilies(SINGLE_V6, { ipFamilyPolicy: 'PreferDualStack', ipFamilies: ['IPv6', 'IPv4'] }),
    'SERVICE_FAMILY_UNAVAILABLE',
    'spec.ipFamilies[1]',
    /ipfamily IPv4 is not configured on cluster/,
  )
})

Resolve(
  'resolveServiceFamilies - refuses more than two, duplicate, and SingleStack with two families',
  () => {
    refused(
      resolveServiceFamilies(DUAL, { ipFamilies: ['IPv6', 'IPv4', 'IPv6'] }),
      'SERVICE_FAMILIES_TOO_MANY',
      'spec.ipFamilies',
      /must have at most 2 items/,
    )
    refused(
      resolveServiceFamilies(DUAL, { ipFamilyPolicy: 'PreferDualStack', ipFamilies: ['IPv4', 'IPv4'] }),
      'SERVICE_FAMILY_DUPLICATE',
      'spec.ipFamilies[1]',
      /Duplicate value: "IPv4"/,
    )
    refused(
      resolveServiceFamilies(DUAL, { ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv6', 'IPv4'] }),
      'SERVICE_SINGLE_STACK_MULTIPLE_FAMILIES',
      'spec.ipFamilyPolicy',
      /must be RequireDualStack or PreferDualStack when multiple 'ipFamilies' are specified/,
    )
  },
)

Resolve('resolveServiceFamilies - refuses any Service where there is no cluster-service network', () => {
  const empty = bareState()
  refused(
    resolveServiceFamilies(empty, {}),
    'SERVICE_FAMILY_UNAVAILABLE',
    'spec.ipFamilies',
    /no cluster-service network/,
  )
})

const Render = suite('renderKubernetesFiles')

Render('renderKubernetesFiles - writes one flag per line per component, and the Calico manifest', () => {
  const files = Object.fromEntries(
    renderKubernetesFiles(state({ ...SEED_BOOTSTRAP, system_mode: 'duplex' })).map((f) => [
      f.path,
      f.content,
    ]),
  )
  assert.equal(Object.keys(files), [
    'kube-apiserver.flags',
    'kube-controller-manager.flags',
    'kubelet-controller-0.flags',
    'kubelet-controller-1.flags',
    'calico-ippools.yaml',
  ])
  assert.is(files['kube-apiserver.flags'], '--service-cluster-ip-range=aefd:aaa::/112,10.96.0.0/12\n')
  assert.is(
    files['kube-controller-manager.flags'],
    '--cluster-cidr=aefd:206::/64,172.16.0.0/16\n--service-cluster-ip-range=aefd:aaa::/112,10.96.0.0/12\n',
  )
  assert.is(files['kubelet-controller-1.flags'], '--node-ip=aefd:205::3,192.168.205.3\n')
  const yaml = files['calico-ippools.yaml'] ?? ''
  assert.is(yaml.split('---\n').length, 2)
  assert.ok(
    yaml.includes(
      'kind: IPPool\nmetadata:\n  name: default-ipv6-ippool\nspec:\n  cidr: aefd:206::/64\n  blockSize: 122\n',
    ),
  )
  assert.ok(
    yaml.includes(
      '  name: default-ipv4-ippool\nspec:\n  cidr: 172.16.0.0/16\n  blockSize: 26\n  natOutgoing: true\n  disabled: false\n',
    ),
  )
})

Render('renderKubernetesFiles - leaves out flags a system has no network for', () => {
  const empty = bareState()
  assert.equal(renderKubernetesFiles(empty), [
    { path: 'kube-apiserver.flags', content: '' },
    { path: 'kube-controller-manager.flags', content: '' },
    { path: 'calico-ippools.yaml', content: '' },
  ])
})

View.run()
Resolve.run()
Render.run()
