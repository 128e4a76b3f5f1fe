import { resolve } from 'node:path'
import { ConfigError } from '../errors.js'
import { isSiteId } from './geo-subjects.js'

/** How the controller reaches NATS for geo-redundancy. */
export interface NatsLinkConfig {
  /** `nats://ADDR:PORT` or `tls://ADDR:PORT`; ADDR an IP literal of the controller's primary OAM family. */
  readonly url: string
  /** Per-site credentials: a NATS `.creds` file or a file holding the site's NKEY user seed. */
  readonly credsFile: string | undefined
  readonly tlsCaFile: string | undefined
  readonly tlsCertFile: string | undefined
  readonly tlsKeyFile: string | undefined
  /**
   * `--nats-replicas`: copies JetStream keeps of this site's stream and of the ownership bucket. 1
   * runs on a single server; 3 needs a three-node cluster, where every write (and so every
   * ownership compare-and-set) needs a majority of the nodes.
   */
  readonly replicas: NatsReplicas
}

/** Replica counts the controller accepts: one server, or a three-node cluster. */
export type NatsReplicas = 1 | 3

/** The geo-redundancy part of the controller's configuration. */
export interface GeoConfig {
  /** Undefined without `--nats-url`: peers, groups and associations are kept, nothing is synced. */
  readonly nats: NatsLinkConfig | undefined
  /** `--site-id`: this controller's id on the link; the system uuid when absent. */
  readonly siteId: string | undefined
  /** `--peer-heartbeat-interval-ms`: replaces every peer's heartbeat_interval (tests, benches). */
  readonly heartbeatIntervalMs: number | undefined
  /** `--peer-maintenance-timeout-ms`: replaces every peer's heartbeat_maintenance_timeout. */
  readonly maintenanceTimeoutMs: number | undefined
}

/** The geo flags, in `node:util` parseArgs form. */
export const GEO_FLAGS = {
  'nats-url': {
    type: 'string',
    value: 'URL',
    help: 'NATS server of the geo-redundancy link (nats:// or tls://)',
  },
  'nats-creds': { type: 'string', value: 'FILE', help: 'NATS credentials file' },
  'nats-tls-ca': { type: 'string', value: 'FILE', help: 'CA bundle of the NATS server' },
  'nats-tls-cert': {
    type: 'string',
    value: 'FILE',
    help: 'client certificate for NATS (with --nats-tls-key)',
  },
  'nats-tls-key': { type: 'string', value: 'FILE', help: 'the private key of --nats-tls-cert' },
  'nats-replicas': {
    type: 'string',
    value: '1|3',
    help: 'replicas of the site stream and the ownership bucket: 3 on a three-node NATS cluster (default 1)',
  },
  'site-id': { type: 'string', value: 'ID', help: 'this site on the link (default: the system uuid)' },
  'peer-heartbeat-interval-ms': {
    type: 'string',
    value: 'N',
    help: "peer heartbeat interval, overriding the system peer's (tests)",
  },
  'peer-maintenance-timeout-ms': {
    type: 'string',
    value: 'N',
    help: "peer maintenance timeout, overriding the system peer's (tests)",
  },
} as const

export const GEO_USAGE =
  '[--nats-url URL [--nats-creds FILE] [--nats-tls-ca FILE] [--nats-tls-cert FILE --nats-tls-key FILE]\n' +
  '                      [--nats-replicas 1|3]\n' +
  '                      [--site-id ID] [--peer-heartbeat-interval-ms N] [--peer-maintenance-timeout-ms N]]'

function milliseconds(flag: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text)) throw new ConfigError(`${flag} must be an integer, got '${text}'`)
  const value = Number(text)
  if (value < min || value > max)
    throw new ConfigError(`${flag} must be between ${min} and ${max}, got ${value}`)
  return value
}

/** Read the geo flags; anything but `--nats-url` given without it is refused, as is a malformed URL. */
export function geoConfigOf(
  values: Readonly<Record<string, string | boolean | undefined>>,
  cwd: string,
): GeoConfig {
  const text = (flag: keyof typeof GEO_FLAGS): string | undefined => {
    const value = values[flag]
    if (value === '') throw new ConfigError(`--${flag} must not be empty`)
    return typeof value === 'string' ? value : undefined
  }
  const url = text('nats-url')
  const file = (flag: keyof typeof GEO_FLAGS): string | undefined => {
    const value = text(flag)
    return value === undefined ? undefined : resolve(cwd, value)
  }
  const nats: NatsLinkConfig | undefined =
    url === undefined
      ? undefined
      : {
          url: natsUrl(url),
          credsFile: file('nats-creds'),
          tlsCaFile: file('nats-tls-ca'),
          tlsCertFile: file('nats-tls-cert'),
          tlsKeyFile: file('nats-tls-key'),
          replicas: natsReplicas(text('nats-replicas')),
        }
  if (nats === undefined) {
    const stray = (Object.keys(GEO_FLAGS) as (keyof typeof GEO_FLAGS)[]).find((f) => values[f] !== undefined)
    if (stray !== undefined) throw new ConfigError(`--${stray} needs --nats-url`)
  }
  if (nats !== undefined && (nats.tlsCertFile === undefined) !== (nats.tlsKeyFile === undefined)) {
    throw new ConfigError('--nats-tls-cert and --nats-tls-key go together')
  }
  const siteId = text('site-id')
  if (siteId !== undefined && !isSiteId(siteId)) {
    throw new ConfigError('--site-id must be 1 to 64 letters, digits, - or _ (it names NATS subjects)')
  }
  const interval = text('peer-heartbeat-interval-ms')
  const maintenance = text('peer-maintenance-timeout-ms')
  return {
    nats,
    siteId,
    heartbeatIntervalMs:
      interval === undefined
        ? undefined
        : milliseconds('--peer-heartbeat-interval-ms', interval, 20, 600_000),
    maintenanceTimeoutMs:
      maintenance === undefined
        ? undefined
        : milliseconds('--peer-maintenance-timeout-ms', maintenance, 0, 36_000_000),
  }
}

function natsReplicas(text: string | undefined): NatsReplicas {
  if (text === undefined || text === '1') return 1
  if (text === '3') return 3
  throw new ConfigError(`--nats-replicas must be 1 (one server) or 3 (a three-node cluster), got '${text}'`)
}

/** `nats://` or `tls://` with a bracketed IPv6 or an IPv4 literal and a port; no user or password in it. */
function natsUrl(text: string): string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new ConfigError(`--nats-url '${text.slice(0, 100)}' is not a URL`)
  }
  if (url.protocol !== 'nats:' && url.protocol !== 'tls:')
    throw new ConfigError('--nats-url must be nats://ADDR:PORT or tls://ADDR:PORT')
  if (url.username !== '' || url.password !== '') {
    throw new ConfigError(
      '--nats-url must not carry credentials; use --nats-creds (a command line is visible to every user)',
    )
  }
  if (url.port === '') throw new ConfigError('--nats-url needs a port')
  return `${url.protocol}//${url.host}`
}
