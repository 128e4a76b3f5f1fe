import { execFile } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { StoreBackupError } from '../errors.js'

/** Debian keeps each PostgreSQL major's client tools here, not always on PATH. */
const VERSIONS_DIR = '/usr/lib/postgresql'

/** `pg_dump` or `pg_restore`: the newest Debian install, else whatever PATH has. */
function locate(tool: 'pg_dump' | 'pg_restore'): string {
  const majors = existsSync(VERSIONS_DIR)
    ? readdirSync(VERSIONS_DIR)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : []
  for (const major of majors) {
    const file = join(VERSIONS_DIR, major, 'bin', tool)
    if (existsSync(file)) return file
  }
  return tool
}

/** Run a PostgreSQL client tool; its failure becomes one line naming the tool and its last complaint. */
export function runPgTool(
  tool: 'pg_dump' | 'pg_restore',
  args: readonly string[],
  signal: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(locate(tool), args, { signal, maxBuffer: 16 * 1024 * 1024 }, (err, _stdout, stderr) => {
      if (err === null) {
        resolve()
        return
      }
      const said = stderr.trim().split('\n').at(-1) ?? ''
      const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'not installed' : said || err.message
      reject(new StoreBackupError(`${tool} failed: ${reason}`, { cause: err }))
    })
  })
}
