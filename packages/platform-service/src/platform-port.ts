import type { Command, Effect, SystemState } from '@dc/netmodel'

/** The outcome of an applied change: the state before and after, and the effects in order. */
export interface ApplyResult {
  readonly previous: SystemState
  readonly state: SystemState
  readonly effects: readonly Effect[]
}

/**
 * What the Platform service needs from the site it serves. The agent implements it over its own
 * state; the controller over its own system (and, for a subcloud region, by forwarding).
 */
export interface PlatformPort {
  /** The current state; rejects with NotBootstrappedError before bootstrap. */
  state(signal: AbortSignal): Promise<SystemState>
  /** Apply `commands` as one change (all or none), durably; rejects with the first rule broken. */
  apply(commands: readonly Command[], signal: AbortSignal): Promise<ApplyResult>
}
