import type { AdministrativeState, HeartbeatFailurePolicy, PeerAvailability } from './geo-states.js'

/** What a system peer is created with (spec distcloud 4.1); its manager password is never kept. */
export interface SystemPeerFields {
  /** The peer's site id on the NATS link (its system uuid unless it runs with `--site-id`). */
  readonly peerUuid: string
  readonly peerName: string
  readonly managerEndpoint: string
  readonly managerUsername: string
  /** The gateway subclouds use to reach the peer: it replaces the controller gateway in their copies. */
  readonly peerControllerGatewayIp: string
  readonly administrativeState: AdministrativeState
  readonly heartbeatIntervalMs: number
  /** Missed heartbeats before the peer is unavailable. */
  readonly heartbeatFailureThreshold: number
  readonly heartbeatFailurePolicy: HeartbeatFailurePolicy
  /** How long the `rehome` policy waits for an unavailable peer before migrating its groups. */
  readonly heartbeatMaintenanceTimeoutMs: number
}

/** The other system controller of a geo-redundant pair, as stored. */
export interface SystemPeer extends SystemPeerFields {
  readonly id: number
  readonly availability: PeerAvailability
  readonly createdAt: Date
  readonly updatedAt: Date
}

/** The entity of the 280.004 alarm about a peer: `peer=<name>`. */
export function peerAlarmEntity(peer: Pick<SystemPeer, 'peerName'>): string {
  return `peer=${peer.peerName}`
}
