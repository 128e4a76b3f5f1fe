import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { InvalidOwnBootstrapValuesError, OwnSystemMismatchError } from '../src/errors.js'
import { OwnSystem, parseOwnBootstrapValues } from '../src/own-system.js'
import { KyselySystemStore } from '../src/adapters/kysely/kysely-system-store.js'
import { openedDb, useTempDatabase } from './temp-database.js'
import type { DatabaseCtx } from './temp-database.js'

const VALUES = `
name: central
system_mode: duplex
distributed_cloud_role: systemcontroller
software_version: "24.09"
management_subnet: fd01:1::/64,192.168.101.0/24
management_start_address: fd01:1::2,192.168.101.2
management_end_address: fd01:1::ff,192.168.101.200
external_oam_subnet: fd00:1::/64,10.10.1.0/24
external_oam_gateway_address: fd00:1::1,10.10.1.1
external_oam_floating_address: fd00:1::2,10.10.1.2
cluster_host_subnet: fd02:1::/64
cluster_pod_subnet: fd03:1::/64
cluster_service_subnet: fd04:1::/112
admin_password: first*Secret
`

type Ctx = DatabaseCtx

const test = suite<Ctx>('OwnSystem', { db: undefined })

useTempDatabase(test, 'dc-own-')

function store(ctx: Ctx): KyselySystemStore {
  const db = openedDb(ctx)
  return new KyselySystemStore(db)
}

test('OwnSystem - the first start creates the system controller from its bootstrap values', async (ctx) => {
  const own = await OwnSystem.open(store(ctx), parseOwnBootstrapValues(VALUES))
  assert.is(own.current.name, 'central')
  assert.is(own.current.distributedCloudRole, 'systemcontroller')
  assert.is(own.epoch, 1)
  const row = await store(ctx).get()
  assert.not.match(row?.bootstrapJson ?? '', /first\*Secret/, 'no secret is stored')
})

test("OwnSystem - its config hash is the agent's for the same values, pinned", async (ctx) => {
  const own = await OwnSystem.open(store(ctx), parseOwnBootstrapValues(VALUES))
  // The agent bootstrapped with these values pins the same hash (subcloud-agent/test/agent.test.ts).
  assert.is(own.configHash, '4bc1aec5fa17aa67')
})

test('OwnSystem - changes apply, persist and survive a reopen', async (ctx) => {
  const own = await OwnSystem.open(store(ctx), parseOwnBootstrapValues(VALUES))
  const before = own.current.generation
  const signal = new AbortController().signal
  await own.apply([{ kind: 'addrpool-add', name: 'storage-ipv6', network: 'fd05:1::', prefix: 64 }], signal)
  const reopened = await OwnSystem.open(store(ctx), parseOwnBootstrapValues(VALUES))
  assert.is(reopened.current.generation, before + 1)
  assert.ok(reopened.current.pools.some((p) => p.name === 'storage-ipv6'))
  assert.is(reopened.uuid, own.uuid)
})

test('OwnSystem - a later start with other values is refused, naming every differing key', async (ctx) => {
  const changed = VALUES.replace('name: central', 'name: elsewhere').replace('first*Secret', 'second*Secret')
  try {
    await OwnSystem.open(store(ctx), parseOwnBootstrapValues(`${changed}dns_servers: "fd00::53"\n`))
    assert.unreachable('changed values accepted')
  } catch (err) {
    assert.instance(err, OwnSystemMismatchError)
    assert.equal((err as OwnSystemMismatchError).keys, ['admin_password', 'dns_servers', 'name'])
    assert.not.match((err as Error).message, /Secret/)
  }
})

test('parseOwnBootstrapValues - only a valid system controller file is accepted', () => {
  assert.throws(
    () => parseOwnBootstrapValues(VALUES.replace('systemcontroller', 'subcloud')),
    (err: unknown) => {
      return (
        err instanceof InvalidOwnBootstrapValuesError &&
        err.problems.some((p) => p.key === 'distributed_cloud_role')
      )
    },
  )
  assert.throws(
    () => parseOwnBootstrapValues('name: [x'),
    (err: unknown) => err instanceof InvalidOwnBootstrapValuesError,
  )
  assert.throws(
    () => parseOwnBootstrapValues(VALUES.replace('fd00:1::1,10.10.1.1', 'nope')),
    (err: unknown) =>
      err instanceof InvalidOwnBootstrapValuesError &&
      err.problems.some((p) => p.key === 'external_oam_gateway_address'),
  )
})

test('parseOwnBootstrapValues - a password after a YAML indicator is never echoed', () => {
  for (const indicator of ['*', '|', '>', '!', '&', '@', '{', "'"]) {
    let message = ''
    try {
      parseOwnBootstrapValues(
        VALUES.replace('admin_password: first*Secret', `admin_password: ${indicator}Pw1-9zq`),
      )
    } catch (err) {
      if (!(err instanceof InvalidOwnBootstrapValuesError)) throw err
      message = `${err.message} ${JSON.stringify(err)}`
    }
    assert.match(message, /admin_password \(line \d+, column \d+\)/, indicator)
    assert.not.ok(message.includes('Pw1-9zq'), `${indicator}: ${message}`)
  }
})

test.run()
