import { writeFile } from 'node:fs/promises'
import { connect } from 'node:http2'
import { join } from 'node:path'
import { Metadata, credentials } from '@grpc/grpc-js'
import type { ChannelCredentials, ServiceError } from '@grpc/grpc-js'
import { REGION_METADATA_KEY, loadProtos } from '@dc/protos'
import type {
  AgentClient,
  DcManagerClient,
  DescribeResponse__Output,
  ListSubcloudsResponse__Output,
  PlatformClient,
  Subcloud__Output,
} from '@dc/protos'
import { freePort, hostPort, spawnNode, unary, waitFor } from '../support/index.js'
import type { LoopbackHost, ServiceProcess } from '../support/index.js'

// The test files take `unary` from their harness, with everything else they drive the processes with.
export { unary }

/** Flat bootstrap values, written as YAML with every value quoted. */
export type Values = Readonly<Record<string, string>>

export function valuesYaml(values: Values): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n')
    .concat('\n')
}

/** Dual-stack IPv6-primary system controller: OAM and management both IPv6 first, IPv4 second. */
export const CONTROLLER_VALUES: Values = {
  name: 'central',
  system_mode: 'duplex',
  distributed_cloud_role: 'systemcontroller',
  software_version: '24.09',
  management_subnet: 'fd01:1::/64,192.168.101.0/24',
  management_start_address: 'fd01:1::2,192.168.101.2',
  management_end_address: 'fd01:1::ff,192.168.101.200',
  external_oam_subnet: 'fd00:1::/64,10.10.1.0/24',
  external_oam_gateway_address: 'fd00:1::1,10.10.1.1',
  external_oam_floating_address: 'fd00:1::2,10.10.1.2',
  cluster_host_subnet: 'fd02:1::/64',
  cluster_pod_subnet: 'fd03:1::/64',
  cluster_service_subnet: 'fd04:1::/112',
}

export type SubcloudStack = 'ipv6' | 'dual-ipv6-primary' | 'ipv4'

/**
 * Bootstrap values of subcloud `index` (1..9): IPv6 single-stack, dual-stack IPv6-primary, or
 * IPv4 single-stack; its ranges never overlap another index's.
 */
export function subcloudValues(index: number, stack: SubcloudStack, name = `subcloud${index}`): Values {
  const v6 = {
    mgmt: `fd01:1${index}::/64`,
    start: `fd01:1${index}::2`,
    end: `fd01:1${index}::50`,
    gw: `fd01:1${index}::1`,
    sc: 'fd01:1::1',
    oam: `fd00:1${index}::/64`,
    oamGw: `fd00:1${index}::1`,
    oamFloat: `fd00:1${index}::2`,
  }
  const v4 = {
    mgmt: `192.168.11${index}.0/24`,
    start: `192.168.11${index}.2`,
    end: `192.168.11${index}.50`,
    gw: `192.168.11${index}.1`,
    sc: '192.168.101.1',
    oam: `10.10.1${index}.0/24`,
    oamGw: `10.10.1${index}.1`,
    oamFloat: `10.10.1${index}.2`,
  }
  const pick = (key: keyof typeof v6): string =>
    stack === 'ipv6' ? v6[key] : stack === 'ipv4' ? v4[key] : `${v6[key]},${v4[key]}`
  const cluster =
    stack === 'ipv4'
      ? { host: `192.168.20${index}.0/24`, pod: `172.1${index}.0.0/16`, service: `10.9${index}.0.0/16` }
      : { host: `fd02:1${index}::/64`, pod: `fd03:1${index}::/64`, service: `fd04:1${index}::/112` }
  return {
    name,
    system_mode: 'simplex',
    software_version: '24.09',
    management_subnet: pick('mgmt'),
    management_start_address: pick('start'),
    management_end_address: pick('end'),
    management_gateway_address: pick('gw'),
    systemcontroller_gateway_address: pick('sc'),
    external_oam_subnet: pick('oam'),
    external_oam_gateway_address: pick('oamGw'),
    external_oam_floating_address: pick('oamFloat'),
    cluster_host_subnet: cluster.host,
    cluster_pod_subnet: cluster.pod,
    cluster_service_subnet: cluster.service,
    admin_password: 'Secr3t*not-in-logs',
  }
}

/** The call's ServiceError; fails the test when the call succeeds. */
export async function failure(call: Promise<unknown>): Promise<ServiceError> {
  try {
    await call
  } catch (err) {
    return err as ServiceError
  }
  throw new Error('expected the call to fail, but it succeeded')
}

/** Metadata naming a region, as `system --os-region-name` sends it. */
export function regionMetadata(region: string): Metadata {
  const md = new Metadata()
  md.set(REGION_METADATA_KEY, region)
  return md
}

