/** How a flag consumes its value, mirroring pflag's flag kinds. */
export type FlagKind = 'string' | 'bool' | 'int' | 'list' | 'optional';

export interface FlagSpec {
  name: string;
  short?: string;
  kind: FlagKind;
  /** Value used when an `optional` flag is given bare (pflag NoOptDefVal), e.g. `--dry-run` → `unchanged`. */
  noOptDefault?: string;
}

export interface CommandSpec {
  /** Full command path without `kubectl`, e.g. `create deployment`. */
  path: string;
  flags: readonly FlagSpec[];
  subcommands?: readonly CommandSpec[];
  /** Subcommand aliases (cobra `Aliases`), e.g. `deploy` for `deployment`. */
  aliases?: readonly string[];
  /** How this group reacts to an unknown subcommand; undefined means args are positional. */
  onUnknownSub?: 'unexpected-args' | 'unknown-command';
}

const s = (name: string, short?: string): FlagSpec => (short ? { name, short, kind: 'string' } : { name, kind: 'string' });
const b = (name: string, short?: string): FlagSpec => (short ? { name, short, kind: 'bool' } : { name, kind: 'bool' });
const i = (name: string, short?: string): FlagSpec => (short ? { name, short, kind: 'int' } : { name, kind: 'int' });
const l = (name: string, short?: string): FlagSpec => (short ? { name, short, kind: 'list' } : { name, kind: 'list' });

/** Flags every kubectl command accepts (kubectl's persistent flags; subset a learner may plausibly write). */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  s('namespace', 'n'), s('context'), s('kubeconfig'), s('server', 's'), s('cluster'), s('user'), s('token'),
  s('request-timeout'), s('as'), l('as-group'), s('as-uid'), b('insecure-skip-tls-verify'), s('cache-dir'),
  s('certificate-authority'), s('client-certificate'), s('client-key'), s('tls-server-name'),
  b('match-server-version'), s('password'), s('username'), b('disable-compression'), b('warnings-as-errors'),
  i('v', 'v'), s('vmodule'), s('profile'), s('profile-output'), b('help', 'h'),
];

const dryRun: FlagSpec = { name: 'dry-run', kind: 'optional', noOptDefault: 'unchanged' };
const PRINT = [s('output', 'o'), s('template'), b('allow-missing-template-keys'), b('show-managed-fields')];
const MUTATE = [dryRun, s('field-manager'), b('save-config'), s('validate')];
const FILES = [l('filename', 'f'), s('kustomize', 'k'), b('recursive', 'R')];
const SELECT = [s('selector', 'l'), b('all'), s('field-selector')];

const createCommon = [...PRINT, ...MUTATE];

