import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { Command, Network, NetworkType, SystemState } from '../src/index.js'
import { apply, emptyState, findNetwork, findPool, poolsOfNetwork } from '../src/index.js'
import {
  IPV4,
  PLANS,
  SYSTEM_UUID,
  at,
  must,
  oamSecondary,
  otherPlan,
  poolName,
  poolOn,
  refuse,
  removal,
  required,
  run,
  site,
  sparePool,
} from './state-fixtures.js'

const network = (state: SystemState, name: string): Network =>
  required(findNetwork(state, name), `network ${name}`)

function poolNames(state: SystemState, name: string): string[] {
  return poolsOfNetwork(state, network(state, name).uuid).map((p) => p.name)
}

function addressNames(state: SystemState, pool: string): string[] {
  const uuid = findPool(state, pool)?.uuid
  return state.addresses
    .filter((a) => a.poolUuid === uuid)
    .map((a) => a.name)
    .sort()
}

function addNetwork(type: NetworkType, pool: string, name: string = type): Command {
  return { kind: 'network-add', name, type, dynamic: false, pool }
}

function assign(networkName: string, pool: string): Command {
  return { kind: 'network-addrpool-assign', network: networkName, pool }
}

const AddNetwork = suite('addNetwork')
const DeleteNetwork = suite('deleteNetwork')
const AssignPool = suite('assignPool')
const RemoveAssignment = suite('removeAssignment')

