import type { GradeReport } from '../core/result.ts';

export interface RenderOptions {
  /** ANSI colours in terminal output. Default false. */
  color?: boolean;
}

/** A reporter renders a finished GradeReport (and nothing else) into one output. */
export interface Reporter {
  name: string;
  description: string;
  /** File name used when the output is written to a folder. */
  fileName: string;
  render(report: GradeReport, options?: RenderOptions): string;
}
