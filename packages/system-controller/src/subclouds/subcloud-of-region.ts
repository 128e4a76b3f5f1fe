import { RegionNotFoundError } from '../errors.js'
import type { SubcloudStore } from '../ports/subcloud-store.js'
import type { Subcloud } from './subcloud.js'

/**
 * The subcloud a region names, as `--os-region-name` names one: its name or its region name
 * (never its id). Throws {@link RegionNotFoundError} for anything else.
 */
export async function subcloudOfRegion(
  subclouds: Pick<SubcloudStore, 'find'>,
  region: string,
): Promise<Subcloud> {
  if (region.length > 255) throw new RegionNotFoundError(region.slice(0, 255))
  const found = await subclouds.find(region)
  if (found === undefined || (found.name !== region && found.regionName !== region)) {
    throw new RegionNotFoundError(region)
  }
  return found
}
