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
}