/** kubectl's command tree with the flags of each command (v1.34). */
export const KUBECTL_COMMANDS: readonly CommandSpec[] = [
  {
    path: 'create',
    onUnknownSub: 'unexpected-args',
    flags: [...FILES, ...createCommon, b('edit'), s('raw'), b('windows-line-endings'), s('selector', 'l')],
    subcommands: [
      {
        path: 'create deployment',
        aliases: ['deploy'],
        flags: [...createCommon, l('image'), i('replicas', 'r'), i('port')],
      },
      {
        path: 'create service',
        aliases: ['svc'],
        onUnknownSub: 'unknown-command',
        flags: [],
        subcommands: ['clusterip', 'nodeport', 'loadbalancer', 'externalname'].map((t) => ({
          path: `create service ${t}`,
          flags: [
            ...createCommon,
            ...(t === 'externalname' ? [s('external-name')] : [l('tcp')]),
            ...(t === 'clusterip' ? [s('clusterip')] : []),
            ...(t === 'nodeport' ? [i('node-port')] : []),
          ],
        })),
      },
      {
        path: 'create configmap',
        aliases: ['cm'],
        flags: [...createCommon, l('from-literal'), l('from-file'), l('from-env-file'), b('append-hash')],
      },
      { path: 'create namespace', aliases: ['ns'], flags: createCommon },
    ],
  },
  { path: 'apply', flags: [...FILES, ...PRINT, ...MUTATE, b('prune'), s('selector', 'l'), b('force'), b('server-side'), b('force-conflicts'), b('overwrite'), i('grace-period'), b('wait'), s('timeout')] },
  {
    path: 'delete',
    flags: [...FILES, ...SELECT, dryRun, s('output', 'o'), b('all-namespaces', 'A'), b('force'), i('grace-period'), b('ignore-not-found'), b('now'), { name: 'cascade', kind: 'optional', noOptDefault: 'background' }, b('wait'), s('timeout'), s('raw'), b('interactive', 'i')],
  },
  {
    path: 'expose',
    flags: [...FILES, ...createCommon, s('name'), s('port'), s('target-port'), s('protocol'), s('type'), s('selector'), s('labels', 'l'), s('external-ip'), s('load-balancer-ip'), s('session-affinity'), s('cluster-ip'), s('override-type'), s('overrides')],
  },
  {
    path: 'run',
    flags: [...createCommon, s('image'), s('port'), s('labels', 'l'), l('env'), s('restart'), b('expose'), b('stdin', 'i'), b('tty', 't'), b('rm'), b('attach'), b('leave-stdin-open'), b('privileged'), s('image-pull-policy'), s('overrides'), b('command'), l('annotations'), b('quiet', 'q'), s('pod-running-timeout'), l('filename', 'f'), s('override-type'), s('timeout'), i('grace-period'), b('force'), b('wait'), { name: 'cascade', kind: 'optional', noOptDefault: 'background' }],
  },
  { path: 'label', flags: [...FILES, ...SELECT, ...PRINT, dryRun, s('field-manager'), b('overwrite'), b('list'), b('local'), s('resource-version'), b('all-namespaces', 'A')] },
  { path: 'annotate', flags: [...FILES, ...SELECT, ...PRINT, dryRun, s('field-manager'), b('overwrite'), b('list'), b('local'), s('resource-version'), b('all-namespaces', 'A')] },
  { path: 'scale', flags: [...FILES, ...SELECT, ...PRINT, dryRun, i('replicas'), i('current-replicas'), s('resource-version'), s('timeout')] },
  {
    path: 'set',
    onUnknownSub: 'unknown-command',
    flags: [],
    subcommands: [
      { path: 'set image', flags: [...FILES, ...SELECT, ...PRINT, dryRun, s('field-manager'), b('local'), b('all-namespaces', 'A')] },
    ],
  },
  {
    path: 'get',
    flags: [...FILES, ...SELECT, ...PRINT, b('all-namespaces', 'A'), b('watch', 'w'), b('watch-only'), b('output-watch-events'), b('show-labels'), b('show-kind'), l('label-columns', 'L'), b('no-headers'), b('ignore-not-found'), s('sort-by'), i('chunk-size'), s('subresource'), b('server-print'), s('raw')],
  },
  { path: 'describe', flags: [...FILES, ...SELECT, b('all-namespaces', 'A'), b('show-events'), i('chunk-size')] },
  {
    path: 'logs',
    flags: [s('container', 'c'), b('follow', 'f'), b('previous', 'p'), i('tail'), s('since'), s('since-time'), b('timestamps'), b('all-containers'), b('prefix'), s('selector', 'l'), i('limit-bytes'), i('max-log-requests'), b('ignore-errors'), s('pod-running-timeout'), b('insecure-skip-tls-verify-backend'), b('all-pods')],
  },
  {
    path: 'rollout',
    onUnknownSub: 'unknown-command',
    flags: [],
    subcommands: [
      { path: 'rollout status', flags: [...FILES, s('selector', 'l'), b('watch', 'w'), i('revision'), s('timeout')] },
      { path: 'rollout history', flags: [...FILES, ...PRINT, s('selector', 'l'), i('revision')] },
      { path: 'rollout undo', flags: [...FILES, ...PRINT, s('selector', 'l'), i('to-revision'), dryRun] },
      { path: 'rollout restart', flags: [...FILES, ...PRINT, s('selector', 'l'), s('field-manager')] },
      { path: 'rollout pause', flags: [...FILES, ...PRINT, s('selector', 'l'), s('field-manager')] },
      { path: 'rollout resume', flags: [...FILES, ...PRINT, s('selector', 'l'), s('field-manager')] },
    ],
  },
];

/** Top-level kubectl commands this grader knows by name but does not run (so they are not "unknown"). */
export const OTHER_KUBECTL_COMMANDS: readonly string[] = [
  'alpha', 'api-resources', 'api-versions', 'attach', 'auth', 'autoscale', 'certificate', 'cluster-info',
  'completion', 'config', 'cordon', 'cp', 'debug', 'diff', 'drain', 'edit', 'events', 'exec', 'explain',
  'help', 'kustomize', 'patch', 'plugin', 'port-forward', 'proxy', 'replace', 'taint', 'top', 'uncordon',
  'version', 'wait',
];
