import type { NatsConnection } from '@nats-io/transport-node'
import type { PeerGroupAssociation__Output, SystemPeer__Output } from '@dc/protos'
import type { ManifestSubcloud } from '@dc/subcloud-agent'
import { decodeAck } from '@dc/system-controller'
import { unary } from '@dc/test/support/index.js'
import { CALL_TIMEOUT_MS } from './bench-controller.js'
import type { BenchController } from './bench-controller.js'
import { percentile, secondsTarget } from './bench-row.js'
import type { BenchRow } from './bench-row.js'
import { forEachBounded } from './for-each-bounded.js'
import { SITE_A, SITE_B } from './geo-link.js'
import type { GeoLink } from './geo-link.js'
import type { NatsRoundTrips } from './raw-nats.js'

export interface GeoSyncProps {
  /** Site A: the fleet's controller, on the link as `site-a`, every subcloud managed. */
  readonly siteA: BenchController
  /** Starts site B, on the link as `site-b`. */
  readonly startSiteB: () => Promise<BenchController>
  readonly link: GeoLink
  readonly subclouds: readonly ManifestSubcloud[]
  /** Raw NATS request/reply on a plain nats-server of the same build, same run. */
  readonly rawNats: NatsRoundTrips
  /** Member changes timed one after the other. */
  readonly samples: number
  readonly signal: AbortSignal
}

/** What site B acknowledged of one message of site A's stream (`dc.site-b.acks.site-a`, a `dc.geo.v1.ApplyAck`). */
interface Ack {
  readonly seq: number
  readonly subclouds: readonly string[]
  /** Members site B could not apply, as of this message. */
  readonly failures: readonly { readonly subcloud: string; readonly error: string }[]
  readonly appliedAtMs: number
}

const JOIN_PARALLELISM = 16
const TIMEOUT_MS = 300_000
/** The issue's target: 10,000 subclouds resynchronised (and first synchronised) in 10 s. */
const RESYNC_PER_SECOND = 1_000
/** The issue's target for one member change reaching the peer, whatever the fleet's size. */
const MEMBER_CHANGE_P99_MS = 200
/** B's management subnet holds the gateway A gives B's copies; IPv6 only, so no second gateway is judged. */
const EAST_GATEWAY = 'fd01:2::1'
const CENTRAL_GATEWAY = 'fd01:1::1'

/** Acknowledgements as they arrive, with waiting on a condition over them. */
class AckLog {
  readonly acks: Ack[] = []
  readonly #waiters = new Set<() => void>()

  constructor(connection: NatsConnection) {
    connection.subscribe(`dc.${SITE_B}.acks.${SITE_A}`, {
      callback: (_err, msg) => {
        const ack = decodeAck(msg.data)
        this.acks.push({
          seq: ack.seq,
          subclouds: ack.subclouds,
          failures: ack.failures,
          appliedAtMs: ack.appliedAtMs,
        })
        for (const wake of this.#waiters) wake()
      },
    })
  }

  /** Resolves with the first acknowledgement from index `from` on that satisfies `match`. */
  async next(from: number, match: (ack: Ack) => boolean, what: string): Promise<Ack> {
    const deadline = Date.now() + TIMEOUT_MS
    for (let i = from; ;) {
      for (; i < this.acks.length; i++) {
        const ack = this.acks[i]
        if (ack !== undefined && match(ack)) return ack
      }
      if (Date.now() > deadline) {
        const last = this.acks.at(-1)
        const failed = last?.failures[0]
        throw new Error(
          `site B never acknowledged ${what} (${this.acks.length} acknowledgements, last seq ${last?.seq ?? 'none'}, ` +
            `${last?.failures.length ?? 0} members failing${failed === undefined ? '' : `, first ${failed.subcloud}: ${failed.error}`})`,
        )
      }
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          this.#waiters.delete(wake)
          clearTimeout(timer)
          resolve()
        }
        const timer = setTimeout(wake, 1_000)
        this.#waiters.add(wake)
      })
    }
  }
}

async function until<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + TIMEOUT_MS
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

async function pair(a: BenchController, b: BenchController): Promise<void> {
  const peers: [BenchController, string, string, string][] = [
    [a, SITE_B, 'east', EAST_GATEWAY],
    [b, SITE_A, 'central', CENTRAL_GATEWAY],
  ]
  for (const [controller, uuid, name, gateway] of peers) {
    await unary(
      (o, cb) =>
        controller.dcManager.AddSystemPeer(
          {
            peer_uuid: uuid,
            peer_name: name,
            manager_endpoint: 'nats',
            manager_username: 'admin',
            manager_password: 'bench-peer-password',
            peer_controller_gateway_ip: gateway,
          },
          o,
          cb,
        ),
      CALL_TIMEOUT_MS,
    )
  }
  for (const [controller, , name] of peers) {
    await until(`${name} available`, async () => {
      const peer = await unary<SystemPeer__Output>(
        (o, cb) => controller.dcManager.GetSystemPeer({ system_peer: name }, o, cb),
        CALL_TIMEOUT_MS,
      )
      return peer.availability_state === 'available' ? peer : undefined
    })
  }
}

