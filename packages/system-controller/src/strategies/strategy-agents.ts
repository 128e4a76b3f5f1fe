import { Metadata } from '@grpc/grpc-js'
import { commandMessage } from '@dc/platform-service'
import type { Command } from '@dc/netmodel'
import { unaryCall } from '@dc/protos'
import { dialAddress } from '../subclouds/subcloud.js'
import type {
  AgentClient,
  ApplyResponse__Output,
  DescribeResponse__Output,
  PlanResponse__Output,
  PlatformClient,
} from '@dc/protos'

/** A subcloud as the strategy dials it: by name, over its primary address only. */
export interface AgentTarget {
  readonly name: string
  /** Primary agent address at bootstrap, `host:port`. */
  readonly bootstrapAddress: string
  /** Where the agent is dialled after bootstrap, when the controller moved there. */
  readonly operationalAddress: string | undefined
}

/** One fenced, idempotent change as `Agent.Apply` takes it. */
export interface StrategyApply {
  readonly commands: readonly Command[]
  readonly changeId: string
  /** The generation the change was planned against; none for host actions. */
  readonly expectedGeneration?: number
  readonly epoch: number
  readonly controllerId: string
}

/** The agent calls a network strategy makes; each bounded by a deadline and the signal. */
export interface StrategyAgents {
  describe(target: AgentTarget, signal: AbortSignal): Promise<DescribeResponse__Output>
  /** The agent's dry run of `commands` against its current state (`Platform.Plan`). */
  plan(target: AgentTarget, commands: readonly Command[], signal: AbortSignal): Promise<PlanResponse__Output>
  apply(target: AgentTarget, change: StrategyApply, signal: AbortSignal): Promise<ApplyResponse__Output>
}

/** The part of the agent channel pool the strategy needs: clients over each subcloud's one channel. */
export interface StrategyChannels {
  agent(name: string, primaryAddress: string): AgentClient
  platform(name: string, primaryAddress: string): PlatformClient
}

/**
 * {@link StrategyAgents} over the controller's shared per-subcloud channels, every call with a
 * deadline of `callTimeoutMs` (a host lock or swact on a busy agent takes a while, a Describe of a
 * big site too).
 */
export function strategyAgents(channels: StrategyChannels, callTimeoutMs = 30_000): StrategyAgents {
  const deadline = (): { deadline: Date } => ({ deadline: new Date(Date.now() + callTimeoutMs) })
  return {
    describe: (target, signal) => {
      const client = channels.agent(target.name, dialAddress(target))
      return unaryCall<DescribeResponse__Output>(
        (cb) => client.Describe({}, new Metadata(), deadline(), cb),
        signal,
      )
    },
    plan: (target, commands, signal) => {
      const client = channels.platform(target.name, dialAddress(target))
      return unaryCall<PlanResponse__Output>(
        (cb) => client.Plan({ commands: commands.map(commandMessage) }, new Metadata(), deadline(), cb),
        signal,
      )
    },
    apply: (target, change, signal) => {
      const client = channels.agent(target.name, dialAddress(target))
      const request = {
        commands: change.commands.map(commandMessage),
        change_id: change.changeId,
        epoch: String(change.epoch),
        controller_id: change.controllerId,
        ...(change.expectedGeneration === undefined
          ? {}
          : { expected_generation: String(change.expectedGeneration) }),
      }
      return unaryCall<ApplyResponse__Output>(
        (cb) => client.Apply(request, new Metadata(), deadline(), cb),
        signal,
      )
    },
  }
}
