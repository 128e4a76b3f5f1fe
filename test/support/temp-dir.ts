import { rmSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onProcessExit } from './exit-cleanup.js'

const unregisterByDir = new Map<string, () => void>()

/**
 * Creates a fresh directory under `os.tmpdir()` named `<prefix><pid>-<random>`. It is also removed
 * when the test process exits, in case the test never reaches {@link removeTempDir}.
 */
export async function makeTempDir(prefix = 'dct-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `${prefix}${process.pid}-`))
  unregisterByDir.set(
    dir,
    onProcessExit(() => rmSync(dir, { recursive: true, force: true })),
  )
  return dir
}

/** Removes `dir` recursively; a missing directory is not an error. */
export async function removeTempDir(dir: string): Promise<void> {
  // Retries cover a server that is still closing files in the directory as it exits.
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
  unregisterByDir.get(dir)?.()
  unregisterByDir.delete(dir)
}
