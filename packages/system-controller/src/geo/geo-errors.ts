import { ControllerError } from '../controller-error.js'

/** A geo-redundancy object (system peer, subcloud peer group, peer group association) a request names. */
export type GeoObject = 'system peer' | 'subcloud peer group' | 'peer group association'

/** No system peer, subcloud peer group or peer group association matches the reference. */
export class GeoObjectNotFoundError extends ControllerError {
  readonly code = 'GEO_OBJECT_NOT_FOUND'
  readonly category = 'not-found'
  readonly object: GeoObject
  readonly ref: string

  constructor(object: GeoObject, ref: string) {
    super(`${object[0]?.toUpperCase() ?? ''}${object.slice(1)} not found: ${ref}`)
    this.object = object
    this.ref = ref
  }
}

/** A system peer, subcloud peer group or peer group association clashes with an existing one. */
export class GeoObjectExistsError extends ControllerError {
  readonly code = 'GEO_OBJECT_EXISTS'
  readonly category = 'already-exists'
  readonly object: GeoObject

  constructor(object: GeoObject, message: string) {
    super(message)
    this.object = object
  }
}

/**
 * A geo-redundancy rule of spec distcloud 4 that the current state breaks: a peer still referenced,
 * a peer group not led by this site, an association the rules forbid, a member that cannot join.
 */
export class GeoRuleError extends ControllerError {
  readonly code = 'GEO_RULE'
  readonly category = 'failed-precondition'
}

/** The NATS link to the peer site is not configured or not reachable right now. */
export class PeerLinkUnavailableError extends ControllerError {
  readonly code = 'PEER_LINK_UNAVAILABLE'
  readonly category = 'unavailable'
}

/** Another controller changed a peer group's ownership first (compare-and-set lost); the caller may retry. */
export class OwnershipConflictError extends ControllerError {
  readonly code = 'OWNERSHIP_CONFLICT'
  readonly category = 'aborted'

  constructor(group: string, options?: ErrorOptions) {
    super(`Ownership of subcloud peer group ${group} changed concurrently; retry`, options)
  }
}

/**
 * A message from the peer site (or an ownership record) that cannot be read: not dc.geo.v1 nor the
 * previous release's JSON, too large, or a field out of bounds. Never half-applied; the caller
 * skips it.
 */
export class MalformedGeoMessageError extends ControllerError {
  readonly code = 'GEO_MESSAGE_MALFORMED'
  readonly category = 'invalid-argument'
  /** Full proto name of the message expected, e.g. `dc.geo.v1.GeoEvent`. */
  readonly messageType: string
  /**
   * Who wrote it, as far as known: `schema revision N, read at M`, `the previous release's JSON`,
   * or `unknown`.
   */
  readonly writer: string

  constructor(messageType: string, writer: string, reason: string, options?: ErrorOptions) {
    super(`Unreadable ${messageType} (${writer}): ${reason}`, options)
    this.messageType = messageType
    this.writer = writer
  }
}
