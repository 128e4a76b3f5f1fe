/**
 * Helpers for tests only, shared by the unit tests of every package and the e2e tests in `test/`
 * (a package of its own because a test may not import another package's files by relative path).
 * Every wait and every call has a deadline, and a wait that reaches it says what it waited for: a
 * regression fails its test instead of hanging the run. Fixtures more than one package's tests
 * need (the values of the test system controller) live here for the same reason.
 *
 * @example
 * import { waitFor } from '@dc/test-support'
 * await waitFor(() => events.length >= 2, { message: 'two events', timeoutMs: 10_000 })
 */
export { CENTRAL_CONTROLLER_VALUES } from './central-controller-values.js'
export { rejectionOf } from './rejection-of.js'
export { unary } from './unary.js'
export { waitFor } from './wait-for.js'
export type { WaitForOptions } from './wait-for.js'
