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

/** One poll of an onboarding in progress. */
export interface OnboardingProgress {
  /** Subclouds in the database. */
  readonly total: number
  readonly managed: number
  /** Deployed and online, not yet managed: what the bench manages next. */
  readonly ready: readonly string[]
  /** Subclouds whose deploy failed, with why. */
  readonly failed: readonly Pick<SubcloudRow, 'name' | 'deploy_status' | 'error_description'>[]
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

  /**
   * Onboarding's progress in one row: counts, and only the subclouds to act on. Reading every
   * subcloud twice a second instead (10,000 rows joined to their statuses) cost PostgreSQL 40 to
   * 50 ms and the bench 30 to 90 ms of CPU per poll at 10,000, a fifth of a core taken from the
   * very onboarding being measured.
   */
  async onboardingProgress(): Promise<OnboardingProgress> {
    const { rows } = await this.#client.query<OnboardingProgress>(
      'SELECT count(*)::int AS total, ' +
        "count(*) FILTER (WHERE management_state = 'managed')::int AS managed, " +
        "coalesce(array_agg(name) FILTER (WHERE management_state <> 'managed' AND deploy_status = 'complete' " +
        "AND availability_status = 'online'), '{}') AS ready, " +
        "coalesce(json_agg(json_build_object('name', name, 'deploy_status', deploy_status, " +
        "'error_description', error_description)) FILTER (WHERE deploy_status LIKE '%-failed'), '[]') AS failed " +
        'FROM subclouds',
    )
    const [progress] = rows
    if (progress === undefined) throw new Error('no answer to the onboarding poll')
    return progress
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
