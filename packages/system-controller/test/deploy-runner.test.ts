import { createServer } from 'node:net'
import { Server, ServerCredentials, status } from '@grpc/grpc-js'
import type { ServiceError } from '@grpc/grpc-js'
import { loadProtos } from '@dc/protos'
import type { AgentHandlers } from '@dc/protos'
import { silentLogger } from '@dc/runtime'
import { waitFor } from '@dc/test-support'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { AgentChannels } from '../src/adapters/agent-channels.js'
import { KyselyAuditStore } from '../src/adapters/kysely/kysely-audit-store.js'
import { KyselySubcloudStore } from '../src/adapters/kysely/kysely-subcloud-store.js'
import { ADD_PLAN, DeployRunner } from '../src/subclouds/deploy-runner.js'
import type { Subcloud, SubcloudFields } from '../src/subclouds/subcloud.js'
import { insertSubcloud, subcloudFields } from './subcloud-fixtures.js'
import { openedDb, useTempDatabase } from './temp-database.js'
import type { DatabaseCtx } from './temp-database.js'

interface FakeAgent {
  readonly address: string
  readonly seen: string[]
  stop(): Promise<void>
}

/**
 * An in-process Agent service on loopback that records what it is asked and may refuse Bootstrap;
 * with `gate`, each Bootstrap answers only once the promise it returns resolves.
 */
async function fakeAgent(
  bootstrapError?: ServiceError | (() => ServiceError | undefined),
  gate?: () => Promise<void>,
): Promise<FakeAgent> {
  const seen: string[] = []
  const server = new Server()
  const handlers: Partial<AgentHandlers> = {
    Claim: (call, cb) => {
      seen.push(`Claim ${call.request.epoch} ${call.request.controller_id}`)
      cb(null, { epoch: call.request.epoch, controller_id: call.request.controller_id })
    },
    Bootstrap: (call, cb) => {
      seen.push(`Bootstrap ${call.request.epoch}`)
      void (gate?.() ?? Promise.resolve()).then(() => {
        const error = typeof bootstrapError === 'function' ? bootstrapError() : bootstrapError
        if (error !== undefined) cb(error)
        else
          cb(null, { bootstrapped: true, config_hash: 'hash-after-bootstrap', system_uuid: 'agent-system' })
      })
    },
    Reset: (call, cb) => {
      seen.push(`Reset ${call.request.epoch}`)
      cb(null, { bootstrapped: false })
    },
    Release: (call, cb) => {
      seen.push(`Release ${call.request.epoch} ${call.request.controller_id}`)
      cb(null, { epoch: '0', controller_id: '' })
    },
    Describe: (_call, cb) => {
      seen.push('Describe')
      cb(null, { bootstrapped: true, config_hash: 'hash-after-bootstrap', system: { uuid: 'agent-system' } })
    },
  }
  server.addService(loadProtos().dc.agent.v1.Agent.service, handlers as AgentHandlers)
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, p) =>
      err ? reject(err) : resolve(p),
    ),
  )
  return {
    address: `127.0.0.1:${port}`,
    seen,
    stop: () => new Promise((resolve) => server.tryShutdown(() => resolve())),
  }
}

/** A loopback port nothing listens on (it was free a moment ago). */
function silentAddress(): Promise<string> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(`127.0.0.1:${port}`))
    })
  })
}

function row(
  name: string,
  address: string,
  n: number,
  deployStatus: SubcloudFields['deployStatus'] = 'not-deployed',
): SubcloudFields {
  return subcloudFields(name, n, {
    deployStatus,
    regionName: String(n).padStart(32, '0'),
    managementEndIp: `fd01:${n}::9`,
    externalOamFamily: 'IPv4',
    bootstrapAddress: address,
    epoch: 3,
  })
}

interface Ctx extends DatabaseCtx {
  channels: AgentChannels
}

const test = suite<Ctx>('DeployRunner', { db: undefined, channels: new AgentChannels() })

useTempDatabase(test, 'dc-deploy-')

test.after((ctx) => {
  ctx.channels.closeAll()
})

function runner(
  ctx: Ctx,
  completed: string[] = [],
  maxConcurrentDeploys?: number,
  reachTimeoutMs = 500,
  afterComplete: (name: string) => Promise<void> = () => Promise.resolve(),
): { runner: DeployRunner; store: KyselySubcloudStore } {
  const db = openedDb(ctx)
  const store = new KyselySubcloudStore(db)
  return {
    store,
    runner: new DeployRunner({
      store,
      channels: ctx.channels,
      controllerId: 'controller-uuid',
      epoch: 3,
      reachTimeoutMs,
      log: silentLogger,
      ...(maxConcurrentDeploys === undefined ? {} : { maxConcurrentDeploys }),
      onComplete: (t) => {
        completed.push(t.name)
        return afterComplete(t.name)
      },
    }),
  }
}

