/**
 * Every `deploy_status` of StarlingX dcmanager (spec distcloud 1.3). This controller writes the add
 * path, the rehome path and the geo-redundancy copy states; the others are known so a row written
 * by a newer release, or a state named in a rule (the audit's, delete's), is still a typed value.
 */
export const DEPLOY_STATUSES = [
  'not-deployed',
  'creating',
  'create-complete',
  'create-failed',
  'pre-install',
  'pre-install-failed',
  'installing',
  'install-complete',
  'install-failed',
  'aborting-install',
  'install-aborted',
  'pre-bootstrap',
  'pre-bootstrap-failed',
  'bootstrapping',
  'bootstrap-complete',
  'bootstrap-failed',
  'aborting-bootstrap',
  'bootstrap-aborted',
  'pre-config',
  'pre-config-failed',
  'configuring',
  'config-failed',
  'aborting-config',
  'config-aborted',
  'complete',
  'deploy-prep-failed',
  'deploy-failed',
  'pre-init-enroll',
  'pre-init-enroll-failed',
  'initiating-enroll',
  'init-enroll-failed',
  'init-enroll-complete',
  'pre-enroll',
  'pre-enroll-failed',
  'enrolling',
  'enroll-failed',
  'enroll-complete',
  'factory-restore-complete',
  'rehome-pending',
  'pre-rehome',
  'rehoming',
  'rehome-prep-failed',
  'rehome-failed',
  'secondary',
  'secondary-failed',
  'pre-restore',
  'restoring',
  'onsite-restoring',
  'restore-prep-failed',
  'restore-failed',
  'reconfiguring-network',
  'network-reconfiguration-failed',
  'sw-deploy-in-progress',
  'sw-deploy-apply-strategy-failed',
] as const

export type DeployStatus = (typeof DEPLOY_STATUSES)[number]

const KNOWN: ReadonlySet<string> = new Set(DEPLOY_STATUSES)

export function isDeployStatus(text: string): text is DeployStatus {
  return KNOWN.has(text)
}

/** The happy path of `subcloud add`, in order (no install or config phases here). */
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
 * The states in which this site holds a copy of a subcloud another site owns (spec distcloud 1.3):
 * the copy a peer sent, and the copies whose takeover failed.
 */
export const COPY_STATES: readonly DeployStatus[] = [
  'secondary',
  'secondary-failed',
  'rehome-failed',
  'rehome-prep-failed',
]

/** States in which a deploy operation is running: delete and rename are refused (spec 2.1). */
export const ACTIVE_DEPLOY_STATES: ReadonlySet<DeployStatus> = new Set<DeployStatus>([
  ...DEPLOY_PATH.filter((s) => s !== 'complete'),
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

/** `subcloud list` hides these without `--all` (spec 2.1). */
export const HIDDEN_WITHOUT_ALL: ReadonlySet<DeployStatus> = new Set<DeployStatus>([
  'secondary',
  'secondary-failed',
])
