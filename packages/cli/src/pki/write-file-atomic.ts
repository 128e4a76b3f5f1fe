import { randomUUID } from 'node:crypto'
import { mkdir, open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { PkiError } from './pki-error.js'

/**
 * Writes `data` to `path` through a temp file and a rename, so a process watching `path` (a server
 * reloading its certificate) sees the old content or the new one, never a half-written file.
 * `mode` applies from creation: a private key is never readable by others, not even briefly.
 * A missing parent directory is created with mode 0700 (it is about to hold a key, or a CA's).
 * Throws a PkiError naming `path`.
 */
export async function writeFileAtomic(path: string, data: string, mode: number): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`)
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 })
    const handle = await open(temp, 'wx', mode)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw new PkiError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`, {
      cause: error,
    })
  }
}
