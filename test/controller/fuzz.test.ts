import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { status } from '@grpc/grpc-js'
import type { CallOptions, ServiceError } from '@grpc/grpc-js'
import fc from 'fast-check'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type {
  DcManagerClient,
  ListSubcloudGroupsResponse__Output,
  ListSubcloudsResponse__Output,
  SubcloudGroup__Output,
} from '@dc/protos'
import { stringify as toYaml } from 'yaml'
import { makeTempDir, removeTempDir } from '../support/index.js'
import {
  startTestAgent,
  startTestController,
  subcloudValues,
  unary,
  valuesYaml,
} from './controller-harness.js'
import type { TestAgent, TestController } from './controller-harness.js'

const RUNS_PER_RPC = 1000
const CONCURRENCY = 8
const SEED = 424242
/** Codes that would mean the controller failed on its side instead of judging the input. */
const FORBIDDEN = new Set<number>([status.UNKNOWN, status.INTERNAL, status.DATA_LOSS])

interface Ctx {
  dir: string
  controller: TestController | undefined
  agent: TestAgent | undefined
  /** Names and ids that exist, which a generated reference must avoid where hitting one would be a valid change. */
  existing: Set<string>
}

const test = suite<Ctx>('DcManager fuzz', {
  dir: '',
  controller: undefined,
  agent: undefined,
  existing: new Set(),
})

/** Everything a bad request must leave untouched. */
async function snapshot(client: DcManagerClient): Promise<string> {
  const [subclouds, groups] = await Promise.all([
    unary<ListSubcloudsResponse__Output>((o, cb) => client.ListSubclouds({ all: true }, o, cb)),
    unary<ListSubcloudGroupsResponse__Output>((o, cb) => client.ListSubcloudGroups({}, o, cb)),
  ])
  return JSON.stringify({
    subclouds: subclouds.subclouds.map((s) => [
      s.id,
      s.name,
      s.description,
      s.location,
      s.group_id,
      s.management_state,
      s.deploy_status,
      s.bootstrap_address,
      s.region_name,
    ]),
    groups: groups.subcloud_groups.map((g) => [
      g.id,
      g.name,
      g.description,
      g.update_apply_type,
      g.max_parallel_subclouds,
    ]),
  })
}

type Invoke = (
  client: DcManagerClient,
  request: never,
  options: CallOptions,
  cb: (err: ServiceError | null) => void,
) => void

interface RpcCase {
  readonly rpc: string
  readonly requests: fc.Arbitrary<object>
  /** Reads may succeed; a bad mutation must not. */
  readonly maySucceed: boolean
  readonly invoke: Invoke
}

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '1',
    '-1',
    '4294967296',
    'none',
    'Default',
    'SystemController',
    'RegionOne',
    '[::1]',
    ':::',
  ),
)
/** Text that is never a usable name, address or release: `!` appears in none of them. */
const broken = fc.string({ maxLength: 30 }).map((s) => `${s}!`)
const controlChars = fc.string({ maxLength: 20 }).map((s) => `${s}\u0001${s}`)
const tooLong = fc
  .string({ minLength: 256, maxLength: 400, unit: 'grapheme-ascii' })
  .filter((s) => s.length > 255)

// Secrets are passed through unchecked: garbage there is still a valid file.
const VALUE_KEYS = Object.keys(subcloudValues(7, 'ipv6')).filter((k) => k !== 'admin_password')

/** Bootstrap values that can never be onboarded, from noise to a near-valid file with one bad key. */
const badValuesYaml = fc.oneof(
  text,
  fc
    .dictionary(
      fc.constantFrom(...VALUE_KEYS, 'distributed_cloud_role', 'admin_subnet', 'release'),
      fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 3 })),
      { maxKeys: 12 },
    )
    .map((d) => toYaml(d)),
  fc
    .tuple(fc.subarray(VALUE_KEYS, { minLength: 1, maxLength: 3 }), broken)
    .map(([keys, bad]) =>
      valuesYaml({ ...subcloudValues(7, 'ipv6'), ...Object.fromEntries(keys.map((k) => [k, bad])) }),
    ),
  fc.constant(valuesYaml(subcloudValues(7, 'ipv4'))),
  // Same ranges as the onboarded subcloud under another name: the fleet overlap rule refuses it.
  fc.constant(valuesYaml(subcloudValues(1, 'ipv6', 'overlapping'))),
  fc.constant(valuesYaml({ ...subcloudValues(7, 'ipv6'), name: 'edge1' })),
  fc.constant(valuesYaml({ ...subcloudValues(7, 'ipv6'), distributed_cloud_role: 'systemcontroller' })),
)

