/**
 * Names on the NATS link between geo-redundant controllers. Every subject a site publishes on
 * starts with `dc.<its site id>.`, which is what per-site permissions key on:
 *
 * - `dc.<site>.heartbeat`: the site's heartbeat (core NATS);
 * - `dc.<site>.events.<group uuid>`: changes of the peer groups the site leads (JetStream stream
 *   `DC-<site>`, consumed by each peer through its durable consumer `peer-<peer site>`);
 * - `dc.<site>.acks.<peer site>`: what the site applied of that peer's stream (core NATS).
 *
 * Ownership of each peer group lives in the JetStream KV bucket {@link OWNERSHIP_BUCKET}, keyed by
 * the group's uuid, written by both sites with compare-and-set only. Every message and the bucket's
 * values are `dc/geo/v1/geo.proto` messages (see geo-codec.ts).
 */
export const GeoSubjects = {
  heartbeat: (site: string): string => `dc.${site}.heartbeat`,
  event: (site: string, groupUuid: string): string => `dc.${site}.events.${groupUuid}`,
  events: (site: string): string => `dc.${site}.events.>`,
  ack: (site: string, peer: string): string => `dc.${site}.acks.${peer}`,
  /** Everything a site may publish on of its own. */
  own: (site: string): string => `dc.${site}.>`,
  stream: (site: string): string => `DC-${site}`,
  consumer: (consumingSite: string): string => `peer-${consumingSite}`,
} as const

/** The KV bucket holding a `dc.geo.v1.Ownership` (leader and epoch) per peer group uuid. */
export const OWNERSHIP_BUCKET = 'dc-peer-group-owners'

const SITE_ID = /^[A-Za-z0-9_-]{1,64}$/

/**
 * A site id must be one subject token and usable in a stream name: letters, digits, `-` and `_`.
 * System uuids qualify.
 */
export function isSiteId(text: string): boolean {
  return SITE_ID.test(text)
}
