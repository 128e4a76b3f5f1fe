import { status } from '@grpc/grpc-js'
import type { ServerErrorResponse } from '@grpc/grpc-js'
import { ERROR_CODE_METADATA_KEY, ERROR_FIELD_METADATA_KEY, toGrpcStatus } from '@dc/platform-service'
import type { Logger } from '@dc/runtime'
import { REGION_METADATA_KEY, errorDetailMetadata } from '@dc/protos'
import {
  ControllerError,
  InvalidFieldError,
  NetworkReconfigurationRejectedError,
  RegionRequiredError,
  SubcloudAddRejectedError,
} from '../errors.js'
import type { ControllerErrorCategory } from '../errors.js'

const CATEGORY_CODES: Record<ControllerErrorCategory, status> = {
  'invalid-argument': status.INVALID_ARGUMENT,
  'failed-precondition': status.FAILED_PRECONDITION,
  'not-found': status.NOT_FOUND,
  'already-exists': status.ALREADY_EXISTS,
  unavailable: status.UNAVAILABLE,
  aborted: status.ABORTED,
  unimplemented: status.UNIMPLEMENTED,
}

/** The key a controller error is about, for the `dc-error-field` trailer. */
function fieldOf(err: ControllerError): string {
  if (err instanceof InvalidFieldError) return err.field
  if (err instanceof SubcloudAddRejectedError || err instanceof NetworkReconfigurationRejectedError) {
    return err.violations[0]?.key ?? ''
  }
  if (err instanceof RegionRequiredError) return REGION_METADATA_KEY
  return ''
}

/**
 * The controller's one boundary mapper: its own {@link ControllerError}s by category, with the
 * stable code and field in the trailers as the Platform service sends them; everything else
 * (netmodel rule violations, Platform service errors, aborts, bugs) through the shared Platform
 * mapper, which turns anything unexpected into INTERNAL with a generic message and logs the cause.
 */
export function toStatus(err: unknown, log?: Logger): ServerErrorResponse {
  if (!(err instanceof ControllerError)) return toGrpcStatus(err, log)
  const code = CATEGORY_CODES[err.category]
  const field = fieldOf(err)
  const metadata = errorDetailMetadata({
    code: err.code,
    category: err.category,
    message: err.message,
    field,
  })
  metadata.set(ERROR_CODE_METADATA_KEY, err.code)
  if (field !== '') metadata.set(ERROR_FIELD_METADATA_KEY, field)
  return Object.assign(new Error(err.message), { code, details: err.message, metadata })
}