/** Subcloud `name` added with its agent at `address`, deployed once, as it is after the deploy settled. */
async function deployedOnce(
  ctx: Ctx,
  name: string,
  address: string,
  n: number,
): Promise<Subcloud | undefined> {
  const { runner: deploys, store } = runner(ctx)
  const sc = await insertSubcloud(store, row(name, address, n))
  deploys.start({ id: sc.id, name: sc.name, primaryAddress: sc.bootstrapAddress }, 'x: y\n')
  await deploys.settled()
  return store.find(name)
}

test('DeployRunner - bootstraps (which claims) and records the hash Bootstrap answers on the way to complete', async (ctx) => {
  const agent = await fakeAgent()
  const completed: string[] = []
  const { runner: deploys, store } = runner(ctx, completed)
  const sc = await insertSubcloud(store, row('good', agent.address, 1))
  deploys.start({ id: sc.id, name: sc.name, primaryAddress: sc.bootstrapAddress }, 'name: good\n')
  assert.ok(deploys.isRunning(sc.id))
  await deploys.settled()
  const after = await store.find('good')
  assert.is(after?.deployStatus, 'complete')
  assert.is(after?.expectedConfigHash, 'hash-after-bootstrap')
  const [target] = await new KyselyAuditStore(openedDb(ctx)).loadAuditTargets(new AbortController().signal, [
    sc.id,
  ])
  assert.is(target?.agentSystemUuid, 'agent-system', 'the identity the audit checks from now on')
  assert.equal(agent.seen, ['Bootstrap 3'], 'Bootstrap fences and names the system: no Claim, no Describe')
  assert.equal(completed, ['good'])
  await agent.stop()
})

test('DeployRunner - an agent refusing the values ends in bootstrap-failed with its message', async (ctx) => {
  const refusal = Object.assign(new Error('bad'), {
    code: status.INVALID_ARGUMENT,
    details: 'Invalid bootstrap values: external_oam_subnet: wrong',
  }) as ServiceError
  const agent = await fakeAgent(refusal)
  const after = await deployedOnce(ctx, 'refused', agent.address, 2)
  assert.is(after?.deployStatus, 'bootstrap-failed')
  assert.match(
    after?.errorDescription ?? '',
    /^bootstrapping: Invalid bootstrap values: external_oam_subnet: wrong/,
  )
  await agent.stop()
})

test('DeployRunner - an agent that never answers ends in pre-bootstrap-failed', async (ctx) => {
  const after = await deployedOnce(ctx, 'silent', await silentAddress(), 3)
  assert.is(after?.deployStatus, 'pre-bootstrap-failed')
  assert.match(after?.errorDescription ?? '', /did not answer within 500 ms$/)
})

test('DeployRunner - an agent that drops the connection at once is said to probably want TLS', async (ctx) => {
  // What a TLS agent looks like to a controller dialling in plaintext: the socket closes before
  // HTTP/2 starts.
  const dropping = createServer((socket) => socket.destroy())
  const address = await new Promise<string>((resolve) =>
    dropping.listen(0, '127.0.0.1', () =>
      resolve(`127.0.0.1:${(dropping.address() as { port: number }).port}`),
    ),
  )
  try {
    const after = await deployedOnce(ctx, 'tls-only', address, 5)
    assert.is(after?.deployStatus, 'pre-bootstrap-failed')
    assert.match(
      after?.errorDescription ?? '',
      /did not answer within 500 ms: connection to 127\.0\.0\.1:\d+ closed before gRPC started: the server probably requires TLS/,
    )
  } finally {
    dropping.close()
  }
})

test('DeployRunner - close() interrupts a deploy in flight and records why', async (ctx) => {
  const { runner: deploys, store } = runner(ctx)
  const sc = await insertSubcloud(store, row('cut', await silentAddress(), 4))
  deploys.start({ id: sc.id, name: sc.name, primaryAddress: sc.bootstrapAddress }, 'x: y\n')
  await deploys.close()
  const after = await store.find('cut')
  assert.ok(after?.deployStatus.endsWith('-failed'), after?.deployStatus)
  assert.match(after?.errorDescription ?? '', /interrupted by a controller shutdown/)
  assert.not.ok(deploys.isRunning(sc.id))
})

