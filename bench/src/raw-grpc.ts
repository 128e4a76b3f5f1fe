import { Client, Metadata, credentials } from '@grpc/grpc-js'
import type { ChannelOptions, ClientReadableStream } from '@grpc/grpc-js'
import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseHostPort } from '@dc/netmodel'
import { loadProtos } from '@dc/protos'
import type { AgentClient, WatchEvent__Output } from '@dc/protos'
import { nodeEntryArgs, runChecked } from '@dc/test/support/index.js'
import { forEachBounded } from './for-each-bounded.js'

/**
 * The options the controller's agent channel pool gives every channel (one HTTP/2 connection per
 * subcloud, keepalive on, short reconnect backoff), so the raw primitives run over the same kind
 * of channel as the product.
 */
export const AGENT_CHANNEL_OPTIONS: ChannelOptions = {
  'grpc.keepalive_time_ms': 10_000,
  'grpc.keepalive_timeout_ms': 5_000,
  'grpc.keepalive_permit_without_calls': 1,
  'grpc.initial_reconnect_backoff_ms': 250,
  'grpc.max_reconnect_backoff_ms': 2_000,
  'grpc.use_local_subchannel_pool': 1,
}

/** The grpc-js target of a literal `host:port`, resolved without DNS as the controller does. */
export function literalTarget(address: string): string {
  const { host, port } = parseHostPort(address)
  return host.family === 'IPv6' ? `ipv6:[${host.toString()}]:${port}` : `ipv4:${host.toString()}:${port}`
}

const HEALTH_CHECK = '/grpc.health.v1.Health/Check'
const identity = (bytes: Buffer): Buffer => bytes
// HealthCheckRequest{service: ""} encodes to nothing at all: the smallest unary call there is.
const EMPTY = Buffer.alloc(0)

function healthCheck(client: Client): Promise<void> {
  return new Promise((resolve, reject) => {
    client.makeUnaryRequest(
      HEALTH_CHECK,
      identity,
      identity,
      EMPTY,
      new Metadata(),
      { deadline: Date.now() + 60_000 },
      (err) => (err ? reject(err) : resolve()),
    )
  })
}

export interface EchoResult {
  readonly callsPerSecond: number
  readonly durationMs: number
}

/**
 * Raw unary echo: one channel per address, connected first, then `callsPerAddress` health checks
 * one after the other on each address with `parallelism` addresses in flight, the same pattern as
 * a fan-out of `callsPerAddress` commands per subcloud.
 */
export async function rawUnaryEcho(
  addresses: readonly string[],
  callsPerAddress: number,
  parallelism: number,
): Promise<EchoResult> {
  const clients = addresses.map(
    (a) => new Client(literalTarget(a), credentials.createInsecure(), AGENT_CHANNEL_OPTIONS),
  )
  try {
    await forEachBounded(clients, parallelism, (c) => healthCheck(c))
    const start = performance.now()
    await forEachBounded(clients, parallelism, async (client) => {
      for (let i = 0; i < callsPerAddress; i++) await healthCheck(client)
    })
    const durationMs = performance.now() - start
    return { callsPerSecond: (addresses.length * callsPerAddress * 1000) / durationMs, durationMs }
  } finally {
    for (const client of clients) client.close()
  }
}

export interface WatchCost {
  /** CPU of the receiving process, as a fraction of one core. */
  readonly cpuShare: number
  /** Resident memory the open streams added, per stream. */
  readonly rssPerStreamBytes: number
  readonly eventsPerSecond: number
  /**
   * Seconds from making the first channel to the first message on every stream, all opened at
   * once: the floor of a fleet coming back online, for grpc-js on this machine.
   */
  readonly openSeconds: number
}

/**
 * Holds one `Watch` stream per address at `heartbeatIntervalMs`, on controller-like channels, and
 * does nothing with the events but count them; measures this process's CPU over `windowMs` and the
 * memory the streams added (with `--expose-gc`, after a collection on each side).
 */
export async function measureWatchStreams(
  addresses: readonly string[],
  heartbeatIntervalMs: number,
  windowMs: number,
): Promise<WatchCost> {
  const Agent = loadProtos().dc.agent.v1.Agent
  globalThis.gc?.()
  const rssBefore = process.memoryUsage().rss
  const clients: AgentClient[] = []
  const streams: ClientReadableStream<WatchEvent__Output>[] = []
  let events = 0
  let closing = false
  const openStart = performance.now()
  try {
    let started = 0
    await new Promise<void>((resolve, reject) => {
      // A stream that breaks is opened again (a loaded machine drops the odd connection); one that
      // keeps breaking fails the measurement.
      const open = (client: AgentClient, attemptsLeft: number, counted: boolean): void => {
        const stream = client.Watch({ heartbeat_interval_ms: heartbeatIntervalMs })
        streams.push(stream)
        let first = !counted
        stream.on('data', () => {
          events += 1
          if (first) {
            first = false
            if (++started === addresses.length) resolve()
          }
        })
        stream.on('error', (err: Error) => {
          if (closing) return
          if (attemptsLeft === 0) {
            reject(err)
            return
          }
          // Wait out the channel's reconnect rather than fail at once on a channel that just broke.
          client.waitForReady(Date.now() + 30_000, (notReady) => {
            if (notReady) reject(notReady)
            else open(client, attemptsLeft - 1, counted || !first)
          })
        })
      }
      for (const address of addresses) {
        const client = new Agent(literalTarget(address), credentials.createInsecure(), AGENT_CHANNEL_OPTIONS)
        clients.push(client)
        open(client, 3, false)
      }
    })
    const openSeconds = (performance.now() - openStart) / 1000
    // A few intervals for every stream to settle into its rhythm before measuring.
    await new Promise((r) => setTimeout(r, 3 * heartbeatIntervalMs))
    globalThis.gc?.()
    const rssAfter = process.memoryUsage().rss
    const eventsBefore = events
    const cpuBefore = process.cpuUsage()
    const start = performance.now()
    await new Promise((r) => setTimeout(r, windowMs))
    const cpu = process.cpuUsage(cpuBefore)
    const elapsedMs = performance.now() - start
    return {
      cpuShare: (cpu.user + cpu.system) / 1000 / elapsedMs,
      rssPerStreamBytes: (rssAfter - rssBefore) / addresses.length,
      eventsPerSecond: ((events - eventsBefore) * 1000) / elapsedMs,
      openSeconds,
    }
  } finally {
    closing = true
    for (const stream of streams) stream.cancel()
    for (const client of clients) client.close()
  }
}

/**
 * Raw audit: {@link measureWatchStreams} in a process of its own (`raw-watch-child.ts`), which
 * does nothing else, so its CPU and memory are those of receiving the heartbeats and nothing more.
 */
export async function rawWatchCost(
  addresses: readonly string[],
  heartbeatIntervalMs: number,
  windowMs: number,
  dir: string,
): Promise<WatchCost> {
  const file = join(dir, 'raw-watch-addresses.json')
  await writeFile(file, JSON.stringify(addresses))
  const child = resolve(import.meta.dirname, 'raw-watch-child.ts')
  const { stdout } = await runChecked(
    process.execPath,
    ['--expose-gc', ...nodeEntryArgs(child), file, String(heartbeatIntervalMs), String(windowMs)],
    { timeoutMs: 120_000 + windowMs + addresses.length * 10 },
  )
  return JSON.parse(stdout) as WatchCost
}
