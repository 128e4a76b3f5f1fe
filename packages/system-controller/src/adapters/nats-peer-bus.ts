import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiError,
  StorageType,
  jetstream,
  jetstreamManager,
} from '@nats-io/jetstream'
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream'
import { isIP } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { checkServerIdentity } from 'node:tls'
import type { PeerCertificate } from 'node:tls'
import { Kvm } from '@nats-io/kv'
import type { KV } from '@nats-io/kv'
import type { Logger } from '@dc/runtime'
import {
  PermissionViolationError,
  TimeoutError,
  connect,
  credsAuthenticator,
  nanos,
  nkeyAuthenticator,
} from '@nats-io/transport-node'
import type { Authenticator, NatsConnection, TlsOptions } from '@nats-io/transport-node'
import type { BusSubscription, ConsumeOptions, KvEntry, PeerBus } from '../geo/peer-bus.js'

/** TLS material for the link to NATS: files in PEM. */
export interface NatsTlsFiles {
  /** CA that signed the server's certificate. */
  readonly caFile?: string | undefined
  /** Client certificate and key, when the server verifies clients. */
  readonly certFile?: string | undefined
  readonly keyFile?: string | undefined
}

/** Options of {@link connectNatsPeerBus}. */
export interface NatsPeerBusOptions {
  /** `nats://host:port` or `tls://host:port`. */
  readonly url: string
  /** Connection name the server shows (monitoring, logs). */
  readonly name: string
  /**
   * Per-site credentials: the contents of a NATS `.creds` file (user JWT plus NKEY seed, for an
   * operator-mode server) or of a bare NKEY user seed (`SU...`, for a server whose config lists the
   * site's public NKEY).
   */
  readonly credentials?: Uint8Array | undefined
  readonly tls?: NatsTlsFiles | undefined
  /** Bucket that holds peer group ownership. */
  readonly kvBucket: string
  /**
   * Copies JetStream keeps of the streams this site creates and of the ownership bucket: 3 on a
   * three-node cluster, so a write needs a majority and a site cut off from it can write nothing.
   * @default 1
   */
  readonly replicas?: number
  /** Deadline of each JetStream and KV request. @default 5000 */
  readonly requestTimeoutMs?: number
  /** Where connection state changes go: a disconnect or server error is a warning, a reconnect news. */
  readonly log?: Logger | undefined
  /**
   * How long the open waits for JetStream to answer. A cluster started together with its
   * controllers (compose, the testbed, a site's power-up) elects its meta leader first, and until
   * then every JetStream request goes unanswered. @default 60000
   */
  readonly jetStreamWaitMs?: number
  /** Aborting it gives up the open (the controller's stop during its start). */
  readonly signal?: AbortSignal | undefined
}

const WRONG_LAST_SEQUENCE = 10071
/** "no suitable peers for placement": the cluster's servers have not all joined its meta group yet. */
const NO_SUITABLE_PEERS = 10005
const JETSTREAM_RETRY_MS = 1_000
const REBIND_DELAY_MS = 1_000
/** How long one pull of a peer's stream waits for a message (nats.js's default is 30 s). */
const PULL_EXPIRES_MS = 5_000

function isWrongLastSequence(err: unknown): boolean {
  return err instanceof JetStreamApiError && err.code === WRONG_LAST_SEQUENCE
}

/**
 * TLS options for nats.js. Dialling an IP literal, nats.js leaves the server name empty and Node
 * then checks the certificate against `localhost`; the server is checked against the address
 * actually dialled instead (its certificate needs that IP SAN, as the controller's and agents' do).
 */
function tlsOptions(files: NatsTlsFiles, url: string): TlsOptions {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '')
  const options: TlsOptions & {
    checkServerIdentity?: (name: string, cert: PeerCertificate) => Error | undefined
  } = {
    ...(files.caFile === undefined ? {} : { caFile: files.caFile }),
    ...(files.certFile === undefined ? {} : { certFile: files.certFile }),
    ...(files.keyFile === undefined ? {} : { keyFile: files.keyFile }),
  }
  if (isIP(host) !== 0) options.checkServerIdentity = (_name, cert) => checkServerIdentity(host, cert)
  return options
}

function authenticatorOf(credentials: Uint8Array): Authenticator {
  const text = new TextDecoder().decode(credentials)
  if (text.includes('BEGIN NATS USER JWT')) return credsAuthenticator(credentials)
  // A seed file may also hold the public key (`nk -gen user -pubout`): use the seed line.
  const seed = /^SU[A-Z2-7]+$/m.exec(text)?.[0] ?? text.trim()
  return nkeyAuthenticator(new TextEncoder().encode(seed))
}

/**
 * The {@link PeerBus} over a NATS connection: core publish/subscribe, a JetStream stream and pull
 * consumers, and the ownership KV bucket. Reconnects forever once connected.
 */
class NatsPeerBus implements PeerBus {
  readonly #nc: NatsConnection
  readonly #js: JetStreamClient
  readonly #jsm: JetStreamManager
  readonly #kv: KV
  // Publish refusals reported by the server, in arrival order; a publish looks for its own after a flush.
  #violations: { readonly serial: number; readonly subject: string; readonly error: Error }[] = []
  #serial = 0
  readonly #stopped = new AbortController()
  readonly #replicas: number

