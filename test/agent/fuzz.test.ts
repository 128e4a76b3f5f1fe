import { Client, credentials, status } from '@grpc/grpc-js'
import type { ServiceError } from '@grpc/grpc-js'
import fc from 'fast-check'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { loadProtoDefinition } from '@dc/protos'
import type { StateSummary__Output } from '@dc/protos'
import { makeTempDir, removeTempDir } from '../support/index.js'
import { startAgent, unary } from './agent-process.js'
import type { AgentProcess } from './agent-process.js'
import { DUAL_STACK_VALUES } from './seed-values.js'

const RUNS_PER_RPC = 1000
const CONCURRENCY = 16
/** Status codes that would mean the agent failed on its side instead of judging the input. */
const FORBIDDEN = new Set<number>([status.UNKNOWN, status.INTERNAL])

interface FieldDescriptor {
  readonly name: string
  readonly type: string
  readonly typeName: string
  readonly label: string
}

interface MethodDefinition {
  readonly path: string
  readonly responseStream: boolean
  readonly requestType: { readonly type: { readonly name: string }; serialize(value: object): Buffer }
}

const definition = loadProtoDefinition()

function messageFields(typeName: string): FieldDescriptor[] {
  const entry = definition[typeName] as unknown as { type: { field: FieldDescriptor[] } } | undefined
  if (entry === undefined) throw new Error(`no message type ${typeName}`)
  return entry.type.field
}

/** Resolve a descriptor type name the protobuf way: from the referring message's scope outwards. */
function qualify(typeName: string, scope: string): string {
  if (typeName.startsWith('.')) return typeName.slice(1)
  const parts = scope.split('.')
  for (let i = parts.length - 1; i >= 0; i--) {
    const candidate = [...parts.slice(0, i), typeName].join('.')
    if (candidate in definition) return candidate
  }
  throw new Error(`cannot resolve ${typeName} from ${scope}`)
}

const WORDS = [
  'oam',
  'mgmt',
  'admin',
  'pxeboot',
  'multicast',
  'cluster-host',
  'cluster-pod',
  'cluster-service',
  'storage',
  'controller-0',
  'controller-1',
  'worker-0',
  'oam-ipv4',
  'oam-ipv6',
  'management-ipv6',
  'cluster-pod-ipv4',
  'random',
  'sequential',
  'IPv4',
  'IPv6',
  'none',
  '',
  ' ',
  'fd00::',
  '10.10.204.0',
  '::',
  '0.0.0.0',
  '255.255.255.255',
  'ff08::1:1:0',
  '::ffff:10.0.0.1',
  'fe80::1%eth0',
  '10.0.0.0/8',
  '1.2.3',
  '-1',
  'NaN',
]

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.ipV4() },
  { weight: 2, arbitrary: fc.ipV6() },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.oneof(fc.ipV4(), fc.ipV6()), fc.integer({ min: -1, max: 200 }))
      .map(([a, p]) => `${a}/${p}`),
  },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 256, maxLength: 5000 }) },
)

const uint64 = fc.oneof(
  fc.constantFrom('0', '1', '2', '3', '18446744073709551615'),
  fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map(String),
)

function fieldArbitrary(field: FieldDescriptor, scope: string, depth: number): fc.Arbitrary<unknown> {
  let single: fc.Arbitrary<unknown>
  switch (field.type) {
    case 'TYPE_STRING':
      single = field.name === 'values_yaml' ? fc.oneof(text, yamlArbitrary) : text
      break
    case 'TYPE_UINT32':
      single = fc.oneof(fc.nat(200), fc.nat())
      break
    case 'TYPE_UINT64':
      single = uint64
      break
    case 'TYPE_BOOL':
      single = fc.boolean()
      break
    case 'TYPE_MESSAGE':
      single = depth >= 4 ? fc.constant({}) : messageArbitrary(qualify(field.typeName, scope), depth + 1)
      break
    default:
      throw new Error(`no arbitrary for ${field.type}`)
  }
  return field.label === 'LABEL_REPEATED' ? fc.array(single, { maxLength: 4 }) : single
}

function messageArbitrary(typeName: string, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const fields = messageFields(typeName)
  return fc.record(Object.fromEntries(fields.map((f) => [f.name, fieldArbitrary(f, typeName, depth)])), {
    requiredKeys: [],
  })
}

const BOOTSTRAP_KEYS = [
  'system_mode',
  'pxeboot_subnet',
  'external_oam_subnet',
  'external_oam_gateway_address',
  'management_subnet',
  'management_start_address',
  'cluster_host_subnet',
  'cluster_pod_subnet',
  'cluster_service_subnet',
  'multicast_subnet',
  'admin_subnet',
  'distributed_cloud_role',
  'software_version',
  'name',
]

