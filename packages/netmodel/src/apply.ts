import type { Command } from './command.js'
import { validateCommand } from './command-shape.js'
import { Draft } from './draft.js'
import type { Effect } from './effect.js'
import { NetModelError } from './net-model-error.js'
import { lockHost, swactHost, unlockHost } from './host-commands.js'
import { addNetwork, assignPool, deleteNetwork, removeAssignment } from './network-commands.js'
import { reconcileKubernetesDualStack } from './platform-effects.js'
import { addPool, deletePool, modifyPool } from './pool-commands.js'
import type { SystemState } from './system-state.js'

/** The outcome of one command: the next state and its effects, or why it was refused. */
export type ApplyResult =
  | { readonly ok: true; readonly state: SystemState; readonly effects: readonly Effect[] }
  | { readonly ok: false; readonly error: NetModelError }

/** The outcome of a batch; on failure `index` is the command that was refused. */
export type ApplyAllResult =
  | { readonly ok: true; readonly state: SystemState; readonly effects: readonly Effect[] }
  | { readonly ok: false; readonly error: NetModelError; readonly index: number }

/** One command of a {@link plan}. */
export type PlanStep =
  | { readonly index: number; readonly ok: true; readonly effects: readonly Effect[] }
  | { readonly index: number; readonly ok: false; readonly error: NetModelError }

/** A dry run: every command's outcome, and the final state when all of them pass. */
export type PlanResult =
  | { readonly ok: true; readonly steps: readonly PlanStep[]; readonly state: SystemState }
  | { readonly ok: false; readonly steps: readonly PlanStep[] }

function run(draft: Draft, command: Command): void {
  switch (command.kind) {
    case 'addrpool-add':
      return addPool(draft, command)
    case 'addrpool-modify':
      return modifyPool(draft, command)
    case 'addrpool-delete':
      return deletePool(draft, command)
    case 'network-add':
      return addNetwork(draft, command)
    case 'network-delete':
      return deleteNetwork(draft, command)
    case 'network-addrpool-assign':
      return assignPool(draft, command)
    case 'network-addrpool-remove':
      return removeAssignment(draft, command)
    case 'host-lock':
      return lockHost(draft, command)
    case 'host-unlock':
      return unlockHost(draft, command)
    case 'host-swact':
      return swactHost(draft, command)
    default:
      return command satisfies never
  }
}

/**
 * Applies one command. Never throws for bad input: a malformed or refused command yields
 * `{ ok: false, error }` and the caller keeps its state, which is never modified. A successful
 * command returns a new state one `generation` on, plus the effects the platform must carry out.
 *
 * @example
 * const r = apply(state, { kind: 'network-addrpool-assign', network: 'oam', pool: 'oam-ipv4' })
 * if (!r.ok) console.error(r.error.code, r.error.message)
 */
export function apply(state: SystemState, command: Command): ApplyResult {
  try {
    const valid = validateCommand(command)
    const draft = new Draft(state)
    run(draft, valid)
    reconcileKubernetesDualStack(draft)
    return { ok: true, ...draft.commit() }
  } catch (e) {
    if (e instanceof NetModelError) return { ok: false, error: e }
    throw e
  }
}

/** Applies commands in order, all or none: the first refusal returns its error and index. */
export function applyAll(state: SystemState, commands: readonly Command[]): ApplyAllResult {
  let current = state
  const effects: Effect[] = []
  for (const [index, command] of commands.entries()) {
    const result = apply(current, command)
    if (!result.ok) return { ok: false, error: result.error, index }
    current = result.state
    effects.push(...result.effects)
  }
  return { ok: true, state: current, effects }
}

/**
 * Dry run of a batch. Each command is tried on the state left by the ones before it that
 * passed, so one refusal does not hide the verdicts on independent later commands.
 */
export function plan(state: SystemState, commands: readonly Command[]): PlanResult {
  let current = state
  const steps: PlanStep[] = []
  for (const [index, command] of commands.entries()) {
    const result = apply(current, command)
    if (result.ok) {
      current = result.state
      steps.push({ index, ok: true, effects: result.effects })
    } else {
      steps.push({ index, ok: false, error: result.error })
    }
  }
  return steps.every((s) => s.ok) ? { ok: true, steps, state: current } : { ok: false, steps }
}
