import { Metadata, status } from '@grpc/grpc-js'
import type { CallOptions, ServerUnaryCall, ServiceError } from '@grpc/grpc-js'
import { REGION_METADATA_KEY, REQUEST_ID_METADATA_KEY } from '@dc/protos'
import type { AgentClient, PlatformClient, PlatformHandlers } from '@dc/protos'
import type { CaOnlyTlsFiles } from '@dc/tls'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { silentLogger } from '@dc/runtime'
import type { ActiveAlarm } from '../src/alarms/alarm.js'
import { createPlatformRouter } from '../src/grpc/platform-router.js'
import type { Subcloud } from '../src/subclouds/subcloud.js'

type Callback = (err: ServiceError | null, value?: unknown) => void

function record(name: string, overrides: Partial<Subcloud> = {}): Subcloud {
  return {
    id: 7,
    name,
    epoch: 4,
    regionName: 'f'.repeat(32),
    deployStatus: 'complete',
    availability: 'online',
    bootstrapAddress: '[fd00:12::2]:50051',
    ...overrides,
  } as Subcloud
}

interface Recorded {
  method: string
  request: unknown
  options: CallOptions
  address: string
}

function fakes(
  subcloud: Subcloud | undefined,
  answer: (method: string) => ServiceError | object,
  tls?: CaOnlyTlsFiles,
) {
  const calls: Recorded[] = []
  const expected: [number, string][] = []
  const audited: [string, string][] = []
  const client = (address: string) =>
    new Proxy(
      {},
      {
        get:
          (_t, method: string) => (request: unknown, _md: Metadata, options: CallOptions, cb: Callback) => {
            calls.push({ method, request, options, address })
            const result =
              method === 'Describe' ? { config_hash: 'hash-after', generation: '5' } : answer(method)
            setImmediate(() => (result instanceof Error ? cb(result as ServiceError) : cb(null, result)))
            return { cancel: () => undefined }
          },
      },
    )
  const ownCalls: string[] = []
  const own = new Proxy(
    {},
    {
      get: (_t, method: string) => (_call: unknown, cb: Callback) => {
        ownCalls.push(method)
        cb(
          null,
          method === 'ListAlarms'
            ? { alarms: [{ alarm_id: '100.101', severity: 'minor' }] }
            : { own: method },
        )
      },
      ownKeys: () => ['GetSystem', 'ListAlarms', 'AddAddressPool', 'ListHosts'],
      getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true }),
    },
  ) as unknown as PlatformHandlers
  const storedAlarm = {
    uuid: 'u1',
    alarmId: '280.001',
    entityInstanceId: 'subcloud=edge',
    severity: 'critical',
    reasonText: 'Subcloud edge is offline',
    raisedAt: new Date(0),
  } as ActiveAlarm
  const router = createPlatformRouter({
    own,
    subclouds: {
      find: (ref: string) =>
        Promise.resolve(ref === subcloud?.name || ref === subcloud?.regionName ? subcloud : undefined),
      setExpectedConfigHash: (id: number, hash: string) => {
        expected.push([id, hash])
        return Promise.resolve()
      },
    },
    alarms: { list: () => Promise.resolve([storedAlarm]) },
    channels: {
      agent: (_name, address) => client(address) as unknown as AgentClient,
      platform: (_name, address) => client(address) as unknown as PlatformClient,
    },
    controllerId: 'controller-a',
    audit: { expectConfigHash: (name, hash) => void audited.push([name, hash]) },
    log: silentLogger,
    tls,
  })
  return { router, calls, expected, audited, ownCalls }
}

function invoke(
  handlers: PlatformHandlers,
  method: string,
  region: string | undefined,
  request: object = {},
  requestId?: string,
) {
  const metadata = new Metadata()
  if (region !== undefined) metadata.set(REGION_METADATA_KEY, region)
  if (requestId !== undefined) metadata.set(REQUEST_ID_METADATA_KEY, requestId)
  const call = {
    request,
    metadata,
    on: () => undefined,
    getDeadline: () => Infinity,
  } as unknown as ServerUnaryCall<unknown, unknown>
  const handler = (handlers as unknown as Record<string, (c: unknown, cb: Callback) => void>)[method]
  return new Promise<{ err: ServiceError | null; value: unknown; call: unknown }>((resolve) =>
    handler?.(call, (err, value) => resolve({ err, value, call })),
  )
}

const test = suite('createPlatformRouter')

test('createPlatformRouter - no region or SystemController: the own system answers', async () => {
  const { router, calls, ownCalls } = fakes(record('edge'), () => ({}))
  await invoke(router, 'GetSystem', undefined)
  await invoke(router, 'ListHosts', 'SystemController')
  assert.equal(ownCalls, ['GetSystem', 'ListHosts'])
  assert.is(calls.length, 0)
})

