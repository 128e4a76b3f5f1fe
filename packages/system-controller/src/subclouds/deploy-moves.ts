import { COPY_STATES, DEPLOY_PATH, DEPLOY_STATUSES } from './deploy-status.js'
import type { DeployStatus } from './deploy-status.js'

/** What moves a subcloud's deploy status: the operation owns the move, not the caller. */
export type DeployOperation =
  /** `subcloud add`'s background deploy, one phase after another. */
  | 'deploy'
  /** A deploy phase failed (or the controller stopped it). */
  | 'deploy-failure'
  /** A controller start found a deploy or rehome its previous run left half-done. */
  | 'restart'
  /** `subcloud unmanage --migrate`. */
  | 'unmanage-migrate'
  /** `subcloud manage` of a rehome-pending subcloud. */
  | 'manage'
  /** `subcloud-peer-group migrate` taking a copy over. */
  | 'rehome'
  | 'rehome-failure'
  /** Another site took the subcloud's peer group: this site keeps a secondary copy. */
  | 'demote'
  /** `subcloud redeploy`: the agent reset and bootstrapped again with new values. */
  | 'redeploy'
  /** `subcloud deploy resume`: back to the stable state before the phase that failed. */
  | 'resume'
  /** `subcloud deploy abort`, and the aborted deploy settling. */
  | 'abort'
  /** `subcloud update` with new management values (network reconfiguration). */
  | 'reconfigure-network'
  | 'reconfigure-network-failure'

/** One allowed move of `deploy_status`. */
export interface DeployMove {
  readonly from: readonly DeployStatus[]
  readonly to: DeployStatus
  readonly by: DeployOperation
}

const OWNED_STATES: readonly DeployStatus[] = DEPLOY_STATUSES.filter((s) => !COPY_STATES.includes(s))

/**
 * Where each deploy phase fails to (spec distcloud 1.3): a phase's own state and the stable state
 * before it fail to the same place, because the deploy runs start to end in one task.
 */
const PHASE_FAILURES: readonly (readonly [DeployStatus, DeployStatus])[] = [
  ['not-deployed', 'create-failed'],
  ['creating', 'create-failed'],
  ['create-complete', 'pre-bootstrap-failed'],
  ['pre-bootstrap', 'pre-bootstrap-failed'],
  ['bootstrapping', 'bootstrap-failed'],
  ['bootstrap-complete', 'bootstrap-failed'],
]

const REHOME_FAILURES: readonly (readonly [DeployStatus, DeployStatus])[] = [
  ['pre-rehome', 'rehome-prep-failed'],
  ['rehoming', 'rehome-failed'],
]

/** An abort the controller stopped before it settled ends as the abort would have. */
const UNSETTLED_ABORTS: readonly (readonly [DeployStatus, DeployStatus])[] = [
  ['aborting-bootstrap', 'bootstrap-aborted'],
]

/** The stable states a deploy starts from: every phase, or those after create (redeploy, resume). */
export type ResumePoint = 'not-deployed' | 'create-complete'

/**
 * Where `deploy resume` restarts a failed or aborted deploy: the stable state before the phase that
 * failed, from which the runner runs the rest (spec distcloud 1.3, "resume maps each state to the
 * phases still to run"). pre-bootstrap here only waits for the agent, so it runs again with bootstrap.
 */
export const RESUME_POINTS: ReadonlyMap<DeployStatus, ResumePoint> = new Map<DeployStatus, ResumePoint>([
  ['create-failed', 'not-deployed'],
  ['pre-bootstrap-failed', 'create-complete'],
  ['bootstrap-failed', 'create-complete'],
  ['bootstrap-aborted', 'create-complete'],
])

/**
 * The states `deploy abort` stops: StarlingX aborts its bootstrap playbook (`bootstrapping`); here
 * the wait for the agent (`pre-bootstrap`) is part of that phase and can hang as long.
 */
export const ABORTABLE_STATES: readonly DeployStatus[] = ['pre-bootstrap', 'bootstrapping']

/** `subcloud redeploy` starts over from these: a finished deploy, or one that failed or was aborted. */
export const REDEPLOYABLE_STATES: readonly DeployStatus[] = ['complete', ...RESUME_POINTS.keys()]