// Well-formed addresses are loopback only: should a request ever be accepted, the deploy it starts
// must not dial anything off this machine.
const address = fc.oneof(
  text,
  fc.integer({ min: 0, max: 70000 }).map((p) => `[::1]:${p}`),
  fc.integer({ min: 0, max: 70000 }).map((p) => `127.0.0.1:${p}`),
  fc.constantFrom(
    '::1',
    '127.0.0.1',
    '::',
    '0.0.0.0',
    'ff02::1',
    '[::1]',
    '::ffff:127.0.0.1',
    'fe80::1%lo',
    'localhost:50051',
  ),
)

const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined })

function cases(ctx: Ctx): RpcCase[] {
  const unknownRef = text.filter((s) => !ctx.existing.has(s.trim()))
  const anyRef = fc.oneof(text, fc.constantFrom(...ctx.existing))
  const badGroupRef = text.map((s) => `no-such-group-${s}`)
  return [
    {
      rpc: 'AddSubcloud',
      maySucceed: false,
      requests: fc.record(
        {
          bootstrap_address: address,
          bootstrap_values_yaml: badValuesYaml,
          group: optional(fc.oneof(text, fc.constant('Default'))),
          release: optional(fc.oneof(text, fc.constantFrom('24.09', '22.12', '25.09'))),
          description: optional(text),
          location: optional(text),
          name: optional(text),
        },
        { requiredKeys: ['bootstrap_address', 'bootstrap_values_yaml'] },
      ),
      invoke: (c, r, o, cb) => c.AddSubcloud(r, o, cb),
    },
    {
      rpc: 'ListSubclouds',
      maySucceed: true,
      requests: fc.record({ all: fc.boolean(), detail: fc.boolean() }),
      invoke: (c, r, o, cb) => c.ListSubclouds(r, o, cb),
    },
    {
      rpc: 'GetSubcloud',
      maySucceed: true,
      requests: fc.record({ subcloud: anyRef, detail: fc.boolean() }),
      invoke: (c, r, o, cb) => c.GetSubcloud(r, o, cb),
    },
    {
      rpc: 'UpdateSubcloud',
      maySucceed: false,
      // At least one field is always bad, so the whole update must be refused.
      requests: fc
        .tuple(
          anyRef,
          fc.record(
            {
              name: fc.oneof(broken, fc.constantFrom('123', 'SystemController', '-x')),
              description: fc.oneof(controlChars, tooLong),
              location: fc.oneof(controlChars, tooLong),
              group: badGroupRef,
              bootstrap_address: broken,
              bootstrap_values_yaml: badValuesYaml.filter(
                (y) => !y.includes('overlapping') && !y.includes('edge1'),
              ),
              peer_group: text.filter((s) => s.trim().toLowerCase() !== 'none'),
            },
            { requiredKeys: [] },
          ),
        )
        .filter(([, fields]) => Object.keys(fields).length > 0)
        .map(([subcloud, fields]) => ({ subcloud, ...fields })),
      invoke: (c, r, o, cb) => c.UpdateSubcloud(r, o, cb),
    },
    {
      rpc: 'ManageSubcloud',
      maySucceed: false,
      requests: fc.record({ subcloud: anyRef, force: fc.boolean() }),
      invoke: (c, r, o, cb) => c.ManageSubcloud(r, o, cb),
    },
    {
      rpc: 'UnmanageSubcloud',
      maySucceed: false,
      requests: fc.record({ subcloud: unknownRef, migrate: fc.boolean() }),
      invoke: (c, r, o, cb) => c.UnmanageSubcloud(r, o, cb),
    },
    {
      rpc: 'DeleteSubcloud',
      maySucceed: false,
      requests: fc.record({ subcloud: anyRef }),
      invoke: (c, r, o, cb) => c.DeleteSubcloud(r, o, cb),
    },
    {
      rpc: 'GetSubcloudErrors',
      maySucceed: true,
      requests: fc.record({ subcloud: anyRef }),
      invoke: (c, r, o, cb) => c.GetSubcloudErrors(r, o, cb),
    },
    {
      rpc: 'AddSubcloudGroup',
      maySucceed: false,
      requests: fc.oneof(
        fc.record({
          name: fc.oneof(fc.constantFrom('', '  ', '42', 'Default', 'g1'), controlChars, tooLong),
          description: optional(text),
        }),
        fc.record({
          name: fc.string({ minLength: 1, maxLength: 20 }).map((s) => `fuzz-${s}`),
          update_apply_type: text.filter((s) => s !== 'parallel' && s !== 'serial'),
        }),
        fc.record({
          name: fc.string({ minLength: 1, maxLength: 20 }).map((s) => `fuzz-${s}`),
          max_parallel_subclouds: fc.oneof(fc.constant(0), fc.integer({ min: 5001, max: 2 ** 32 - 1 })),
        }),
      ),
      invoke: (c, r, o, cb) => c.AddSubcloudGroup(r, o, cb),
    },
    {
      rpc: 'GetSubcloudGroup',
      maySucceed: true,
      requests: fc.record({ group: anyRef }),
      invoke: (c, r, o, cb) => c.GetSubcloudGroup(r, o, cb),
    },
    {
      rpc: 'UpdateSubcloudGroup',
      maySucceed: false,
      requests: fc.oneof(
        fc.record({ group: badGroupRef, description: text }),
        fc.record({
          group: fc.constantFrom('Default', '1'),
          name: fc.string({ maxLength: 20 }).map((s) => `x${s}`),
        }),
        fc.record({
          group: fc.constantFrom('g1', 'Default'),
          update_apply_type: text.filter((s) => !['parallel', 'serial'].includes(s)),
        }),
        fc.record({
          group: fc.constantFrom('g1', 'Default'),
          max_parallel_subclouds: fc.integer({ min: 5001, max: 2 ** 32 - 1 }),
        }),
        fc.record({ group: fc.constantFrom('g1'), name: fc.constantFrom('Default', '', '7') }),
        fc.record({ group: anyRef }),
      ),
      invoke: (c, r, o, cb) => c.UpdateSubcloudGroup(r, o, cb),
    },
    {
      rpc: 'DeleteSubcloudGroup',
      maySucceed: false,
      requests: fc.record({ group: fc.oneof(badGroupRef, fc.constantFrom('Default', '1')) }),
      invoke: (c, r, o, cb) => c.DeleteSubcloudGroup(r, o, cb),
    },
    {
      rpc: 'ListSubcloudGroupSubclouds',
      maySucceed: true,
      requests: fc.record({ group: anyRef }),
      invoke: (c, r, o, cb) => c.ListSubcloudGroupSubclouds(r, o, cb),
    },
    {
      rpc: 'AddSystemPeer',
      maySucceed: false,
      requests: fc.record({
        peer_uuid: text,
        peer_name: text,
        manager_endpoint: text,
        peer_controller_gateway_ip: address,
      }),
      invoke: (c, r, o, cb) => c.AddSystemPeer(r, o, cb),
    },
    {
      rpc: 'AddSubcloudPeerGroup',
      maySucceed: false,
      // Invalid by construction now that peer groups exist: either the name breaks a rule or the
      // priority is outside StarlingX's 0..65536; any other name and priority is a valid group.
      requests: fc.oneof(
        fc.record({
          peer_group_name: fc.constantFrom('', 'none', 'None', '12345', ' '),
          group_priority: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        }),
        fc.record({ peer_group_name: text, group_priority: fc.integer({ min: 65_537, max: 2 ** 32 - 1 }) }),
      ),
      invoke: (c, r, o, cb) => c.AddSubcloudPeerGroup(r, o, cb),
    },
    {
      rpc: 'MigrateSubcloudPeerGroup',
      maySucceed: false,
      requests: fc.record({ peer_group: text, sysadmin_password: text }),
      invoke: (c, r, o, cb) => c.MigrateSubcloudPeerGroup(r, o, cb),
    },
  ]
}

