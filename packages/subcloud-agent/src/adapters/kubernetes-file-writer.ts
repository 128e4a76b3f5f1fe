import { mkdir, readFile, readdir, unlink } from 'node:fs/promises'
import { dirname, isAbsolute, join, normalize, relative, sep } from 'node:path'
import { renderKubernetesFiles } from '@dc/netmodel'
import type { SystemState } from '@dc/netmodel'
import type { KubernetesSink } from '../agent.js'
import { fsyncDirectory, writeFileAtomic } from './atomic-file.js'

/** One rendered file, `path` relative to the kubernetes directory. */
export interface RenderedFile {
  readonly path: string
  readonly content: string
}

async function listFiles(root: string, dir = root): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await listFiles(root, full)))
    else out.push(relative(root, full))
  }
  return out
}

/**
 * Keeps `DIR/kubernetes/` equal to the files netmodel renders for the current state: changed files
 * are replaced atomically, files no longer rendered (an IPPool after a revert) are removed.
 */
export class KubernetesFileWriter implements KubernetesSink {
  readonly dir: string

  constructor(stateDir: string) {
    this.dir = join(stateDir, 'kubernetes')
  }

  #resolve(path: string): string {
    const clean = normalize(path)
    if (isAbsolute(clean) || clean === '..' || clean.startsWith(`..${sep}`)) {
      throw new Error(`rendered file path '${path}' escapes the kubernetes directory`)
    }
    return join(this.dir, clean)
  }

  async write(state: SystemState): Promise<void> {
    const files = renderKubernetesFiles(state)
    await mkdir(this.dir, { recursive: true })
    const wanted = new Map(files.map((f) => [this.#resolve(f.path), f.content]))
    for (const [path, content] of wanted) {
      const current = await readFile(path, 'utf8').catch(() => undefined)
      if (current === content) continue
      await mkdir(dirname(path), { recursive: true })
      await writeFileAtomic(path, content)
    }
    const stale = (await listFiles(this.dir)).map((p) => join(this.dir, p)).filter((p) => !wanted.has(p))
    for (const path of stale) await unlink(path)
    const dirs = new Set(stale.map((p) => dirname(p)))
    for (const dir of dirs) await fsyncDirectory(dir)
  }
}
