import type { AgentClient, PlatformClient } from '@dc/protos'
import { silentLogger } from '@dc/runtime'
import { rejectionOf } from '@dc/test-support'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { kyselyGeoStores } from '../src/adapters/kysely/kysely-geo-stores.js'
import { KyselyAlarmStore } from '../src/adapters/kysely/kysely-alarm-store.js'
import { KyselyAuditStore } from '../src/adapters/kysely/kysely-audit-store.js'
import { KyselySubcloudGroupStore } from '../src/adapters/kysely/kysely-subcloud-group-store.js'
import { KyselySubcloudStore } from '../src/adapters/kysely/kysely-subcloud-store.js'
import { KyselySystemStore } from '../src/adapters/kysely/kysely-system-store.js'
import {
  ControllerError,
  DefaultGroupProtectedError,
  GeoObjectNotFoundError,
  InvalidFieldError,
  SubcloudGroupNameTakenError,
  SubcloudAddRejectedError,
  SubcloudGroupNotEmptyError,
  SubcloudNameTakenError,
  SubcloudNotFoundError,
  SubcloudStateError,
} from '../src/errors.js'
import { GeoService } from '../src/geo/geo-service.js'
import { OwnSystem, parseOwnBootstrapValues } from '../src/own-system.js'
import { SubcloudGroupService } from '../src/subcloud-groups/subcloud-group-service.js'
import type { DeployTarget } from '../src/subclouds/deploy-runner.js'
import type { SubcloudService } from '../src/subclouds/subcloud-service.js'
import type { NetworkReconfiguration } from '../src/subclouds/network-reconfiguration.js'
import { subcloudUseCases } from '../src/subclouds/subcloud-use-cases.js'
import { strategyAgents } from '../src/strategies/strategy-agents.js'
import { managerCalls } from './manager-calls.js'
import { controllerYaml, subcloudYaml } from './site-values.js'
import { simulateSubcloudState } from './subcloud-fixtures.js'
import type { SimulatedState } from './subcloud-fixtures.js'
import { openedDb, useTempDatabase } from './temp-database.js'
import type { DatabaseCtx } from './temp-database.js'
interface Ctx extends DatabaseCtx {
  subclouds: SubcloudService | undefined
  groups: SubcloudGroupService | undefined
  network: NetworkReconfiguration | undefined
  started: DeployTarget[]
  refreshes: number
}

const test = suite<Ctx>('SubcloudService and SubcloudGroupService', {
  db: undefined,
  subclouds: undefined,
  groups: undefined,
  network: undefined,
  started: [],
  refreshes: 0,
})

useTempDatabase(test, 'dc-manager-')

test.before(async (ctx) => {
  const db = openedDb(ctx)
  const subcloudStore = new KyselySubcloudStore(db)
  const groupStore = new KyselySubcloudGroupStore(db)
  const own = await OwnSystem.open(new KyselySystemStore(db), parseOwnBootstrapValues(controllerYaml()))
  const channels = { agent: () => ({}) as AgentClient }
  const geo = new GeoService({
    ...kyselyGeoStores(db, subcloudStore),
    siteId: own.uuid,
    siteName: own.current.name,
    controllerId: own.uuid,
    controllerEpoch: own.epoch,
    link: undefined,
    channels,
    log: silentLogger,
  })
  const audit = {
    refreshSubcloud: () => {
      ctx.refreshes++
      return Promise.resolve()
    },
    snapshotOf: () => undefined,
    expectConfigHash: () => undefined,
  }
  const useCases = subcloudUseCases({
    subclouds: subcloudStore,
    groups: groupStore,
    own,
    deploys: {
      start: (target) => void ctx.started.push(target),
      isRunning: () => false,
      abort: () => Promise.resolve(false),
      retained: () => undefined,
      forget: () => undefined,
      // The agents here are not there: a delete of an online subcloud cannot release its agent.
      release: () => Promise.resolve(false),
    },
    audit,
    channels,
    membership: geo,
    agents: strategyAgents({ ...channels, platform: () => ({}) as PlatformClient }),
    controllerId: own.uuid,
    operational: { follow: () => Promise.resolve() },
    log: silentLogger,
  })
  ctx.subclouds = useCases.subclouds
  ctx.network = useCases.network
  ctx.groups = new SubcloudGroupService(groupStore)
})

