import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { Command } from '../src/index.js'
import { apply, findNetwork, findPool, poolsOfNetwork } from '../src/index.js'
import {
  IPV4,
  IPV6,
  assignmentOf,
  at,
  oamSecondary,
  poolName,
  poolOn,
  refuse,
  removal,
  run,
  site,
  sparePool,
} from './state-fixtures.js'

// One test per rule of dual-stack-rules.md section 2 (sysinv's API rules), named after the rule.
// IPv4 spare subnet 10.20.0.0/24; IPv6 spare subnet fd20::/64.

const Rules = suite('dual-stack-rules.md section 2')

const S4 = IPV4.spare
const S6 = IPV6.spare
const assign = (network: string, pool: string): Command => ({
  kind: 'network-addrpool-assign',
  network,
  pool,
})

Rules('2.1 syntax: empty name, prefix out of bounds, null network, host bits, unknown order', () => {
  const base = site(IPV4)
  refuse(base, sparePool(IPV4, ' '), 'INVALID_POOL_NAME')
  refuse(base, poolOn('p', [S4[0], 0]), 'INVALID_PREFIX')
  refuse(base, poolOn('p', [S4[0], 33]), 'INVALID_PREFIX')
  refuse(base, poolOn('p', ['fd20::', 129]), 'INVALID_PREFIX')
  refuse(base, poolOn('p', ['0.0.0.0', 8]), 'NETWORK_NULL', 'Network must not be null')
  refuse(base, poolOn('p', ['10.20.0.1', 24]), 'HOST_BITS_SET')
  refuse(base, sparePool(IPV4, 'p', { order: 'backwards' as 'random' }), 'INVALID_ORDER')
})

Rules('2.1 defaults: order random, ranges [subnet[1], subnet[-2]] for IPv6 too, sorted by start', () => {
  const v4 = findPool(run(site(IPV4), sparePool(IPV4, 'p')), 'p')
  assert.equal([v4?.order, v4?.ranges], ['random', [[at(S4, 1), at(S4, -2)]]])
  const v6 = findPool(run(site(IPV6), sparePool(IPV6, 'p')), 'p')
  assert.equal(v6?.ranges, [[at(S6, 1), at(S6, -2)]])
  const ranges = [
    [at(S4, 20), at(S4, 30)],
    [at(S4, 1), at(S4, 10)],
  ] as const
  const sorted = findPool(run(site(IPV4), sparePool(IPV4, 'p', { ranges })), 'p')
  assert.equal(sorted?.ranges, [
    [at(S4, 1), at(S4, 10)],
    [at(S4, 20), at(S4, 30)],
  ])
})

Rules('2.1 name: a duplicate name is refused', () => {
  refuse(run(site(IPV4), sparePool(IPV4, 'p')), poolOn('p', ['10.40.0.0', 24]), 'POOL_NAME_EXISTS', 'p')
})

Rules('2.1 subnet size: at least 4 addresses, so at most /30 (IPv4) or /126 (IPv6)', () => {
  refuse(site(IPV4), poolOn('p', [S4[0], 31]), 'INVALID_SUBNET_SIZE', 'at least size /30')
  assert.ok(apply(site(IPV4), poolOn('p', [S4[0], 30])).ok)
  refuse(site(IPV6), poolOn('p', [S6[0], 127]), 'INVALID_SUBNET_SIZE', 'at least size /126')
  assert.ok(apply(site(IPV6), poolOn('p', [S6[0], 126])).ok)
})

Rules('2.1 ranges: family, inside, ordered, no network, no IPv4 broadcast, no overlap', () => {
  const add = (ranges: readonly (readonly [string, string])[], plan = IPV4) =>
    sparePool(plan, 'p', { ranges })
  const base = site(IPV4)
  refuse(base, add([[at(S6, 1), at(S6, 9)]]), 'RANGE_FAMILY_MISMATCH')
  refuse(base, add([[at(S4, 1), '10.20.1.5']]), 'RANGE_OUTSIDE_SUBNET', 'is not within network')
  refuse(base, add([[at(S4, 9), at(S4, 1)]]), 'RANGE_ORDER')
  assert.ok(apply(base, add([[at(S4, 5), at(S4, 5)]])).ok, 'start == end is accepted')
  refuse(base, add([[at(S4, 0), at(S4, 9)]]), 'RANGE_INCLUDES_NETWORK')
  refuse(base, add([[at(S4, 1), at(S4, -1)]]), 'RANGE_INCLUDES_BROADCAST')
  assert.ok(
    apply(site(IPV6), add([[at(S6, 1), at(S6, -1)]], IPV6)).ok,
    'an IPv6 range may end on the last address',
  )
  refuse(
    base,
    add([
      [at(S4, 1), at(S4, 10)],
      [at(S4, 10), at(S4, 20)],
    ]),
    'RANGE_OVERLAP',
  )
})

