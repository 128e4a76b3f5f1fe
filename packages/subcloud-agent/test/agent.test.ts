import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { emptyState, markInitialConfigComplete } from '@dc/netmodel'
import type { Command } from '@dc/netmodel'
import {
  AlreadyBootstrappedError,
  ChangeIdConflictError,
  NotBootstrappedError,
  StaleEpochError,
  StaleGenerationError,
} from '@dc/platform-service'
import { CENTRAL_CONTROLLER_VALUES, rejectionOf } from '@dc/test-support'
import { silentLogger } from '@dc/runtime'
import { Agent } from '../src/agent.js'
import type { ControllerChange } from '../src/agent.js'
import { APPLIED_CHANGE_WINDOW, emptyDocument } from '../src/state-document.js'
import type { AgentStateDocument, StateStore } from '../src/state-document.js'

/** Keeps every saved document; `failNext` makes the next save fail as a full disk would. */
class FakeStateStore implements StateStore {
  readonly saved: AgentStateDocument[] = []
  failNext = false
  readonly #initial: AgentStateDocument | undefined

  constructor(initial?: AgentStateDocument) {
    this.#initial = initial
  }

  async load(): Promise<AgentStateDocument | undefined> {
    return this.#initial
  }

  async save(doc: AgentStateDocument): Promise<void> {
    if (this.failNext) {
      this.failNext = false
      throw new Error('ENOSPC')
    }
    this.saved.push(structuredClone(doc))
  }

  last(): AgentStateDocument | undefined {
    return this.saved.at(-1)
  }
}

const noKubernetes = { write: async () => {} }

function duplexDocument(): AgentStateDocument {
  const state = markInitialConfigComplete(
    emptyState({
      uuid: '5a0b9c7e-1f2d-4c3b-9a8e-7d6c5b4a3f21',
      name: 'subcloud1',
      systemMode: 'duplex',
      distributedCloudRole: 'subcloud',
      softwareVersion: '24.09',
    }),
  )
  return { ...emptyDocument(), state, epoch: '3', controllerId: 'ctl-a' }
}

async function openAgent(doc = duplexDocument()): Promise<{ agent: Agent; store: FakeStateStore }> {
  const store = new FakeStateStore(doc)
  return { agent: await Agent.open({ store, kubernetes: noKubernetes, log: silentLogger }), store }
}

const lock: Command = { kind: 'host-lock', host: 'controller-1' }
const unlock: Command = { kind: 'host-unlock', host: 'controller-1' }
const owner = { epoch: 3n, controllerId: 'ctl-a' }

function change(
  changeId: string,
  commands: Command[],
  extra: Partial<ControllerChange> = {},
): ControllerChange {
  return { changeId, commands, expectedGeneration: undefined, owner, ...extra }
}

const ApplyChange = suite('Agent.applyChange')

ApplyChange('Agent.applyChange - applies, persists and acknowledges the new generation', async () => {
  const { agent, store } = await openAgent()
  const outcome = await agent.applyChange(change('c1', [lock]))
  assert.is(outcome.generation, 1)
  assert.is(outcome.replayed, false)
  assert.is(store.last()?.state?.generation, 1)
  assert.equal(
    store.last()?.appliedChanges.map((c) => c.changeId),
    ['c1'],
  )
  assert.is(
    agent.snapshot().state?.hosts.find((h) => h.hostname === 'controller-1')?.administrative,
    'locked',
  )
})

ApplyChange(
  'Agent.applyChange - a retried change id returns the first result without applying again',
  async () => {
    const { agent, store } = await openAgent()
    const first = await agent.applyChange(change('c1', [lock]))
    const retry = await agent.applyChange(change('c1', [lock], { expectedGeneration: 0 }))
    assert.equal({ ...retry, replayed: false }, first)
    assert.is(retry.replayed, true)
    assert.is(store.saved.length, 1, 'no second write')
    assert.is(agent.snapshot().state?.generation, 1)
  },
)

