import {
  HELP_FLAG,
  LOG_FLAGS,
  METRICS_FLAGS,
  integerFlag,
  listenAddressFlag,
  logConfigOf,
  parseFlag,
  parseProcessFlags,
} from '@dc/runtime'
import type { ListenAddress, LogConfig, MetricsConfig } from '@dc/runtime'
import {
  ConfigError,
  DEFAULT_HEARTBEAT_INTERVAL_MS,
  parseHeartbeatInterval,
  toConfigError,
} from '../config.js'
import { parseMix } from './site-plan.js'
import type { SiteMix } from './site-plan.js'
import { MAX_SITES } from './site-values.js'

/** `dc-agent --simulate N ...`, validated. */
export interface SimulatorConfig {
  readonly count: number
  /** Site `k` listens on port `listenBase.port + k`. */
  readonly listenBase: ListenAddress
  /** Loopback address of each family the sites listen on. */
  readonly hosts: { readonly ipv4: string; readonly ipv6: string }
  readonly mix: SiteMix
  /** Index (and name number) of the first site: several simulators make one fleet. @default 1 */
  readonly firstIndex: number
  /** Per-site state under `DIR/<name>/`; in memory when undefined. */
  readonly stateDir: string | undefined
  readonly heartbeatIntervalMs: number
  /** Where the JSON manifest of the sites is written. */
  readonly manifestFile: string | undefined
  /** The fault-control line protocol; an ephemeral port on 127.0.0.1 when undefined. */
  readonly control: ListenAddress | undefined
  /** `--log-level`, `--log-format`. */
  readonly log: LogConfig
  /** `--metrics-listen`, loopback like everything the simulator serves; none by default. */
  readonly metrics: MetricsConfig | undefined
}

/** Weights `V4:V6:DUAL`: only sites a dual-stack IPv6-primary controller may onboard, half each. */
export const DEFAULT_MIX = '0:1:1'

function isLoopback(host: string): boolean {
  return host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host)
}

function wholeNumber(flag: string, text: string, min: number, max: number): number {
  return parseFlag(() => integerFlag(flag, text, { min, max }), toConfigError)
}

function single(flag: string, text: string): ListenAddress {
  const address = parseFlag(() => listenAddressFlag(flag, text), toConfigError)
  if (!isLoopback(address.host)) {
    throw new ConfigError(`${flag}: ${address.text} is not loopback; the simulator listens on loopback only`)
  }
  return address
}

/** The flags of `dc-agent --simulate`: what it parses and what `--help` lists. */
export const SIMULATOR_FLAGS = {
  simulate: {
    type: 'string',
    value: 'N',
    help: `run N virtual subclouds in this process (1 to ${MAX_SITES})`,
  },
  'listen-base': {
    type: 'string',
    value: 'ADDR:PORT',
    help: 'loopback address and port of the first site; site k listens on PORT + k',
  },
  mix: {
    type: 'string',
    value: 'V4:V6:DUAL',
    help: `weights of IPv4, IPv6 and dual-stack IPv6-primary sites (default ${DEFAULT_MIX})`,
  },
  'first-index': { type: 'string', value: 'N', help: 'index and name number of the first site (default 1)' },
  'state-dir': {
    type: 'string',
    value: 'DIR',
    help: "keep each site's state in DIR/<name>/ (default: in memory)",
  },
  'heartbeat-interval-ms': {
    type: 'string',
    value: 'N',
    help: `Watch heartbeat interval (default ${DEFAULT_HEARTBEAT_INTERVAL_MS})`,
  },
  manifest: { type: 'string', value: 'FILE', help: 'write the JSON manifest of the sites here' },
  control: {
    type: 'string',
    value: 'ADDR:PORT',
    help: 'fault-control line protocol (default: an ephemeral port on 127.0.0.1)',
  },
  ...METRICS_FLAGS,
  ...LOG_FLAGS,
  ...HELP_FLAG,
} as const

/** True when the command line asks for the simulator rather than one agent. */
export function isSimulatorCommandLine(argv: readonly string[]): boolean {
  return argv.some((arg) => arg === '--simulate' || arg.startsWith('--simulate='))
}

/**
 * Validate `dc-agent --simulate ...` (without the node and script arguments); `--help` is
 * reported as `{ help: true }`.
 */
export function parseSimulatorConfig(argv: readonly string[]): SimulatorConfig | { readonly help: true } {
  const values = parseProcessFlags(argv, SIMULATOR_FLAGS, (message) => new ConfigError(message))
  if (values.help === true) return { help: true }
  if (values.simulate === undefined) throw new ConfigError('--simulate N is required')
  if (values['listen-base'] === undefined) throw new ConfigError('--listen-base ADDR:PORT is required')
  const count = wholeNumber('--simulate', values.simulate, 1, MAX_SITES)
  const firstIndex =
    values['first-index'] === undefined
      ? 1
      : wholeNumber('--first-index', values['first-index'], 0, MAX_SITES - 1)
  if (firstIndex + count > MAX_SITES) {
    throw new ConfigError(
      `--first-index ${firstIndex} with --simulate ${count} goes past site ${MAX_SITES - 1}`,
    )
  }
  const listenBase = single('--listen-base', values['listen-base'])
  if (listenBase.port + count - 1 > 65_535) {
    throw new ConfigError(
      `--listen-base port ${listenBase.port} leaves no room for ${count} consecutive ports`,
    )
  }
  let mix: SiteMix
  try {
    mix = parseMix(values.mix ?? DEFAULT_MIX)
  } catch (err) {
    throw new ConfigError(`--mix: ${err instanceof Error ? err.message : String(err)}`)
  }
  if (values['state-dir'] === '') throw new ConfigError('--state-dir must not be empty')
  if (values.manifest === '') throw new ConfigError('--manifest must not be empty')
  let log: LogConfig
  try {
    log = logConfigOf(values)
  } catch (err) {
    throw new ConfigError(err instanceof Error ? err.message : String(err))
  }
  const metricsListen = values['metrics-listen']
  const v6Base = listenBase.host.includes(':')
  return {
    count,
    listenBase,
    hosts: { ipv4: v6Base ? '127.0.0.1' : listenBase.host, ipv6: '::1' },
    mix,
    firstIndex,
    stateDir: values['state-dir'],
    heartbeatIntervalMs:
      values['heartbeat-interval-ms'] === undefined
        ? DEFAULT_HEARTBEAT_INTERVAL_MS
        : parseHeartbeatInterval(values['heartbeat-interval-ms']),
    manifestFile: values.manifest,
    control: values.control === undefined ? undefined : single('--control', values.control),
    log,
    metrics:
      metricsListen === undefined
        ? undefined
        : { listen: single('--metrics-listen', metricsListen), insecure: false },
  }
}
