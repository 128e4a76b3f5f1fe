import type { ApplyAck, GeoEvent, Heartbeat, Ownership } from '../src/geo/geo-event.js'

// One of every dc.geo.v1 message, each field set to something other than its proto default, so a
// field that moved or changed type cannot pass unnoticed through a round trip.

/** Every event kind, by the key the previous release's JSON samples use. */
export const EVENTS = {
  group: {
    type: 'group',
    from: 'a',
    to: 'b',
    group: {
      uuid: 'g',
      name: 'pg1',
      priority: 2,
      state: 'disabled',
      maxSubcloudRehoming: 10,
      leaderId: 'a',
      leaderName: 'A',
      migrationStatus: 'migrating',
      epoch: 2,
    },
  },
  members: {
    type: 'members',
    from: 'a',
    to: 'b',
    groupUuid: 'g',
    epoch: 2,
    members: [
      {
        name: 'sc1',
        regionName: 'r1',
        description: 'lab',
        location: 'Ottawa',
        softwareVersion: '24.09',
        bootstrapAddress: '[fd00::1]:50051',
        values: { name: 'sc1', nested: { list: [1, 'two', null] } },
      },
    ],
  },
  memberRemoved: { type: 'member-removed', from: 'a', to: 'b', groupUuid: 'g', epoch: 2, regionName: 'r1' },
  snapshotEnd: {
    type: 'snapshot-end',
    from: 'a',
    to: 'b',
    groupUuid: 'g',
    epoch: 2,
    regionNames: ['r1', 'r2'],
  },
  associationRemoved: { type: 'association-removed', from: 'a', to: 'b', groupUuid: 'g' },
} as const satisfies Record<string, GeoEvent>

export const HEARTBEAT: Heartbeat = {
  site: 'a',
  name: 'A',
  sentAtMs: 1_760_000_000_000,
  applied: { b: 7, c: 0 },
}

export const ACK: ApplyAck = {
  site: 'b',
  seq: 9,
  groupUuid: 'g',
  subclouds: ['sc1'],
  failures: [
    { subcloud: 'sc2', regionName: 'r2', error: 'e' },
    { subcloud: 'peer group pg1', regionName: '', error: 'whole group' },
  ],
  appliedAtMs: 1_760_000_000_001,
}

export const OWNERSHIP: Ownership = { leader: 'a', leaderName: 'A', epoch: 3 }
