import pg from 'pg'

/** What the bench follows of one subcloud, as the controller stored it. */
export interface SubcloudRow {
  readonly name: string
  readonly deploy_status: string
  readonly availability_status: string
  readonly management_state: string
  readonly error_description: string
  /** Sync status of the platform endpoint; null before the audit wrote one. */
  readonly platform_sync: string | null
}

/**
 * A read-only look into the controller's PostgreSQL database: how many rows its tables have seen
 * written (the statistics collector's counters, schema-agnostic) and the state of every subcloud
 * (the `subclouds` and `subcloud_status` tables). The bench follows progress here instead of
 * listing 10,000 subclouds through the API several times a second, which would load the very
 * controller it measures.
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

  /** Every subcloud, with its platform sync status. */
  async subclouds(): Promise<SubcloudRow[]> {
    const { rows } = await this.#client.query<SubcloudRow>(
      'SELECT s.name, s.deploy_status, s.availability_status, s.management_state, s.error_description, ' +
        'st.sync_status AS platform_sync FROM subclouds s LEFT JOIN subcloud_status st ' +
        "ON st.subcloud_id = s.id AND st.endpoint_type = 'platform'",
    )
    return rows
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
