import pg from 'pg'

/**
 * A read-only look into the controller's PostgreSQL database: how many rows its tables have seen
 * written (the statistics collector's counters, schema-agnostic) and how many subclouds the
 * `subclouds` table holds per availability. The bench reads it instead of listing 10,000
 * subclouds through the API many times a second, which would load the controller it measures.
 */
export class ControllerDatabase {
  readonly #client: pg.Client

  private constructor(client: pg.Client) {
    this.#client = client
  }

  static async connect(url: string): Promise<ControllerDatabase> {
    const client = new pg.Client({ connectionString: url })
    client.on('error', () => {})
    await client.connect()
    return new ControllerDatabase(client)
  }

  /**
   * Rows inserted, updated and deleted in every user table so far. Backends publish their counters
   * about once a second, so a delta is exact only to within that.
   */
  async rowWrites(): Promise<number> {
    const { rows } = await this.#client.query<{ writes: string | null }>(
      'SELECT sum(n_tup_ins + n_tup_upd + n_tup_del)::text AS writes FROM pg_stat_user_tables',
    )
    return Number(rows[0]?.writes ?? 0)
  }

  /** Subclouds per `availability_status`. */
  async availability(): Promise<{ online: number; offline: number }> {
    const { rows } = await this.#client.query<{ availability_status: string; n: string }>(
      'SELECT availability_status, count(*)::text AS n FROM subclouds GROUP BY availability_status',
    )
    const count = (status: string): number =>
      Number(rows.find((r) => r.availability_status === status)?.n ?? 0)
    return { online: count('online'), offline: count('offline') }
  }

  async close(): Promise<void> {
    await this.#client.end()
  }
}
