import { Metadata } from '@grpc/grpc-js'
import type { CommandError, CommandError__Output } from '../gen/dc/platform/v1/CommandError.js'
import { loadProtos } from './load-protos.js'
import { ERROR_DETAIL_METADATA_KEY } from './metadata.js'

/**
 * Trailing metadata carrying `detail` for a rejected call: pass it as `metadata` of the
 * `{ code, details }` status a handler replies with.
 */
export function errorDetailMetadata(detail: CommandError): Metadata {
  const metadata = new Metadata()
  metadata.set(ERROR_DETAIL_METADATA_KEY, loadProtos().dc.platform.v1.CommandError.serialize(detail))
  return metadata
}

/**
 * The CommandError a server attached to a failed call's trailers, or undefined when there is none
 * or it does not decode (a foreign or older server is not a reason to fail the error path).
 */
export function readErrorDetail(metadata: Metadata | undefined): CommandError__Output | undefined {
  const [value] = metadata?.get(ERROR_DETAIL_METADATA_KEY) ?? []
  if (!Buffer.isBuffer(value)) return undefined
  try {
    return loadProtos().dc.platform.v1.CommandError.deserialize(value)
  } catch {
    return undefined
  }
}
