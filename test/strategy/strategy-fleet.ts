// The network-strategy fleet on real processes: a dc-controller on PostgreSQL with three
// real dc-agents (IPv6 single-stack simplex, IPv6 single-stack duplex, dual-stack already), driven
// by the real `dcmanager` binary, plus what the tests read back from the agents.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type {
  DescribeResponse__Output,
  ListStrategyStepsResponse__Output,
  NetworkStrategy__Output,
  StrategyStep__Output,
} from '@dc/protos'
import { makeTempDir, removeTempDir, runNode, startPostgres, unary } from '../support/index.js'
import type { CommandResult, PostgresServer } from '../support/index.js'
import { startTestAgent, startTestController, subcloudValues } from '../controller/controller-harness.js'
import type { TestAgent, TestController, Values } from '../controller/controller-harness.js'

export const SIMPLEX = 'subcloud1'
export const DUPLEX = 'subcloud2'
export const DUAL = 'subcloud3'

/** The plan for adding the secondary family. */
export const ADD_PLAN = `add:
  oam:             { allocate_from: 10.64.0.0/12, prefix: 24 }
  cluster-host:    { allocate_from: 10.128.0.0/12, prefix: 24 }
  cluster-pod:     { subnet: 172.16.0.0/16 }
  cluster-service: { subnet: 10.96.0.0/12 }
`

/** The seed's revert, as a plan. */
export const REMOVE_PLAN = 'remove: [cluster-service, cluster-pod, cluster-host, oam]\n'

/** The networks a plan gives a second pool to. */
export const PLAN_NETWORKS = ['oam', 'cluster-host', 'cluster-pod', 'cluster-service'] as const

// Every cluster network dual-stack too, so that the plan has nothing left to do there; its IPv4
// ranges stay clear of the plan's subnets, so only "already dual-stack" can leave it out.
const DUAL_VALUES: Values = {
  ...subcloudValues(3, 'dual-ipv6-primary'),
  cluster_host_subnet: 'fd02:13::/64,192.168.213.0/24',
  cluster_pod_subnet: 'fd03:13::/64,172.23.0.0/16',
  cluster_service_subnet: 'fd04:13::/112,10.113.0.0/16',
}

const SITES: readonly { name: string; values: Values }[] = [
  { name: SIMPLEX, values: subcloudValues(1, 'ipv6') },
  { name: DUPLEX, values: { ...subcloudValues(2, 'ipv6'), system_mode: 'duplex' } },
  { name: DUAL, values: DUAL_VALUES },
]

/** One `Agent.Apply` the agent applied, as its state document keeps it for idempotent retries. */
export interface AppliedChange {
  readonly changeId: string
  readonly generation: number
  readonly effects: readonly {
    readonly type: string
    readonly alarm?: { readonly alarmId: string }
    readonly alarmId?: string
  }[]
}

/** Long enough for a duplex subcloud's lock/unlock/swact sequence on a loaded 2-core machine. */
const STRATEGY_TIMEOUT_MS = 300_000

export interface StrategyFleetOptions {
  /** Temp dir prefix. */
  readonly prefix: string
  /** Missed audit windows before offline; raise it to pause an agent without it going offline. */
  readonly offlineAfterMisses?: number
  /** More `dc-controller` flags (e.g. `--console-listen`). */
  readonly controllerArgs?: readonly string[]
}

/** The controller, its three agents and the plan files, for one test file. */
export class StrategyFleet {
  readonly dir: string
  readonly agents: ReadonlyMap<string, TestAgent>
  readonly addPlan: string
  readonly removePlan: string
  #controller: TestController
  readonly #postgres: PostgresServer
  readonly #databaseUrl: string
  readonly #options: StrategyFleetOptions

  private constructor(props: {
    dir: string
    agents: ReadonlyMap<string, TestAgent>
    controller: TestController
    postgres: PostgresServer
    databaseUrl: string
    options: StrategyFleetOptions
  }) {
    this.dir = props.dir
    this.agents = props.agents
    this.#controller = props.controller
    this.#postgres = props.postgres
    this.#databaseUrl = props.databaseUrl
    this.#options = props.options
    this.addPlan = join(props.dir, 'plan-add.yml')
    this.removePlan = join(props.dir, 'plan-remove.yml')
  }

