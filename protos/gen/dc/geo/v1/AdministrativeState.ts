// Original file: dc/geo/v1/geo.proto

/**
 * Administrative state of a peer group. An enum rather than a string: the number is the contract,
 * so a label can be renamed without breaking a peer, and 0 tells "not set" from every real value.
 */
export const AdministrativeState = {
  /**
   * Never written; a reader refuses it.
   */
  ADMINISTRATIVE_STATE_UNSPECIFIED: 'ADMINISTRATIVE_STATE_UNSPECIFIED',
  /**
   * `enabled`.
   */
  ADMINISTRATIVE_STATE_ENABLED: 'ADMINISTRATIVE_STATE_ENABLED',
  /**
   * `disabled`.
   */
  ADMINISTRATIVE_STATE_DISABLED: 'ADMINISTRATIVE_STATE_DISABLED',
} as const;

/**
 * Administrative state of a peer group. An enum rather than a string: the number is the contract,
 * so a label can be renamed without breaking a peer, and 0 tells "not set" from every real value.
 */
export type AdministrativeState =
  /**
   * Never written; a reader refuses it.
   */
  | 'ADMINISTRATIVE_STATE_UNSPECIFIED'
  | 0
  /**
   * `enabled`.
   */
  | 'ADMINISTRATIVE_STATE_ENABLED'
  | 1
  /**
   * `disabled`.
   */
  | 'ADMINISTRATIVE_STATE_DISABLED'
  | 2

/**
 * Administrative state of a peer group. An enum rather than a string: the number is the contract,
 * so a label can be renamed without breaking a peer, and 0 tells "not set" from every real value.
 */
export type AdministrativeState__Output = typeof AdministrativeState[keyof typeof AdministrativeState]
