import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'

/**
 * The first executable named `name` in the `PATH` directories, then in `extraDirs`; undefined when
 * there is none.
 */
export function findExecutable(name: string, extraDirs: readonly string[] = []): string | undefined {
  const dirs = [...(process.env['PATH'] ?? '').split(delimiter).filter(Boolean), ...extraDirs]
  for (const dir of dirs) {
    const candidate = join(dir, name)
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // Not here; keep looking.
    }
  }
  return undefined
}
