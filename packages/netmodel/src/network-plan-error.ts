import { NetModelError } from './net-model-error.js'

/**
 * A plan file refused: `field` is the key path at fault (`add.oam.prefix`, `remove[1]`, or `plan`
 * for the whole document) and `rule` the sentence it breaks; the message is `<field>: <rule>`.
 */
export class NetworkPlanError extends NetModelError {
  readonly code = 'NETWORK_PLAN_INVALID'
  readonly category = 'invalid-argument'
  declare readonly field: string
  readonly rule: string

  constructor(field: string, rule: string) {
    super(`${field}: ${rule}`, field)
    this.rule = rule
  }
}
