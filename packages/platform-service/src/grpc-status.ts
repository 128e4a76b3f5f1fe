import { status } from '@grpc/grpc-js'
import type { ServerErrorResponse } from '@grpc/grpc-js'
import { NetModelError } from '@dc/netmodel'
import type { ErrorCategory } from '@dc/netmodel'
import { errorDetailMetadata } from '@dc/protos'
import { silentLogger } from '@dc/runtime'
import type { Logger } from '@dc/runtime'
import { PlatformServiceError } from './errors.js'

const CATEGORY_CODES: Record<ErrorCategory, status> = {
  'invalid-argument': status.INVALID_ARGUMENT,
  'failed-precondition': status.FAILED_PRECONDITION,
  'not-found': status.NOT_FOUND,
  'already-exists': status.ALREADY_EXISTS,
}

const CODE_CATEGORIES = new Map<status, ErrorCategory>(
  Object.entries(CATEGORY_CODES).map(([category, code]) => [code, category as ErrorCategory]),
)

/** Trailing metadata key carrying the stable error code (`ADDRESS_SYNTAX`, `STALE_EPOCH`, ...). */
export const ERROR_CODE_METADATA_KEY = 'dc-error-code'
/** Trailing metadata key carrying the offending field or bootstrap key, when known. */
export const ERROR_FIELD_METADATA_KEY = 'dc-error-field'

/**
 * The status plus trailers: the stable code and field as text keys (for grpcurl and scripts), and
 * the same as a binary `CommandError` (for typed clients).
 */
function respond(code: status, details: string, errorCode: string, field?: string): ServerErrorResponse {
  const metadata = errorDetailMetadata({
    code: errorCode,
    category: CODE_CATEGORIES.get(code) ?? '',
    message: details,
    field: field ?? '',
  })
  metadata.set(ERROR_CODE_METADATA_KEY, errorCode)
  if (field !== undefined && field !== '') metadata.set(ERROR_FIELD_METADATA_KEY, field)
  return Object.assign(new Error(details), { code, details, metadata })
}

/**
 * The one boundary mapper from failures to gRPC statuses. netmodel errors map by category,
 * {@link PlatformServiceError}s by their own status, aborts to CANCELLED; anything else is a bug on
 * our side: INTERNAL with a generic message, the cause going to `log` (as `err`, at error level)
 * and never to the caller. A server passes its logger; without one the cause is not logged.
 */
export function toGrpcStatus(err: unknown, log: Logger = silentLogger): ServerErrorResponse {
  if (err instanceof NetModelError) {
    return respond(CATEGORY_CODES[err.category], err.message, err.code, err.field)
  }
  if (err instanceof PlatformServiceError) return respond(err.grpcCode, err.message, err.code, err.field)
  if (err instanceof Error && err.name === 'AbortError')
    return respond(status.CANCELLED, 'Call cancelled', 'CANCELLED')
  log.error('internal error', { err })
  return respond(status.INTERNAL, 'Internal error', 'INTERNAL')
}
