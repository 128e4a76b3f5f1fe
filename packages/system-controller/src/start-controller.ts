import { readFile } from 'node:fs/promises'
import { Server, ServerCredentials } from '@grpc/grpc-js'
import type { ServiceDefinition } from '@grpc/grpc-js'
import { formatHostPort } from '@dc/netmodel'
import { authorizeCalls, createPlatformHandlers, tolerantServiceDefinition } from '@dc/platform-service'
import { SERVICE_NAMES, SYSTEM_CONTROLLER_REGION, addStandardServices, loadProtos } from '@dc/protos'
import { bindListenAddress, createLogger, serveMetrics, shutDownServer } from '@dc/runtime'
import type { Logger, MetricsRegistry } from '@dc/runtime'
import { TlsConfigError, describeTlsReload, loadServerCredentials } from '@dc/tls'
import type { CaOnlyTlsFiles } from '@dc/tls'
import { AgentChannels } from './adapters/agent-channels.js'
import type { ControllerMetrics } from './adapters/controller-metrics.js'
import { followChannelCredentials } from './adapters/follow-channel-credentials.js'
import { metricsOverStores } from './adapters/metrics-over-stores.js'
import {
  DEFAULT_PRUNE_BATCH_SIZE,
  DEFAULT_PRUNE_INTERVAL_MS,
  startEventPruner,
} from './alarms/event-pruner.js'
import { FaultHistory } from './alarms/fault-history.js'
import { KyselyAlarmEventStore } from './adapters/kysely/kysely-alarm-event-store.js'
import { KyselyAlarmStore } from './adapters/kysely/kysely-alarm-store.js'
import { KyselyAuditStore } from './adapters/kysely/kysely-audit-store.js'
import { kyselyGeoStores } from './adapters/kysely/kysely-geo-stores.js'
import { KyselyStrategyStore } from './adapters/kysely/kysely-strategy-store.js'
import { KyselySubcloudGroupStore } from './adapters/kysely/kysely-subcloud-group-store.js'
import { KyselySubcloudStore } from './adapters/kysely/kysely-subcloud-store.js'
import { KyselySystemStore } from './adapters/kysely/kysely-system-store.js'
import type { DatabaseKind, OpenedDatabase } from './adapters/kysely/open-database.js'
import { startAudit } from './audit/index.js'
import type { Audit } from './audit/index.js'
import { logAuditEvent } from './audit/log-audit-event.js'
import type { ControllerConfig } from './config.js'
import { serveConsole } from './console/start-console.js'
import { ConfigError } from './errors.js'
import type { ControllerError } from './errors.js'
import { startGeo } from './geo/start-geo.js'
import { dcManagerHandlers } from './grpc/dc-manager-handlers.js'
import { operatorAccessPolicy } from './grpc/operator-access.js'
import { createPlatformRouter } from './grpc/platform-router.js'
import { OwnSystem, parseOwnBootstrapValues } from './own-system.js'
import { ShutdownSteps } from './shutdown-steps.js'
import { openStore, writerFence } from './store/open-store.js'
import { writeStoreIdentity } from './store/store-identity.js'
import type { NetworkStrategyService } from './strategies/network-strategy-service.js'
import { startStrategies } from './strategies/start-strategies.js'
import { SubcloudGroupService } from './subcloud-groups/subcloud-group-service.js'
import { INTERRUPTED_REASON } from './subclouds/deploy-moves.js'
import { DeployRunner } from './subclouds/deploy-runner.js'
import type { NetworkReconfiguration } from './subclouds/network-reconfiguration.js'
import { OperationalAddressFollower } from './subclouds/operational-address.js'
import type { SubcloudService } from './subclouds/subcloud-service.js'
import { FleetRegistry } from './subclouds/fleet-registry.js'
import { subcloudUseCases } from './subclouds/subcloud-use-cases.js'
import { strategyAgents } from './strategies/strategy-agents.js'

/** Options of {@link startController} beyond the command-line config. */
export interface StartControllerOptions {
  /** Where the controller logs. @default JSON lines on standard error at the configured level */
  readonly log?: Logger
  /** How long pre-bootstrap waits for a new subcloud's agent. @default 60000 */
  readonly agentReachTimeoutMs?: number
  /** Aborting it stops the controller as {@link RunningController.close} does. */
  readonly signal?: AbortSignal
}