test('DeployRunner - runs at most maxConcurrentDeploys at once; the others wait in not-deployed', async (ctx) => {
  let inFlight = 0
  let most = 0
  const waiting: (() => void)[] = []
  const agent = await fakeAgent(undefined, () => {
    inFlight += 1
    most = Math.max(most, inFlight)
    return new Promise<void>((resolve) =>
      waiting.push(() => {
        inFlight -= 1
        resolve()
      }),
    )
  })
  const completed: string[] = []
  const { runner: deploys, store } = runner(ctx, completed, 2)
  const ids: number[] = []
  for (let i = 0; i < 5; i++) {
    const sc = await insertSubcloud(store, row(`bounded${i}`, agent.address, 20 + i))
    ids.push(sc.id)
    deploys.start({ id: sc.id, name: sc.name, primaryAddress: sc.bootstrapAddress }, 'x: y\n')
  }
  await waitFor(() => waiting.length >= 2, { intervalMs: 10, message: 'two Bootstraps held by the agent' })
  const notDeployed = async (): Promise<number> =>
    (await store.list()).filter((r) => r.name.startsWith('bounded') && r.deployStatus === 'not-deployed')
      .length
  assert.is(await notDeployed(), 3, 'two bootstrapping, three waiting their turn in not-deployed')
  assert.ok(ids.every((id) => deploys.isRunning(id)))
  // Each round answers the oldest held Bootstrap, which lets the next deploy in.
  await waitFor(
    () => {
      waiting.shift()?.()
      return completed.length >= 5
    },
    { intervalMs: 10, message: 'all five deploys completed' },
  )
  await deploys.settled()
  assert.is(most, 2, 'never more than two in flight')
  assert.equal(completed.sort(), ['bounded0', 'bounded1', 'bounded2', 'bounded3', 'bounded4'])
  await agent.stop()
})

test('DeployRunner - a completed deploy passes its turn on; its post-deploy work holds no slot', async (ctx) => {
  const agent = await fakeAgent()
  let release: () => void = () => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  const completed: string[] = []
  const { runner: deploys, store } = runner(ctx, completed, 1, 500, (name) =>
    name === 'turn0' ? held : Promise.resolve(),
  )
  const first = await insertSubcloud(store, row('turn0', agent.address, 30))
  const second = await insertSubcloud(store, row('turn1', agent.address, 31))
  for (const sc of [first, second]) {
    deploys.start({ id: sc.id, name: sc.name, primaryAddress: sc.bootstrapAddress }, 'x: y\n')
  }
  await waitFor(() => (completed.includes('turn1') ? true : undefined), {
    intervalMs: 10,
    message: 'the second deploy completed while the post-deploy work of the first is held',
  })
  assert.is((await store.find('turn1'))?.deployStatus, 'complete')
  assert.ok(deploys.isRunning(first.id), 'the first deploy runs until its post-deploy work settles')
  release()
  await deploys.settled()
  assert.not.ok(deploys.isRunning(first.id))
  await agent.stop()
})

test('DeployRunner - more than ten deploys in flight put no listener warning on a shared signal', async (ctx) => {
  const warnings: string[] = []
  const onWarning = (warning: Error): void => void warnings.push(`${warning.name}: ${warning.message}`)
  process.on('warning', onWarning)
  const held: (() => void)[] = []
  const agent = await fakeAgent(undefined, () => new Promise<void>((resolve) => held.push(resolve)))
  const completed: string[] = []
  // Two dozen channels connecting at once on a busy machine: a generous reach timeout.
  const { runner: deploys, store } = runner(ctx, completed, undefined, 60_000)
  try {
    for (let i = 0; i < 24; i++) {
      const sc = await insertSubcloud(store, row(`many${i}`, agent.address, 40 + i))
      deploys.start({ id: sc.id, name: sc.name, primaryAddress: sc.bootstrapAddress }, 'x: y\n')
    }
    await waitFor(() => held.length >= 24, {
      timeoutMs: 120_000,
      intervalMs: 20,
      message: 'all 24 Bootstraps in flight at once',
    })
    for (const release of held.splice(0)) release()
    await deploys.settled()
    // A process warning is emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve))
    assert.is(completed.length, 24)
    assert.equal(warnings, [])
  } finally {
    process.off('warning', onWarning)
    await agent.stop()
  }
})

function targetOf(sc: Subcloud): { id: number; name: string; primaryAddress: string } {
  return { id: sc.id, name: sc.name, primaryAddress: sc.bootstrapAddress }
}

