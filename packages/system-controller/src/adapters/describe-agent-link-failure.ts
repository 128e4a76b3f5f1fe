import { describeGrpcError } from '@dc/protos'
import { describeTlsFailure } from '@dc/tls'
import type { CaOnlyTlsFiles } from '@dc/tls'

/**
 * Why a call from this controller to the agent at `address` failed, in one line: a refused TLS
 * handshake explained from the controller's side (`tls`: the files it dials with, undefined when
 * it dials in plaintext), otherwise the gRPC status and details.
 */
export function describeAgentLinkFailure(
  err: unknown,
  address: string,
  tls: CaOnlyTlsFiles | undefined,
): string {
  return agentHandshakeFailure(err, address, tls) ?? describeGrpcError(err)
}

/** The TLS part of {@link describeAgentLinkFailure}: undefined when TLS does not explain `err`. */
export function agentHandshakeFailure(
  err: unknown,
  address: string,
  tls: CaOnlyTlsFiles | undefined,
): string | undefined {
  return describeTlsFailure(err, address, {
    caFile: tls?.caFile,
    certFile: tls?.certFile,
    insecure: tls === undefined,
  })
}
