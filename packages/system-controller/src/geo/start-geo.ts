import { readFile } from 'node:fs/promises'
import { parseIp } from '@dc/netmodel'
import type { Family, SystemState } from '@dc/netmodel'
import type { Audit } from '../audit/index.js'
import type { Logger } from '@dc/runtime'
import { connectNatsPeerBus } from '../adapters/nats-peer-bus.js'
import { ConfigError, PeerLinkUnavailableError } from '../errors.js'
import type { DeployChannels } from '../subclouds/deploy-runner.js'
import type { FleetRegistry } from '../subclouds/fleet-registry.js'
import type { GeoConfig } from './geo-config.js'
import { GeoLink } from './geo-link.js'
import type { GeoStores } from './geo-link.js'
import { GeoService } from './geo-service.js'
import { OWNERSHIP_BUCKET } from './geo-subjects.js'
import type { PeerBus } from './peer-bus.js'

/** What geo-redundancy is started with. */
export interface StartGeoParams {
  readonly config: GeoConfig
  readonly stores: GeoStores
  /** The controller's own system: its uuid (default site id and controller id), name and state. */
  readonly own: { readonly uuid: string; readonly epoch: number; readonly current: SystemState }
  readonly channels: DeployChannels
  readonly audit: Pick<Audit, 'refresh' | 'expectConfigHash'>
  /** The fleet registry of `subcloud add`, which peer copies are checked in too. */
  readonly fleet?: FleetRegistry | undefined
  readonly log: Logger
  /** A bus to use instead of connecting to NATS (tests). */
  readonly bus?: PeerBus
  /** Aborting it gives up a start still waiting for NATS. */
  readonly signal?: AbortSignal | undefined
}

/** Geo-redundancy as started: the RPC side and, with NATS, the link. */
export interface StartedGeo {
  readonly service: GeoService
  readonly link: GeoLink | undefined
  readonly siteId: string
  /** Stop the link (heartbeats, consumers, migrations) and close the NATS connection. */
  close(): Promise<void>
}

function primaryOamFamily(state: SystemState): Family | undefined {
  return state.networks.find((n) => n.type === 'oam')?.primaryPoolFamily ?? undefined
}

/**
 * The design's rule: controllers reach NATS over their primary addresses. With a literal address
 * in the URL, its family must be the controller's primary OAM family.
 */
function checkNatsFamily(url: string, state: SystemState): void {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '')
  let family: Family
  try {
    family = parseIp(host).family
  } catch {
    throw new ConfigError(
      `--nats-url must name NATS by IP address (of the primary OAM family), not '${host}'`,
    )
  }
  const primary = primaryOamFamily(state)
  if (primary !== undefined && family !== primary) {
    throw new ConfigError(
      `--nats-url ${url} is ${family}, but this controller's primary OAM family is ${primary}: ` +
        'the geo-redundant link uses primary addresses only',
    )
  }
}

async function readCredentials(file: string | undefined): Promise<Uint8Array | undefined> {
  if (file === undefined) return undefined
  try {
    return await readFile(file)
  } catch (err) {
    throw new ConfigError(
      `cannot read --nats-creds ${file}: ${err instanceof Error ? err.message : String(err)}`,
    )
  }
}

/**
 * Start geo-redundancy: the store and the RPC service always; with `--nats-url` (or a given bus)
 * also the link to the peers. An unreachable NATS server or a refused login fails the start.
 */
export async function startGeo(params: StartGeoParams): Promise<StartedGeo> {
  const { config, own, log } = params
  const siteId = config.siteId ?? own.uuid
  const { stores } = params
  let bus = params.bus
  if (bus === undefined && config.nats !== undefined) {
    checkNatsFamily(config.nats.url, own.current)
    const credentials = await readCredentials(config.nats.credsFile)
    try {
      bus = await connectNatsPeerBus({
        url: config.nats.url,
        name: `dc-controller ${own.current.name} (${siteId})`,
        credentials,
        // TLS when asked for: a CA or client certificate given, or a tls:// URL (system CAs).
        tls:
          config.nats.tlsCaFile === undefined &&
          config.nats.tlsCertFile === undefined &&
          !config.nats.url.startsWith('tls:')
            ? undefined
            : {
                caFile: config.nats.tlsCaFile,
                certFile: config.nats.tlsCertFile,
                keyFile: config.nats.tlsKeyFile,
              },
        kvBucket: OWNERSHIP_BUCKET,
        replicas: config.nats.replicas,
        log,
        signal: params.signal,
      })
    } catch (err) {
      throw new PeerLinkUnavailableError(
        `cannot use NATS at ${config.nats.url}: ${err instanceof Error ? err.message : String(err)}`,
        { cause: err },
      )
    }
  }
  const link =
    bus === undefined
      ? undefined
      : await GeoLink.start({
          bus,
          siteId,
          siteName: own.current.name,
          controllerId: own.uuid,
          ownState: () => own.current,
          stores,
          channels: params.channels,
          audit: params.audit,
          fleet: params.fleet,
          log,
          options: {
            heartbeatIntervalMs: config.heartbeatIntervalMs,
            maintenanceTimeoutMs: config.maintenanceTimeoutMs,
          },
        }).catch(async (err: unknown) => {
          await bus.close()
          throw err
        })
  if (link !== undefined) log.info(`geo-redundancy: site ${siteId} linked over NATS`, { siteId })
  const service = new GeoService({
    ...stores,
    siteId,
    siteName: own.current.name,
    controllerId: own.uuid,
    controllerEpoch: own.epoch,
    link,
    channels: params.channels,
    log,
  })
  return { service, link, siteId, close: async () => link?.close() }
}
