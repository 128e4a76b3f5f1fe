import { StaleEpochError } from '@dc/platform-service'

/** Which controller the agent obeys. Epoch 0 with an empty id means no controller ever claimed it. */
export interface Ownership {
  readonly epoch: bigint
  readonly controllerId: string
}

/**
 * The fencing rule: the highest epoch wins. A higher epoch takes the agent over, the same epoch
 * from the same controller confirms it, anything else is refused with {@link StaleEpochError}.
 * Returns the ownership in force after the request.
 */
export function fence(held: Ownership, request: Ownership): Ownership {
  if (request.epoch > held.epoch) return request
  if (request.epoch === held.epoch && request.controllerId === held.controllerId) return held
  throw new StaleEpochError(held, request)
}
