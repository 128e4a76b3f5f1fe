export {
  Cidr,
  FAMILIES,
  IpAddress,
  IpRange,
  canonicalIp,
  cidrOf,
  familyBits,
  familyOf,
  formatHostPort,
  parseCidr,
  parseHostPort,
  parseIp,
  parseIpv4,
  parseIpv6,
  parseRange,
  tryParseIp,
} from './address.js'
export type { Family, HostPort } from './address.js'
export { AddressSyntaxError } from './address-syntax-error.js'
export {
  AssociationNotFoundError,
  HostNotFoundError,
  InvalidCommandError,
  InvalidHostListError,
  InvalidUuidError,
  NetworkNotFoundError,
  PoolNotFoundError,
  UuidExistsError,
} from './command-errors.js'
export {
  HostAlreadyLockedError,
  HostAlreadyUnlockedError,
  LockActiveControllerError,
  SwactNotActiveError,
  SwactTargetUnavailableError,
} from './host-errors.js'
export { NetModelError } from './net-model-error.js'
export { NETMODEL_ERROR_CLASSES } from './netmodel-error-classes.js'
export {
  AssignAfterConfigError,
  ClusterPodNeedsOamError,
  NetworkDeleteAfterConfigError,
  NetworkFamilyExistsError,
  NetworkMaxPoolsError,
  NetworkNameExistsError,
  NetworkPoolRequiredError,
  NetworkPrimaryFamilyError,
  NetworkTypeExistsError,
  NetworkTypeUnsupportedError,
  OamNeededByClusterPodError,
  PoolInUseError,
  PrimaryPoolRemovalError,
  PxebootIpv4OnlyError,
  RemoveAfterConfigError,
} from './network-errors.js'
export {
  AddressFamilyMismatchError,
  AddressInUseError,
  AddressIsBroadcastError,
  AddressIsNetworkError,
  AddressNotInRangeError,
  AddressNotInSubnetError,
  DuplicateAddressError,
  HostBitsSetError,
  HostUnlockedError,
  InvalidOrderError,
  InvalidPoolNameError,
  InvalidPrefixError,
  InvalidSubnetSizeError,
  NullNetworkError,
  PoolExhaustedError,
  PoolFamilyChangeError,
  PoolIsPrimaryError,
  PoolNameExistsError,
  PoolOverlapError,
  PoolReadOnlyError,
  RangeFamilyMismatchError,
  RangeIncludesBroadcastError,
  RangeIncludesNetworkError,
  RangeOrderError,
  RangeOutsideSubnetError,
  RangeOverlapError,
  RangesExcludeAllocatedError,
  RequiredFieldsError,
  UpgradeInProgressError,
} from './pool-errors.js'
export type { ErrorCategory } from './net-model-error.js'
export type { NetModelErrorCode } from './netmodel-error-classes.js'
export type { OverlapConflict } from './pool-errors.js'
export type {
  Address,
  AddressPool,
  AdministrativeState,
  Alarm,
  AlarmSeverity,
  AllocationOrder,
  AvailabilityState,
  DistributedCloudRole,
  Host,
  Network,
  NetworkAddrPool,
  NetworkType,
  OperationalState,
  Personality,
  SystemMode,
  SystemState,
  UpgradeInProgress,
} from './system-state.js'
export { NETWORK_TYPES } from './system-state.js'
export type { Command, CommandKind, CommandOf, PoolAddressFields } from './command.js'
export type { Effect, EffectType, KubernetesComponent } from './effect.js'
export { apply, applyAll, plan } from './apply.js'
export type { ApplyAllResult, ApplyResult, PlanResult, PlanStep } from './apply.js'
export { validateCommand } from './command-shape.js'
export { emptyState, markInitialConfigComplete } from './empty-state.js'
export type { EmptyStateInit } from './empty-state.js'
export { canonicalJson } from './canonical-json.js'
export { configHash } from './config-hash.js'
export { deriveUuid, stableHash } from './stable-hash.js'
export {
  controllers,
  findHost,
  findNetwork,
  findNetworkPool,
  findPool,
  networkOfPool,
  networkOfType,
  poolsOfNetwork,
} from './state-queries.js'
export {
  ADDRESS_FIELDS,
  ADDRESS_FIELD_NAMES,
  MULTICAST_ADDRESS_NAMES,
  addressName,
} from './address-allocation.js'
export type { AddressField } from './address-allocation.js'
export { CONFIG_OUT_OF_DATE_ALARM } from './platform-effects.js'
export { parseBootstrapValues } from './bootstrap-values.js'
export type { BootstrapParseResult, BootstrapValues } from './bootstrap-values.js'
export { bootstrapKey, bootstrapPoolName } from './bootstrap-networks.js'
export type { BootstrapAddressField, BootstrapNetworkId, BootstrapPool } from './bootstrap-networks.js'
export {
  BOOTSTRAP_SECRET_KEYS,
  redactBootstrapValues,
  stripBootstrapSecrets,
} from './redact-bootstrap-values.js'
export { BootstrapValueError } from './bootstrap-value-error.js'
export type { BootstrapErrorCode } from './bootstrap-value-error.js'
export {
  DEFAULT_SOFTWARE_VERSION,
  DEFAULT_SYSTEM_NAME,
  bootstrapCommands,
  initialState,
} from './initial-state.js'
export {
  CompatibilityViolation,
  MIN_DUAL_STACK_RELEASE,
  checkSubcloudCompatibility,
  compareReleases,
} from './subcloud-compatibility.js'
export type { CompatibilityCode } from './subcloud-compatibility.js'
export { FleetIndex, subcloudFleetRanges } from './fleet-index.js'
export type { FleetConflict, FleetEntry, FleetOverlap } from './fleet-index.js'
export {
  ServiceFamilyError,
  kubernetesView,
  renderKubernetesFiles,
  resolveServiceFamilies,
} from './kubernetes-view.js'
export type {
  CalicoIpPool,
  IpFamilyPolicy,
  KubernetesView,
  RenderedFile,
  ServiceFamilyCode,
  ServiceFamilyResult,
  ServiceFamilySpec,
} from './kubernetes-view.js'
export { MAX_TEXT, escapeControlChars, textProblem } from './text-problem.js'
export type { EscapeOptions, TextProblem } from './text-problem.js'
export { readYamlMapping } from './read-yaml-mapping.js'
export type { YamlMappingResult, YamlProblem } from './read-yaml-mapping.js'
export { writeYamlMapping } from './write-yaml-mapping.js'
export { PLAN_NETWORKS, parseNetworkPlan } from './network-plan.js'
export type {
  NetworkPlan,
  PlanNetwork,
  PoolSource,
  SiteNetwork,
  SiteNetworks,
  SitePlan,
  SitePool,
} from './network-plan.js'
export { NetworkPlanError } from './network-plan-error.js'
export { SubnetAllocator } from './subnet-allocator.js'
export type { SubnetConflict } from './subnet-allocator.js'
export { planSite } from './plan-site.js'
export { hostActions } from './host-actions.js'
export { commandLine } from './command-line.js'
export { siteNetworksFromState } from './site-networks-from-state.js'