const RECONFIGURATION_FAILURE: readonly [DeployStatus, DeployStatus] = [
  'reconfiguring-network',
  'network-reconfiguration-failed',
]

/**
 * Every move of `deploy_status` this controller makes, and nothing else: the store refuses a
 * move the table does not list, so a new flow starts by adding its moves here.
 */
export const DEPLOY_MOVES: readonly DeployMove[] = [
  ...DEPLOY_PATH.slice(1).map((to, i) => ({
    from: [DEPLOY_PATH[i] as DeployStatus],
    to,
    by: 'deploy' as const,
  })),
  ...PHASE_FAILURES.map(([from, to]) => ({ from: [from], to, by: 'deploy-failure' as const })),
  ...[...PHASE_FAILURES, ...REHOME_FAILURES, ...UNSETTLED_ABORTS, RECONFIGURATION_FAILURE].map(
    ([from, to]) => ({
      from: [from],
      to,
      by: 'restart' as const,
    }),
  ),
  { from: ['complete'], to: 'rehome-pending', by: 'unmanage-migrate' },
  { from: ['rehome-pending'], to: 'complete', by: 'manage' },
  { from: COPY_STATES, to: 'pre-rehome', by: 'rehome' },
  { from: ['pre-rehome'], to: 'rehoming', by: 'rehome' },
  { from: ['rehoming'], to: 'complete', by: 'rehome' },
  ...REHOME_FAILURES.map(([from, to]) => ({ from: [from], to, by: 'rehome-failure' as const })),
  // Rehomed, but not seen online in time.
  { from: ['complete'], to: 'rehome-failed', by: 'rehome-failure' },
  { from: OWNED_STATES, to: 'secondary', by: 'demote' },
  { from: REDEPLOYABLE_STATES, to: 'create-complete', by: 'redeploy' },
  ...[...RESUME_POINTS].map(([from, to]) => ({ from: [from], to, by: 'resume' as const })),
  { from: ABORTABLE_STATES, to: 'aborting-bootstrap', by: 'abort' },
  { from: ['aborting-bootstrap'], to: 'bootstrap-aborted', by: 'abort' },
  // A failed reconfiguration is retried with new values, as StarlingX allows.
  {
    from: ['complete', 'network-reconfiguration-failed'],
    to: 'reconfiguring-network',
    by: 'reconfigure-network',
  },
  { from: ['reconfiguring-network'], to: 'complete', by: 'reconfigure-network' },
  {
    from: [RECONFIGURATION_FAILURE[0]],
    to: RECONFIGURATION_FAILURE[1],
    by: 'reconfigure-network-failure',
  },
]

/** Whether `by` may move a subcloud from `from` to `to`. */
export function isAllowedMove(from: DeployStatus, to: DeployStatus, by: DeployOperation): boolean {
  return DEPLOY_MOVES.some((m) => m.by === by && m.to === to && m.from.includes(from))
}

/** The states `by` may move a subcloud to `to` from. */
export function sourcesOf(to: DeployStatus, by: DeployOperation): DeployStatus[] {
  return [...new Set(DEPLOY_MOVES.filter((m) => m.by === by && m.to === to).flatMap((m) => m.from))]
}

/** Where a failure during `phase` of operation `by` leaves the subcloud; undefined: not a phase of it. */
export function failureOf(
  phase: DeployStatus,
  by: 'deploy-failure' | 'rehome-failure' | 'restart',
): DeployStatus | undefined {
  return DEPLOY_MOVES.find((m) => m.by === by && m.from.length === 1 && m.from[0] === phase)?.to
}

/**
 * Where a restart puts a subcloud it found in a transitory state. StarlingX rewrites its
 * transitory states at start; here the deploy runs its phases in one background task, so the
 * stable states between phases (not-deployed, create-complete, bootstrap-complete) would be stuck
 * forever and are failed the same way, to a state `deploy resume` starts from.
 */
export const INTERRUPTED_DEPLOY_FAILURES: ReadonlyMap<DeployStatus, DeployStatus> = new Map(
  DEPLOY_MOVES.filter((m) => m.by === 'restart').map((m) => [m.from[0] as DeployStatus, m.to]),
)

export const INTERRUPTED_REASON = 'interrupted by a controller restart'