const yamlArbitrary = fc
  .dictionary(
    fc.constantFrom(...BOOTSTRAP_KEYS),
    fc.oneof(text, fc.integer(), fc.constant(null), fc.array(text)),
  )
  .map((values) =>
    Object.entries(values)
      .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
      .join('\n'),
  )

/** Either a structurally valid message with hostile content, or bytes that may not even decode. */
function requestArbitrary(method: MethodDefinition): fc.Arbitrary<Buffer> {
  const structured = messageArbitrary(
    `${method.path.split('/')[1]?.replace(/\.[^.]+$/, '')}.${method.requestType.type.name}`,
  ).map((message) => {
    try {
      return method.requestType.serialize(message)
    } catch {
      return Buffer.from(JSON.stringify(message))
    }
  })
  const raw = fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes))
  return fc.oneof({ weight: 7, arbitrary: structured }, { weight: 3, arbitrary: raw })
}

const identity = (b: Buffer): Buffer => b

/** Send raw request bytes; resolve with the status code the call ended with. */
function send(client: Client, method: MethodDefinition, request: Buffer): Promise<number> {
  const options = { deadline: Date.now() + 20_000 }
  if (!method.responseStream) {
    return new Promise((resolve) => {
      client.makeUnaryRequest(method.path, identity, identity, request, options, (err: ServiceError | null) =>
        resolve(err === null ? status.OK : err.code),
      )
    })
  }
  return new Promise((resolve) => {
    const stream = client.makeServerStreamRequest(method.path, identity, identity, request, options)
    stream.on('data', () => {
      // One event proves the stream works; a Watch never ends by itself.
      stream.cancel()
    })
    stream.on('error', (err: ServiceError) => resolve(err.code === status.CANCELLED ? status.OK : err.code))
    stream.on('end', () => resolve(status.OK))
  })
}

async function runBounded<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let index = 0
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (index < items.length) await fn(items[index++] as T)
    }),
  )
}

const Fuzz = suite<{ dir: string; running: AgentProcess | undefined; client: Client | undefined }>(
  'dc-agent fuzz',
  {
    dir: '',
    running: undefined,
    client: undefined,
  },
)

Fuzz.before(async (ctx) => {
  ctx.dir = await makeTempDir('dc-agent-fuzz-')
  ctx.running = await startAgent({ stateDir: ctx.dir })
  await unary<StateSummary__Output>((o, cb) =>
    ctx
      .running!.agent()
      .Bootstrap({ values_yaml: DUAL_STACK_VALUES, epoch: '1', controller_id: 'ctl-a' }, o, cb),
  )
  ctx.client = new Client(ctx.running.v6, credentials.createInsecure())
})

Fuzz.after(async (ctx) => {
  ctx.client?.close()
  await ctx.running?.close()
  await removeTempDir(ctx.dir)
})

const services = ['dc.platform.v1.Platform', 'dc.agent.v1.Agent'].flatMap((name) =>
  Object.entries(definition[name] as unknown as Record<string, MethodDefinition>).map(([rpc, method]) => ({
    rpc: `${name.split('.').at(-1)}.${rpc}`,
    method,
  })),
)

for (const { rpc, method } of services) {
  Fuzz(
    `dc-agent - ${RUNS_PER_RPC} malformed ${rpc} requests neither crash it nor get UNKNOWN/INTERNAL`,
    async (ctx) => {
      const seed = Number(process.env['FUZZ_SEED'] ?? Date.now() % 1_000_000)
      const requests = fc.sample(requestArbitrary(method), { numRuns: RUNS_PER_RPC, seed })
      const codes = new Map<number, number>()
      const failures: string[] = []
      await runBounded(requests, CONCURRENCY, async (request) => {
        const code = await send(ctx.client!, method, request)
        codes.set(code, (codes.get(code) ?? 0) + 1)
        if (FORBIDDEN.has(code) && failures.length < 5)
          failures.push(`${status[code]} for ${request.toString('base64')}`)
      })
      assert.equal(
        failures,
        [],
        `${rpc} (FUZZ_SEED=${seed}) codes ${JSON.stringify(Object.fromEntries(codes))}`,
      )
      assert.is(
        [...codes.values()].reduce((a, b) => a + b, 0),
        RUNS_PER_RPC,
      )
      assert.is(ctx.running!.process.exitStatus(), undefined, 'the agent is still running')
    },
  )
}

Fuzz(
  'dc-agent - oversized requests are refused with RESOURCE_EXHAUSTED and the agent keeps serving',
  async (ctx) => {
    const apply = services.find((s) => s.rpc === 'Agent.Apply')!.method
    const huge = Buffer.alloc(5 * 1024 * 1024, 0x41)
    assert.is(await send(ctx.client!, apply, huge), status.RESOURCE_EXHAUSTED)
    const describe = services.find((s) => s.rpc === 'Agent.Describe')!.method
    assert.is(await send(ctx.client!, describe, Buffer.alloc(0)), status.OK)
  },
)

Fuzz.run()