/** The DcManager calls against the services, and the stores to look behind them. */
function svc(ctx: Ctx) {
  const { subclouds, groups, network, db } = ctx
  if (subclouds === undefined || groups === undefined || network === undefined || db === undefined) {
    throw new Error('not started')
  }
  const store = {
    subclouds: new KyselySubcloudStore(db),
    alarms: new KyselyAlarmStore(db),
    audit: new KyselyAuditStore(db),
  }
  return { service: managerCalls(subclouds, groups, network), store }
}

/** Simulate what the deploy and the audit would have written. */
function simulate(ctx: Ctx, name: string, state: SimulatedState): Promise<void> {
  const db = openedDb(ctx)
  return simulateSubcloudState(db, name, state)
}

test('addSubcloud - creates the row unmanaged/offline/not-deployed and starts the deploy', async (ctx) => {
  const { service } = svc(ctx)
  const added = await service.addSubcloud({
    bootstrap_address: '::1',
    bootstrap_values_yaml: subcloudYaml(1),
  })
  assert.is(added.deploy_status, 'not-deployed')
  assert.is(added.management_state, 'unmanaged')
  assert.is(added.availability_status, 'offline')
  assert.is(added.sync, 'unknown')
  assert.equal(
    ctx.started.map((t) => [t.name, t.primaryAddress]),
    [['subcloud1', '[::1]:50051']],
  )
  await rejectionOf(
    service.addSubcloud({ bootstrap_address: '::1', bootstrap_values_yaml: subcloudYaml(2, 'subcloud1') }),
    ControllerError,
  )
  assert.is(ctx.started.length, 1, 'a refused add starts nothing')
})

test('addSubcloud - of concurrent adds over one range exactly one is written; its delete frees the range', async (ctx) => {
  const { service, store } = svc(ctx)
  const started = ctx.started.length
  const outcomes = await Promise.allSettled(
    ['race-a', 'race-b', 'race-c'].map((name) =>
      service.addSubcloud({ bootstrap_address: '::1', bootstrap_values_yaml: subcloudYaml(7, name) }),
    ),
  )
  const won = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.name] : []))
  assert.is(won.length, 1, 'one add wins')
  for (const o of outcomes) {
    if (o.status === 'rejected') {
      assert.instance(o.reason, SubcloudAddRejectedError)
      assert.equal(
        (o.reason as SubcloudAddRejectedError).violations.map((v) => v.code),
        ['FLEET_RANGE_OVERLAP'],
      )
    }
  }
  assert.equal(
    ctx.started.slice(started).map((t) => t.name),
    won,
  )
  const rows = (await store.subclouds.list()).filter((r) => r.name.startsWith('race-'))
  assert.equal(
    rows.map((r) => r.name),
    won,
  )
  const winner = won[0] ?? ''
  await simulate(ctx, winner, { deployStatus: 'create-failed' })
  await service.deleteSubcloud(winner)
  const again = await service.addSubcloud({
    bootstrap_address: '::1',
    bootstrap_values_yaml: subcloudYaml(7, 'race-d'),
  })
  assert.is(again.name, 'race-d', 'the range is free once its holder is deleted')
  await simulate(ctx, 'race-d', { deployStatus: 'create-failed' })
  await service.deleteSubcloud('race-d')
})

test('manageSubcloud - needs complete and online unless forced; unmanage resets sync', async (ctx) => {
  const { service } = svc(ctx)
  const notComplete = await rejectionOf(service.manageSubcloud('subcloud1', false), SubcloudStateError)
  assert.match(notComplete.message, /deploy status is complete \(it is not-deployed\)/)
  await simulate(ctx, 'subcloud1', { deployStatus: 'complete' })
  assert.match(
    (await rejectionOf(service.manageSubcloud('subcloud1', false), SubcloudStateError)).message,
    /online/,
  )
  await simulate(ctx, 'subcloud1', { deployStatus: 'complete', availability: 'online' })
  const managed = await service.manageSubcloud('subcloud1', false)
  assert.is(managed.management_state, 'managed')
  assert.ok(ctx.refreshes > 0, 'the audit is told')
  await rejectionOf(service.manageSubcloud('subcloud1', false), SubcloudStateError)
  const unmanaged = await service.unmanageSubcloud('subcloud1', false)
  assert.is(unmanaged.management_state, 'unmanaged')
  assert.is(unmanaged.sync, 'unknown')
  await rejectionOf(service.unmanageSubcloud('subcloud1', false), SubcloudStateError)
})

