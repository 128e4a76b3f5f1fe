import { GeoObjectNotFoundError } from '../errors.js'
import type { GeoObject } from '../errors.js'

/** What `find` found for `ref`, or the {@link GeoObjectNotFoundError} of the `object` it names. */
export async function foundGeoObject<T>(
  find: (ref: string) => Promise<T | undefined>,
  object: GeoObject,
  ref: string,
): Promise<T> {
  const found = await find(ref)
  if (found === undefined) throw new GeoObjectNotFoundError(object, ref)
  return found
}
