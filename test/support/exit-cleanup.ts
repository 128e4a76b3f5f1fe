/**
 * Synchronous last-chance cleanup for resources a test run created outside its own process
 * (child processes, daemonized servers, network namespaces, temp dirs). Normal teardown stays async
 * and explicit; these hooks only catch what a crashed or interrupted test left behind.
 */
const hooks = new Set<() => void>()
let installed = false

function runHooks(): void {
  const pending = [...hooks].reverse()
  hooks.clear()
  for (const hook of pending) {
    try {
      hook()
    } catch {
      // Best effort: one failing hook must not keep the others from running during exit.
    }
  }
}

function install(): void {
  if (installed) return
  installed = true
  process.on('exit', runHooks)
  // Node does not emit 'exit' when a signal terminates it, so run the hooks and re-raise the signal
  // once our listener is gone, which restores the default action (terminate with that signal).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      runHooks()
      process.kill(process.pid, signal)
    })
  }
}

/**
 * Registers `hook` to run synchronously when the test process exits or is interrupted.
 * Returns a function that unregisters it (call it after a normal, async teardown).
 */
export function onProcessExit(hook: () => void): () => void {
  install()
  hooks.add(hook)
  return () => {
    hooks.delete(hook)
  }
}
