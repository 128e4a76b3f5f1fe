/** A message from the stream, handed to a consumer; acknowledged when the handler resolves. */
export interface StreamMessage {
  readonly subject: string
  /** Stream sequence number. */
  readonly seq: number
  readonly data: Uint8Array
}

/** A value of the KV bucket and the revision a compare-and-set must name. */
export interface KvEntry {
  readonly value: Uint8Array
  readonly revision: number
}

/** A live subscription or consumer; `stop()` is idempotent. */
export interface BusSubscription {
  stop(): void
}

/** What a durable consumer is bound to. */
export interface ConsumeOptions {
  readonly stream: string
  readonly durable: string
  readonly filterSubject: string
  /** Handles one message; resolving acknowledges it, rejecting asks for a redelivery later. */
  readonly onMessage: (message: StreamMessage) => Promise<void>
  /** Reported when binding or consuming fails; the consumer keeps retrying. */
  readonly onError: (error: unknown) => void
}

/**
 * The geo-redundancy port onto the message bus (NATS + JetStream + KV in production, an
 * in-memory fake in unit tests). It knows nothing of peers or groups, only subjects and bytes.
 */
export interface PeerBus {
  /**
   * Core publish. Resolves once the server has processed it; rejects with the server's refusal when
   * this connection may not publish on `subject` (per-site permissions).
   */
  publish(subject: string, data: Uint8Array): Promise<void>
  subscribe(subject: string, onMessage: (data: Uint8Array) => void): BusSubscription
  /** Create (or update) the stream over `subjects`, retained for `maxAgeMs`. */
  ensureStream(name: string, subjects: readonly string[], maxAgeMs: number): Promise<void>
  /** Publish into a stream; resolves with the sequence number the stream stored it under. */
  streamPublish(subject: string, data: Uint8Array): Promise<number>
  /**
   * Run a durable, explicitly acknowledged consumer, one message at a time in stream order, until
   * the returned subscription is stopped. Binding retries until the stream exists.
   */
  consume(options: ConsumeOptions): BusSubscription
  kvGet(key: string): Promise<KvEntry | undefined>
  /** Create `key` only if absent: its revision, or `'exists'`. */
  kvCreate(key: string, value: Uint8Array): Promise<number | 'exists'>
  /** Compare-and-set: write only if `key` is still at `revision`; the new revision, or `'conflict'`. */
  kvUpdate(key: string, value: Uint8Array, revision: number): Promise<number | 'conflict'>
  /** Every later change of any key (and the current values first). */
  kvWatch(onChange: (key: string, entry: KvEntry) => void): BusSubscription
  /** Drain and close the connection. */
  close(): Promise<void>
}
