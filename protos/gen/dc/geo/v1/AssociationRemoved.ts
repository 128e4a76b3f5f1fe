// Original file: dc/geo/v1/geo.proto


/**
 * The association of the group with the receiving site is gone: the peer drops its side.
 */
export interface AssociationRemoved {
  /**
   * The group's uuid.
   */
  'group_uuid'?: (string);
}

/**
 * The association of the group with the receiving site is gone: the peer drops its side.
 */
export interface AssociationRemoved__Output {
  /**
   * The group's uuid.
   */
  'group_uuid': (string);
}