ApplyChange(
  'Agent.applyChange - a one-command change carries its Platform reply, kept for a retry after a restart',
  async () => {
    const { agent, store } = await openAgent()
    const first = await agent.applyChange(change('c1', [lock]))
    assert.is(first.platformReply?.host?.host?.hostname, 'controller-1')
    assert.is(first.platformReply?.host?.host?.administrative, 'locked')
    assert.is(first.platformReply?.host?.generation, '1')
    const reopened = await Agent.open({
      store: new FakeStateStore(store.last()),
      kubernetes: noKubernetes,
      log: silentLogger,
    })
    const retry = await reopened.applyChange(change('c1', [lock]))
    assert.is(retry.replayed, true)
    assert.equal(retry.platformReply, first.platformReply, 'the reply of the first application')
    const both = await agent.applyChange(change('c2', [unlock, lock]))
    assert.is(both.platformReply, undefined, 'a change of several commands is not one Platform call')
  },
)

ApplyChange('Agent.applyChange - refuses a change id reused for other commands', async () => {
  const { agent } = await openAgent()
  await agent.applyChange(change('c1', [lock]))
  assert.instance(await rejectionOf(agent.applyChange(change('c1', [unlock]))), ChangeIdConflictError)
})

ApplyChange(
  'Agent.applyChange - all or none: a refused command leaves state and disk untouched',
  async () => {
    const { agent, store } = await openAgent()
    const before = agent.snapshot().state
    const err = await rejectionOf(
      agent.applyChange(change('c1', [lock, { kind: 'host-lock', host: 'controller-9' }])),
    )
    assert.instance(err, Error)
    assert.is(agent.snapshot().state, before)
    assert.is(store.saved.length, 0)
    // The id was not consumed by the refusal.
    assert.is((await agent.applyChange(change('c1', [lock]))).replayed, false)
  },
)

ApplyChange('Agent.applyChange - refuses a stale expected generation, naming both values', async () => {
  const { agent, store } = await openAgent()
  await agent.applyChange(change('c1', [lock]))
  const err = await rejectionOf(agent.applyChange(change('c2', [unlock], { expectedGeneration: 0 })))
  assert.instance(err, StaleGenerationError)
  assert.match((err as Error).message, /expected 0.*generation 1/)
  assert.is(store.saved.length, 1)
  assert.is((await agent.applyChange(change('c2', [unlock], { expectedGeneration: 1 }))).generation, 2)
})

ApplyChange(
  'Agent.applyChange - fences by epoch: lower refused, higher claims in the same write',
  async () => {
    const { agent, store } = await openAgent()
    const stale = await rejectionOf(
      agent.applyChange(change('c1', [lock], { owner: { epoch: 2n, controllerId: 'ctl-a' } })),
    )
    assert.instance(stale, StaleEpochError)
    const rival = await rejectionOf(
      agent.applyChange(change('c1', [lock], { owner: { epoch: 3n, controllerId: 'ctl-b' } })),
    )
    assert.instance(rival, StaleEpochError)
    assert.is(store.saved.length, 0)
    await agent.applyChange(change('c1', [lock], { owner: { epoch: 4n, controllerId: 'ctl-b' } }))
    assert.equal(
      [store.last()?.epoch, store.last()?.controllerId, store.last()?.state?.generation],
      ['4', 'ctl-b', 1],
    )
    // The previous holder is now fenced off, even for a retry of a change it made.
    assert.instance(await rejectionOf(agent.applyChange(change('c1', [lock]))), StaleEpochError)
  },
)

ApplyChange('Agent.applyChange - a failed write leaves the change unapplied and unacknowledged', async () => {
  const { agent, store } = await openAgent()
  store.failNext = true
  const err = await rejectionOf(agent.applyChange(change('c1', [lock])))
  assert.match((err as Error).message, /ENOSPC/)
  assert.is(agent.snapshot().state?.generation, 0)
  assert.is((await agent.applyChange(change('c1', [lock]))).replayed, false)
})

