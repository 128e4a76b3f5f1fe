import { Metadata } from '@grpc/grpc-js'
import { describeGrpcError, unaryCall } from '@dc/protos'
import type { ClaimResponse__Output, DescribeResponse__Output } from '@dc/protos'
import type { Audit, Clock } from '../audit/index.js'
import type { Logger } from '@dc/runtime'
import { keep, update } from '../ports/mutation.js'
import type { SubcloudStore } from '../ports/subcloud-store.js'
import type { DeployChannels } from '../subclouds/deploy-runner.js'
import type { DeployStatus } from '../subclouds/deploy-status.js'
import { NO_ERROR_DESCRIPTION } from '../subclouds/subcloud.js'
import type { Subcloud } from '../subclouds/subcloud.js'

/** What rehoming one subcloud to this controller works with. */
export interface RehomeDeps {
  readonly subclouds: Pick<SubcloudStore, 'moveDeploy' | 'setExpectedConfigHash' | 'find' | 'mutate'>
  readonly channels: DeployChannels
  readonly audit: Pick<Audit, 'refresh' | 'expectConfigHash'>
  readonly clock: Clock
  /** This controller's id towards agents (its system uuid). */
  readonly controllerId: string
  readonly log: Logger
  /** Deadline of each agent call. @default 30000 */
  readonly callTimeoutMs?: number
  /** How long the rehomed subcloud may take to be seen online. */
  readonly onlineTimeoutMs: number
}

/** error_description holds at most this much (dcmanager's column size). */
const MAX_ERROR_DESCRIPTION = 2048
const ONLINE_POLL_MS = 200

/**
 * Take one secondary (or previously failed) copy over: `pre-rehome` claims its agent at the new
 * epoch (an agent still obeying a higher epoch refuses, and the copy ends `rehome-prep-failed`),
 * `rehoming` reads the configuration it now expects of it, `complete` lets the audit watch it, and
 * once it is online it is managed. Any failure after the claim ends in `rehome-failed`.
 * Resolves true when the subcloud ended managed.
 */
export async function rehomeSubcloud(
  deps: RehomeDeps,
  subcloud: Subcloud,
  epoch: number,
  signal: AbortSignal,
): Promise<boolean> {
  const { subclouds, log } = deps
  const fields = { subcloud: subcloud.name }
  const fail = async (to: DeployStatus, reason: string): Promise<false> => {
    log.warn(`subcloud ${subcloud.name}: ${to}: ${reason}`, fields)
    await subclouds.moveDeploy(subcloud.id, to, 'rehome-failure', {
      errorDescription: reason.slice(0, MAX_ERROR_DESCRIPTION),
    })
    return false
  }
  if (!(await subclouds.moveDeploy(subcloud.id, 'pre-rehome', 'rehome'))) return false
  log.info(`subcloud ${subcloud.name}: pre-rehome (epoch ${epoch})`, fields)
  const client = deps.channels.agent(subcloud.name, subcloud.bootstrapAddress)
  const deadline = (): Date => new Date(deps.clock.now() + (deps.callTimeoutMs ?? 30_000))
  try {
    await unaryCall<ClaimResponse__Output>(
      (cb) =>
        client.Claim(
          { epoch: String(epoch), controller_id: deps.controllerId },
          new Metadata(),
          { deadline: deadline() },
          cb,
        ),
      signal,
    )
  } catch (err) {
    return fail(
      'rehome-prep-failed',
      `pre-rehome: claim refused or agent unreachable: ${describeGrpcError(err)}`,
    )
  }
  if (!(await subclouds.moveDeploy(subcloud.id, 'rehoming', 'rehome'))) return false
  let systemUuid: string
  try {
    const described = await unaryCall<DescribeResponse__Output>(
      (cb) => client.Describe({}, new Metadata(), { deadline: deadline() }, cb),
      signal,
    )
    systemUuid = described.system?.uuid ?? ''
    if (!described.bootstrapped || systemUuid === '') {
      throw new Error('the agent reports no bootstrapped system')
    }
    await subclouds.setExpectedConfigHash(subcloud.id, described.config_hash)
    deps.audit.expectConfigHash(subcloud.name, described.config_hash)
  } catch (err) {
    return fail('rehome-failed', `rehoming: ${describeGrpcError(err)}`)
  }
  // The agent taken over is the one the audit watches from now on, as after a deploy.
  const moved = await subclouds.moveDeploy(subcloud.id, 'complete', 'rehome', {
    epoch,
    rehomed: true,
    errorDescription: NO_ERROR_DESCRIPTION,
    agentSystemUuid: systemUuid,
  })
  if (!moved) return false
  await deps.audit.refresh()
  const until = deps.clock.now() + deps.onlineTimeoutMs
  for (;;) {
    const current = await subclouds.find(String(subcloud.id))
    if (current === undefined || current.deployStatus !== 'complete') return false
    if (current.availability === 'online') break
    if (deps.clock.now() >= until) {
      return fail('rehome-failed', `rehomed, but not online within ${deps.onlineTimeoutMs} ms`)
    }
    await deps.clock.sleep(ONLINE_POLL_MS, signal)
  }
  await subclouds.mutate(String(subcloud.id), (current) =>
    current.managementState === 'managed' ? keep : update({ set: { managementState: 'managed' } }),
  )
  await deps.audit.refresh()
  log.info(`subcloud ${subcloud.name}: rehomed to this controller at epoch ${epoch}, managed`, fields)
  return true
}
