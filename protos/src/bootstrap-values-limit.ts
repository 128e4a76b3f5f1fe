/**
 * The most a `bootstrap_values_yaml` field may hold (`AddSubcloud`, `UpdateSubcloud`): far above any
 * real `localhost.yml`, small enough to parse at once. The controller refuses more, and the CLI
 * checks it before sending.
 */
export const MAX_BOOTSTRAP_VALUES_BYTES = 256 * 1024
