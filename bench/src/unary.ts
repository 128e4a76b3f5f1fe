import { Metadata } from '@grpc/grpc-js'
import type { CallOptions, ServiceError } from '@grpc/grpc-js'

/** Promise form of a grpc-js unary call with a deadline (and optional metadata). */
export function unary<Res>(
  invoke: (
    metadata: Metadata,
    options: CallOptions,
    callback: (err: ServiceError | null, res?: Res) => void,
  ) => unknown,
  options: { readonly timeoutMs?: number; readonly metadata?: Metadata } = {},
): Promise<Res> {
  return new Promise((resolve, reject) => {
    invoke(
      options.metadata ?? new Metadata(),
      { deadline: Date.now() + (options.timeoutMs ?? 60_000) },
      (err, res) => {
        if (err !== null) reject(err)
        else if (res === undefined) reject(new Error('empty response'))
        else resolve(res)
      },
    )
  })
}
