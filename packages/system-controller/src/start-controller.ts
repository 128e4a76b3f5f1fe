import { readFile } from 'node:fs/promises'
import { Server, ServerCredentials } from '@grpc/grpc-js'
import { formatHostPort } from '@dc/netmodel'
import type { ServiceDefinition } from '@grpc/grpc-js'
import { authorizeCalls, createPlatformHandlers, tolerantServiceDefinition } from '@dc/platform-service'
import {
  SERVICE_NAMES,
  SYSTEM_CONTROLLER_REGION,
  TlsConfigError,
  addStandardServices,
  describeTlsReload,
  loadProtos,
  loadServerCredentials,
} from '@dc/protos'
import { createLogger, defaultLogFormat } from '@dc/runtime'
import type { Logger } from '@dc/runtime'
import { AgentChannels } from './adapters/agent-channels.js'
import { followChannelCredentials } from './adapters/follow-channel-credentials.js'
import { startAudit } from './audit/index.js'
import type { Audit, AuditEvent } from './audit/index.js'
import type { ControllerConfig } from './config.js'
import { DeployRunner } from './deploy/deploy-runner.js'
import { INTERRUPTED_DEPLOY_FAILURES, INTERRUPTED_REASON } from './deploy-status.js'
import { ConfigError, StoreOpenError } from './errors.js'
import { startGeo } from './geo/start-geo.js'
import { operatorAccessPolicy } from './grpc/operator-access.js'
import { OwnSystem, parseOwnBootstrapValues } from './own-system.js'
import { DcManagerService } from './services/dc-manager-service.js'
import { createPlatformRouter } from './services/platform-router.js'
import { ControllerStore } from './store/controller-store.js'
import { openDatabase } from './store/open-database.js'
import type { DatabaseKind } from './store/open-database.js'

/** Options of {@link startController} beyond the command-line config. */
export interface StartControllerOptions {
  /** Progress lines (never secrets). @default stderr */
  readonly log?: (line: string) => void
  /** Causes of unexpected failures. @default JSON lines on stderr (text on a terminal) */
  readonly errorLog?: Logger
  /** How long pre-bootstrap waits for a new subcloud's agent. @default 60000 */
  readonly agentReachTimeoutMs?: number
  /** Aborting it stops the controller as {@link RunningController.close} does. */
  readonly signal?: AbortSignal
}

/** A started controller. */
export interface RunningController {
  /** The bound addresses, `host:port` (IPv6 bracketed), in `--listen` order. */
  readonly addresses: readonly string[]
  readonly databaseKind: DatabaseKind
  readonly systemName: string
  readonly audit: Audit
  readonly deploys: DeployRunner
  /**
   * Graceful stop: health NOT_SERVING, stop taking RPCs and finish those in flight, end the
   * deploys in flight, stop the audit, close the agent channels, close the database. Idempotent.
   */
  close(): Promise<void>
}

/** How long in-flight RPCs get to finish on shutdown before they are cut. */
const SHUTDOWN_GRACE_MS = 5_000

function bind(server: Server, address: string, credentials: ServerCredentials): Promise<number> {
  return new Promise((resolve, reject) => {
    server.bindAsync(address, credentials, (err, port) => (err ? reject(err) : resolve(port)))
  })
}

function shutdown(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.forceShutdown()
      resolve()
    }, SHUTDOWN_GRACE_MS)
    server.tryShutdown(() => {
      clearTimeout(timer)
      resolve()
    })
  })
}

function describeAuditEvent(event: AuditEvent): string | undefined {
  switch (event.type) {
    case 'availability-changed':
      return `subcloud ${event.name}: ${event.availability} (audit fail count ${event.auditFailCount})`
    case 'batch-failed':
      return `audit: status write failed (${event.error instanceof Error ? event.error.message : String(event.error)}); retrying`
    case 'stream-broken':
    case 'batch-written':
      return undefined
    default:
      return event satisfies never
  }
}

/**
 * Start dc-controller: open (and migrate) the store, load or create its own system from the
 * bootstrap values, fail deploys a previous run left half-done, start the audit and serve
 * Platform, DcManager, health and reflection on every listen address.
 */
