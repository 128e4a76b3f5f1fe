import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'

function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir
    if (dirname(dir) === dir) throw new Error(`no pnpm-workspace.yaml above ${start}`)
  }
}

/** The monorepo root (the directory holding pnpm-workspace.yaml), found from this file's location. */
export const repoRoot: string = findRepoRoot(import.meta.dirname)