test('unmanageSubcloud --migrate - rehome-pending, which manage turns back into complete even offline', async (ctx) => {
  const { service } = svc(ctx)
  const pending = await service.unmanageSubcloud('subcloud1', true)
  assert.is(pending.deploy_status, 'rehome-pending')
  await simulate(ctx, 'subcloud1', { availability: 'offline' })
  const managed = await service.manageSubcloud('subcloud1', false)
  assert.is(managed.deploy_status, 'complete')
  assert.is(managed.management_state, 'managed')
})

test('deleteSubcloud - refused while managed, deploying, or online with an agent that cannot release it', async (ctx) => {
  const { service } = svc(ctx)
  assert.match(
    (await rejectionOf(service.deleteSubcloud('subcloud1'), SubcloudStateError)).message,
    /'managed' status/,
  )
  await service.addSubcloud({ bootstrap_address: '[::1]:7000', bootstrap_values_yaml: subcloudYaml(2) })
  assert.match(
    (await rejectionOf(service.deleteSubcloud('subcloud2'), SubcloudStateError)).message,
    /deploy is in progress/,
  )
  await simulate(ctx, 'subcloud2', { deployStatus: 'complete', availability: 'online' })
  assert.match(
    (await rejectionOf(service.deleteSubcloud('subcloud2'), SubcloudStateError)).message,
    /is online but its agent cannot release it now/,
  )
  assert.is((await service.getSubcloud('subcloud2')).name, 'subcloud2', 'nothing deleted')
  await simulate(ctx, 'subcloud2', { availability: 'offline' })
  assert.is((await service.deleteSubcloud('subcloud2')).name, 'subcloud2')
  await rejectionOf(service.getSubcloud('subcloud2'), SubcloudNotFoundError)
})

test('updateSubcloud - rename rules, address family, group, nothing-to-update, peer groups', async (ctx) => {
  const { service, store } = svc(ctx)
  const renameManaged = await rejectionOf(
    service.updateSubcloud({ subcloud: 'subcloud1', name: 'edge1' }),
    SubcloudStateError,
  )
  assert.match(renameManaged.message, /unmanaged/)
  await service.unmanageSubcloud('subcloud1', false)
  await rejectionOf(service.updateSubcloud({ subcloud: 'subcloud1', name: '42' }), InvalidFieldError)
  const before = await store.subclouds.find('subcloud1')
  await store.audit.writeStatusBatch(
    [
      {
        subcloudId: before?.id ?? 0,
        name: 'subcloud1',
        raiseAlarms: [
          {
            alarmId: '280.001',
            region: 'SystemController',
            entityInstanceId: 'subcloud=subcloud1',
            severity: 'critical',
            reasonText: 'Subcloud subcloud1 is offline',
            proposedRepairAction: '',
            serviceAffecting: true,
          },
        ],
        clearAlarms: [],
      },
    ],
    new AbortController().signal,
  )
  const renamed = await service.updateSubcloud({
    subcloud: 'subcloud1',
    name: 'edge1',
    description: 'lab',
    location: 'r1',
  })
  assert.is(renamed.name, 'edge1')
  assert.is(renamed.description, 'lab')
  assert.equal(await store.alarms.list('SystemController'), [], 'alarms under the old name are cleared')
  await service.addSubcloud({ bootstrap_address: '::1', bootstrap_values_yaml: subcloudYaml(3) })
  await rejectionOf(service.updateSubcloud({ subcloud: 'edge1', name: 'subcloud3' }), SubcloudNameTakenError)
  const v4 = await rejectionOf(
    service.updateSubcloud({ subcloud: 'edge1', bootstrap_address: '127.0.0.1' }),
    InvalidFieldError,
  )
  assert.match(v4.message, /primary OAM family is IPv6/)
  const moved = await service.updateSubcloud({ subcloud: 'edge1', bootstrap_address: '[::1]:6001' })
  assert.is(moved.bootstrap_address, '[::1]:6001')
  await rejectionOf(service.updateSubcloud({ subcloud: 'edge1' }), InvalidFieldError)
  await rejectionOf(service.updateSubcloud({ subcloud: 'edge1', group: 'nope' }), ControllerError)
  await rejectionOf(service.updateSubcloud({ subcloud: 'edge1', peer_group: 'pg1' }), GeoObjectNotFoundError)
  const rehome = await service.updateSubcloud({
    subcloud: 'edge1',
    bootstrap_values_yaml: subcloudYaml(1, 'edge1'),
  })
  assert.is(rehome.name, 'edge1')
})

