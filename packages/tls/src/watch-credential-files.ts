import { createHash } from 'node:crypto'
import { readFileSync, watch } from 'node:fs'
import type { FSWatcher } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'

export interface WatchCredentialFilesOptions {
  /** Stops watching. */
  readonly signal: AbortSignal
  /**
   * Quiet time after the last change before `onChange` runs, so replacing a certificate and then
   * its key is one change, not two.
   * @default 250
   */
  readonly debounceMs?: number
  /**
   * Interval of the content check that backs up `fs.watch`, which misses events on some file
   * systems (NFS, some container mounts) and after a watched directory is replaced.
   * @default 2000
   */
  readonly pollIntervalMs?: number
}

/**
 * Calls `onChange(changed)` whenever the content of some of `files` changes (replaced, rewritten,
 * deleted or created), with the paths as given. Changes are detected by content digest, so an
 * event that leaves the bytes as they were (a `touch`) is not a change. Watches each file's
 * directory rather than the file, because rotation tools replace files by rename, which a watch
 * on the old inode would never see. Holds no event-loop reference: it never keeps a process alive
 * on its own. `onChange` must not throw.
 *
 * @example
 * const stop = new AbortController()
 * watchCredentialFiles([caFile, certFile, keyFile], () => reconnect(), { signal: stop.signal })
 */
export function watchCredentialFiles(
  files: readonly string[],
  onChange: (changed: string[]) => void,
  options: WatchCredentialFilesOptions,
): void {
  const { signal, debounceMs = 250, pollIntervalMs = 2000 } = options
  if (signal.aborted) return
  const watched = files.map((file) => {
    const path = resolve(file)
    return { file, path, digest: digest(path) }
  })
  let debounce: NodeJS.Timeout | undefined

  const check = (): void => {
    debounce = undefined
    const changed: string[] = []
    for (const entry of watched) {
      const now = digest(entry.path)
      if (now === entry.digest) continue
      entry.digest = now
      changed.push(entry.file)
    }
    if (changed.length > 0) onChange(changed)
  }
  const schedule = (): void => {
    clearTimeout(debounce)
    debounce = setTimeout(check, debounceMs).unref()
  }

  const paths = watched.map(({ path }) => path)
  const watchers = [...new Set(paths.map((path) => dirname(path)))].flatMap((dir) => {
    const names = new Set(paths.filter((path) => dirname(path) === dir).map((path) => basename(path)))
    try {
      const watcher = watch(dir, { persistent: false }, (_event, name) => {
        // Some platforms report no name; then any event in the directory may be ours.
        if (name === null || names.has(name.toString())) schedule()
      })
      // A watcher that breaks (directory removed, too many watches) leaves polling in charge.
      watcher.on('error', () => watcher.close())
      return [watcher]
    } catch {
      return [] satisfies FSWatcher[]
    }
  })
  const poll = setInterval(schedule, pollIntervalMs).unref()

  signal.addEventListener(
    'abort',
    () => {
      clearInterval(poll)
      clearTimeout(debounce)
      for (const watcher of watchers) watcher.close()
    },
    { once: true },
  )
}

/** Digest of a file's content, or undefined while it is missing or unreadable. */
function digest(path: string): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('base64')
  } catch {
    return undefined
  }
}
