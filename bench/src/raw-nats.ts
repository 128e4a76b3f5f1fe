import { connect } from '@nats-io/transport-node'
import { percentile } from './bench-row.js'
import { forEachBounded } from './for-each-bounded.js'

export interface NatsRoundTrips {
  /** Serial request/reply round trips, milliseconds. */
  readonly p50Ms: number
  readonly p99Ms: number
  /** Seconds for `pipelined` round trips with 64 in flight. */
  readonly pipelinedSeconds: number
}

const SUBJECT = 'bench.geo.echo'
/** About the size of one subcloud's record as a peer would receive it. */
const PAYLOAD = new Uint8Array(512)
const IN_FLIGHT = 64

/**
 * Raw NATS request/reply between two connections to the server at `url` (site A asks, site B
 * answers with the same bytes): `serial` round trips one after another for latency, then
 * `pipelined` with 64 in flight, the floor of a full resync of that many records.
 */
export async function rawNatsRoundTrips(
  url: string,
  serial: number,
  pipelined: number,
): Promise<NatsRoundTrips> {
  const siteA = await connect({ servers: url })
  const siteB = await connect({ servers: url })
  try {
    const sub = siteB.subscribe(SUBJECT, { callback: (_err, msg) => void msg.respond(msg.data) })
    await siteB.flush()
    const request = (): Promise<unknown> => siteA.request(SUBJECT, PAYLOAD, { timeout: 10_000 })
    for (let i = 0; i < 100; i++) await request()
    const samples: number[] = []
    for (let i = 0; i < serial; i++) {
      const start = performance.now()
      await request()
      samples.push(performance.now() - start)
    }
    const start = performance.now()
    await forEachBounded(
      Array.from({ length: pipelined }, (_, i) => i),
      IN_FLIGHT,
      async () => {
        await request()
      },
    )
    const pipelinedSeconds = (performance.now() - start) / 1000
    sub.unsubscribe()
    return { p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99), pipelinedSeconds }
  } finally {
    await siteA.close()
    await siteB.close()
  }
}