ApplyChange('Agent.applyChange - remembers the last 1024 change ids', async () => {
  const { agent, store } = await openAgent()
  const total = APPLIED_CHANGE_WINDOW + 6
  for (let i = 0; i < total; i++) await agent.applyChange(change(`c${i}`, [i % 2 === 0 ? lock : unlock]))
  const window = store.last()?.appliedChanges ?? []
  assert.is(window.length, APPLIED_CHANGE_WINDOW)
  assert.is(window[0]?.changeId, `c${total - APPLIED_CHANGE_WINDOW}`)
  assert.is((await agent.applyChange(change(`c${total - 1}`, [unlock]))).replayed, true)
  // Forgotten ids are applied anew (the controller never retries that far back).
  assert.is((await agent.applyChange(change('c0', [lock]))).replayed, false)
})

ApplyChange('Agent.applyChange - serializes concurrent changes into consecutive generations', async () => {
  const { agent, store } = await openAgent()
  const outcomes = await Promise.all(
    Array.from({ length: 10 }, (_, i) => agent.applyChange(change(`c${i}`, [i % 2 === 0 ? lock : unlock]))),
  )
  assert.equal(
    outcomes.map((o) => o.generation),
    Array.from({ length: 10 }, (_, i) => i + 1),
  )
  assert.equal(
    store.saved.map((d) => d.state?.generation),
    Array.from({ length: 10 }, (_, i) => i + 1),
  )
})

const Claim = suite('Agent.claim')

Claim('Agent.claim - the highest epoch wins and is persisted', async () => {
  const { agent, store } = await openAgent()
  assert.equal(await agent.claim({ epoch: 5n, controllerId: 'ctl-b' }), { epoch: 5n, controllerId: 'ctl-b' })
  assert.equal([store.last()?.epoch, store.last()?.controllerId], ['5', 'ctl-b'])
  assert.instance(await rejectionOf(agent.claim({ epoch: 4n, controllerId: 'ctl-a' })), StaleEpochError)
  assert.instance(await rejectionOf(agent.claim({ epoch: 5n, controllerId: 'ctl-a' })), StaleEpochError)
  assert.equal(await agent.claim({ epoch: 5n, controllerId: 'ctl-b' }), { epoch: 5n, controllerId: 'ctl-b' })
  assert.is(store.saved.length, 1, 'a confirmation writes nothing')
})

Claim('Agent.release - only the holder releases; the agent is unclaimed and keeps its system', async () => {
  const { agent, store } = await openAgent()
  assert.instance(await rejectionOf(agent.release({ epoch: 3n, controllerId: 'ctl-b' })), StaleEpochError)
  assert.is(store.saved.length, 0, 'a refused release writes nothing')
  assert.equal(await agent.release(owner), { epoch: 0n, controllerId: '' })
  assert.equal([store.last()?.epoch, store.last()?.controllerId], ['0', ''])
  assert.ok(agent.snapshot().state !== null, 'the system stays')
  // Another controller, even at a lower epoch than the one released, can claim it now.
  assert.equal(await agent.claim({ epoch: 1n, controllerId: 'ctl-b' }), { epoch: 1n, controllerId: 'ctl-b' })
})

Claim('Agent.reset - the holder drops the system and the change window, keeping the claim', async () => {
  const { agent, store } = await openAgent()
  await agent.applyChange(change('c1', [lock]))
  assert.instance(await rejectionOf(agent.reset({ epoch: 2n, controllerId: 'ctl-a' })), StaleEpochError)
  const reset = await agent.reset(owner)
  assert.is(reset.state, null)
  assert.is(reset.configHash, '')
  assert.equal(reset.owner, owner)
  assert.equal(
    [store.last()?.state, store.last()?.bootstrapDigest, store.last()?.appliedChanges],
    [null, null, []],
  )
  assert.throws(
    () => agent.requireState(),
    (err: unknown) => err instanceof NotBootstrappedError,
  )
})