/** A started controller. */
export interface RunningController {
  /** The bound addresses, `host:port` (IPv6 bracketed), in `--listen` order. */
  readonly addresses: readonly string[]
  /** Where `/metrics` is served (`--metrics-listen`), `host:port`; undefined without it. */
  readonly metricsAddress: string | undefined
  /** The web console's URL (`--console-listen`); undefined without it. */
  readonly consoleUrl: string | undefined
  readonly databaseKind: DatabaseKind
  readonly systemName: string
  readonly audit: Audit
  readonly deploys: DeployRunner
  /** Settles when the controller stopped itself: it lost the PostgreSQL writer lock. */
  readonly fatal: Promise<ControllerError>
  /**
   * Graceful stop: health NOT_SERVING, stop taking RPCs and finish those in flight, stop the
   * network strategy runner (its steps resume at the next start), end the deploys in flight, stop
   * the audit and geo-redundancy, close the agent channels, close the database. Idempotent.
   */
  close(): Promise<void>
}

/** How long in-flight RPCs get to finish on shutdown before they are cut. */
const SHUTDOWN_GRACE_MS = 5_000

// ---- phase 1: configuration files ----

async function readOwnBootstrapValues(config: ControllerConfig): Promise<Record<string, unknown>> {
  let text: string
  try {
    text = await readFile(config.bootstrapValuesFile, 'utf8')
  } catch (err) {
    throw new ConfigError(
      `cannot read --bootstrap-values ${config.bootstrapValuesFile}: ${err instanceof Error ? err.message : String(err)}`,
    )
  }
  return parseOwnBootstrapValues(text)
}

// ---- phase 2: credentials ----

/**
 * Read before anything is opened, so unusable TLS files fail the start at once. One credentials
 * object serves every listen address, and a rotation reaches them all.
 */
function serverCredentials(config: ControllerConfig, log: Logger): ServerCredentials {
  const { transport } = config
  let credentials: ServerCredentials
  try {
    credentials =
      transport.kind === 'tls'
        ? loadServerCredentials({
            ...transport.files,
            onReload: (event) => log.info(describeTlsReload(event)),
          })
        : ServerCredentials.createInsecure()
  } catch (err) {
    if (err instanceof TlsConfigError) throw new ConfigError(err.message, { cause: err })
    throw err
  }
  if (transport.kind === 'plaintext' && transport.warning !== undefined) log.warn(transport.warning)
  if (transport.kind === 'tls') {
    log.info(
      `mutual TLS: CA bundle ${transport.files.caFile}, certificate ${transport.files.certFile} ` +
        '(also presented to agents); operators need the admin role to change things, reader to read',
    )
  }
  return credentials
}

// ---- phase 4: services ----

interface ControllerServices {
  readonly metrics: { readonly registry: MetricsRegistry; readonly controller: ControllerMetrics } | undefined
  readonly own: OwnSystem
  readonly audit: Audit
  readonly deploys: DeployRunner
  readonly subclouds: SubcloudService
  readonly network: NetworkReconfiguration
  readonly groups: SubcloudGroupService
  /** The network strategy and its steps (`dcmanager network-strategy`). */
  readonly strategies: NetworkStrategyService
  readonly faults: FaultHistory
  readonly geo: Awaited<ReturnType<typeof startGeo>>
  readonly router: ReturnType<typeof createPlatformRouter>
  readonly consoleUrl: string | undefined
}

