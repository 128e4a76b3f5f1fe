import { runChecked } from './processes.js'

export interface InstallDebianPackageOptions {
  /** What the package provides, for the error message when it cannot be installed (`nats-server`). */
  purpose: string
  signal?: AbortSignal | undefined
}

/**
 * Installs a Debian package with apt-get when running as root; otherwise throws an error naming the
 * package to install. Used when a test dependency such as `nats-server` is missing.
 */
export async function installDebianPackage(pkg: string, options: InstallDebianPackageOptions): Promise<void> {
  if (process.getuid?.() !== 0) {
    throw new Error(
      `${options.purpose} is not installed and this test run is not root, so it cannot install it: ` +
        `install the Debian package ${pkg} (sudo apt-get install ${pkg}) or put it on PATH`,
    )
  }
  const env = { DEBIAN_FRONTEND: 'noninteractive' }
  // Another test file may be installing at the same time: wait for the dpkg lock instead of failing.
  const lockWait = ['-o', 'DPkg::Lock::Timeout=600']
  const timeoutMs = 900_000
  const run = { env, timeoutMs, signal: options.signal }
  await runChecked('apt-get', [...lockWait, 'update'], run)
  await runChecked('apt-get', [...lockWait, 'install', '-y', '--no-install-recommends', pkg], run)
}
