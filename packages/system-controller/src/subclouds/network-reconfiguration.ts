import { randomUUID } from 'node:crypto'
import { checkSubcloudCompatibility, commandLine, parseHostPort } from '@dc/netmodel'
import type { BootstrapValues, Command } from '@dc/netmodel'
import { describeGrpcError } from '@dc/protos'
import type { ApplyResponse__Output } from '@dc/protos'
import type { Logger } from '@dc/runtime'
import type { Audit } from '../audit/index.js'
import {
  InvalidFieldError,
  NetworkReconfigurationFailedError,
  NetworkReconfigurationRejectedError,
  SubcloudNotFoundError,
  SubcloudNameTakenError,
  SubcloudStateError,
} from '../errors.js'
import type { Violation } from '../errors.js'
import type { OwnSystem } from '../own-system.js'
import { refuse, settle, update } from '../ports/mutation.js'
import type { SubcloudStore } from '../ports/subcloud-store.js'
import { isRetryable, refusalOf } from '../strategies/step-execution.js'
import type { StrategyAgents } from '../strategies/strategy-agents.js'
import { isAllowedMove } from './deploy-moves.js'
import type { FleetClaim, FleetRegistry } from './fleet-registry.js'
import {
  flagViolation,
  parseCandidate,
  reconfigurationCommands,
  reconfiguredValues,
  valuesInUse,
} from './network-reconfiguration-values.js'
import type { ManagementValues } from './network-reconfiguration-values.js'
import { storedBootstrapValues } from './subcloud-add-validation.js'
import {
  controlPool,
  dcmanagerSubnetViolations,
  fleetClaimOf,
  fleetViolations,
} from './subcloud-fleet-rules.js'
import type { SubcloudMembership } from './subcloud-membership.js'
import type { OperationalAddressFollower } from './operational-address.js'
import { NO_ERROR_DESCRIPTION, dialAddress } from './subcloud.js'
import type { Subcloud } from './subcloud.js'

/** `subcloud update` with the four management values, checked for form by the gRPC boundary. */
export interface NetworkReconfigurationInput {
  readonly subcloud: string
  readonly values: ManagementValues
  /** `host:port`, IPv6 bracketed: where the agent is reached from now on. */
  readonly bootstrapAddress?: string
}

/** What a network reconfiguration works with. */
export interface NetworkReconfigurationDeps {
  readonly subclouds: Pick<SubcloudStore, 'find' | 'mutate' | 'moveDeploy' | 'setExpectedConfigHash'>
  readonly own: Pick<OwnSystem, 'current'>
  /** The fleet's ranges, the same registry `subcloud add` reserves in. */
  readonly fleet: Pick<FleetRegistry, 'clashes' | 'reserve'>
  /** Describe, dry run and fenced Apply over the subcloud's channel. */
  readonly agents: StrategyAgents
  /** This controller's id, sent with the subcloud's epoch on the Apply. */
  readonly controllerId: string
  readonly audit: Pick<Audit, 'expectConfigHash' | 'refreshSubcloud'>
  readonly membership: Pick<SubcloudMembership, 'editCheck' | 'changed'>
  /** Moves the controller onto the subcloud's new admin address once the agent listens there. */
  readonly operational: Pick<OperationalAddressFollower, 'follow'>
  readonly log: Logger
}

/** A subcloud the candidate values were checked for, with what they become. */
interface Checked {
  readonly subcloud: Subcloud
  readonly values: BootstrapValues
  readonly candidate: Record<string, unknown>
  /** What the subcloud takes in the fleet with the new values. */
  readonly claim: FleetClaim
  readonly commands: readonly Command[]
  readonly baseGeneration: number
}

/** StarlingX's preconditions of a network reconfiguration; undefined when `subcloud` meets them. */
function stateRefusal(subcloud: Subcloud): Error | undefined {
  const name = subcloud.name
  if (subcloud.managementState !== 'unmanaged') {
    return new SubcloudStateError(name, `A subcloud must be unmanaged to perform network reconfiguration`)
  }
  if (subcloud.availability !== 'online') {
    return new SubcloudStateError(
      name,
      `Subcloud ${name} must be online to perform network reconfiguration (it is ${subcloud.availability})`,
    )
  }
  if (!isAllowedMove(subcloud.deployStatus, 'reconfiguring-network', 'reconfigure-network')) {
    return new SubcloudStateError(
      name,
      `Subcloud ${name} can be reconfigured only when its deploy status is complete or ` +
        `network-reconfiguration-failed (it is ${subcloud.deployStatus})`,
    )
  }
  return undefined
}

