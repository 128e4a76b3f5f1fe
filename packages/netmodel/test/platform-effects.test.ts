import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { Command, Effect, SystemState } from '../src/index.js'
import { apply } from '../src/index.js'
import type { FamilyPlan } from './state-fixtures.js'
import { IPV4, PLANS, must, oamSecondary, otherPlan, removal, run, site } from './state-fixtures.js'

function effectsOf(state: SystemState, command: Command): readonly Effect[] {
  const r = apply(state, command)
  if (!r.ok) throw new Error(`${command.kind} refused: ${r.error.message}`)
  return r.effects
}

/** The Kubernetes part of a command's effects. */
function kubernetes(effects: readonly Effect[]): Effect[] {
  return effects.filter((e) => e.type === 'kubernetes-dual-stack' || e.type === 'component-restart')
}

function types(effects: readonly Effect[]): string[] {
  return effects.map((e) => e.type)
}

const assignOam: Command = { kind: 'network-addrpool-assign', network: 'oam', pool: 'oam-2' }

function clusterPools(plan: FamilyPlan): Command[] {
  return [
    { kind: 'addrpool-add', name: 'pod-2', network: plan.clusterPod[0], prefix: plan.clusterPod[1] },
    { kind: 'addrpool-add', name: 'svc-2', network: plan.clusterService[0], prefix: plan.clusterService[1] },
    { kind: 'addrpool-add', name: 'host-2', network: plan.clusterHost[0], prefix: plan.clusterHost[1] },
  ]
}

const ASSIGN: Record<string, Command> = {
  'cluster-pod': { kind: 'network-addrpool-assign', network: 'cluster-pod', pool: 'pod-2' },
  'cluster-service': { kind: 'network-addrpool-assign', network: 'cluster-service', pool: 'svc-2' },
  'cluster-host': { kind: 'network-addrpool-assign', network: 'cluster-host', pool: 'host-2' },
}
const SECONDARY: Record<string, string> = {
  'cluster-pod': 'pod-2',
  'cluster-service': 'svc-2',
  'cluster-host': 'host-2',
}

const NetworkReconfigured = suite('networkReconfigured')
const ReconcileKubernetesDualStack = suite('reconcileKubernetesDualStack')

