import type { DatabaseConnection, Driver, TransactionSettings } from 'kysely'

/**
 * Hands out the one underlying connection to one holder at a time. PGlite is a single session:
 * without this, a query issued while another caller's transaction is open would run inside that
 * transaction (and be rolled back with it).
 */
export class SerializedDriver implements Driver {
  readonly #inner: Driver
  #tail: Promise<void> = Promise.resolve()
  #release: (() => void) | undefined

  constructor(inner: Driver) {
    this.#inner = inner
  }

  init(): Promise<void> {
    return this.#inner.init()
  }

  /** Whether a holder has the connection now (1) or not (0). */
  get inUse(): number {
    return this.#release === undefined ? 0 : 1
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#tail
    let release!: () => void
    this.#tail = new Promise<void>((resolve) => (release = resolve))
    await previous
    this.#release = release
    return this.#inner.acquireConnection()
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.#inner.beginTransaction(connection, settings)
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.commitTransaction(connection)
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.rollbackTransaction(connection)
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    try {
      await this.#inner.releaseConnection(connection)
    } finally {
      const release = this.#release
      this.#release = undefined
      release?.()
    }
  }

  async destroy(): Promise<void> {
    await this.#tail
    await this.#inner.destroy()
  }
}