const ApplyLocal = suite('Agent.applyLocal')

ApplyLocal(
  'Agent.applyLocal - local administration needs no epoch and returns before and after',
  async () => {
    const { agent } = await openAgent()
    const result = await agent.applyLocal([lock])
    assert.is(result.previous.generation, 0)
    assert.is(result.state.generation, 1)
    assert.is(agent.snapshot().owner.epoch, 3n)
  },
)

ApplyLocal('Agent.applyLocal - refuses before bootstrap', async () => {
  const { agent } = await openAgent(emptyDocument())
  assert.instance(await rejectionOf(agent.applyLocal([lock])), NotBootstrappedError)
  assert.instance(await rejectionOf(agent.applyChange(change('c1', [lock]))), NotBootstrappedError)
})

const Bootstrap = suite('Agent.bootstrap')

/** The values of the controller's own-system test, so that both sides pin the same config hash. */
const CENTRAL_VALUES = { ...CENTRAL_CONTROLLER_VALUES, admin_password: 'first*Secret' }

Bootstrap('Agent.bootstrap - the config hash and the persisted digest of the values are pinned', async () => {
  const { agent, store } = await openAgent(emptyDocument())
  const snapshot = await agent.bootstrap(CENTRAL_VALUES, { epoch: 0n, controllerId: '' })
  // The controller's own system pins the same hash (system-controller/test/own-system.test.ts).
  assert.is(snapshot.configHash, '4bc1aec5fa17aa67')
  // Persisted: a different digest of the same values would refuse their replay after an upgrade.
  assert.is(store.last()?.bootstrapDigest, 'b85bac471b60ce694ea99a0d241487991d0c28c254c64211e91b7976f2644e34')
})

Bootstrap(
  'Agent.bootstrap - the same values again are accepted without secrets and under the earlier digest',
  async () => {
    const { agent, store } = await openAgent(emptyDocument())
    const first = await agent.bootstrap(CENTRAL_VALUES, { epoch: 0n, controllerId: '' })
    const { admin_password: _secret, ...withoutSecret } = CENTRAL_VALUES
    const again = await agent.bootstrap(withoutSecret, { epoch: 0n, controllerId: '' })
    assert.is(again.state?.uuid, first.state?.uuid, 'a resumed deploy sends the values without their secrets')
    // The digest an earlier release persisted: the values with their secrets masked.
    const saved = store.last()
    if (saved === undefined) throw new Error('nothing saved')
    const earlier = await openAgent({
      ...saved,
      bootstrapDigest: '91cf2b6b388d56b102e3b001d6669cb535f3fcfe0c90d8685ae4814d3de6b4d1',
    })
    const replayed = await earlier.agent.bootstrap(CENTRAL_VALUES, { epoch: 0n, controllerId: '' })
    assert.is(replayed.state?.uuid, first.state?.uuid)
    const other = { ...CENTRAL_VALUES, name: 'elsewhere' }
    await rejectionOf(
      earlier.agent.bootstrap(other, { epoch: 0n, controllerId: '' }),
      AlreadyBootstrappedError,
    )
  },
)

const OnChange = suite('Agent.onChange')

OnChange('Agent.onChange - listeners hear every durable change and can unsubscribe', async () => {
  const { agent, store } = await openAgent()
  const seen: number[] = []
  const off = agent.onChange(() => seen.push(store.saved.length))
  await agent.applyChange(change('c1', [lock]))
  await agent.claim({ epoch: 9n, controllerId: 'x' })
  off()
  await agent.applyLocal([unlock])
  assert.equal(seen, [1, 2])
})

ApplyChange.run()
Claim.run()
ApplyLocal.run()
Bootstrap.run()
OnChange.run()