function addressRefusal(subcloud: Subcloud, address: string | undefined): Error | undefined {
  if (address === undefined) return undefined
  const { family } = parseHostPort(address).host
  if (family === subcloud.externalOamFamily) return undefined
  return new InvalidFieldError(
    'bootstrap_address',
    `${address} is ${family}, but the subcloud's primary OAM family is ${subcloud.externalOamFamily}`,
  )
}

/**
 * `dcmanager subcloud update NAME --management-subnet ... --management-start-ip ...
 * --management-end-ip ... --management-gateway-ip ...`: the subcloud's admin network moved to new
 * values. Every rule of `subcloud add` runs again on the subcloud's values as they would be, and the
 * agent dry-runs the change, before anything is written; then the subcloud is
 * `reconfiguring-network` while the change goes to the agent as one fenced, idempotent Apply, and
 * its row, its fleet ranges and the configuration the audit expects follow it; a failed Apply leaves
 * it `network-reconfiguration-failed`, to be retried.
 */
export class NetworkReconfiguration {
  readonly #deps: NetworkReconfigurationDeps

  constructor(deps: NetworkReconfigurationDeps) {
    this.#deps = deps
  }

  async reconfigure(input: NetworkReconfigurationInput, signal: AbortSignal): Promise<Subcloud> {
    const found = await this.#deps.subclouds.find(input.subcloud)
    if (found === undefined) throw new SubcloudNotFoundError(input.subcloud)
    const refused = stateRefusal(found) ?? addressRefusal(found, input.bootstrapAddress)
    if (refused !== undefined) throw refused
    const checked = await this.#check(found, input.values, signal)
    // Checked again without an await since the check: a concurrent add may have taken the range.
    const reservation = this.#deps.fleet.reserve(checked.claim, found.id)
    if (!('commit' in reservation)) throw this.#rejected(found, fleetViolations(checked.values, reservation))
    try {
      await this.#start(found, input.values)
      const applied = await this.#apply(checked, signal)
      const done = await this.#finish(checked, applied, input.bootstrapAddress)
      reservation.commit(found.id)
      this.#deps.log.info(
        `subcloud ${done.name}: network reconfigured to ${done.managementSubnet} (${done.managementStartIp}-${done.managementEndIp})`,
        { subcloud: done.name },
      )
      await this.#afterChange(done.id)
      await this.#deps.operational.follow(done.id, signal)
      return (await this.#deps.subclouds.find(String(done.id))) ?? done
    } catch (err) {
      reservation.release()
      throw err
    }
  }