  constructor(nc: NatsConnection, js: JetStreamClient, jsm: JetStreamManager, kv: KV, replicas: number) {
    this.#nc = nc
    this.#js = js
    this.#jsm = jsm
    this.#kv = kv
    this.#replicas = replicas
  }

  recordViolation(error: PermissionViolationError): void {
    if (error.operation !== 'publish') return
    this.#violations.push({ serial: this.#serial, subject: error.subject, error })
    this.#violations = this.#violations.slice(-100)
  }

  async publish(subject: string, data: Uint8Array): Promise<void> {
    const serial = ++this.#serial
    this.#nc.publish(subject, data)
    // The server answers a refused publish with -ERR before the PONG of this flush; the status
    // loop that records it runs on the next turn of the event loop.
    await this.#nc.flush()
    await new Promise((resolve) => setImmediate(resolve))
    const refused = this.#violations.find((v) => v.serial >= serial && v.subject === subject)
    if (refused !== undefined) throw refused.error
  }

  subscribe(subject: string, onMessage: (data: Uint8Array) => void): BusSubscription {
    const sub = this.#nc.subscribe(subject, {
      callback: (err, msg) => {
        if (err === null) onMessage(msg.data)
      },
    })
    return { stop: () => sub.unsubscribe() }
  }

  async ensureStream(name: string, subjects: readonly string[], maxAgeMs: number): Promise<void> {
    const config = {
      name,
      subjects: [...subjects],
      max_age: nanos(maxAgeMs),
      storage: StorageType.File,
      num_replicas: this.#replicas,
    }
    try {
      const info = await this.#jsm.streams.info(name)
      const same =
        info.config.max_age === config.max_age &&
        info.config.num_replicas === config.num_replicas &&
        info.config.subjects.length === subjects.length &&
        subjects.every((s) => info.config.subjects.includes(s))
      if (!same) await this.#jsm.streams.update(name, config)
    } catch (err) {
      if (!(err instanceof JetStreamApiError) || err.status !== 404) throw err
      await this.#jsm.streams.add(config)
    }
  }

  async streamPublish(subject: string, data: Uint8Array): Promise<number> {
    return (await this.#js.publish(subject, data)).seq
  }

  consume(options: ConsumeOptions): BusSubscription {
    const stop = new AbortController()
    const onStop = (): void => stop.abort()
    this.#stopped.signal.addEventListener('abort', onStop, { once: true })
    void this.#consumeLoop(options, stop.signal)
    return {
      stop: () => {
        this.#stopped.signal.removeEventListener('abort', onStop)
        stop.abort()
      },
    }
  }

  async #consumeLoop(options: ConsumeOptions, signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        await this.#jsm.consumers.add(options.stream, {
          durable_name: options.durable,
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.All,
          filter_subject: options.filterSubject,
          // One at a time: a message that fails is redelivered before anything after it is applied.
          max_ack_pending: 1,
        })
        const consumer = await this.#js.consumers.get(options.stream, options.durable)
        // Short pulls: a pull the server forgot when it restarted is noticed by its missing idle
        // heartbeats (half of `expires`) and pulled again within seconds, not after half a minute.
        const messages = await consumer.consume({ max_messages: 1, expires: PULL_EXPIRES_MS })
        const onAbort = (): void => void messages.close()
        signal.addEventListener('abort', onAbort, { once: true })
        try {
          for await (const m of messages) {
            try {
              await options.onMessage({ subject: m.subject, seq: m.seq, data: m.data })
              m.ack()
            } catch (err) {
              options.onError(err)
              m.nak(REBIND_DELAY_MS)
            }
          }
        } finally {
          signal.removeEventListener('abort', onAbort)
        }
      } catch (err) {
        if (!signal.aborted) options.onError(err)
      }
      if (!signal.aborted) await new Promise((resolve) => setTimeout(resolve, REBIND_DELAY_MS))
    }
  }

  async kvGet(key: string): Promise<KvEntry | undefined> {
    const entry = await this.#kv.get(key)
    if (entry === null || entry.operation !== 'PUT') return undefined
    return { value: entry.value, revision: entry.revision }
  }

  async kvCreate(key: string, value: Uint8Array): Promise<number | 'exists'> {
    try {
      return await this.#kv.create(key, value)
    } catch (err) {
      if (isWrongLastSequence(err)) return 'exists'
      throw err
    }
  }

  async kvUpdate(key: string, value: Uint8Array, revision: number): Promise<number | 'conflict'> {
    try {
      return await this.#kv.update(key, value, revision)
    } catch (err) {
      if (isWrongLastSequence(err)) return 'conflict'
      throw err
    }
  }

  kvWatch(onChange: (key: string, entry: KvEntry) => void): BusSubscription {
    let stopped = false
    let iterator: { stop(): void } | undefined
    void (async () => {
      const watch = await this.#kv.watch({ key: '>' })
      iterator = watch
      if (stopped) watch.stop()
      for await (const e of watch) {
        if (e.operation === 'PUT') onChange(e.key, { value: e.value, revision: e.revision })
      }
    })()
    return {
      stop: () => {
        stopped = true
        iterator?.stop()
      },
    }
  }

  async close(): Promise<void> {
    this.#stopped.abort()
    if (!this.#nc.isClosed()) await this.#nc.drain()
  }
}

