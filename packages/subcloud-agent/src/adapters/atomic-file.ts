import { open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

let tempCounter = 0

/** fsync a directory so that a rename or unlink in it survives a crash. */
export async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Replace `path` so that after a crash at any instant it holds either the old or the new content,
 * never a mix: write a temp file in the same directory, fsync it, rename it over `path` (atomic on
 * POSIX), then fsync the directory so the rename itself is durable.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const dir = dirname(path)
  const temp = join(dir, `.${basename(path)}.${process.pid}.${++tempCounter}.tmp`)
  const handle = await open(temp, 'w', 0o600)
  try {
    await handle.writeFile(content)
    await handle.sync()
  } catch (err) {
    await handle.close()
    await unlink(temp).catch(() => undefined)
    throw err
  }
  await handle.close()
  try {
    await rename(temp, path)
  } catch (err) {
    await unlink(temp).catch(() => undefined)
    throw err
  }
  await fsyncDirectory(dir)
}

/** Whether `name` is a temp file left by {@link writeFileAtomic} in a crash. */
export function isAtomicTempFile(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp')
}
