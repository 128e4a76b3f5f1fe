/**
 * The `deploy_status` values this controller writes (spec distcloud 1.3, the add path without
 * install and config phases). Rows may hold other StarlingX values later (rehome, secondary...),
 * so the column stays text and readers compare against these constants.
 */
export type DeployStatus =
  | 'not-deployed'
  | 'creating'
  | 'create-complete'
  | 'pre-bootstrap'
  | 'bootstrapping'
  | 'bootstrap-complete'
  | 'complete'
  | 'create-failed'
  | 'pre-bootstrap-failed'
  | 'bootstrap-failed'
  | 'rehome-pending'
  | 'pre-rehome'
  | 'rehoming'
  | 'rehome-prep-failed'
  | 'rehome-failed'

/** The happy path of `subcloud add`, in order. */
export const DEPLOY_PATH: readonly DeployStatus[] = [
  'not-deployed',
  'creating',
  'create-complete',
  'pre-bootstrap',
  'bootstrapping',
  'bootstrap-complete',
  'complete',
]

/**
 * Where a deploy that was under way when the controller stopped ends up. StarlingX rewrites its
 * transitory states (creating, bootstrapping, ...) at start; here the deploy runs start to end in
 * one background task with no `deploy resume`, so the in-between stable states (not-deployed,
 * create-complete, bootstrap-complete) would be stuck forever and are failed the same way.
 */
export const INTERRUPTED_DEPLOY_FAILURES: ReadonlyMap<string, DeployStatus> = new Map<
  DeployStatus,
  DeployStatus
>([
  ['not-deployed', 'create-failed'],
  ['creating', 'create-failed'],
  ['create-complete', 'pre-bootstrap-failed'],
  ['pre-bootstrap', 'pre-bootstrap-failed'],
  ['bootstrapping', 'bootstrap-failed'],
  ['bootstrap-complete', 'bootstrap-failed'],
  ['pre-rehome', 'rehome-prep-failed'],
  ['rehoming', 'rehome-failed'],
])

export const INTERRUPTED_REASON = 'interrupted by a controller restart'

/** States in which a deploy operation is running: delete and rename are refused (spec 2.1). */
export const ACTIVE_DEPLOY_STATES: ReadonlySet<string> = new Set([
  'not-deployed',
  'creating',
  'create-complete',
  'pre-bootstrap',
  'bootstrapping',
  'bootstrap-complete',
  'pre-install',
  'installing',
  'pre-config',
  'configuring',
  'pre-rehome',
  'rehoming',
  'pre-restore',
  'restoring',
  'reconfiguring-network',
  'initiating-enroll',
  'enrolling',
])

/** `list` hides these without `--all` (spec 2.1). */
export const HIDDEN_WITHOUT_ALL: ReadonlySet<string> = new Set(['secondary', 'secondary-failed'])