async function runCase(client: DcManagerClient, rpcCase: RpcCase): Promise<Map<number, number>> {
  const requests = fc.sample(rpcCase.requests, { numRuns: RUNS_PER_RPC, seed: SEED })
  const codes = new Map<number, number>()
  const queue = [...requests.entries()]
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        const [index, request] = next
        const code = await new Promise<number>((resolve) => {
          rpcCase.invoke(client, request as never, { deadline: Date.now() + 30_000 }, (err) =>
            resolve(err?.code ?? status.OK),
          )
        })
        codes.set(code, (codes.get(code) ?? 0) + 1)
        if (
          FORBIDDEN.has(code) ||
          (code === status.OK && !rpcCase.maySucceed) ||
          code === status.DEADLINE_EXCEEDED
        ) {
          throw new Error(
            `${rpcCase.rpc} #${index} answered ${status[code]} for ${JSON.stringify(request).slice(0, 400)}`,
          )
        }
      }
    }),
  )
  return codes
}

test.before(async (c) => {
  c.dir = await makeTempDir('dct-controller-fuzz-')
  await mkdir(join(c.dir, 'controller'), { recursive: true })
  c.agent = await startTestAgent(['::1'], join(c.dir, 'edge1'))
  c.controller = await startTestController({ dataDir: join(c.dir, 'controller') })
  const controller = c.controller
  const added = await controller.addSubcloud(c.agent.addresses[0] ?? '', subcloudValues(1, 'ipv6', 'edge1'))
  await controller.waitFor('edge1', (s) => s.deploy_status === 'complete', 'complete')
  await controller.waitFor('edge1', (s) => s.availability_status === 'online', 'online')
  await unary((o, cb) => controller.dcManager.ManageSubcloud({ subcloud: 'edge1' }, o, cb))
  const group = await unary<SubcloudGroup__Output>((o, cb) =>
    controller.dcManager.AddSubcloudGroup({ name: 'g1' }, o, cb),
  )
  c.existing = new Set(['edge1', String(added.id), added.region_name, 'Default', '1', 'g1', String(group.id)])
})