/** The last sequence of site A's event stream, asked of the JetStream API as site A. */
async function lastSequence(link: GeoLink): Promise<number> {
  const asA = await link.as(SITE_A)
  try {
    const reply = await asA.request(`$JS.API.STREAM.INFO.DC-${SITE_A}`, undefined, { timeout: 10_000 })
    const info = reply.json<{ state?: { last_seq?: number } }>()
    const seq = info.state?.last_seq
    if (typeof seq !== 'number') throw new Error(`no stream state for DC-${SITE_A}: ${reply.string()}`)
    return seq
  } finally {
    await asA.close()
  }
}

/**
 * Scenario 5: site A (the fleet's controller) and site B pair up over NATS, every subcloud joins
 * a peer group at A, and the group is associated with B. Timed: the initial sync of the whole
 * group, single member changes on A until B acknowledges applying them (B's own clock, same host),
 * and a full resync (`peer-group-association sync`) until B acknowledges the stream's last event.
 */
export async function measureGeoSync(props: GeoSyncProps): Promise<BenchRow[]> {
  const { siteA: a, link, subclouds } = props
  const n = subclouds.length
  const label = n.toLocaleString('en-US')
  const b = await props.startSiteB()
  const observer = await link.observe()
  try {
    await pair(a, b)
    await unary(
      (o, cb) => a.dcManager.AddSubcloudPeerGroup({ peer_group_name: 'bench' }, o, cb),
      CALL_TIMEOUT_MS,
    )
    await forEachBounded(
      subclouds,
      JOIN_PARALLELISM,
      async (s) => {
        await unary(
          (o, cb) => a.dcManager.UpdateSubcloud({ subcloud: s.name, peer_group: 'bench' }, o, cb),
          TIMEOUT_MS,
        )
      },
      props.signal,
    )
    const log = new AckLog(observer)
    await observer.flush()
    const everyone = (seen: Set<string>) => (ack: Ack) => {
      for (const name of ack.subclouds) seen.add(name)
      return seen.size >= n
    }
    const initialStart = Date.now()
    const association = await unary<PeerGroupAssociation__Output>(
      (o, cb) =>
        a.dcManager.AddPeerGroupAssociation(
          { peer_group: 'bench', system_peer: 'east', peer_group_priority: 2 },
          o,
          cb,
        ),
      CALL_TIMEOUT_MS,
    )
    const initial = await log.next(0, everyone(new Set()), `copies of all ${n} subclouds`)
    const initialSeconds = (initial.appliedAtMs - initialStart) / 1000

    const latencies: number[] = []
    for (let i = 0; i < props.samples; i++) {
      const subcloud = subclouds[Math.floor((i * n) / props.samples)]
      if (subcloud === undefined) continue
      const from = log.acks.length
      const sentAt = Date.now()
      await unary(
        (o, cb) =>
          a.dcManager.UpdateSubcloud({ subcloud: subcloud.name, description: `bench change ${i}` }, o, cb),
        CALL_TIMEOUT_MS,
      )
      const ack = await log.next(
        from,
        (x) => x.subclouds.includes(subcloud.name),
        `the change of ${subcloud.name}`,
      )
      latencies.push(ack.appliedAtMs - sentAt)
    }

    const resyncStart = Date.now()
    await unary(
      (o, cb) => a.dcManager.SyncPeerGroupAssociation({ association: String(association.id) }, o, cb),
      TIMEOUT_MS,
    )
    const last = await lastSequence(link)
    const resynced = await log.next(0, (x) => x.seq >= last, `sequence ${last}`)
    const resyncSeconds = (resynced.appliedAtMs - resyncStart) / 1000

    const rows: BenchRow[] = []
    const slowest = Math.max(...latencies)
    for (const p of [50, 99]) {
      const value = percentile(latencies, p)
      const raw = p === 50 ? props.rawNats.p50Ms : props.rawNats.p99Ms
      rows.push({
        figure: `geo sync ${label}: member change site A -> site B (p${p}, ${latencies.length} changes)`,
        value,
        unit: 'ms',
        target: p === 99 ? `<= ${MEMBER_CHANGE_P99_MS} ms` : null,
        ...(p === 99 ? { met: value <= MEMBER_CHANGE_P99_MS } : {}),
        rawLimit: raw,
        ratio: raw / value,
        note:
          `raw limit: NATS request/reply round trip p${p}; from the update RPC on A to B's acknowledged apply` +
          (p === 99 ? `; slowest ${slowest} ms (change ${latencies.indexOf(slowest) + 1})` : ''),
      })
    }
    const resyncTarget = n / RESYNC_PER_SECOND
    rows.push(
      {
        figure: `geo sync ${label}: initial sync when the association is added`,
        value: initialSeconds,
        unit: 's',
        target: secondsTarget(resyncTarget, '10,000 in 10 s'),
        met: initialSeconds <= resyncTarget,
      },
      {
        figure: `geo sync ${label}: full resync`,
        value: resyncSeconds,
        unit: 's',
        target: secondsTarget(resyncTarget, '10,000 in 10 s'),
        rawLimit: props.rawNats.pipelinedSeconds,
        ratio: props.rawNats.pipelinedSeconds / resyncSeconds,
        met: resyncSeconds <= resyncTarget,
        note: `raw limit: ${n} NATS request/reply round trips of 512 B, 64 in flight`,
      },
    )
    return rows
  } finally {
    await observer.close()
    await b.stop()
  }
}
