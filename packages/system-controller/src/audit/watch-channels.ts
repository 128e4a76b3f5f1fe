import type { ClientReadableStream } from '@grpc/grpc-js'
import type { WatchEvent__Output, WatchRequest } from '@dc/protos'

/**
 * Whether a call to a subcloud would go out now: `ready` (connected), `refused` (the last connection
 * attempt was refused: a call would fail at once with UNAVAILABLE), or `connecting`.
 */
export type ChannelReadiness = 'ready' | 'refused' | 'connecting'

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
   * The readiness of the channel to `name` at `primaryAddress`, asking an idle one (or one not
   * made yet) to connect. The audit opens a stream only on a ready channel, counts a refused one as
   * an unreachable attempt without making the call, and waits on a connecting one
   * ({@link whenSettled}): a fleet of dead agents then costs no calls and no call errors.
   */
  readiness(name: string, primaryAddress: string): ChannelReadiness
  /**
   * Calls `settled` once the channel to `name` at `primaryAddress` is no longer connecting (at once
   * if it is not). Returns a function that stops waiting: `settled` is then never called.
   */
  whenSettled(name: string, primaryAddress: string, settled: () => void): () => void
}
