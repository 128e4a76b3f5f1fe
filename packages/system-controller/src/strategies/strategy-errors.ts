import { ControllerError } from '../errors.js'

/**
 * The network strategy's failures (`dcmanager network-strategy`, `strategy-step`): each a
 * {@link ControllerError} with a stable code and category, mapped by the one status mapper.
 */

/** `network-strategy create` while a strategy exists: only one at a time, as in dcmanager. */
export class StrategyExistsError extends ControllerError {
  readonly code = 'STRATEGY_EXISTS'
  readonly category = 'already-exists'

  constructor(state: string) {
    super(`A network strategy already exists (state ${state}); delete it first`)
  }
}

/** No network strategy exists. */
export class StrategyNotFoundError extends ControllerError {
  readonly code = 'STRATEGY_NOT_FOUND'
  readonly category = 'not-found'

  constructor() {
    super("Strategy with type network doesn't exist")
  }
}

/** No step of the strategy is for the subcloud named. */
export class StrategyStepNotFoundError extends ControllerError {
  readonly code = 'STRATEGY_STEP_NOT_FOUND'
  readonly category = 'not-found'
  readonly ref: string

  constructor(ref: string) {
    super(`Strategy step not found: ${ref}`)
    this.ref = ref
  }
}

/** The strategy's state forbids the operation (apply when not initial, delete while applying, ...). */
export class StrategyStateError extends ControllerError {
  readonly code = 'STRATEGY_STATE'
  readonly category = 'failed-precondition'
  readonly state: string

  constructor(state: string, message: string) {
    super(message)
    this.state = state
  }
}

/** `network-strategy apply` while steps whose dry run was refused remain. */
export class StrategyStepsRefusedError extends ControllerError {
  readonly code = 'STRATEGY_STEPS_REFUSED'
  readonly category = 'failed-precondition'
  readonly subclouds: readonly string[]

  constructor(count: number, first: readonly string[]) {
    const more = count > first.length ? `, and ${count - first.length} more` : ''
    super(
      `Strategy has ${count} refused step(s) (${first.join(', ')}${more}); ` +
        'recreate the strategy without them',
    )
    this.subclouds = first
  }
}

/** `network-strategy create` found no subcloud the plan would change. */
export class StrategyEmptyError extends ControllerError {
  readonly code = 'STRATEGY_NO_STEPS'
  readonly category = 'failed-precondition'

  constructor() {
    super('Strategy has no steps to apply')
  }
}

/** An agent's description of its site lacks what a network plan needs (an OAM network, a known mode). */
export class SiteDescriptionError extends ControllerError {
  readonly code = 'SITE_DESCRIPTION'
  readonly category = 'failed-precondition'
  readonly subcloud: string

  constructor(subcloud: string, reason: string) {
    super(`Subcloud ${subcloud} cannot be planned: ${reason}`)
    this.subcloud = subcloud
  }
}
