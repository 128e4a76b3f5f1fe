import pg from 'pg'

/** Rows per statement: large enough that statement overhead vanishes, as a status batch would be. */
const BATCH_ROWS = 1_000

/**
 * Raw batched inserts: status-like rows (id, subcloud, availability, sync, timestamp) inserted
 * with `INSERT ... SELECT FROM unnest(...)`, `BATCH_ROWS` per statement, one autocommit statement
 * after another, into a fresh table of the database at `url`. Resolves with rows per second.
 */
export async function rawBatchedInserts(url: string, rows: number): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  client.on('error', () => {})
  await client.connect()
  try {
    await client.query(
      'CREATE TABLE bench_raw_status (id integer PRIMARY KEY, subcloud_id integer NOT NULL, ' +
        'availability text NOT NULL, sync text NOT NULL, updated_at timestamptz NOT NULL)',
    )
    const start = performance.now()
    for (let first = 0; first < rows; first += BATCH_ROWS) {
      const count = Math.min(BATCH_ROWS, rows - first)
      const ids = Array.from({ length: count }, (_, i) => first + i)
      const now = new Date()
      await client.query(
        'INSERT INTO bench_raw_status SELECT * FROM unnest($1::integer[], $2::integer[], $3::text[], $4::text[], $5::timestamptz[])',
        [ids, ids, ids.map(() => 'online'), ids.map(() => 'in-sync'), ids.map(() => now)],
      )
    }
    return (rows * 1000) / (performance.now() - start)
  } finally {
    await client.end()
  }
}