Rules('2.1 duplicate address fields: compared in field order, the later field named first', () => {
  refuse(
    site(IPV4),
    sparePool(IPV4, 'p', { floatingAddress: at(S4, 2), gatewayAddress: at(S4, 2) }),
    'DUPLICATE_ADDRESS',
    `gateway_address can not be the same as floating_address: ${at(S4, 2)}`,
  )
  refuse(
    site(IPV4),
    sparePool(IPV4, 'p', { controller0Address: at(S4, 3), controller1Address: at(S4, 3) }),
    'DUPLICATE_ADDRESS',
    'controller1_address can not be the same as controller0_address',
  )
})

Rules(
  '2.1 each address field: family, not network, not IPv4 broadcast, in subnet, in range but gateway',
  () => {
    const base = site(IPV4)
    const ranges = [[at(S4, 10), at(S4, 20)]] as const
    refuse(base, sparePool(IPV4, 'p', { floatingAddress: at(S6, 2) }), 'ADDRESS_FAMILY_MISMATCH')
    refuse(base, sparePool(IPV4, 'p', { floatingAddress: at(S4, 0) }), 'ADDRESS_IS_NETWORK')
    refuse(base, sparePool(IPV4, 'p', { floatingAddress: at(S4, -1) }), 'ADDRESS_IS_BROADCAST')
    refuse(
      base,
      sparePool(IPV4, 'p', { floatingAddress: '10.20.1.2' }),
      'ADDRESS_NOT_IN_SUBNET',
      'is not in subnet',
    )
    refuse(
      base,
      sparePool(IPV4, 'p', { ranges, controller1Address: at(S4, 5) }),
      'ADDRESS_NOT_IN_RANGE',
      `IP Address ${at(S4, 5)} is not in range: ${at(S4, 10)}-${at(S4, 20)}`,
    )
    const gateway = findPool(run(base, sparePool(IPV4, 'p', { ranges, gatewayAddress: at(S4, 1) })), 'p')
    assert.is(gateway?.gatewayAddress, at(S4, 1))
  },
)

Rules(
  '2.1 quirk: the range test applies to every range, so two ranges refuse any non-gateway address',
  () => {
    const ranges = [
      [at(S4, 1), at(S4, 10)],
      [at(S4, 20), at(S4, 30)],
    ] as const
    for (const address of [at(S4, 5), at(S4, 25)]) {
      refuse(site(IPV4), sparePool(IPV4, 'p', { ranges, floatingAddress: address }), 'ADDRESS_NOT_IN_RANGE')
    }
  },
)

Rules('2.1 quirk: on create without ranges the range test is skipped, not run on the default range', () => {
  const created = findPool(run(site(IPV6), sparePool(IPV6, 'p', { controller0Address: at(S6, -1) })), 'p')
  assert.equal([created?.controller0Address, created?.ranges], [at(S6, -1), [[at(S6, 1), at(S6, -2)]]])
})

Rules('2.1 pre-existing address row: refused when its pool is bound, otherwise adopted', () => {
  const oam = findPool(site(IPV4), poolName('oam', 'IPv4'))
  refuse(
    site(IPV4),
    poolOn('p', IPV4.oam, { floatingAddress: oam?.floatingAddress ?? '' }),
    'ADDRESS_IN_USE',
    'already assigned to the following address pool',
  )
  const state = run(
    site(IPV4),
    sparePool(IPV4, 'first', { floatingAddress: at(S4, 2) }),
    poolOn('second', [S4[0], 25], { floatingAddress: at(S4, 2) }),
  )
  assert.is(findPool(state, 'first')?.floatingAddress, null)
  assert.is(findPool(state, 'second')?.floatingAddress, at(S4, 2))
})

Rules(
  '2.2 modify: a none word clears a field; bound mgmt is read-only after config; checks run again',
  () => {
    const cleared = run(site(IPV4), sparePool(IPV4, 'p', { floatingAddress: at(S4, 2) }), {
      kind: 'addrpool-modify',
      pool: 'p',
      changes: { floatingAddress: 'None' },
    })
    assert.is(findPool(cleared, 'p')?.floatingAddress, null)
    const mgmt = poolName('mgmt', 'IPv4')
    refuse(
      site(IPV4),
      { kind: 'addrpool-modify', pool: mgmt, changes: { order: 'sequential' } },
      'POOL_READ_ONLY',
    )
    const oam = poolName('oam', 'IPv4')
    // sysinv checks the (unchanged) ranges against the new subnet before the addresses, so a
    // network change alone fails on the ranges; with the ranges moved, on the old floating address.
    refuse(
      site(IPV4),
      { kind: 'addrpool-modify', pool: oam, changes: { network: '10.11.10.0' } },
      'RANGE_OUTSIDE_SUBNET',
      'is not within network 10.11.10.0/24',
    )
    refuse(
      site(IPV4),
      {
        kind: 'addrpool-modify',
        pool: oam,
        changes: { network: '10.11.10.0', ranges: [['10.11.10.1', '10.11.10.254']] },
      },
      'ADDRESS_NOT_IN_SUBNET',
      'is not in subnet: 10.11.10.0/24',
    )
    refuse(
      site(IPV4),
      { kind: 'addrpool-modify', pool: oam, changes: { network: 'fd30::', prefix: 64 } },
      'POOL_FAMILY_CHANGE',
    )
    refuse(
      site(IPV4),
      { kind: 'addrpool-modify', pool: oam, changes: { floatingAddress: null } },
      'REQUIRED_FIELDS',
    )
  },
)