/**
 * The bucket is created with the replicas asked for, but one that exists keeps its own: the sites
 * may not redefine it (see `renderNatsServerConfig`), and ownership fenced by a majority on one site
 * and by a single copy on the other is no fence, so a mismatch stops the start.
 */
async function checkBucketReplicas(kv: KV, bucket: string, replicas: number): Promise<void> {
  const existing = (await kv.status()).replicas
  if (existing !== replicas) {
    throw new Error(
      `the ownership bucket ${bucket} has ${existing} replica(s) but --nats-replicas is ${replicas}; ` +
        'give every controller the same --nats-replicas (an operator may rescale the bucket with the nats CLI)',
    )
  }
}

/**
 * A request that went unanswered, or an answer that JetStream is not serving yet (503: its meta
 * leader is being elected; no suitable peers: the cluster's servers are still joining). Anything
 * else (a refused login, a bucket of another replica count) will not change by waiting.
 */
function isJetStreamStarting(err: unknown): boolean {
  if (err instanceof TimeoutError) return true
  return err instanceof JetStreamApiError && (err.status === 503 || err.code === NO_SUITABLE_PEERS)
}

async function openJetStream(
  nc: NatsConnection,
  js: JetStreamClient,
  bucket: { readonly name: string; readonly replicas: number },
  timeout: number,
): Promise<{ jsm: JetStreamManager; kv: KV }> {
  const jsm = await jetstreamManager(nc, { timeout })
  // Reads go to the bucket's stream leader, never to a replica's direct get: a replica cut off
  // with the minority still has its queue subscription on the majority's servers until their
  // route to it times out, and half the reads would wait for it. A leader's read is also the
  // one a compare-and-set must start from.
  const kv = await new Kvm(js).create(bucket.name, {
    history: 5,
    replicas: bucket.replicas,
    allow_direct: false,
  })
  return { jsm, kv }
}

/** Runs `open` again while JetStream is still starting, up to `jetStreamWaitMs`, logging each wait. */
async function untilJetStreamAnswers<T>(options: NatsPeerBusOptions, open: () => Promise<T>): Promise<T> {
  const waitMs = options.jetStreamWaitMs ?? 60_000
  const startedAt = Date.now()
  for (let attempt = 1; ; attempt++) {
    options.signal?.throwIfAborted()
    try {
      return await open()
    } catch (err) {
      const waitedMs = Date.now() - startedAt
      if (!isJetStreamStarting(err) || waitedMs + JETSTREAM_RETRY_MS > waitMs) throw err
      options.log?.warn(
        'nats: JetStream does not answer yet (a cluster elects its leader first); trying again',
        {
          attempt,
          waitedMs,
          err: err instanceof Error ? err.message : String(err),
        },
      )
      await sleep(JETSTREAM_RETRY_MS, undefined, { signal: options.signal })
    }
  }
}

/**
 * Connect to NATS (TLS and per-site credentials when given), open JetStream and the ownership
 * bucket (created if missing). Rejects when the server cannot be reached or refuses the login, or
 * when JetStream has not answered within `jetStreamWaitMs`.
 *
 * @example
 * const bus = await connectNatsPeerBus({ url: 'nats://[fd00::10]:4222', name: 'dc-controller central', kvBucket })
 */
export async function connectNatsPeerBus(options: NatsPeerBusOptions): Promise<PeerBus> {
  const timeout = options.requestTimeoutMs ?? 5_000
  const nc = await connect({
    servers: options.url,
    name: options.name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 1_000,
    timeout,
    ...(options.credentials === undefined ? {} : { authenticator: authenticatorOf(options.credentials) }),
    ...(options.tls === undefined ? {} : { tls: tlsOptions(options.tls, options.url) }),
  })
  try {
    const js = jetstream(nc, { timeout })
    const replicas = options.replicas ?? 1
    const bucket = { name: options.kvBucket, replicas }
    const { jsm, kv } = await untilJetStreamAnswers(options, () => openJetStream(nc, js, bucket, timeout))
    await checkBucketReplicas(kv, options.kvBucket, replicas)
    const bus = new NatsPeerBus(nc, js, jsm, kv, replicas)
    void (async () => {
      for await (const s of nc.status()) {
        if (s.type === 'error' && s.error instanceof PermissionViolationError) bus.recordViolation(s.error)
        if (s.type === 'reconnect') options.log?.info('nats: reconnected', { server: s.server })
        if (s.type === 'disconnect') options.log?.warn('nats: disconnected', { server: s.server })
        if (s.type === 'error') options.log?.warn('nats: server error', { err: s.error })
      }
    })()
    return bus
  } catch (err) {
    await nc.close()
    throw err
  }
}
