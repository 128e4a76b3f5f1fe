import { startNatsServer } from '@dc/test/support/index.js'
import type { BenchRow, Scenario } from './bench-row.js'
import { rawNatsRoundTrips } from './raw-nats.js'

/** Subclouds a full resync must carry, as the issue sets the target. */
const RESYNC_SUBCLOUDS = 10_000
const NOT_BUILT = 'not measured: geo-redundancy (system peers over NATS) is not implemented yet'

/**
 * Scenario 5, geo-redundant sync. The product part does not exist yet, so its figures are rows
 * without a value; the raw NATS figures they will be judged against are measured all the same.
 */
export const geoScenario: Scenario = {
  name: 'geo-redundant sync',
  async run({ quick }) {
    const nats = await startNatsServer({ jetstream: true })
    try {
      const raw = await rawNatsRoundTrips(nats.url, quick ? 1_000 : 5_000, RESYNC_SUBCLOUDS)
      return [
        {
          figure: 'geo sync: member change site A -> site B (p50)',
          value: Number.NaN,
          unit: 'ms',
          target: null,
          rawLimit: raw.p50Ms,
          note: `${NOT_BUILT}; raw limit: NATS request/reply round trip p50`,
        },
        {
          figure: 'geo sync: member change site A -> site B (p99)',
          value: Number.NaN,
          unit: 'ms',
          target: null,
          rawLimit: raw.p99Ms,
          note: `${NOT_BUILT}; raw limit: NATS request/reply round trip p99`,
        },
        {
          figure: `geo sync: full resync of ${RESYNC_SUBCLOUDS.toLocaleString('en-US')} subclouds`,
          value: Number.NaN,
          unit: 's',
          target: '<= 10 s',
          rawLimit: raw.pipelinedSeconds,
          note: `${NOT_BUILT}; raw limit: ${RESYNC_SUBCLOUDS} NATS request/reply round trips of 512 B, 64 in flight`,
        },
      ] satisfies BenchRow[]
    } finally {
      await nats.stop()
    }
  },
}
