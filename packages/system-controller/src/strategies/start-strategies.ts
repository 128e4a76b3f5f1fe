import type { SystemState } from '@dc/netmodel'
import type { Logger } from '@dc/runtime'
import type { Audit } from '../audit/index.js'
import { systemClock } from '../audit/index.js'
import type { PeerGroupStore } from '../ports/peer-group-store.js'
import type { StrategyStore } from '../ports/strategy-store.js'
import type { SubcloudGroupStore } from '../ports/subcloud-group-store.js'
import type { SubcloudStore } from '../ports/subcloud-store.js'
import type { StepUpdate } from './network-strategy.js'
import { NetworkStrategyService } from './network-strategy-service.js'
import { runStep, stepTimingWithDefaults } from './step-execution.js'
import type { StepTiming } from './step-execution.js'
import { StepWriteBatcher } from './step-write-batcher.js'
import { strategyAgents } from './strategy-agents.js'
import { SubcloudLookup } from './subcloud-lookup.js'
import type { StrategyChannels } from './strategy-agents.js'
import { StrategyRunner } from './strategy-runner.js'

/** What {@link startStrategies} builds the network strategy from. */
export interface StartStrategiesParams {
  readonly store: StrategyStore
  readonly subclouds: Pick<SubcloudStore, 'list' | 'find' | 'findByNames' | 'fleetEntries'>
  readonly groups: Pick<SubcloudGroupStore, 'find'>
  readonly peerGroups: Pick<PeerGroupStore, 'find'>
  readonly channels: StrategyChannels
  readonly audit: Pick<Audit, 'expectConfigHash' | 'snapshotOf' | 'whenInSync'>
  /** This site's id on the geo link: the leader id of the peer groups it leads. */
  readonly siteId: string
  /** This controller's id towards agents. */
  readonly controllerId: string
  ownState(): SystemState
  readonly log: Logger
  /** Step retries and waits. @default see {@link StepTiming} */
  readonly timing?: StepTiming
}

/** The network strategy service, and the stop of its runner and step writes for the shutdown. */
export interface Strategies {
  readonly service: NetworkStrategyService
  /** Stop the runner (steps stay as persisted), then write what is queued. */
  close(): Promise<void>
}

/**
 * The controller's network strategy: the service behind `dcmanager network-strategy`, its runner
 * and the batcher its step transitions go through, over the shared agent channels.
 */
export function startStrategies(params: StartStrategiesParams): Strategies {
  const { store, subclouds, audit, log } = params
  const agents = strategyAgents(params.channels)
  const writer = new StepWriteBatcher(store)
  const peerGroups = async (id: number) => params.peerGroups.find(String(id))
  const lookup = new SubcloudLookup(subclouds)
  const stepDeps = {
    agents,
    subclouds: { find: (name: string) => lookup.find(name) },
    peerGroups,
    siteId: params.siteId,
    controllerId: params.controllerId,
    expectConfigHash: (name: string, hash: string) => audit.expectConfigHash(name, hash),
    platformSync: (name: string) => audit.snapshotOf(name)?.endpoints.platform,
    whenInSync: (name: string, signal: AbortSignal) => audit.whenInSync(name, signal),
    writer,
    onWriteFailed: (update: StepUpdate, err: unknown) =>
      log.warn(
        `network strategy: the ${update.state} state of step ${update.subcloudName} was not written; ` +
          'a restart redoes the step from its stored state',
        { subcloud: update.subcloudName, err },
      ),
    clock: systemClock,
    timing: stepTimingWithDefaults(params.timing),
  }
  const runner = new StrategyRunner({
    store,
    writer,
    execute: (plan, step, signal) => runStep(stepDeps, plan, step, signal),
    readAhead: (names) => lookup.readAhead(names),
    log,
  })
  const service = new NetworkStrategyService({
    store,
    subclouds,
    groups: params.groups,
    peerGroups,
    siteId: params.siteId,
    dryRun: { agents, ownState: params.ownState },
    runner,
    log,
  })
  return {
    service,
    close: async () => {
      await runner.close()
      await writer.close()
    },
  }
}