for (const P of PLANS) {
  const F = P.family
  const other = otherPlan(P)

  NetworkReconfigured(`networkReconfigured - AIO-SX applies an OAM change at runtime (${F})`, () => {
    const state = run(site(P, { mode: 'simplex' }), oamSecondary(other))
    const r = apply(state, assignOam)
    assert.equal(r.ok && r.effects, [{ type: 'oam-reconfigured', runtime: true }])
    const next = must(r)
    assert.equal(next.alarms, [])
    assert.ok(next.hosts.every((h) => h.configUpToDate))
  })

  NetworkReconfigured(
    `networkReconfigured - AIO-DX marks both controllers out-of-date with 250.001 (${F})`,
    () => {
      const state = run(site(P), oamSecondary(other))
      const r = apply(state, assignOam)
      const next = must(r)
      assert.equal(
        next.hosts.map((h) => [h.hostname, h.configUpToDate]),
        [
          ['controller-0', false],
          ['controller-1', false],
        ],
      )
      assert.equal(next.alarms, [
        {
          alarmId: '250.001',
          entityInstanceId: 'host=controller-0',
          reasonText: 'Configuration is out-of-date',
          severity: 'major',
          raisedAtGeneration: next.generation,
        },
        {
          alarmId: '250.001',
          entityInstanceId: 'host=controller-1',
          reasonText: 'Configuration is out-of-date',
          severity: 'major',
          raisedAtGeneration: next.generation,
        },
      ])
      assert.equal(types(r.ok ? r.effects : []), [
        'oam-reconfigured',
        'host-config-out-of-date',
        'alarm-raised',
        'host-config-out-of-date',
        'alarm-raised',
      ])
    },
  )

  NetworkReconfigured(
    `networkReconfigured - an OAM change on Standard marks controllers, not workers (${F})`,
    () => {
      const state = run(
        site(P, { mode: 'standard', hostnames: ['controller-0', 'controller-1', 'worker-0'] }),
        oamSecondary(other),
        assignOam,
      )
      assert.equal(
        state.hosts.map((h) => [h.hostname, h.configUpToDate]),
        [
          ['controller-0', false],
          ['controller-1', false],
          ['worker-0', true],
        ],
      )
    },
  )

  NetworkReconfigured(
    `networkReconfigured - a second change while out-of-date raises no second alarm (${F})`,
    () => {
      const state = run(site(P), oamSecondary(other), assignOam)
      const effects = effectsOf(state, removal(state, 'oam-2'))
      assert.not.ok(types(effects).includes('alarm-raised'))
      assert.ok(types(effects).includes('host-config-out-of-date'))
      const next = run(state, removal(state, 'oam-2'))
      assert.is(next.alarms.length, 2)
    },
  )

  NetworkReconfigured(`networkReconfigured - nothing runs during bootstrap (${F})`, () => {
    const state = run(site(P, { configured: false }), oamSecondary(other))
    assert.equal(effectsOf(state, assignOam), [])
  })

  NetworkReconfigured(
    `networkReconfigured - a mgmt secondary on multi-node needs every host locked/unlocked (${F})`,
    () => {
      const state = run(
        site(P, { mode: 'standard', hostnames: ['controller-0', 'controller-1', 'worker-0'] }),
        {
          kind: 'addrpool-add',
          name: 'mgmt-2',
          network: other.mgmt[0],
          prefix: other.mgmt[1],
        },
      )
      const r = apply(state, { kind: 'network-addrpool-assign', network: 'mgmt', pool: 'mgmt-2' })
      const next = must(r)
      assert.ok(r.ok && r.effects.some((e) => e.type === 'mgmt-reconfigured' && e.runtime))
      assert.ok(next.hosts.every((h) => !h.configUpToDate))
      assert.equal(
        next.alarms.map((a) => a.entityInstanceId),
        ['host=controller-0', 'host=controller-1', 'host=worker-0'],
      )
    },
  )

  NetworkReconfigured(`networkReconfigured - AIO-SX mgmt applies on the controller's unlock (${F})`, () => {
    const state = run(
      site(P, { mode: 'simplex' }),
      { kind: 'addrpool-add', name: 'mgmt-2', network: other.mgmt[0], prefix: other.mgmt[1] },
      { kind: 'host-lock', host: 'controller-0' },
    )
    const r = apply(state, { kind: 'network-addrpool-assign', network: 'mgmt', pool: 'mgmt-2' })
    assert.ok(r.ok && r.effects.some((e) => e.type === 'mgmt-reconfigured' && !e.runtime))
    const unlocked = run(must(r), { kind: 'host-unlock', host: 'controller-0' })
    assert.equal(unlocked.alarms, [])
    assert.ok(unlocked.hosts[0]?.configUpToDate)
  })

  NetworkReconfigured(
    `networkReconfigured - admin and storage pools reconfigure their services (${F})`,
    () => {
      const state = run(
        site(P),
        { kind: 'addrpool-add', name: 'adm', network: P.admin[0], prefix: P.admin[1] },
        { kind: 'network-add', name: 'admin', type: 'admin', dynamic: false, pool: 'adm' },
        { kind: 'addrpool-add', name: 'adm-2', network: other.admin[0], prefix: other.admin[1] },
        { kind: 'addrpool-add', name: 'st', network: P.storage[0], prefix: P.storage[1] },
      )
      const assign: Command = { kind: 'network-addrpool-assign', network: 'admin', pool: 'adm-2' }
      assert.ok(effectsOf(state, assign).some((e) => e.type === 'admin-reconfigured' && !e.disable))
      const withSecondary = run(state, assign)
      const remove = removal(withSecondary, 'adm-2')
      assert.ok(effectsOf(withSecondary, remove).some((e) => e.type === 'admin-reconfigured' && e.disable))
      const storage = effectsOf(state, {
        kind: 'network-add',
        name: 'storage',
        type: 'storage',
        dynamic: false,
        pool: 'st',
      })
      assert.ok(types(storage).includes('storage-reconfigured'))
    },
  )

  // --- Kubernetes dual-stack ---------------------------------------------------------------------

  for (const order of [
    ['cluster-service', 'cluster-pod', 'cluster-host'],
    ['cluster-host', 'cluster-service', 'cluster-pod'],
  ]) {
    ReconcileKubernetesDualStack(
      `reconcileKubernetesDualStack - switches on only with the third cluster network, order ${order.join(', ')} (${F})`,
      () => {
        let state = run(site(P), oamSecondary(other), assignOam, ...clusterPools(other))
        order.forEach((network, i) => {
          const command = ASSIGN[network] as Command
          const effects = kubernetes(effectsOf(state, command))
          state = run(state, command)
          if (i < 2) {
            assert.equal(effects, [], `after ${network}`)
            assert.not.ok(state.kubernetesDualStack)
          } else {
            assert.equal(effects, [
              { type: 'kubernetes-dual-stack', enabled: true, family: other.family },
              {
                type: 'component-restart',
                component: 'kube-apiserver',
                hosts: ['controller-0', 'controller-1'],
              },
              {
                type: 'component-restart',
                component: 'kube-controller-manager',
                hosts: ['controller-0', 'controller-1'],
              },
            ])
            assert.ok(state.kubernetesDualStack)
          }
        })
      },
    )
  }

  ReconcileKubernetesDualStack(
    `reconcileKubernetesDualStack - switches off only when all three are single again (${F})`,
    () => {
      let state = run(
        site(P),
        oamSecondary(other),
        assignOam,
        ...clusterPools(other),
        ...Object.values(ASSIGN),
      )
      const order = ['cluster-pod', 'cluster-host', 'cluster-service']
      order.forEach((network, i) => {
        const command: Command = removal(state, SECONDARY[network] ?? '')
        const effects = effectsOf(state, command)
        state = run(state, command)
        if (i < 2) {
          assert.equal(effects, [], `after removing ${network}`)
          assert.ok(state.kubernetesDualStack, 'still dual-stack mid-revert')
        } else {
          assert.equal(types(effects), ['kubernetes-dual-stack', 'component-restart', 'component-restart'])
          assert.equal(effects[0], { type: 'kubernetes-dual-stack', enabled: false, family: other.family })
          assert.not.ok(state.kubernetesDualStack)
        }
      })
    },
  )

  ReconcileKubernetesDualStack(
    `reconcileKubernetesDualStack - a partial revert undone restarts nothing (${F})`,
    () => {
      const on = run(
        site(P),
        oamSecondary(other),
        assignOam,
        ...clusterPools(other),
        ...Object.values(ASSIGN),
      )
      const partial = run(on, removal(on, 'svc-2'))
      assert.equal(kubernetes(effectsOf(partial, ASSIGN['cluster-service'] as Command)), [])
    },
  )

  ReconcileKubernetesDualStack(
    `reconcileKubernetesDualStack - a dual-stack bootstrap is dual-stack without restarts (${F})`,
    () => {
      let state = run(site(P, { configured: false }), oamSecondary(other), assignOam, ...clusterPools(other))
      const effects: Effect[] = []
      for (const command of Object.values(ASSIGN)) {
        effects.push(...effectsOf(state, command))
        state = run(state, command)
      }
      assert.ok(state.kubernetesDualStack)
      assert.equal(kubernetes(effects), [])
    },
  )
}

ReconcileKubernetesDualStack('reconcileKubernetesDualStack - restarts run on controllers only', () => {
  const P = IPV4
  const other = otherPlan(P)
  const state = run(
    site(P, { mode: 'standard', hostnames: ['controller-0', 'controller-1', 'worker-0'] }),
    oamSecondary(other),
    assignOam,
    ...clusterPools(other),
    ASSIGN['cluster-pod'] as Command,
    ASSIGN['cluster-service'] as Command,
  )
  const restarts = effectsOf(state, ASSIGN['cluster-host'] as Command).filter(
    (e) => e.type === 'component-restart',
  )
  assert.equal(
    restarts.map((e) => e.type === 'component-restart' && e.hosts),
    [
      ['controller-0', 'controller-1'],
      ['controller-0', 'controller-1'],
    ],
  )
})

NetworkReconfigured.run()
ReconcileKubernetesDualStack.run()
