import { isReadOnlyMethod } from '@dc/platform-service'
import type { CallPolicy } from '@dc/platform-service'

/**
 * Who may call the controller's DcManager and Platform services (forwarded Platform calls
 * included: the check runs before anything is forwarded) when it serves mutual TLS. Operators act
 * by the role in their certificate: `admin` changes things, `reader` lists and shows. A peer
 * system controller acts for its own site with admin rights, as geo-redundancy needs (peer group
 * sync, migration). Agents only ever answer the controller, so an agent certificate gets nothing.
 */
export const operatorAccessPolicy: CallPolicy = (method, caller) => {
  if (caller?.kind === 'controller') return undefined
  const role = caller?.kind === 'operator' ? caller.role : undefined
  if (isReadOnlyMethod(method)) return role === undefined ? 'the reader or admin role' : undefined
  return role === 'admin' ? undefined : 'the admin role'
}
