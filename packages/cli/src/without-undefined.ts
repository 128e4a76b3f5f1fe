/**
 * `value` without its `undefined` properties: builds a request whose optional proto fields are
 * absent rather than explicitly undefined (exactOptionalPropertyTypes).
 */
export function withoutUndefined<T extends object>(value: { readonly [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}
