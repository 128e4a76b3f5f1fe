import { isReadOnlyMethod } from '@dc/platform-service'
import type { CallPolicy } from '@dc/platform-service'

// Who may do what on an agent that serves mutual TLS. Every client has already shown a certificate
// of the site CA; these policies decide from the identity it names. Reads need any dc identity.

/**
 * `dc.agent.v1.Agent`: the calls that change the site or its owner (Bootstrap, Apply, Claim, Release,
 * Reset) come from a system controller only; an operator administers the site through Platform.
 */
export const agentServicePolicy: CallPolicy = (method, caller) => {
  if (caller === undefined) return 'a certificate naming a controller, agent or operator'
  if (isReadOnlyMethod(method)) return undefined
  return caller.kind === 'controller' ? undefined : 'a controller certificate'
}

/**
 * `dc.platform.v1.Platform` (local administration, and the reads a controller forwards): changes
 * need the controller or an operator with the admin role; a reader only reads.
 */
export const agentPlatformPolicy: CallPolicy = (method, caller) => {
  if (caller === undefined) return 'a certificate naming a controller, agent or operator'
  if (isReadOnlyMethod(method)) return undefined
  if (caller.kind === 'controller' || (caller.kind === 'operator' && caller.role === 'admin'))
    return undefined
  return 'a controller certificate or the admin role'
}
