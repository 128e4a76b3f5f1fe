import type { ClientUnaryCall, ServiceError, requestCallback } from '@grpc/grpc-js'

/**
 * Promise form of a grpc-js unary call: `invoke` starts it with the given callback (passing its own
 * metadata and call options, deadline included). The call is cancelled when `signal` aborts, and
 * never started when it already has: the promise then rejects with the signal's reason. A failed
 * call rejects with the client's `ServiceError` untouched (code, details and trailers intact), so
 * it can be passed back to a caller as it came.
 *
 * @example
 * const described = await unaryCall<DescribeResponse__Output>(
 *   (cb) => client.Describe({}, new Metadata(), { deadline: Date.now() + 5_000 }, cb),
 *   signal,
 * )
 */
export function unaryCall<Res>(
  invoke: (callback: requestCallback<Res>) => ClientUnaryCall,
  signal?: AbortSignal,
): Promise<Res> {
  return new Promise<Res>((resolve, reject) => {
    signal?.throwIfAborted()
    const onAbort = (): void => call.cancel()
    const call = invoke((err: ServiceError | null, response?: Res) => {
      signal?.removeEventListener('abort', onAbort)
      if (err !== null) reject(err)
      else if (response === undefined) reject(new Error('empty response'))
      else resolve(response)
    })
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/** `{ code, details }` of a gRPC failure as one line for error descriptions and logs. */
export function describeGrpcError(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'code' in err && 'details' in err) {
    const { code, details } = err as { code: unknown; details: unknown }
    return `${String(details)} (gRPC status ${String(code)})`
  }
  return err instanceof Error ? err.message : String(err)
}
