// Original file: dc/platform/v1/platform.proto


/**
 * An inclusive address range `start-end` of a pool.
 */
export interface AddressRange {
  /**
   * First address of the range.
   */
  'start'?: (string);
  /**
   * Last address of the range (may equal start).
   */
  'end'?: (string);
}

/**
 * An inclusive address range `start-end` of a pool.
 */
export interface AddressRange__Output {
  /**
   * First address of the range.
   */
  'start': (string);
  /**
   * Last address of the range (may equal start).
   */
  'end': (string);
}