async function startServices(
  config: ControllerConfig,
  opened: OpenedDatabase,
  ownValues: Record<string, unknown>,
  context: { readonly log: Logger; readonly steps: ShutdownSteps; readonly options: StartControllerOptions },
): Promise<ControllerServices> {
  const { log, steps, options } = context
  const { db } = opened
  const subcloudStore = new KyselySubcloudStore(db)
  const groupStore = new KyselySubcloudGroupStore(db)
  const alarmStore = new KyselyAlarmStore(db)
  const eventStore = new KyselyAlarmEventStore(db)
  const pruner = startEventPruner({
    store: eventStore,
    retention: config.eventRetention,
    intervalMs: DEFAULT_PRUNE_INTERVAL_MS,
    batchSize: DEFAULT_PRUNE_BATCH_SIZE,
    log: log.child({ component: 'fault-history' }),
  })
  steps.add(() => pruner.close())
  const own = await OwnSystem.open(new KyselySystemStore(db), ownValues)
  for (const name of await subcloudStore.failInterrupted(INTERRUPTED_REASON)) {
    log.warn(`subcloud ${name}: deploy ${INTERRUPTED_REASON}`, { subcloud: name })
  }

  const geoStores = kyselyGeoStores(db, subcloudStore)
  // The metrics read the channels at scrape time; they are made later (the channels count calls
  // into the metrics), so the gauge asks for them then.
  const late: { channels?: AgentChannels } = {}
  const metrics =
    config.metrics === undefined
      ? undefined
      : metricsOverStores(() => late.channels?.size ?? 0, opened, subcloudStore, geoStores)
  const channels = new AgentChannels(metrics === undefined ? {} : { metrics: metrics.controller })
  late.channels = channels
  steps.add(() => channels.closeAll())
  const agentTls: CaOnlyTlsFiles | undefined =
    config.transport.kind === 'tls' ? config.transport.files : undefined
  if (config.transport.kind === 'tls') {
    // The controller's own certificate (client and server usage) authenticates it to agents.
    const following = new AbortController()
    steps.add(() => following.abort())
    followChannelCredentials(config.transport.files, channels, { signal: following.signal, log })
  }
  const lifetime = new AbortController()
  steps.add(() => lifetime.abort())
  const auditLog = log.child({ component: 'audit' })
  const audit = await startAudit({
    store: new KyselyAuditStore(db),
    channels,
    options: { heartbeatIntervalMs: config.auditIntervalMs, offlineAfterMisses: config.offlineAfterMisses },
    onEvent: (event) => logAuditEvent(auditLog, event),
    ...(metrics === undefined ? {} : { metrics: metrics.controller }),
    signal: lifetime.signal,
  })
  steps.add(() => audit.stop())

  const follower = new OperationalAddressFollower({
    subclouds: subcloudStore,
    channels,
    audit,
    log: log.child({ component: 'subclouds' }),
  })
  const deploys = new DeployRunner({
    store: subcloudStore,
    channels,
    controllerId: own.uuid,
    epoch: own.epoch,
    log: log.child({ component: 'deploy' }),
    ...(options.agentReachTimeoutMs === undefined ? {} : { reachTimeoutMs: options.agentReachTimeoutMs }),
    tls: agentTls,
    onComplete: async (target) => {
      await audit.refreshSubcloud(target.id)
      await follower.follow(target.id, lifetime.signal)
    },
  })
  steps.add(() => deploys.close())

  // One registry for adds, reconfigurations and a peer's copies: each sees the others' ranges.
  const fleet = new FleetRegistry(subcloudStore)
  const geo = await startGeo({
    config: config.geo,
    stores: geoStores,
    own,
    channels,
    audit,
    fleet,
    log: log.child({ component: 'geo' }),
    signal: options.signal,
  })
  steps.add(() => geo.close())
  const { subclouds, network } = subcloudUseCases({
    fleet,
    subclouds: subcloudStore,
    groups: groupStore,
    own,
    deploys,
    audit,
    channels,
    membership: geo.service,
    agents: strategyAgents(channels),
    controllerId: own.uuid,
    operational: follower,
    log: log.child({ component: 'subclouds' }),
  })
  const strategies = startStrategies({
    store: new KyselyStrategyStore(db),
    subclouds: subcloudStore,
    groups: groupStore,
    peerGroups: geoStores.groups,
    channels,
    audit,
    siteId: geo.siteId,
    controllerId: own.uuid,
    ownState: () => own.current,
    log: log.child({ component: 'network-strategy' }),
  })
  // Registered after the audit and geo: stopped before them, and before the database closes.
  steps.add(() => strategies.close())
  // A strategy a previous run was applying goes on, now that the audit watches the subclouds.
  await strategies.service.resume(lifetime.signal)
  const ownHandlers = createPlatformHandlers(own, { regionName: SYSTEM_CONTROLLER_REGION, log })
  const router = createPlatformRouter({
    own: ownHandlers,
    subclouds: subcloudStore,
    alarms: alarmStore,
    channels,
    controllerId: own.uuid,
    audit,
    onChanged: (subcloudId) => void follower.follow(subcloudId, lifetime.signal),
    log: log.child({ component: 'platform-router' }),
    tls: agentTls,
  })
  const stores = {
    subclouds: subcloudStore,
    subcloudGroups: groupStore,
    alarms: alarmStore,
    strategy: new KyselyStrategyStore(db),
    geo: geoStores,
  }
  const consoleUrl = await serveConsole(config, { stores, channels, log, steps })
  return {
    metrics,
    own,
    audit,
    deploys,
    subclouds,
    network,
    groups: new SubcloudGroupService(groupStore),
    strategies: strategies.service,
    faults: new FaultHistory(eventStore, subcloudStore),
    geo,
    router,
    consoleUrl,
  }
}

// ---- phase 5: the gRPC server ----