/** A dc-agent child process listening on the given loopback hosts, all on one port. */
export interface TestAgent {
  readonly process: ServiceProcess
  readonly stateDir: string
  /** `host:port` per listen host, in the order given (the first is the primary). */
  readonly addresses: readonly string[]
  /** A client on `address` (default the first). */
  agent(address?: string): AgentClient
  describe(): Promise<DescribeResponse__Output>
  /** Calls served per local address, from Describe (which itself counts on the first address). */
  callsOn(address: string): Promise<number>
  stop(): Promise<void>
  /** SIGKILLs the agent at once, as a crash would. */
  kill9(): Promise<void>
  /** After a kill or stop: the same agent started again, same addresses and state directory. */
  restart(): Promise<TestAgent>
}

const ATTEMPTS = 3

/** TLS (or any other) extras of a started process and the clients the harness opens on it. */
export interface ProcessExtras {
  /** More flags, e.g. `--tls-ca F --tls-cert F --tls-key F`. */
  readonly args?: readonly string[]
  /** Credentials of the harness's own clients. @default plaintext */
  readonly credentials?: ChannelCredentials
}

/** Start dc-agent (from source) listening on `hosts`, un-bootstrapped, waiting for its controller. */
export async function startTestAgent(
  hosts: readonly LoopbackHost[],
  stateDir: string,
  heartbeatIntervalMs = 500,
  extras: ProcessExtras = {},
): Promise<TestAgent> {
  let last: unknown
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const port = await freePort(hosts[0] ?? '::1')
    try {
      return await spawnTestAgent(
        hosts.map((h) => hostPort(h, port)),
        stateDir,
        heartbeatIntervalMs,
        extras,
      )
    } catch (err) {
      last = err
      if (!/EADDRINUSE|No address added/i.test(String(err))) throw err
    }
  }
  throw last
}

async function spawnTestAgent(
  addresses: readonly string[],
  stateDir: string,
  heartbeatIntervalMs: number,
  extras: ProcessExtras,
): Promise<TestAgent> {
  const child = await spawnNode(
    'dc-agent',
    [
      '--listen',
      addresses.join(','),
      '--state-dir',
      stateDir,
      '--heartbeat-interval-ms',
      String(heartbeatIntervalMs),
      ...(extras.args ?? []),
    ],
    { readyPattern: /^dc-agent listening on /, name: `dc-agent ${addresses[0] ?? ''}` },
  )
  const clientCredentials = extras.credentials ?? credentials.createInsecure()
  const clients = new Map<string, AgentClient>()
  const closeClients = (): void => {
    for (const client of clients.values()) client.close()
    clients.clear()
  }
  const agent = (address = addresses[0] ?? ''): AgentClient => {
    let client = clients.get(address)
    if (client === undefined) {
      client = new (loadProtos().dc.agent.v1.Agent)(address, clientCredentials)
      clients.set(address, client)
    }
    return client
  }
  const describe = (): Promise<DescribeResponse__Output> =>
    unary<DescribeResponse__Output>((o, cb) => agent().Describe({}, o, cb))
  return {
    process: child,
    stateDir,
    addresses,
    agent,
    describe,
    callsOn: async (address) =>
      Number((await describe()).address_calls.find((a) => a.local_address === address)?.calls ?? 'NaN'),
    stop: async () => {
      closeClients()
      await child.stop('SIGTERM')
    },
    kill9: async () => {
      closeClients()
      await child.kill9()
    },
    restart: async () => {
      if (child.exitStatus() === undefined) throw new Error('dc-agent is still running')
      return spawnTestAgent(addresses, stateDir, heartbeatIntervalMs, extras)
    },
  }
}

export interface ControllerOptions extends ProcessExtras {
  readonly dataDir: string
  /** PostgreSQL database URL; embedded PGlite in dataDir without it. */
  readonly databaseUrl?: string | undefined
  readonly values?: Values
  readonly auditIntervalMs?: number
  readonly offlineAfterMisses?: number
}

/** A dc-controller child process plus clients on its address. */
export interface TestController {
  readonly process: ServiceProcess
  readonly address: string
  readonly dcManager: DcManagerClient
  readonly platform: PlatformClient
  addSubcloud(
    address: string,
    values: Values,
    extra?: { group?: string; release?: string },
  ): Promise<Subcloud__Output>
  show(name: string): Promise<Subcloud__Output>
  list(): Promise<Subcloud__Output[]>
  /** Waits until `show(name)` satisfies `done`; fails fast on a failed deploy. */
  waitFor(
    name: string,
    done: (s: Subcloud__Output) => boolean,
    what: string,
    timeoutMs?: number,
  ): Promise<Subcloud__Output>
  /** Close the clients and stop the process (SIGTERM, graceful); resolves with the exit code. */
  stop(): Promise<number | null>
  kill9(): Promise<void>
}