Rules('2.3 delete: a primary pool stays; a secondary pool goes with its association only', () => {
  refuse(site(IPV4), { kind: 'addrpool-delete', pool: poolName('mgmt', 'IPv4') }, 'POOL_IS_PRIMARY')
  const dual = run(site(IPV4), oamSecondary(IPV6), assign('oam', 'oam-2'))
  const single = run(dual, { kind: 'addrpool-delete', pool: 'oam-2' })
  const oam = findNetwork(single, 'oam')
  assert.equal(
    poolsOfNetwork(single, oam?.uuid ?? '').map((p) => p.name),
    [poolName('oam', 'IPv4')],
  )
})

Rules('2.4 network create and delete: one network per type; platform networks stay after config', () => {
  refuse(
    run(site(IPV4), sparePool(IPV4, 'p')),
    { kind: 'network-add', name: 'oam-again', type: 'oam', dynamic: false, pool: 'p' },
    'NETWORK_TYPE_EXISTS',
  )
  refuse(site(IPV4), { kind: 'network-delete', network: 'oam' }, 'NETWORK_DELETE_AFTER_CONFIG')
})

Rules('2.5 assign: two pools at most, one per family; pxeboot IPv4 only; cluster-pod after OAM', () => {
  const full = run(site(IPV4), oamSecondary(IPV6), assign('oam', 'oam-2'), poolOn('third', ['fd40::', 64]))
  refuse(full, assign('oam', 'third'), 'NETWORK_MAX_POOLS')
  refuse(run(site(IPV4), sparePool(IPV4, 'same')), assign('oam', 'same'), 'NETWORK_FAMILY_EXISTS')
  refuse(
    run(site(IPV4, { configured: false }), poolOn('pxe6', ['fd30::', 64])),
    assign('pxeboot', 'pxe6'),
    'PXEBOOT_IPV4_ONLY',
  )
  refuse(
    run(site(IPV4), poolOn('pod-2', IPV6.clusterPod)),
    assign('cluster-pod', 'pod-2'),
    'CLUSTER_POD_NEEDS_OAM',
  )
  const dual = run(site(IPV4), oamSecondary(IPV6), assign('oam', 'oam-2'))
  const oam = findNetwork(dual, 'oam')
  assert.is(
    oam?.primaryPoolFamily,
    'IPv4',
    'the assigned pool is the secondary; the network record is unchanged',
  )
})

Rules('2.6 remove: never the primary; OAM of a family stays while cluster-pod has that family', () => {
  refuse(site(IPV4), removal(site(IPV4), poolName('oam', 'IPv4')), 'PRIMARY_POOL_REMOVAL')
  const state = run(
    site(IPV4),
    oamSecondary(IPV6),
    assign('oam', 'oam-2'),
    poolOn('pod-2', IPV6.clusterPod),
    assign('cluster-pod', 'pod-2'),
  )
  refuse(
    state,
    { kind: 'network-addrpool-remove', assignment: assignmentOf(state, 'oam-2') },
    'OAM_NEEDED_BY_CLUSTER_POD',
  )
})

Rules('2.7 overlap: a bound pool may not overlap another bound pool, except among cluster networks', () => {
  refuse(
    run(site(IPV4), poolOn('y', IPV4.mgmt)),
    { kind: 'network-add', name: 'adm', type: 'admin', dynamic: false, pool: 'y' },
    'POOL_OVERLAP',
  )
  const cluster = run(
    site(IPV4),
    oamSecondary(IPV6),
    assign('oam', 'oam-2'),
    poolOn('pod-2', IPV6.clusterPod),
    assign('cluster-pod', 'pod-2'),
    poolOn('svc-2', IPV6.clusterPod),
  )
  assert.ok(apply(cluster, assign('cluster-service', 'svc-2')).ok)
})

Rules('2.8 not enforced: no per-type minimum size, and networks need not share one primary family', () => {
  const tiny = run(site(IPV4), poolOn('oam-6', ['fd50::', 126]), assign('oam', 'oam-6'))
  assert.is(poolsOfNetwork(tiny, findNetwork(tiny, 'oam')?.uuid ?? '').length, 2)
  const mixed = run(site(IPV4, { configured: false }), poolOn('adm6', IPV6.admin), {
    kind: 'network-add',
    name: 'admin',
    type: 'admin',
    dynamic: false,
    pool: 'adm6',
  })
  assert.is(findNetwork(mixed, 'admin')?.primaryPoolFamily, 'IPv6')
})

Rules.run()
