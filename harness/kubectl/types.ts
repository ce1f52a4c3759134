/** What every kubectl printer returns: the bytes kubectl writes to stdout and to stderr. */
export interface PrinterOutput {
  stdout: string;
  stderr: string;
}

export interface GetOptions {
  /** The current virtual instant, RFC 3339; ages are computed against it (never the wall clock). */
  now: string;
  /** `-o wide`: append the priority-1 columns. Default false. */
  wide?: boolean;
  /** `--show-labels`: append a LABELS column. Default false. */
  showLabels?: boolean;
  /** `-A`: list every namespace and prepend a NAMESPACE column. Default false. */
  allNamespaces?: boolean;
  /** The namespace listed when not `-A`. Default `default`. */
  namespace?: string;
}

/** A `kubectl get <resource>` printer over plain objects. */
export type GetPrinter = (objects: readonly unknown[], options: GetOptions) => PrinterOutput;