for (const P of PLANS) {
  const F = P.family
  const other = otherPlan(P)

  // --- §2.4 create -----------------------------------------------------------------------------

  AddNetwork(`addNetwork - binds the pool as primary and records its family (${F})`, () => {
    const state = run(site(P), sparePool(P, 'admin-pool'), addNetwork('admin', 'admin-pool'))
    const admin = network(state, 'admin')
    const pool = findPool(state, 'admin-pool')
    assert.is(admin.poolUuid, pool?.uuid)
    assert.is(admin.primaryPoolFamily, F)
    assert.ok(state.networkPools.some((a) => a.networkUuid === admin.uuid && a.poolUuid === pool?.uuid))
    assert.equal(addressNames(state, 'admin-pool'), [
      'controller-0-admin',
      'controller-1-admin',
      'controller-admin',
    ])
  })

  AddNetwork(`addNetwork - refuses types sysinv does not accept on /networks (${F})`, () => {
    for (const type of ['data', 'none', 'bm', 'pci-sriov']) {
      const command = { ...addNetwork('admin', poolName('oam', F)), type } as unknown as Command
      refuse(site(P), command, 'NETWORK_TYPE_UNSUPPORTED', `Network type ${type} not supported`)
    }
  })

  AddNetwork(`addNetwork - requires a pool (${F})`, () => {
    refuse(site(P), addNetwork('admin', ''), 'NETWORK_POOL_REQUIRED', 'Address pool UUID has to be specified')
    const { pool: _pool, ...withoutPool } = addNetwork('admin', 'x') as Extract<
      Command,
      { kind: 'network-add' }
    >
    refuse(site(P), withoutPool as Command, 'NETWORK_POOL_REQUIRED')
  })

  AddNetwork(`addNetwork - one network per type, one per name (${F})`, () => {
    const state = run(site(P), sparePool(P, 'x'))
    refuse(
      state,
      addNetwork('oam', 'x', 'oam-2'),
      'NETWORK_TYPE_EXISTS',
      'Network of type oam already exists.',
    )
    refuse(state, addNetwork('admin', 'x', 'oam'), 'NETWORK_NAME_EXISTS', 'oam')
    refuse(state, addNetwork('admin', 'missing'), 'POOL_NOT_FOUND', 'missing')
  })

  AddNetwork(`addNetwork - refuses unknown attributes (${F})`, () => {
    const command = { ...addNetwork('admin', 'x'), foo: 1 } as unknown as Command
    const e = refuse(site(P), command, 'INVALID_COMMAND', 'Unknown attribute for argument network-add: foo')
    assert.is(e.field, 'foo')
  })

  AddNetwork(`addNetwork - refuses a pool overlapping a bound pool, naming both (${F})`, () => {
    const state = run(site(P), poolOn('x', P.mgmt))
    const x = findPool(state, 'x')
    const mgmt = findPool(state, poolName('mgmt', F))
    refuse(
      state,
      addNetwork('admin', 'x'),
      'POOL_OVERLAP',
      `Address pool 'x' {${x?.uuid}} ${P.mgmt[0]}/${P.mgmt[1]} overlaps with: '${mgmt?.name}' {${mgmt?.uuid}} assigned to mgmt network`,
    )
  })

  AddNetwork(`addNetwork - system-controller-oam may overlap oam; system-controller may not (${F})`, () => {
    const state = run(site(P), poolOn('x', P.oam))
    assert.ok(apply(state, addNetwork('system-controller-oam', 'x')).ok)
    refuse(state, addNetwork('system-controller', 'x'), 'POOL_OVERLAP', 'assigned to oam network')
  })

  AddNetwork(`addNetwork - unbound pools never count as overlapping (${F})`, () => {
    const state = run(site(P), sparePool(P, 'a'), sparePool(P, 'b'))
    assert.ok(apply(state, addNetwork('admin', 'a')).ok)
  })

  AddNetwork(`addNetwork - a pool can serve one network only (${F})`, () => {
    refuse(
      site(P),
      addNetwork('admin', poolName('oam', F)),
      'POOL_IN_USE',
      'Address pool already in use by another network',
    )
  })

  AddNetwork(`addNetwork - cluster-pod needs an OAM pool of its family first (${F})`, () => {
    const empty = emptyState({
      uuid: SYSTEM_UUID,
      name: 'x',
      systemMode: 'duplex',
      distributedCloudRole: 'none',
      softwareVersion: '24.09',
    })
    const state = run(empty, poolOn('pod', P.clusterPod))
    refuse(
      state,
      addNetwork('cluster-pod', 'pod'),
      'CLUSTER_POD_NEEDS_OAM',
      'Cluster-pod address-pool can not be added before OAM address-pool of same IP family',
    )
    const withOam = run(state, oamSecondary(P), addNetwork('oam', 'oam-2'))
    assert.ok(apply(withOam, addNetwork('cluster-pod', 'pod')).ok)
  })

  AddNetwork(`addNetwork - pxeboot takes IPv4 pools only (${F})`, () => {
    const noPxe = run(site(P, { configured: false }), { kind: 'network-delete', network: 'pxeboot' })
    const state = run(noPxe, sparePool(P, 'pxe'))
    if (F === 'IPv4') assert.ok(apply(state, addNetwork('pxeboot', 'pxe')).ok)
    else refuse(state, addNetwork('pxeboot', 'pxe'), 'PXEBOOT_IPV4_ONLY', 'only supports pool of family IPv4')
  })

  AddNetwork(`addNetwork - after initial config an admin network reconfigures the hosts (${F})`, () => {
    const r = apply(run(site(P), sparePool(P, 'a')), addNetwork('admin', 'a'))
    assert.ok(r.ok && r.effects.some((e) => e.type === 'admin-reconfigured' && !e.disable))
    const simplex = must(
      apply(run(site(P, { mode: 'simplex' }), sparePool(P, 'a')), addNetwork('admin', 'a')),
    )
    assert.equal(addressNames(simplex, 'a'), ['controller-admin'])
  })

  // --- §2.4 delete -------------------------------------------------------------------------------

  DeleteNetwork(`deleteNetwork - platform networks are permanent after initial config (${F})`, () => {
    for (const type of [
      'oam',
      'cluster-host',
      'pxeboot',
      'cluster-pod',
      'cluster-service',
      'mgmt',
    ] as const) {
      const n = network(site(P), type)
      refuse(
        site(P),
        { kind: 'network-delete', network: type },
        'NETWORK_DELETE_AFTER_CONFIG',
        `Cannot delete type ${type} network ${n.uuid} after initial configuration completion`,
      )
    }
    const withStorage = run(site(P), poolOn('st', P.storage), addNetwork('storage', 'st'))
    refuse(withStorage, { kind: 'network-delete', network: 'storage' }, 'NETWORK_DELETE_AFTER_CONFIG')
  })

  DeleteNetwork(`deleteNetwork - AIO-SX mgmt can go while the controller is locked (${F})`, () => {
    const simplex = site(P, { mode: 'simplex' })
    refuse(simplex, { kind: 'network-delete', network: 'mgmt' }, 'HOST_UNLOCKED', 'Host controller-0')
    const locked = run(simplex, { kind: 'host-lock', host: 'controller-0' })
    const next = run(locked, { kind: 'network-delete', network: 'mgmt' })
    assert.is(findNetwork(next, 'mgmt'), undefined)
    assert.ok(findPool(next, poolName('mgmt', F)))
  })

  DeleteNetwork(
    `deleteNetwork - multicast and admin can go after initial config; pools stay, unbound (${F})`,
    () => {
      const r = apply(site(P), { kind: 'network-delete', network: 'multicast' })
      const next = must(r)
      assert.is(findNetwork(next, 'multicast'), undefined)
      assert.equal(addressNames(next, poolName('multicast', F)), [])
      assert.ok(
        r.ok && r.effects.some((e) => e.type === 'addresses-released' && e.names.includes('sm-mgmt-ip')),
      )
      const withAdmin = run(site(P), sparePool(P, 'a'), addNetwork('admin', 'a'))
      const noAdmin = run(withAdmin, { kind: 'network-delete', network: 'admin' })
      assert.equal(addressNames(noAdmin, 'a'), [
        'a-controller0_address',
        'a-controller1_address',
        'a-floating_address',
      ])
    },
  )

  DeleteNetwork(`deleteNetwork - anything can go before initial config (${F})`, () => {
    const state = site(P, { configured: false })
    const next = run(state, { kind: 'network-delete', network: 'cluster-host' })
    assert.is(findNetwork(next, 'cluster-host'), undefined)
    const name = poolName('cluster-host', F)
    assert.equal(addressNames(next, name), [
      `${name}-controller0_address`,
      `${name}-controller1_address`,
      `${name}-floating_address`,
    ])
    refuse(next, { kind: 'network-delete', network: 'cluster-host' }, 'NETWORK_NOT_FOUND', 'cluster-host')
  })

  // --- §2.5 assign -------------------------------------------------------------------------------

  AssignPool(
    `assignPool - the second pool becomes the secondary; the network record is unchanged (${F})`,
    () => {
      const before = network(site(P), 'oam')
      const uuid = '0d4f6a8c-1e3b-4d5f-9a7c-2b4d6f8a0c1e'
      const state = run(site(P), oamSecondary(other), { ...assign('oam', 'oam-2'), uuid } as Command)
      assert.equal(network(state, 'oam'), before)
      assert.equal(poolNames(state, 'oam'), [poolName('oam', F), 'oam-2'])
      assert.ok(state.networkPools.some((a) => a.uuid === uuid))
    },
  )

  AssignPool(`assignPool - binding names the pool's addresses after the network (${F})`, () => {
    const state = run(site(P), oamSecondary(other), assign('oam', 'oam-2'))
    assert.equal(addressNames(state, 'oam-2'), [
      'controller-0-oam',
      'controller-1-oam',
      'controller-gateway-oam',
      'controller-oam',
    ])
  })

  AssignPool(
    `assignPool - mgmt, cluster-host and multicast pools get their addresses allocated (${F})`,
    () => {
      const state = run(
        site(P, { configured: false }),
        poolOn('mgmt-2', other.mgmt),
        assign('mgmt', 'mgmt-2'),
        poolOn('mc-2', other.multicast),
        assign('multicast', 'mc-2'),
        poolOn('pod-2', other.clusterPod),
      )
      assert.equal(addressNames(state, 'mgmt-2'), [
        'controller-0-mgmt',
        'controller-1-mgmt',
        'controller-mgmt',
      ])
      const mgmt2 = findPool(state, 'mgmt-2')
      assert.equal(
        [mgmt2?.floatingAddress, mgmt2?.controller0Address, mgmt2?.controller1Address],
        [at(other.mgmt, 1), at(other.mgmt, 2), at(other.mgmt, 3)],
      )
      assert.equal(addressNames(state, 'mc-2'), [
        'mtce-mgmt-ip',
        'patch-agent-mgmt-ip',
        'patch-controller-mgmt-ip',
        'sm-mgmt-ip',
      ])
      const simplex = run(
        site(P, { mode: 'simplex', configured: false }),
        poolOn('mgmt-2', other.mgmt),
        assign('mgmt', 'mgmt-2'),
      )
      assert.equal(addressNames(simplex, 'mgmt-2'), ['controller-mgmt'])
    },
  )

  AssignPool(`assignPool - AIO-SX mgmt needs the controller locked, once configured (${F})`, () => {
    const simplex = run(site(P, { mode: 'simplex' }), poolOn('mgmt-2', other.mgmt))
    refuse(
      simplex,
      assign('mgmt', 'mgmt-2'),
      'HOST_UNLOCKED',
      'Host controller-0 is in administrative state = unlocked',
    )
    const locked = run(simplex, { kind: 'host-lock', host: 'controller-0' })
    assert.ok(apply(locked, assign('mgmt', 'mgmt-2')).ok)
    const bootstrapping = run(site(P, { mode: 'simplex', configured: false }), poolOn('mgmt-2', other.mgmt))
    assert.ok(apply(bootstrapping, assign('mgmt', 'mgmt-2')).ok)
  })

  AssignPool(`assignPool - pxeboot relations are fixed after initial config (${F})`, () => {
    const n = network(site(P), 'pxeboot')
    refuse(
      run(site(P), poolOn('pxe-2', IPV4.spare)),
      assign('pxeboot', 'pxe-2'),
      'ASSIGN_AFTER_CONFIG',
      `Cannot create relation for network {${n.uuid}} with type pxeboot after initial configuration completion`,
    )
  })

  AssignPool(
    `assignPool - multicast takes a secondary at runtime but a primary only during bootstrap (${F})`,
    () => {
      assert.ok(apply(run(site(P), poolOn('mc-2', other.multicast)), assign('multicast', 'mc-2')).ok)
      const base = run(site(P), poolOn('mc-2', other.multicast))
      const multicast = network(base, 'multicast')
      // a multicast network left without pools (as sysinv's nullable pool_uuid allows)
      const bare: SystemState = {
        ...base,
        networks: base.networks.map((n) =>
          n.uuid === multicast.uuid ? { ...n, poolUuid: null, primaryPoolFamily: null } : n,
        ),
        networkPools: base.networkPools.filter((a) => a.networkUuid !== multicast.uuid),
      }
      refuse(
        bare,
        assign('multicast', 'mc-2'),
        'ASSIGN_AFTER_CONFIG',
        'type multicast after initial configuration completion',
      )
      const booting: SystemState = { ...bare, initialConfigComplete: false }
      const next = run(booting, assign('multicast', 'mc-2'))
      assert.is(network(next, 'multicast').poolUuid, findPool(next, 'mc-2')?.uuid)
      assert.is(network(next, 'multicast').primaryPoolFamily, other.family)
    },
  )

  AssignPool(`assignPool - a network whose primary family is set takes only that family first (${F})`, () => {
    const base = run(site(P, { configured: false }), poolOn('mc-2', other.multicast), sparePool(P, 'mc-same'))
    const multicast = network(base, 'multicast')
    const familyOnly: SystemState = {
      ...base,
      networks: base.networks.map((n) => (n.uuid === multicast.uuid ? { ...n, poolUuid: null } : n)),
      networkPools: base.networkPools.filter((a) => a.networkUuid !== multicast.uuid),
    }
    refuse(
      familyOnly,
      assign('multicast', 'mc-2'),
      'NETWORK_PRIMARY_FAMILY',
      `requires primary pool of family ${F}`,
    )
    const next = run(
      familyOnly,
      { kind: 'addrpool-delete', pool: poolName('multicast', F) },
      poolOn('mc-1', P.multicast),
      assign('multicast', 'mc-1'),
    )
    assert.is(network(next, 'multicast').poolUuid, findPool(next, 'mc-1')?.uuid)
  })

  AssignPool(`assignPool - refuses overlap with a bound pool, except among cluster networks (${F})`, () => {
    const state = run(site(P), poolOn('x', other.mgmt), assign('mgmt', 'x'), poolOn('y', other.mgmt))
    const x = findPool(state, 'x')
    refuse(
      state,
      assign('oam', 'y'),
      'POOL_OVERLAP',
      `'x' {${x?.uuid}} assigned to mgmt network`,
      "Address pool 'y'",
    )
    const cluster = run(
      site(P),
      oamSecondary(other),
      assign('oam', 'oam-2'),
      poolOn('pod-2', other.clusterPod),
      assign('cluster-pod', 'pod-2'),
      poolOn('svc-2', other.clusterPod),
      poolOn('host-2', other.clusterPod),
    )
    assert.ok(apply(cluster, assign('cluster-service', 'svc-2')).ok)
    assert.ok(apply(cluster, assign('cluster-host', 'host-2')).ok)
  })

  AssignPool(`assignPool - at most two pools, one per family (${F})`, () => {
    const state = run(site(P), oamSecondary(other), assign('oam', 'oam-2'), sparePool(P, 'third'))
    refuse(
      state,
      assign('oam', 'third'),
      'NETWORK_MAX_POOLS',
      `Network of type oam already have maximum of 2 pools attached: [${poolName('oam', F)}, oam-2]`,
    )
    refuse(
      run(site(P), sparePool(P, 'same')),
      assign('oam', 'same'),
      'NETWORK_FAMILY_EXISTS',
      `Network of type oam already have pool ${poolName('oam', F)} for family ${F}`,
    )
  })

  AssignPool(`assignPool - pxeboot refuses IPv6 even during bootstrap (${F})`, () => {
    const state = run(site(P, { configured: false }), poolOn('pxe6', ['fd30::', 64]))
    refuse(
      state,
      assign('pxeboot', 'pxe6'),
      'PXEBOOT_IPV4_ONLY',
      'Network of type pxeboot only supports pool of family IPv4',
    )
  })

  AssignPool(`assignPool - a pool bound elsewhere is in use (${F})`, () => {
    const state = run(site(P, { configured: false }), poolOn('adm', other.admin), addNetwork('admin', 'adm'))
    refuse(state, assign('mgmt', 'adm'), 'POOL_IN_USE', 'Address pool already in use by another network')
  })

  AssignPool(`assignPool - cluster-pod's secondary needs OAM's secondary of that family (${F})`, () => {
    const state = run(site(P), poolOn('pod-2', other.clusterPod))
    refuse(
      state,
      assign('cluster-pod', 'pod-2'),
      'CLUSTER_POD_NEEDS_OAM',
      'before OAM address-pool of same IP family',
    )
    assert.ok(
      apply(run(state, oamSecondary(other), assign('oam', 'oam-2')), assign('cluster-pod', 'pod-2')).ok,
    )
  })

  AssignPool(`assignPool - checks run in sysinv's order: permission, overlap, pool count (${F})`, () => {
    // pxeboot after config with an overlapping IPv4 pool: the permission error wins
    const pxe = run(site(P), poolOn('pxe-2', ['169.254.202.0', 24]))
    refuse(pxe, assign('pxeboot', 'pxe-2'), 'ASSIGN_AFTER_CONFIG')
    // oam full, and the new pool overlaps mgmt: the overlap error wins
    const full = run(site(P), oamSecondary(other), assign('oam', 'oam-2'), poolOn('z', P.mgmt))
    refuse(full, assign('oam', 'z'), 'POOL_OVERLAP')
  })

  AssignPool(`assignPool - unknown network or pool (${F})`, () => {
    refuse(site(P), assign('nope', poolName('oam', F)), 'NETWORK_NOT_FOUND', 'nope')
    refuse(site(P), assign('oam', 'nope'), 'POOL_NOT_FOUND', 'nope')
  })

  // --- §2.6 remove -------------------------------------------------------------------------------

  RemoveAssignment(`removeAssignment - the primary pool can never be removed (${F})`, () => {
    const name = poolName('oam', F)
    refuse(
      site(P, { configured: false }),
      removal(site(P), name),
      'PRIMARY_POOL_REMOVAL',
      `Cannot remove primary pool '${name}' from 'oam' with type oam`,
    )
  })

  RemoveAssignment(
    `removeAssignment - OAM's pool of a family stays while cluster-pod has that family (${F})`,
    () => {
      const state = run(
        site(P),
        oamSecondary(other),
        assign('oam', 'oam-2'),
        poolOn('pod-2', other.clusterPod),
        assign('cluster-pod', 'pod-2'),
      )
      refuse(
        state,
        removal(state, 'oam-2'),
        'OAM_NEEDED_BY_CLUSTER_POD',
        'oam address-pool can not be deleted before cluster-pod address-pool of same IP family',
      )
      const podGone = run(state, removal(state, 'pod-2'))
      assert.ok(apply(podGone, removal(podGone, 'oam-2')).ok)
    },
  )

  RemoveAssignment(
    `removeAssignment - permission as for assign: pxeboot fixed, AIO-SX mgmt locked (${F})`,
    () => {
      const n = network(site(P), 'pxeboot')
      refuse(
        site(P),
        removal(site(P), 'pxeboot'),
        'REMOVE_AFTER_CONFIG',
        `Cannot delete relation for network {${n.uuid}} with type pxeboot`,
      )
      const simplex = run(
        site(P, { mode: 'simplex', configured: false }),
        poolOn('mgmt-2', other.mgmt),
        assign('mgmt', 'mgmt-2'),
      )
      const configured: SystemState = { ...simplex, initialConfigComplete: true }
      refuse(configured, removal(configured, 'mgmt-2'), 'HOST_UNLOCKED')
    },
  )

  RemoveAssignment(
    `removeAssignment - the network is single-stack again; addresses stay, unbound (${F})`,
    () => {
      const state = run(
        site(P),
        oamSecondary(other),
        assign('oam', 'oam-2'),
        poolOn('mc-2', other.multicast),
        assign('multicast', 'mc-2'),
      )
      const oam = network(state, 'oam')
      const next = run(state, removal(state, 'oam-2'), removal(state, 'mc-2'))
      assert.equal(network(next, 'oam'), oam)
      assert.equal(poolNames(next, 'oam'), [poolName('oam', F)])
      assert.equal(addressNames(next, 'oam-2'), [
        'oam-2-controller0_address',
        'oam-2-controller1_address',
        'oam-2-floating_address',
        'oam-2-gateway_address',
      ])
      assert.equal(addressNames(next, 'mc-2'), [])
    },
  )

  RemoveAssignment(`removeAssignment - unknown association (${F})`, () => {
    refuse(site(P), { kind: 'network-addrpool-remove', assignment: 'nope' }, 'ASSOCIATION_NOT_FOUND', 'nope')
  })
}

AddNetwork.run()
DeleteNetwork.run()
AssignPool.run()
RemoveAssignment.run()
