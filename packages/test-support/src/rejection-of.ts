/**
 * What `promise` rejects with; a test that expected a rejection fails when it resolves instead.
 * With `type`, the rejection must also be an instance of it.
 *
 * @example
 * const err = await rejectionOf(service.delete('sc1'), SubcloudStateError)
 * assert.match(err.message, /managed/)
 */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown>
export async function rejectionOf<E>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => E,
): Promise<E>
export async function rejectionOf<E>(
  promise: Promise<unknown>,
  type?: abstract new (...args: never[]) => E,
): Promise<unknown> {
  try {
    await promise
  } catch (err) {
    if (type !== undefined && !(err instanceof type)) {
      throw new Error(`expected a ${type.name} rejection, got ${String(err)}`, { cause: err })
    }
    return err
  }
  throw new Error(`expected ${type === undefined ? 'a rejection' : `a ${type.name} rejection`}, got a result`)
}
