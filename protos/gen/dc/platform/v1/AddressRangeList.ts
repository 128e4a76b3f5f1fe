// Original file: dc/platform/v1/platform.proto

import type { AddressRange as _dc_platform_v1_AddressRange, AddressRange__Output as _dc_platform_v1_AddressRange__Output } from '../../../dc/platform/v1/AddressRange.js';

/**
 * A list of ranges that can be present-but-empty, for modify.
 */
export interface AddressRangeList {
  /**
   * The ranges.
   */
  'ranges'?: (_dc_platform_v1_AddressRange)[];
}

/**
 * A list of ranges that can be present-but-empty, for modify.
 */
export interface AddressRangeList__Output {
  /**
   * The ranges.
   */
  'ranges': (_dc_platform_v1_AddressRange__Output)[];
}
