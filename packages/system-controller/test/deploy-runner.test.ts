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
import { DeployRunner } from '../src/subclouds/deploy-runner.js'
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
async function fakeAgent(bootstrapError?: ServiceError, gate?: () => Promise<void>): Promise<FakeAgent> {
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
        if (bootstrapError !== undefined) cb(bootstrapError)
        else cb(null, { bootstrapped: true, config_hash: 'h1' })
      })
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

function row(name: string, address: string, n: number): SubcloudFields {
  return subcloudFields(name, n, {
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
        return Promise.resolve()
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

test('DeployRunner - claims, bootstraps and records the expected hash on the way to complete', async (ctx) => {
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
  assert.equal(agent.seen, ['Claim 3 controller-uuid', 'Bootstrap 3', 'Describe'])
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

test.run()
