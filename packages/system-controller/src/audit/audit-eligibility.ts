import type { DeployStatus } from '../subclouds/deploy-status.js'
import type { AuditTarget } from './audit-store.js'

/**
 * Deploy states whose subclouds are audited (spec/distcloud.md section 3): a deployed site, or one
 * whose later phases failed and still runs. Every other state (creating, bootstrapping, rehoming,
 * secondary, ...) has no agent worth watching yet, or one that another site owns.
 */
export const AUDITED_DEPLOY_STATUSES: ReadonlySet<DeployStatus> = new Set<DeployStatus>([
  'complete',
  'pre-config-failed',
  'configuring',
  'config-failed',
  'config-aborted',
  'pre-install-failed',
  'installing',
  'install-failed',
  'install-aborted',
  'restoring',
  'restore-prep-failed',
  'restore-failed',
  'rehome-pending',
  'sw-deploy-in-progress',
  'sw-deploy-apply-strategy-failed',
])

/** Whether the audit watches this subcloud: managed and unmanaged alike get availability. */
export function isAudited(target: AuditTarget): boolean {
  return AUDITED_DEPLOY_STATUSES.has(target.deployStatus)
}