  /** Starts everything and onboards the three subclouds: complete, online, managed, in-sync. */
  static async start(options: StrategyFleetOptions): Promise<StrategyFleet> {
    const dir = await makeTempDir(options.prefix)
    await mkdir(join(dir, 'controller'), { recursive: true })
    const postgres = await startPostgres()
    const agents = new Map<string, TestAgent>()
    let fleet: StrategyFleet | undefined
    try {
      const databaseUrl = await postgres.createDatabase('controller')
      // Every agent also listens on IPv4 loopback, where a call would break invariant 1 once the
      // IPv6 subclouds have an IPv4 secondary: the tests count the calls that arrive there.
      for (const site of SITES)
        agents.set(site.name, await startTestAgent(['::1', '127.0.0.1'], join(dir, site.name)))
      const controller = await StrategyFleet.#startController(dir, databaseUrl, options)
      const started = new StrategyFleet({ dir, agents, controller, postgres, databaseUrl, options })
      fleet = started
      await writeFile(started.addPlan, ADD_PLAN)
      await writeFile(started.removePlan, REMOVE_PLAN)
      await Promise.all(SITES.map((site) => started.#onboard(site.name, site.values)))
      return started
    } catch (err) {
      if (fleet !== undefined) await fleet.stop()
      else {
        for (const agent of agents.values()) await agent.stop()
        await postgres.stop()
        await removeTempDir(dir)
      }
      throw err
    }
  }

  static #startController(
    dir: string,
    databaseUrl: string,
    options: StrategyFleetOptions,
  ): Promise<TestController> {
    return startTestController({
      dataDir: join(dir, 'controller'),
      databaseUrl,
      ...(options.offlineAfterMisses === undefined ? {} : { offlineAfterMisses: options.offlineAfterMisses }),
      ...(options.controllerArgs === undefined ? {} : { args: options.controllerArgs }),
    })
  }

  get controller(): TestController {
    return this.#controller
  }

  agent(name: string): TestAgent {
    const agent = this.agents.get(name)
    if (agent === undefined) throw new Error(`no agent for ${name}`)
    return agent
  }

  async #onboard(name: string, values: Values): Promise<void> {
    const controller = this.#controller
    await controller.addSubcloud(this.agent(name).addresses[0] ?? '', values)
    await controller.waitFor(name, (s) => s.deploy_status === 'complete', 'complete', 120_000)
    await controller.waitFor(name, (s) => s.availability_status === 'online', 'online', 120_000)
    await unary((o, cb) => controller.dcManager.ManageSubcloud({ subcloud: name }, o, cb))
    await controller.waitFor(name, (s) => s.sync === 'in-sync', 'in-sync', 120_000)
  }

  /** The real `dcmanager` binary against the controller; stdout is a pipe, not a terminal. */
  dcmanager(args: readonly string[], timeoutMs = STRATEGY_TIMEOUT_MS): Promise<CommandResult> {
    return runNode('dcmanager', args, { env: { DC_URL: this.#controller.address }, timeoutMs })
  }

  strategy(): Promise<NetworkStrategy__Output> {
    const { dcManager } = this.#controller
    return unary<NetworkStrategy__Output>((o, cb) => dcManager.GetNetworkStrategy({}, o, cb))
  }

  async steps(includeSkipped = false): Promise<StrategyStep__Output[]> {
    const { dcManager } = this.#controller
    const listed = await unary<ListStrategyStepsResponse__Output>((o, cb) =>
      dcManager.ListStrategySteps({ include_skipped: includeSkipped }, o, cb),
    )
    return listed.steps
  }

  step(cloud: string): Promise<StrategyStep__Output> {
    const { dcManager } = this.#controller
    return unary<StrategyStep__Output>((o, cb) => dcManager.GetStrategyStep({ cloud }, o, cb))
  }

  describe(name: string): Promise<DescribeResponse__Output> {
    return this.agent(name).describe()
  }

  /** The changes of the strategy `uuid` the agent of `name` applied, from its persisted document. */
  async appliedChanges(name: string, uuid: string): Promise<AppliedChange[]> {
    const text = await readFile(join(this.agent(name).stateDir, 'agent-state.json'), 'utf8')
    const doc = JSON.parse(text) as { appliedChanges: AppliedChange[] }
    return doc.appliedChanges.filter((c) => c.changeId.startsWith(`${uuid}/`))
  }

  /** How many times the agent's log says it applied change `changeId` (a replay is not logged so). */
  appliedInLog(name: string, changeId: string): number {
    return this.agent(name)
      .process.lines()
      .filter((line) => line.includes('applied a controller change') && line.includes(`"${changeId}"`)).length
  }

  /** A Kubernetes file the agent of `name` rendered for its current state. */
  kubernetesFile(name: string, file: string): Promise<string> {
    return readFile(join(this.agent(name).stateDir, 'kubernetes', file), 'utf8')
  }

  /** Calls that reached the agent of `name` on its IPv4 loopback (secondary) listen address. */
  secondaryCalls(name: string): Promise<number> {
    const agent = this.agent(name)
    return agent.callsOn(agent.addresses[1] ?? '')
  }

  /** After a `kill9()` of the controller: the same controller on the same data dir and database. */
  async restartController(): Promise<void> {
    this.#controller = await StrategyFleet.#startController(this.dir, this.#databaseUrl, this.#options)
  }

  async stop(): Promise<void> {
    await this.#controller.stop()
    for (const agent of this.agents.values()) await agent.stop()
    await this.#postgres.stop()
    await removeTempDir(this.dir)
  }
}

/** The pools of `network` on a described site, primary first (association order). */
export function networkPools(
  described: DescribeResponse__Output,
  network: string,
): DescribeResponse__Output['address_pools'] {
  return described.network_addrpools
    .filter((a) => a.network_name === network)
    .map((a) => described.address_pools.find((p) => p.name === a.address_pool_name))
    .filter((p) => p !== undefined)
}

/** Active 250.001 (configuration out-of-date) alarms of a described site. */
export function outOfDateAlarms(described: DescribeResponse__Output): number {
  return described.alarms.filter((a) => a.alarm_id === '250.001').length
}

/** The change ids a step of strategy `uuid` sends: the change, then one per host action. */
export function expectedChangeIds(uuid: string, step: StrategyStep__Output): string[] {
  return Array.from({ length: 1 + step.host_actions.length }, (_, i) => `${uuid}/${step.cloud}/${i}`)
}
