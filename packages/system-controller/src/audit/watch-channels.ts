import type { ClientReadableStream } from '@grpc/grpc-js'
import type { WatchEvent__Output, WatchRequest } from '@dc/protos'

/**
 * The part of the agent channel pool the audit uses (`AgentChannels` implements it): a client
 * per subcloud, dialled on the primary address, and a way to drop it when the subcloud is deleted.
 */
export interface WatchChannels {
  agent(
    name: string,
    primaryAddress: string,
  ): { Watch(request: WatchRequest): ClientReadableStream<WatchEvent__Output> }
  forget(name: string): void
  /**
   * Whether a call to `name` at `primaryAddress` would fail at once as unreachable: its channel is
   * in transient failure (the last connection attempt was refused) and reconnects on its own
   * backoff. The audit counts such an attempt as refused without making the call, so a fleet of
   * dead agents costs no calls; false when unknown.
   */
  failsFast(name: string, primaryAddress: string): boolean
}