test('updateSubcloud - the audit is reloaded for a new name or address only', async (ctx) => {
  const { service } = svc(ctx)
  await service.addSubcloud({ bootstrap_address: '::1', bootstrap_values_yaml: subcloudYaml(7) })
  await simulate(ctx, 'subcloud7', { deployStatus: 'complete' })
  const before = ctx.refreshes
  await service.updateSubcloud({
    subcloud: 'subcloud7',
    description: 'lab',
    location: 'r1',
    group: 'Default',
  })
  assert.is(ctx.refreshes, before, 'a description, location or group edit leaves the audit be')
  await service.updateSubcloud({ subcloud: 'subcloud7', name: 'edge7' })
  assert.is(ctx.refreshes, before + 1, 'a rename reloads it')
  await service.updateSubcloud({ subcloud: 'edge7', bootstrap_address: '[::1]:6001' })
  assert.is(ctx.refreshes, before + 2, 'a new address reloads it')
})

test('updateSubcloud - the watched address stays while a deploy is in a transitory state', async (ctx) => {
  const { service, store } = svc(ctx)
  for (const deployStatus of ['not-deployed', 'pre-bootstrap', 'bootstrapping'] as const) {
    await simulate(ctx, 'subcloud3', { deployStatus })
    const refused = await rejectionOf(
      service.updateSubcloud({ subcloud: 'subcloud3', bootstrap_address: '[::1]:6002' }),
      SubcloudStateError,
    )
    assert.match(refused.message, `bootstrap_address cannot change`)
    assert.match(refused.message, `(deploy status ${deployStatus})`)
    assert.is((await store.subclouds.find('subcloud3'))?.bootstrapAddress, '[::1]:50051', 'nothing written')
  }
  const unchanged = await service.updateSubcloud({
    subcloud: 'subcloud3',
    bootstrap_address: '[::1]:50051',
    description: 'same address is no move',
  })
  assert.is(unchanged.description, 'same address is no move')
  await simulate(ctx, 'subcloud3', { deployStatus: 'bootstrap-failed' })
  const moved = await service.updateSubcloud({ subcloud: 'subcloud3', bootstrap_address: '[::1]:6002' })
  assert.is(moved.bootstrap_address, '[::1]:6002', 'a failed deploy may be pointed elsewhere')
})

test('subcloud groups - Default is protected, names unique, non-empty groups stay', async (ctx) => {
  const { service } = svc(ctx)
  const group = await service.addGroup({
    name: 'edge',
    update_apply_type: 'serial',
    max_parallel_subclouds: 4,
  })
  assert.is(group.update_apply_type, 'serial')
  await rejectionOf(service.addGroup({ name: 'edge' }), SubcloudGroupNameTakenError)
  await rejectionOf(service.addGroup({ name: '12' }), InvalidFieldError)
  await rejectionOf(service.addGroup({ name: 'x', max_parallel_subclouds: 5001 }), InvalidFieldError)
  await rejectionOf(service.addGroup({ name: 'x', update_apply_type: 'random' }), InvalidFieldError)
  await rejectionOf(service.updateGroup({ group: 'Default', name: 'Other' }), DefaultGroupProtectedError)
  const described = await service.updateGroup({ group: 'Default', description: 'all of them' })
  assert.is(described.description, 'all of them')
  await rejectionOf(service.deleteGroup('Default'), DefaultGroupProtectedError)
  await service.updateSubcloud({ subcloud: 'edge1', group: 'edge' })
  const members = await service.listSubclouds(true, group.id)
  assert.equal(
    members.map((s) => s.name),
    ['edge1'],
  )
  await rejectionOf(service.deleteGroup('edge'), SubcloudGroupNotEmptyError)
  await service.updateSubcloud({ subcloud: 'edge1', group: 'Default' })
  assert.is((await service.deleteGroup('edge')).name, 'edge')
})

test.run()
