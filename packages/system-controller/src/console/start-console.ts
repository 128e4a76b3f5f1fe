import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serveHttp } from '@dc/runtime'
import type { HttpEndpoint, Logger } from '@dc/runtime'
import type { TlsFiles } from '@dc/tls'
import type { AgentChannels } from '../adapters/agent-channels.js'
import { strategyAgents } from '../strategies/strategy-agents.js'
import type { ControllerConfig } from '../config.js'
import type { GeoStores } from '../geo/geo-link.js'
import type { AlarmStore } from '../ports/alarm-store.js'
import type { StrategyStore } from '../ports/strategy-store.js'
import type { SubcloudGroupStore } from '../ports/subcloud-group-store.js'
import type { SubcloudStore } from '../ports/subcloud-store.js'
import type { ShutdownSteps } from '../shutdown-steps.js'
import type { ConsoleConfig } from './console-flags.js'
import { ConsoleFeed } from './console-feed.js'
import type { ConsoleSources } from './console-feed.js'
import { consoleHandler } from './console-server.js'
import { NetworkSurvey } from './network-survey.js'

/** How often the console reads the stores while a page is open. */
const FEED_INTERVAL_MS = 1_000
/** How often it follows the subclouds' changes while none is, so a page opens at once. */
const FEED_IDLE_INTERVAL_MS = 2_000
/** Sites described at once in the background for their network mode. */
const SURVEY_CONCURRENCY = 2
/** A Subcloud page or the survey waits this long for an agent's Describe. */
const DESCRIBE_TIMEOUT_MS = 5_000

export interface StartConsoleParams {
  readonly config: ConsoleConfig
  /** The stores the gRPC services use; the console only reads them. */
  readonly stores: {
    readonly subclouds: Pick<SubcloudStore, 'changes' | 'ids' | 'find'>
    readonly subcloudGroups: Pick<SubcloudGroupStore, 'list'>
    readonly alarms: Pick<AlarmStore, 'list'>
    readonly strategy: Pick<StrategyStore, 'get' | 'counts' | 'steps'>
    readonly geo: Pick<GeoStores, 'peers' | 'groups' | 'associations'>
  }
  readonly channels: Pick<AgentChannels, 'agent' | 'platform'>
  readonly tls: TlsFiles | undefined
  readonly log: Logger
}

/** The running console: where it listens and its stop (endpoint, feed, survey). */
export interface RunningConsole {
  readonly address: string
  readonly url: string
  close(): Promise<void>
}

/** Where `pnpm run build` put the front end. */
function assetsDir(): string {
  return dirname(fileURLToPath(import.meta.resolve('@dc/console/assets/index.html')))
}

/** Serve the web console on `--console-listen` with the controller's stores and agent channels. */
export async function startConsole(params: StartConsoleParams): Promise<RunningConsole> {
  const { config, stores, log } = params
  const sources: ConsoleSources = {
    subclouds: stores.subclouds,
    subcloudGroups: stores.subcloudGroups,
    alarms: stores.alarms,
    strategy: stores.strategy,
    peers: stores.geo.peers,
    peerGroups: stores.geo.groups,
    associations: stores.geo.associations,
  }
  const lifetime = new AbortController()
  const describe = strategyAgents(params.channels, DESCRIBE_TIMEOUT_MS).describe
  const late: { feed?: ConsoleFeed } = {}
  const survey = new NetworkSurvey({
    describe,
    concurrency: SURVEY_CONCURRENCY,
    signal: lifetime.signal,
    onChange: (name, mode) => late.feed?.modeChanged(name, mode),
  })
  const feed = new ConsoleFeed(sources, survey, {
    intervalMs: FEED_INTERVAL_MS,
    idleIntervalMs: FEED_IDLE_INTERVAL_MS,
  })
  late.feed = feed
  const handle = consoleHandler({
    feed,
    detail: {
      subclouds: stores.subclouds,
      alarms: stores.alarms,
      peerGroups: stores.geo.groups,
      describe,
      survey,
    },
    assetsDir: assetsDir(),
    tls: params.tls !== undefined,
    log,
  })
  let endpoint: HttpEndpoint
  try {
    endpoint = await serveHttp({ ...config, tls: params.tls, service: 'console', handle, log })
  } catch (err) {
    lifetime.abort()
    throw err
  }
  feed.start()
  const url = `${endpoint.scheme}://${endpoint.address}/`
  log.info(`serving the web console on ${url}`, { address: endpoint.address, tls: params.tls !== undefined })
  return {
    address: endpoint.address,
    url,
    close: async () => {
      lifetime.abort()
      feed.stop()
      await endpoint.close()
    },
  }
}

/**
 * The controller's start phase for `--console-listen`: the console over `stores` with the
 * server's TLS files, stopped with the rest; the URL, or undefined without the flag.
 */
export async function serveConsole(
  config: ControllerConfig,
  context: Pick<StartConsoleParams, 'stores' | 'channels' | 'log'> & { readonly steps: ShutdownSteps },
): Promise<string | undefined> {
  if (config.console === undefined) return undefined
  const running = await startConsole({
    config: config.console,
    stores: context.stores,
    channels: context.channels,
    tls: config.transport.kind === 'tls' ? config.transport.files : undefined,
    log: context.log.child({ component: 'console' }),
  })
  context.steps.add(() => running.close())
  return running.url
}