/** Start dc-controller from source on a free IPv4 loopback port. */
export async function startTestController(options: ControllerOptions): Promise<TestController> {
  const valuesFile = join(options.dataDir, 'controller-values.yml')
  await writeFile(valuesFile, valuesYaml(options.values ?? CONTROLLER_VALUES))
  let last: unknown
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const address = hostPort('127.0.0.1', await freePort('127.0.0.1'))
    const args = [
      '--listen',
      address,
      '--bootstrap-values',
      valuesFile,
      '--data-dir',
      options.dataDir,
      '--audit-interval-ms',
      String(options.auditIntervalMs ?? 500),
      '--offline-after-misses',
      String(options.offlineAfterMisses ?? 2),
      ...(options.args ?? []),
    ]
    try {
      const env: NodeJS.ProcessEnv = { DATABASE_URL: options.databaseUrl ?? '' }
      const child = await spawnNode('dc-controller', args, {
        env,
        readyPattern: /^dc-controller listening on /,
        readyTimeoutMs: 120_000,
        name: 'dc-controller',
      })
      return wrapController(child, address, options.credentials ?? credentials.createInsecure())
    } catch (err) {
      last = err
      if (!/EADDRINUSE|No address added/i.test(String(err))) throw err
    }
  }
  throw last
}

function wrapController(
  child: ServiceProcess,
  address: string,
  clientCredentials: ChannelCredentials,
): TestController {
  const { dc } = loadProtos()
  const dcManager = new dc.manager.v1.DcManager(address, clientCredentials)
  const platform = new dc.platform.v1.Platform(address, clientCredentials)
  const show = (name: string): Promise<Subcloud__Output> =>
    unary<Subcloud__Output>((o, cb) => dcManager.GetSubcloud({ subcloud: name }, o, cb))
  const closeClients = (): void => {
    dcManager.close()
    platform.close()
  }
  return {
    process: child,
    address,
    dcManager,
    platform,
    addSubcloud: (agentAddress, values, extra = {}) =>
      unary<Subcloud__Output>((o, cb) =>
        dcManager.AddSubcloud(
          { bootstrap_address: agentAddress, bootstrap_values_yaml: valuesYaml(values), ...extra },
          o,
          cb,
        ),
      ),
    show,
    list: async () =>
      (await unary<ListSubcloudsResponse__Output>((o, cb) => dcManager.ListSubclouds({}, o, cb))).subclouds,
    waitFor: (name, done, what, timeoutMs = 60_000) =>
      waitFor(
        async () => {
          const s = await show(name)
          if (s.deploy_status.endsWith('-failed') && !done(s)) {
            throw new Error(`${name} deploy failed: ${s.deploy_status}: ${s.error_description}`)
          }
          return done(s) ? s : undefined
        },
        { timeoutMs, intervalMs: 200, message: `${name} ${what}` },
      ),
    stop: async () => {
      closeClients()
      return child.stop('SIGTERM')
    },
    kill9: async () => {
      closeClients()
      await child.kill9()
    },
  }
}

/** What a raw gRPC call got back: the status and message from the trailers. */
export interface RawCallResult {
  readonly code: number
  readonly message: string
}

/**
 * One unary `Platform` call over plain HTTP/2 with headers exactly as given: a client like grpc-js
 * refuses to send a metadata value it considers illegal (a tab), but another client may, and the
 * server then drops the header.
 */
export async function rawPlatformCall(
  address: string,
  method: string,
  request: object,
  headers: Readonly<Record<string, string>>,
): Promise<RawCallResult> {
  const definition = loadProtos().dc.platform.v1.Platform.service[method]
  if (definition === undefined) throw new Error(`no Platform method ${method}`)
  const payload = definition.requestSerialize(request)
  const frame = Buffer.alloc(5 + payload.length)
  frame.writeUInt32BE(payload.length, 1)
  payload.copy(frame, 5)
  const session = connect(`http://${address}`)
  try {
    return await new Promise<RawCallResult>((resolve, reject) => {
      session.on('error', reject)
      const stream = session.request({
        ':method': 'POST',
        ':path': definition.path,
        'content-type': 'application/grpc',
        te: 'trailers',
        ...headers,
      })
      let code: number | undefined
      let message = ''
      const take = (h: Record<string, unknown>): void => {
        if (h['grpc-status'] !== undefined) code = Number(h['grpc-status'])
        if (typeof h['grpc-message'] === 'string') message = decodeURIComponent(h['grpc-message'])
      }
      stream.on('response', take)
      stream.on('trailers', take)
      stream.on('data', () => undefined)
      stream.on('error', reject)
      stream.on('close', () =>
        code === undefined ? reject(new Error(`${method}: no grpc-status`)) : resolve({ code, message }),
      )
      stream.end(frame)
    })
  } finally {
    session.close()
  }
}