test('createPlatformRouter - a change without a readable region is refused, naming dc-region-name', async () => {
  const { router, calls, ownCalls } = fakes(record('edge'), () => ({}))
  for (const region of [undefined, '', '  ']) {
    const { err } = await invoke(router, 'AddAddressPool', region)
    assert.is(err?.code, status.INVALID_ARGUMENT)
    assert.match(err?.details ?? '', 'dc-region-name missing or unreadable on AddAddressPool')
    assert.match(
      err?.details ?? '',
      'a change must name its region, SystemController for the system controller',
    )
  }
  assert.equal(ownCalls, [], 'the own system is never changed without its region named')
  assert.is(calls.length, 0)
  const { err } = await invoke(router, 'AddAddressPool', 'SystemController')
  assert.is(err, null)
  assert.equal(ownCalls, ['AddAddressPool'])
})

test('createPlatformRouter - a subcloud region is forwarded to its primary address with the caller as parent', async () => {
  const { router, calls, expected, audited } = fakes(record('edge'), () => ({ hosts: [] }))
  const { err, value, call } = await invoke(router, 'ListHosts', 'edge', { x: 1 })
  assert.is(err, null)
  assert.equal(value, { hosts: [] })
  assert.is(calls.length, 1)
  assert.is(calls[0]?.method, 'ListHosts')
  assert.is(calls[0]?.address, '[fd00:12::2]:50051')
  assert.equal(calls[0]?.request, { x: 1 })
  assert.is(calls[0]?.options.parent, call, 'deadline and cancellation propagate from the caller')
  assert.ok(calls[0]?.options.deadline instanceof Date)
  assert.equal(expected, [], 'a read does not change the expected hash')
  assert.equal(audited, [])
})

const POOL_ADD = { name: 'oam-ipv4', network: '10.20.7.0', prefix: 24, ranges: [] }

/** An agent's Apply answer for the pool add, as the agent builds it. */
function applied(replayed = false) {
  return {
    generation: '5',
    config_hash: 'hash-after',
    effects: [],
    replayed,
    platform_reply: {
      reply: 'address_pool',
      address_pool: { address_pool: { name: 'oam-ipv4' }, generation: '5' },
    },
  }
}

test('createPlatformRouter - a forwarded change becomes the expected config hash (by region name too)', async () => {
  const { router, calls, expected, audited } = fakes(record('edge'), () => applied())
  const { err, value } = await invoke(router, 'AddAddressPool', 'f'.repeat(32), POOL_ADD)
  assert.is(err, null)
  assert.equal(
    value,
    { address_pool: { name: 'oam-ipv4' }, generation: '5' },
    'the Platform reply the agent built',
  )
  assert.equal(
    calls.map((c) => c.method),
    ['Apply'],
  )
  assert.equal(expected, [[7, 'hash-after']])
  assert.equal(audited, [['edge', 'hash-after']])
})

test("createPlatformRouter - a forwarded change is an Apply fenced by the subcloud's epoch, its change id from the request id", async () => {
  // The agent's side of the contract: one application per change id, a retry answered from memory.
  const firstReplies = new Map<string, object>()
  let applications = 0
  const { router, calls, expected } = fakes(record('edge'), (method) => {
    if (method !== 'Apply') return new Error(`${method} is not how a change is forwarded`) as ServiceError
    const changeId = (calls.at(-1)?.request as { change_id: string }).change_id
    if (firstReplies.has(changeId)) return applied(true)
    applications += 1
    firstReplies.set(changeId, applied())
    return applied()
  })
  const first = await invoke(router, 'AddAddressPool', 'edge', POOL_ADD, 'req-1')
  const retry = await invoke(router, 'AddAddressPool', 'edge', POOL_ADD, 'req-1')
  assert.is(first.err, null)
  assert.is(retry.err, null)
  assert.equal(retry.value, first.value, 'the retry gets the original reply')
  assert.is(applications, 1, 'the pool is created once')
  const applies = calls.filter((c) => c.method === 'Apply')
  assert.is(applies.length, 2)
  for (const apply of applies) {
    assert.equal(apply.request, {
      commands: [{ addrpool_add: POOL_ADD }],
      change_id: 'fwd:req-1',
      epoch: '4',
      controller_id: 'controller-a',
    })
  }
  assert.equal(
    calls.map((c) => c.method),
    ['Apply', 'Apply', 'Describe'],
    'a replay is the expected hash only while the site is still at the generation it reached',
  )
  assert.equal(expected, [
    [7, 'hash-after'],
    [7, 'hash-after'],
  ])
  const anonymous = await invoke(router, 'AddAddressPool', 'edge', POOL_ADD)
  assert.is(anonymous.err, null)
  const fresh = (calls.at(-1)?.request as { change_id: string }).change_id
  assert.match(fresh, /^fwd:[0-9a-f-]{36}$/, 'no request id: a fresh change id')
  assert.is(applications, 2)
})

