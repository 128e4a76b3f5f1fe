import { stringify } from 'yaml'

/**
 * `values` as YAML that `readYamlMapping` reads back unchanged: no block scalar for a text
 * with newlines and no alias for an object met twice, which that reader refuses.
 */
export function writeYamlMapping(values: Readonly<Record<string, unknown>>): string {
  return stringify(values, { blockQuote: false, aliasDuplicateObjects: false })
}