test('DeployRunner - a redeploy plan resets the agent before bootstrapping it, from create-complete', async (ctx) => {
  const agent = await fakeAgent()
  const { runner: deploys, store } = runner(ctx)
  const sc = await insertSubcloud(store, row('again', agent.address, 90, 'create-complete'))
  deploys.start(targetOf(sc), 'name: again\n', { from: 'create-complete', reset: true, bootstrap: true })
  await deploys.settled()
  assert.is((await store.find('again'))?.deployStatus, 'complete')
  assert.equal(agent.seen, ['Claim 3 controller-uuid', 'Reset 3', 'Bootstrap 3'])
  await agent.stop()
})

test('DeployRunner - a migrate plan only claims the deployed agent, never bootstraps it', async (ctx) => {
  const agent = await fakeAgent()
  const { runner: deploys, store } = runner(ctx)
  const sc = await insertSubcloud(store, row('moved', agent.address, 91))
  deploys.start(targetOf(sc), 'name: moved\n', { ...ADD_PLAN, bootstrap: false })
  await deploys.settled()
  assert.is((await store.find('moved'))?.deployStatus, 'complete')
  assert.equal(agent.seen, ['Claim 3 controller-uuid', 'Describe'])
  await agent.stop()
})

test('DeployRunner - a failed deploy is remembered, and resumed from create-complete it completes', async (ctx) => {
  let refusals = 1
  const refusal = Object.assign(new Error('busy'), { code: status.UNAVAILABLE, details: 'agent restarting' })
  const agent = await fakeAgent(() => (refusals-- > 0 ? (refusal as ServiceError) : undefined))
  const { runner: deploys, store } = runner(ctx)
  const sc = await insertSubcloud(store, row('flaky', agent.address, 92))
  deploys.start(targetOf(sc), 'name: flaky\n')
  await deploys.settled()
  assert.is((await store.find('flaky'))?.deployStatus, 'bootstrap-failed')
  const kept = deploys.retained(sc.id)
  assert.equal(kept, { bootstrapYaml: 'name: flaky\n', plan: ADD_PLAN })
  assert.ok(await store.moveDeploy(sc.id, 'create-complete', 'resume'))
  deploys.start(targetOf(sc), kept?.bootstrapYaml ?? '', { ...ADD_PLAN, from: 'create-complete' })
  await deploys.settled()
  assert.is((await store.find('flaky'))?.deployStatus, 'complete')
  assert.is(
    deploys.retained(sc.id),
    undefined,
    'a deploy that starts again is no longer remembered as failed',
  )
  assert.equal(agent.seen.filter((c) => c.startsWith('Bootstrap')).length, 2)
  await agent.stop()
})

test('DeployRunner - abort stops a bootstrap in flight: aborting-bootstrap, then bootstrap-aborted', async (ctx) => {
  let release = (): void => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  const agent = await fakeAgent(undefined, () => held)
  try {
    const { runner: deploys, store } = runner(ctx)
    const sc = await insertSubcloud(store, row('stuck', agent.address, 93))
    deploys.start(targetOf(sc), 'name: stuck\n')
    await waitFor(async () => (await store.find('stuck'))?.deployStatus === 'bootstrapping', {
      timeoutMs: 20_000,
      message: 'bootstrapping',
    })
    assert.ok(await deploys.abort(sc.id))
    await deploys.settled()
    const after = await store.find('stuck')
    assert.is(after?.deployStatus, 'bootstrap-aborted')
    assert.is(after?.errorDescription, 'bootstrapping: aborted by the operator')
    assert.not.ok(await deploys.abort(sc.id), 'nothing left to abort')
  } finally {
    release()
    await agent.stop()
  }
})

test('DeployRunner - abort also stops the wait for an agent that does not answer', async (ctx) => {
  const { runner: deploys, store } = runner(ctx, [], undefined, 60_000)
  const sc = await insertSubcloud(store, row('waiting', await silentAddress(), 94))
  deploys.start(targetOf(sc), 'name: waiting\n')
  await waitFor(async () => (await store.find('waiting'))?.deployStatus === 'pre-bootstrap', {
    timeoutMs: 20_000,
    message: 'pre-bootstrap',
  })
  assert.ok(await deploys.abort(sc.id))
  await deploys.settled()
  assert.is((await store.find('waiting'))?.deployStatus, 'bootstrap-aborted')
})

test('DeployRunner - release asks the agent to forget the claim; an agent not there is not released', async (ctx) => {
  const agent = await fakeAgent()
  const { runner: deploys } = runner(ctx)
  const signal = new AbortController().signal
  assert.ok(await deploys.release({ id: 70, name: 'gone', primaryAddress: agent.address }, 3, signal))
  assert.equal(agent.seen, ['Release 3 controller-uuid'])
  const nobody = { id: 71, name: 'nobody', primaryAddress: await silentAddress() }
  assert.not.ok(await deploys.release(nobody, 3, signal))
  await agent.stop()
})

test.run()