test('createPlatformRouter - a malformed request id or change is refused before anything is sent', async () => {
  const { router, calls } = fakes(record('edge'), () => applied())
  const badId = await invoke(router, 'AddAddressPool', 'edge', POOL_ADD, 'two words')
  assert.is(badId.err?.code, status.INVALID_ARGUMENT)
  assert.is(
    badId.err?.details,
    'dc-request-id invalid: must be 1 to 128 letters, digits, dots, underscores, colons or hyphens',
  )
  const noName = await invoke(router, 'AddAddressPool', 'edge', { ...POOL_ADD, name: '' }, 'req-2')
  assert.is(noName.err?.code, status.INVALID_ARGUMENT)
  assert.match(noName.err?.details ?? '', /name/)
  assert.is(calls.length, 0)
})

test('createPlatformRouter - an agent that sends no Platform reply is a one-line failed precondition, its change expected', async () => {
  const { router, expected } = fakes(record('edge'), () => ({ ...applied(), platform_reply: null }))
  const { err } = await invoke(router, 'AddAddressPool', 'edge', POOL_ADD, 'req-3')
  assert.is(err?.code, status.FAILED_PRECONDITION)
  assert.is(
    err?.details,
    "Subcloud edge applied change fwd:req-3 but its agent sent no reply for it; show the change's rows to see the result",
  )
  assert.equal(expected, [[7, 'hash-after']], 'the change stands, so it is still the expected configuration')
})

test("createPlatformRouter - the agent's failure comes back unchanged", async () => {
  const trailers = new Metadata()
  trailers.set('dc-error-code', 'POOL_OVERLAP')
  const agentError = Object.assign(new Error('overlap'), {
    code: status.FAILED_PRECONDITION,
    details: 'pool overlaps',
    metadata: trailers,
  }) as ServiceError
  const { router, expected } = fakes(record('edge'), () => agentError)
  const { err } = await invoke(router, 'AddAddressPool', 'edge', POOL_ADD)
  assert.is(err, agentError)
  assert.equal(expected, [])
})

test("createPlatformRouter - the controller's own link failing is the subcloud unreachable, TLS explained", async () => {
  const linkDown = Object.assign(new Error('down'), {
    code: status.UNAVAILABLE,
    details: 'No connection established. Last error: Error: self-signed certificate in certificate chain',
    metadata: new Metadata(),
  }) as ServiceError
  const tls = {
    caFile: '/etc/dc/ca.crt',
    certFile: '/etc/dc/controller.crt',
    keyFile: '/etc/dc/controller.key',
  }
  const { router } = fakes(record('edge'), () => linkDown, tls)
  const { err } = await invoke(router, 'ListHosts', 'edge')
  assert.is(err?.code, status.UNAVAILABLE)
  assert.is(
    err?.details,
    'Subcloud edge cannot be reached: TLS handshake with [fd00:12::2]:50051 failed: ' +
      "server certificate signed by unknown authority (no CA of this client's bundle signed it)",
  )
  assert.is(err?.metadata.get('dc-error-code')[0], 'SUBCLOUD_UNAVAILABLE', 'marked as the server speaking')
})

test('createPlatformRouter - unknown, undeployed and offline regions are refused with their reason', async () => {
  assert.is(
    (await invoke(fakes(undefined, () => ({})).router, 'ListHosts', 'edge')).err?.code,
    status.NOT_FOUND,
  )
  const deploying = await invoke(
    fakes(record('edge', { deployStatus: 'bootstrapping' }), () => ({})).router,
    'ListHosts',
    'edge',
  )
  assert.is(deploying.err?.code, status.FAILED_PRECONDITION)
  assert.match(deploying.err?.details ?? '', /not deployed \(deploy status bootstrapping\)/)
  const offline = await invoke(
    fakes(record('edge', { availability: 'offline' }), () => ({})).router,
    'ListHosts',
    'edge',
  )
  assert.is(offline.err?.code, status.UNAVAILABLE)
  assert.match(offline.err?.details ?? '', /offline/)
})

test("createPlatformRouter - SystemController's alarm list adds the fleet alarms, most severe first", async () => {
  const { router } = fakes(record('edge'), () => ({}))
  const { value } = await invoke(router, 'ListAlarms', undefined)
  assert.equal(
    (value as { alarms: { alarm_id: string }[] }).alarms.map((a) => a.alarm_id),
    ['280.001', '100.101'],
  )
})

test.run()