  #rejected(subcloud: Subcloud, violations: readonly Violation[]): NetworkReconfigurationRejectedError {
    return new NetworkReconfigurationRejectedError(
      subcloud.name,
      violations.map((v) => flagViolation(v.key, v.code, v.message, v.kind)),
    )
  }

  /** Every onboarding rule on the values as they would be, then the agent's dry run. */
  async #check(subcloud: Subcloud, values: ManagementValues, signal: AbortSignal): Promise<Checked> {
    const { own, fleet, agents } = this.#deps
    const violations: Violation[] = valuesInUse(subcloud, values)
    const candidate = reconfiguredValues(
      JSON.parse(subcloud.storedValuesJson) as Record<string, unknown>,
      values,
    )
    const parsed = parseCandidate(candidate)
    if (!parsed.ok) throw this.#rejected(subcloud, [...violations, ...parsed.violations])
    const compatibility = checkSubcloudCompatibility(own.current, parsed.values, {
      release: subcloud.softwareVersion,
    })
    for (const v of compatibility) {
      const kind = v.category === 'invalid-argument' ? 'invalid' : 'conflict'
      violations.push({ key: v.key, code: v.code, message: v.message, kind })
    }
    violations.push(...dcmanagerSubnetViolations(parsed.values))
    // The candidate always has a name and an admin network, so it always makes a claim.
    const claim = fleetClaimOf(parsed.values)
    if (claim === undefined) throw new Error('reconfigured values without a name or an admin network')
    violations.push(...fleetViolations(parsed.values, await fleet.clashes(claim, subcloud.id)))
    if (violations.length > 0) throw this.#rejected(subcloud, violations)
    const described = await this.#agentCall(subcloud, () => agents.describe(subcloud, signal))
    const commands = reconfigurationCommands(described, parsed.values)
    const planned = await this.#agentCall(subcloud, () => agents.plan(subcloud, commands, signal))
    if (!planned.accepted) {
      const rejected = planned.results.find((r) => r.rejected)
      const command = rejected === undefined ? undefined : commands[rejected.index]
      const why = rejected?.rejected?.message ?? 'the agent refused the change'
      throw this.#rejected(subcloud, [
        {
          key: 'management_subnet',
          code: rejected?.rejected?.code ?? 'AGENT_REFUSED',
          message: command === undefined ? why : `the subcloud refuses ${commandLine(command)}: ${why}`,
          kind: 'conflict',
        },
      ])
    }
    return {
      subcloud,
      values: parsed.values,
      candidate,
      claim,
      commands,
      baseGeneration: Number(described.generation),
    }
  }

  /** A call to the agent before anything was written: a failure refuses the request. */
  async #agentCall<T>(subcloud: Subcloud, call: () => Promise<T>): Promise<T> {
    try {
      return await call()
    } catch (err) {
      throw new NetworkReconfigurationFailedError(
        subcloud.name,
        `cannot reach its agent at ${dialAddress(subcloud)}: ${describeGrpcError(err)}; nothing was changed`,
        'unavailable',
      )
    }
  }

  /** `reconfiguring-network`, decided under the row lock with the preconditions checked again. */
  async #start(subcloud: Subcloud, values: ManagementValues): Promise<void> {
    const memberCheck = await this.#deps.membership.editCheck(subcloud)
    settle(
      await this.#deps.subclouds.mutate(String(subcloud.id), (current) => {
        const refused = stateRefusal(current) ?? memberCheck(current, 'other')
        if (refused !== undefined) return refuse(refused)
        // Another reconfiguration finished meanwhile: these values were checked against older ones.
        if (current.managementSubnet !== subcloud.managementSubnet) {
          return refuse(this.#rejected(current, valuesInUse(current, values)))
        }
        return update({
          set: { deployStatus: 'reconfiguring-network', errorDescription: NO_ERROR_DESCRIPTION },
        })
      }),
      {
        notFound: () => new SubcloudNotFoundError(subcloud.name),
        taken: () => new SubcloudNameTakenError(subcloud.name),
      },
    )
  }

  /** The change as one fenced Apply against the generation it was planned on. */
  async #apply(checked: Checked, signal: AbortSignal): Promise<ApplyResponse__Output> {
    const { subcloud } = checked
    try {
      return await this.#deps.agents.apply(
        subcloud,
        {
          commands: checked.commands,
          changeId: `reconfigure-network:${subcloud.regionName}:${randomUUID()}`,
          expectedGeneration: checked.baseGeneration,
          epoch: subcloud.epoch,
          controllerId: this.#deps.controllerId,
        },
        signal,
      )
    } catch (err) {
      const reason = refusalOf(err)
      await this.#deps.subclouds.moveDeploy(
        subcloud.id,
        'network-reconfiguration-failed',
        'reconfigure-network-failure',
        { errorDescription: `network reconfiguration failed: ${reason}` },
      )
      await this.#afterChange(subcloud.id)
      throw new NetworkReconfigurationFailedError(
        subcloud.name,
        reason,
        isRetryable(err) ? 'unavailable' : 'failed-precondition',
      )
    }
  }

  /** The row follows the agent: new values, the configuration it reported, deploy complete. */
  async #finish(
    checked: Checked,
    applied: ApplyResponse__Output,
    bootstrapAddress: string | undefined,
  ): Promise<Subcloud> {
    const { subcloud, values, candidate } = checked
    const control = controlPool(values)
    if (control === undefined) throw new Error('checked values without an admin network')
    await this.#deps.subclouds.setExpectedConfigHash(subcloud.id, applied.config_hash)
    this.#deps.audit.expectConfigHash(subcloud.name, applied.config_hash)
    const result = settle(
      await this.#deps.subclouds.mutate(String(subcloud.id), (current) =>
        isAllowedMove(current.deployStatus, 'complete', 'reconfigure-network')
          ? update({
              set: {
                deployStatus: 'complete',
                managementSubnet: control.subnet.toString(),
                managementStartIp: control.start.toString(),
                managementEndIp: control.end.toString(),
                managementGatewayIp: control.gateway?.toString() ?? '',
                storedValuesJson: JSON.stringify(storedBootstrapValues(candidate)),
                ...(bootstrapAddress === undefined ? {} : { bootstrapAddress }),
              },
            })
          : refuse(
              new SubcloudStateError(
                current.name,
                `Subcloud ${current.name} left reconfiguring-network during the change (it is ${current.deployStatus})`,
              ),
            ),
      ),
      {
        notFound: () => new SubcloudNotFoundError(subcloud.name),
        taken: () => new SubcloudNameTakenError(subcloud.name),
      },
    )
    return result.after ?? result.before
  }

  /** The audit watches the row as it now is; peer sites holding a copy follow. */
  async #afterChange(subcloudId: number): Promise<void> {
    try {
      await this.#deps.audit.refreshSubcloud(subcloudId)
      await this.#deps.membership.changed(subcloudId)
    } catch (err) {
      this.#deps.log.warn('after a network reconfiguration, refreshing the audit or the peers failed', {
        err,
      })
    }
  }
}