async function serve(
  config: ControllerConfig,
  credentials: ServerCredentials,
  services: ControllerServices,
  context: { readonly log: Logger; readonly steps: ShutdownSteps },
): Promise<{ addresses: string[]; metricsAddress: string | undefined }> {
  const { log, steps } = context
  const server = new Server({
    'grpc.keepalive_time_ms': 30_000,
    'grpc.keepalive_timeout_ms': 10_000,
    'grpc.max_receive_message_length': 4 * 1024 * 1024,
    ...(services.metrics === undefined
      ? {}
      : { interceptors: [services.metrics.controller.serverInterceptor()] }),
  })
  // With TLS, every call is checked against the identity of the client certificate; plaintext
  // (loopback, or --insecure) has no certificate to read and authorizes nothing.
  const authorize = <H extends object>(service: ServiceDefinition, handlers: H): H =>
    config.transport.kind === 'tls'
      ? authorizeCalls(service, handlers, operatorAccessPolicy, { onDenied: (line) => log.warn(line) })
      : handlers
  const protos = loadProtos()
  // Tolerant definitions: request bytes that do not decode get INVALID_ARGUMENT, not INTERNAL.
  const platformService = tolerantServiceDefinition(protos.dc.platform.v1.Platform.service)
  server.addService(platformService, authorize(platformService, services.router))
  const dcManagerService = tolerantServiceDefinition(protos.dc.manager.v1.DcManager.service)
  server.addService(
    dcManagerService,
    authorize(
      dcManagerService,
      dcManagerHandlers({
        subclouds: services.subclouds,
        network: services.network,
        groups: services.groups,
        geo: services.geo.service,
        strategies: services.strategies,
        faults: services.faults,
        log: log.child({ component: 'dcmanager' }),
      }),
    ),
  )
  const serviceNames = [SERVICE_NAMES.platform, SERVICE_NAMES.dcManager]
  const health = addStandardServices(server, { serviceNames })
  steps.add(async () => {
    for (const name of ['', ...serviceNames]) health.setStatus(name, 'NOT_SERVING')
    await shutDownServer(server, SHUTDOWN_GRACE_MS)
  })
  const addresses: string[] = []
  for (const listen of config.listen) {
    const port = await bindListenAddress(server, credentials, '--listen', listen)
    addresses.push(formatHostPort(listen.host, port))
  }
  if (config.metrics !== undefined && services.metrics !== undefined) {
    const endpoint = await serveMetrics({
      ...config.metrics,
      registry: services.metrics.registry,
      tls: config.transport.kind === 'tls' ? config.transport.files : undefined,
      log: log.child({ component: 'metrics' }),
    })
    steps.add(() => endpoint.close())
    return { addresses, metricsAddress: endpoint.address }
  }
  return { addresses, metricsAddress: undefined }
}

/**
 * Start dc-controller in named phases: read its bootstrap values, load its credentials, open (and
 * migrate) the store, start the services (its own system, deploys a previous run left half-done
 * failed, the audit, geo-redundancy, the use cases), and serve Platform, DcManager, health and
 * reflection on every listen address. A failure in any phase stops what earlier phases started.
 */
export async function startController(
  config: ControllerConfig,
  options: StartControllerOptions = {},
): Promise<RunningController> {
  const log = options.log ?? createLogger({ name: 'dc-controller' })
  const ownValues = await readOwnBootstrapValues(config)
  const credentials = serverCredentials(config, log)
  const steps = new ShutdownSteps(log)
  let closing: Promise<void> | undefined
  const close = (): Promise<void> => {
    closing ??= steps.run()
    return closing
  }
  let fail!: (err: ControllerError) => void
  const fatal = new Promise<ControllerError>((resolve) => (fail = resolve))
  const fence = writerFence(log, (err) => {
    fail(err)
    void close()
  })
  try {
    const opened = await openStore(config, { log, steps, fence })
    const services = await startServices(config, opened, ownValues, { log, steps, options })
    // Written once the system exists (first start) and again after migrations moved the schema.
    writeStoreIdentity(config.dataDir, {
      systemUuid: services.own.uuid,
      storeKind: opened.kind,
      schemaVersion: opened.schemaVersion,
    })
    const { addresses, metricsAddress } = await serve(config, credentials, services, { log, steps })
    options.signal?.addEventListener('abort', () => void close(), { once: true })
    return {
      addresses,
      metricsAddress,
      consoleUrl: services.consoleUrl,
      databaseKind: opened.kind,
      systemName: services.own.current.name,
      audit: services.audit,
      deploys: services.deploys,
      fatal,
      close,
    }
  } catch (err) {
    await close()
    throw err
  }
}
