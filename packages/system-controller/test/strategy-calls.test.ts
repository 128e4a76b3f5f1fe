import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { InvalidFieldError } from '../src/errors.js'
import { createStrategyInput, stepMessage, strategyMessage } from '../src/grpc/strategy-calls.js'
import type { NetworkStrategy, StrategyStep } from '../src/strategies/network-strategy.js'

const PLAN = 'remove: [oam]\n'

const input = suite('createStrategyInput')

input('createStrategyInput - defaults, the target and the options as given', () => {
  assert.equal(createStrategyInput({ plan_yaml: PLAN, stop_on_failure: false }), {
    planYaml: PLAN,
    target: { kind: 'fleet' },
    stopOnFailure: false,
  })
  assert.equal(
    createStrategyInput({
      plan_yaml: PLAN,
      subcloud: ' subcloud7 ',
      subcloud_apply_type: 'serial',
      max_parallel_subclouds: 5000,
      stop_on_failure: true,
    }),
    {
      planYaml: PLAN,
      target: { kind: 'subcloud', ref: 'subcloud7' },
      applyType: 'serial',
      maxParallel: 5000,
      stopOnFailure: true,
    },
  )
  assert.equal(createStrategyInput({ plan_yaml: PLAN, group: 'edge', stop_on_failure: false }).target, {
    kind: 'group',
    ref: 'edge',
  })
})

input('createStrategyInput - an invalid field is named', () => {
  const cases: [Parameters<typeof createStrategyInput>[0], string][] = [
    [{ plan_yaml: ' ', stop_on_failure: false }, 'plan_yaml'],
    [{ plan_yaml: PLAN, group: 'g', subcloud: 's', stop_on_failure: false }, 'group'],
    [
      { plan_yaml: PLAN, group: 'g', max_parallel_subclouds: 2, stop_on_failure: false },
      'max_parallel_subclouds',
    ],
    [
      { plan_yaml: PLAN, group: 'g', subcloud_apply_type: 'serial', stop_on_failure: false },
      'subcloud_apply_type',
    ],
    [{ plan_yaml: PLAN, max_parallel_subclouds: 0, stop_on_failure: false }, 'max_parallel_subclouds'],
    [{ plan_yaml: PLAN, subcloud: '', stop_on_failure: false }, 'subcloud'],
  ]
  for (const [request, field] of cases) {
    assert.throws(
      () => createStrategyInput(request),
      (err: unknown) => err instanceof InvalidFieldError && err.field === field,
      field,
    )
  }
})

input.run()

const messages = suite('strategy messages')

const STRATEGY: NetworkStrategy = {
  uuid: 'u-1',
  state: 'applying',
  applyType: 'parallel',
  maxParallel: 20,
  stopOnFailure: false,
  planKind: 'remove',
  planYaml: PLAN,
  groupName: null,
  subcloudName: null,
  details: '',
  createdAt: new Date(Date.UTC(2026, 0, 2)),
  updatedAt: null,
}

messages('strategyMessage - counts in the order steps go, totals without the skipped', () => {
  const message = strategyMessage({
    strategy: STRATEGY,
    counts: [
      { state: 'skipped', count: 3 },
      { state: 'complete', count: 2 },
      { state: 'initial', count: 5 },
      { state: 'refused', count: 1 },
    ],
  })
  assert.equal(message.step_counts, [
    { state: 'initial', count: 5 },
    { state: 'complete', count: 2 },
    { state: 'refused', count: 1 },
    { state: 'skipped', count: 3 },
  ])
  assert.is(message.total_steps, 8)
  assert.is(message.refused_steps, 1)
  assert.is(message.skipped_subclouds, 3)
  assert.is(message.type, 'network')
  assert.is(message.created_at, '2026-01-02T00:00:00.000Z')
  assert.is(message.updated_at, '')
  assert.is(message.group, '')
})

messages('stepMessage - commands as command lines, the stage from the state', () => {
  const step: StrategyStep = {
    subcloudId: 7,
    subcloudName: 'subcloud7',
    state: 'host actions',
    details: 'swact controller-0 (3 of 6)',
    commands: [{ kind: 'addrpool-delete', pool: 'oam-ipv4' }],
    hostActions: [{ kind: 'host-lock', host: 'controller-1' }],
    baseGeneration: 12,
    applied: 3,
    startedAt: new Date(Date.UTC(2026, 0, 2)),
    finishedAt: null,
    createdAt: new Date(Date.UTC(2026, 0, 1)),
    updatedAt: null,
  }
  const message = stepMessage(step)
  assert.is(message.stage, 2)
  assert.is(message.commands?.length, 1)
  assert.ok(message.commands?.[0]?.startsWith('system addrpool-delete'), message.commands?.[0])
  assert.ok(message.host_actions?.[0]?.startsWith('system host-lock'), message.host_actions?.[0])
  assert.is(message.base_generation, '12')
  assert.is(message.finished_at, '')
  assert.is(stepMessage({ ...step, state: 'failed' }).stage, 3)
  assert.is(stepMessage({ ...step, state: 'skipped' }).stage, 1)
})

messages.run()