test.after(async (c) => {
  await c.controller?.stop()
  await c.agent?.stop()
  if (c.dir !== '') await removeTempDir(c.dir)
})

test('DcManager - 1,000 bad requests per RPC: clear errors, no crash, nothing written', async (c) => {
  const controller = c.controller
  if (controller === undefined) throw new Error('no controller')
  const before = await snapshot(controller.dcManager)
  for (const rpcCase of cases(c)) {
    const codes = await runCase(controller.dcManager, rpcCase)
    assert.is(
      [...codes.values()].reduce((a, b) => a + b, 0),
      RUNS_PER_RPC,
      rpcCase.rpc,
    )
    assert.is(await snapshot(controller.dcManager), before, `${rpcCase.rpc} changed the store`)
  }
  assert.is(controller.process.exitStatus(), undefined, 'the controller is still running')
  const edge = await controller.show('edge1')
  assert.is(edge.management_state, 'managed')
})

test('AddSubcloud - an invalid request names each offending key in one answer', async (c) => {
  const controller = c.controller
  if (controller === undefined) throw new Error('no controller')
  const values = { ...subcloudValues(8, 'ipv6'), name: '123', external_oam_gateway_address: 'nope' }
  const err = await unary((o, cb) =>
    controller.dcManager.AddSubcloud(
      { bootstrap_address: '127.0.0.1:50051', bootstrap_values_yaml: valuesYaml(values) },
      o,
      cb,
    ),
  ).then(
    () => undefined,
    (e: unknown) => e as ServiceError,
  )
  assert.ok(err)
  assert.is(err.code, status.INVALID_ARGUMENT)
  assert.match(err.details, /name: /)
  assert.match(err.details, /external_oam_gateway_address/)
  assert.match(err.details, /bootstrap_address/)
  assert.is(err.metadata.get('dc-error-code')[0], 'SUBCLOUD_ADD_REJECTED')
})

test.run()