export async function startController(
  config: ControllerConfig,
  options: StartControllerOptions = {},
): Promise<RunningController> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  const errorLog =
    options.errorLog ?? createLogger({ name: 'dc-controller', format: defaultLogFormat(process.stderr) })
  let text: string
  try {
    text = await readFile(config.bootstrapValuesFile, 'utf8')
  } catch (err) {
    throw new ConfigError(
      `cannot read --bootstrap-values ${config.bootstrapValuesFile}: ${err instanceof Error ? err.message : String(err)}`,
    )
  }
  const raw = parseOwnBootstrapValues(text)
  const { transport } = config
  let credentials: ServerCredentials
  try {
    // Read before anything is opened, so unusable TLS files fail the start at once. One
    // credentials object serves every listen address, and a rotation reaches them all.
    credentials =
      transport.kind === 'tls'
        ? loadServerCredentials({ ...transport.files, onReload: (event) => log(describeTlsReload(event)) })
        : ServerCredentials.createInsecure()
  } catch (err) {
    if (err instanceof TlsConfigError) throw new ConfigError(err.message, { cause: err })
    throw err
  }
  if (transport.kind === 'plaintext' && transport.warning !== undefined) log(transport.warning)
  if (transport.kind === 'tls') {
    log(
      `mutual TLS: CA bundle ${transport.files.caFile}, certificate ${transport.files.certFile} ` +
        '(also presented to agents); operators need the admin role to change things, reader to read',
    )
  }
  const agentTls = transport.kind === 'tls' ? transport.files : undefined
  // With TLS, every call is checked against the identity of the client certificate; plaintext
  // (loopback, or --insecure) has no certificate to read and authorizes nothing.
  const authorize = <H extends object>(service: ServiceDefinition, handlers: H): H =>
    transport.kind === 'tls'
      ? authorizeCalls(service, handlers, operatorAccessPolicy, { onDenied: log })
      : handlers
  let opened
  try {
    opened = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  } catch (err) {
    const what =
      config.databaseUrl === undefined
        ? `the embedded database in ${config.dataDir}`
        : 'the PostgreSQL database'
    throw new StoreOpenError(what, { cause: err })
  }
  const { db, kind } = opened
  const cleanups: (() => Promise<void>)[] = [() => db.destroy()]
  const unwind = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch((err: unknown) => errorLog.error('shutdown step failed', { err }))
    }
  }
  try {
    const store = new ControllerStore(db)
    const own = await OwnSystem.open(store, raw)
    const failed = await store.failInterruptedDeploys(INTERRUPTED_DEPLOY_FAILURES, INTERRUPTED_REASON)
    for (const name of failed) log(`subcloud ${name}: deploy ${INTERRUPTED_REASON}`)

    const channels = new AgentChannels()
    cleanups.push(() => Promise.resolve(channels.closeAll()))
    const lifetime = new AbortController()
    if (transport.kind === 'tls') {
      // The controller's own certificate (client and server usage) authenticates it to agents.
      const following = new AbortController()
      cleanups.push(() => Promise.resolve(following.abort()))
      followChannelCredentials(transport.files, channels, { signal: following.signal, log })
    }
    const audit = await startAudit({
      store,
      channels,
      options: { heartbeatIntervalMs: config.auditIntervalMs, offlineAfterMisses: config.offlineAfterMisses },
      onEvent: (event) => {
        const line = describeAuditEvent(event)
        if (line !== undefined) log(line)
      },
      signal: lifetime.signal,
    })
    cleanups.push(() => audit.stop())

    const deploys = new DeployRunner({
      store,
      channels,
      controllerId: own.uuid,
      epoch: own.epoch,
      log,
      ...(options.agentReachTimeoutMs === undefined ? {} : { reachTimeoutMs: options.agentReachTimeoutMs }),
      tls: agentTls,
      onComplete: (target) => audit.refreshSubcloud(target.id),
    })
    cleanups.push(() => deploys.close())

    const server = new Server({
      'grpc.keepalive_time_ms': 30_000,
      'grpc.keepalive_timeout_ms': 10_000,
      'grpc.max_receive_message_length': 4 * 1024 * 1024,
    })
    const protos = loadProtos()
    const ownHandlers = createPlatformHandlers(own, { regionName: SYSTEM_CONTROLLER_REGION, log: errorLog })
    // Tolerant definitions: request bytes that do not decode get INVALID_ARGUMENT, not INTERNAL.
    const platformService = tolerantServiceDefinition(protos.dc.platform.v1.Platform.service)
    server.addService(
      platformService,
      authorize(
        platformService,
        createPlatformRouter({ own: ownHandlers, store, channels, audit, log, errorLog, tls: agentTls }),
      ),
    )
    const geo = await startGeo({ config: config.geo, db, store, own, channels, audit, log })
    cleanups.push(() => geo.close())
    const dcManager = new DcManagerService({
      store,
      own,
      deploys,
      audit,
      channels,
      geo: geo.service,
      log,
      errorLog,
    })
    const dcManagerService = tolerantServiceDefinition(protos.dc.manager.v1.DcManager.service)
    server.addService(dcManagerService, authorize(dcManagerService, dcManager.handlers()))
    const serviceNames = [SERVICE_NAMES.platform, SERVICE_NAMES.dcManager]
    const health = addStandardServices(server, { serviceNames })
    cleanups.push(async () => {
      for (const name of ['', ...serviceNames]) health.setStatus(name, 'NOT_SERVING')
      await shutdown(server)
    })

    const addresses: string[] = []
    for (const hp of config.listen) {
      const port = await bind(server, formatHostPort(hp.host.toString(), hp.port), credentials)
      addresses.push(formatHostPort(hp.host.toString(), port))
    }

    let closing: Promise<void> | undefined
    const close = (): Promise<void> => {
      closing ??= (async () => {
        await unwind()
        lifetime.abort()
      })()
      return closing
    }
    options.signal?.addEventListener('abort', () => void close(), { once: true })
    return { addresses, databaseKind: kind, systemName: own.current.name, audit, deploys, close }
  } catch (err) {
    await unwind()
    throw err
  }
}
