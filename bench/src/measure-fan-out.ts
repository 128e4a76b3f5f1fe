import { Metadata } from '@grpc/grpc-js'
import { REGION_METADATA_KEY } from '@dc/protos'
import type { ManifestSubcloud, SiteKind } from '@dc/subcloud-agent'
import { unary } from '@dc/test/support/index.js'
import { CALL_TIMEOUT_MS } from './bench-controller.js'
import type { BenchController } from './bench-controller.js'
import type { BenchRow } from './bench-row.js'
import { forEachBounded } from './for-each-bounded.js'
import type { EchoResult } from './raw-grpc.js'

/** Pool change commands per subcloud: addrpool-add, then network-addrpool-assign. */
export const FAN_OUT_CALLS_PER_SUBCLOUD = 2
const TARGET_RATIO = 0.5

/** The secondary cluster-host pool each kind of site can take: the family it does not have there yet. */
function secondaryPool(kind: SiteKind): { name: string; network: string; prefix: number } {
  return kind === 'ipv4'
    ? { name: 'cluster-host-ipv6', network: 'fd33::', prefix: 64 }
    : { name: 'cluster-host-ipv4', network: '192.168.206.0', prefix: 24 }
}

export interface FanOutProps {
  readonly controller: BenchController
  readonly subclouds: readonly ManifestSubcloud[]
  readonly parallelism: number
  /** Raw unary echo with the same pattern: 2 calls per subcloud, `parallelism` subclouds at once. */
  readonly echo: EchoResult
  readonly signal: AbortSignal
}

/**
 * Scenario 3: add a secondary cluster-host pool and assign it, on every subcloud, through the
 * controller (`system --os-region-name <subcloud> addrpool-add / network-addrpool-assign`), with
 * `parallelism` subclouds in flight. Compared with the raw echo of the same call pattern.
 */
export async function measureFanOut(props: FanOutProps): Promise<BenchRow[]> {
  const { controller, subclouds } = props
  const start = performance.now()
  await forEachBounded(
    subclouds,
    props.parallelism,
    async (s) => {
      const metadata = new Metadata()
      metadata.set(REGION_METADATA_KEY, s.name)
      const pool = secondaryPool(s.family)
      await unary((o, cb) => controller.platform.AddAddressPool(pool, metadata, o, cb), CALL_TIMEOUT_MS)
      await unary(
        (o, cb) =>
          controller.platform.AssignNetworkAddrPool(
            { network: 'cluster-host', pool: pool.name },
            metadata,
            o,
            cb,
          ),
        CALL_TIMEOUT_MS,
      )
    },
    props.signal,
  )
  const seconds = (performance.now() - start) / 1000
  const n = subclouds.length
  const perSecond = n / seconds
  const rawPerSecond = props.echo.callsPerSecond / FAN_OUT_CALLS_PER_SUBCLOUD
  const label = n.toLocaleString('en-US')
  return [
    {
      figure: `pool fan-out ${label}: add + assign secondary pool, total`,
      value: seconds,
      unit: 's',
      target: null,
      rawLimit: props.echo.durationMs / 1000,
      ratio: props.echo.durationMs / 1000 / seconds,
      note: `${props.parallelism} subclouds in flight, through the controller's region forwarding`,
    },
    {
      figure: `pool fan-out ${label}: throughput`,
      value: perSecond,
      unit: 'subclouds/s',
      target: `>= ${TARGET_RATIO} of raw`,
      rawLimit: rawPerSecond,
      ratio: perSecond / rawPerSecond,
      met: perSecond / rawPerSecond >= TARGET_RATIO,
      note: `raw limit: unary echo, ${FAN_OUT_CALLS_PER_SUBCLOUD} calls per subcloud, same channels and parallelism`,
    },
  ]
}
