import { describe, it, expect } from 'vitest';
import { describeEvents } from './describe-events.ts';
import { createPrefixWriter } from './prefix-writer.ts';
import * as f from './fixtures.ts';

const now = f.NOW;

function render(events: unknown[]): string {
  const w = createPrefixWriter();
  w.write(0, 'Tolerations:\t<none>\n');
  describeEvents(events, w, now);
  return w.done();
}

describe('describeEvents', () => {
  it('aligns "Events: <none>" with the lines above it (no flush without events)', () => {
    expect(render([])).toBe('Tolerations:  <none>\nEvents:       <none>\n');
  });

  it('flushes before the table so its columns are aligned on their own', () => {
    const out = render([f.runningEvents[0]]);
    expect(out).toBe([
      'Tolerations:  <none>',
      'Events:',
      '  Type    Reason     Age   From               Message',
      '  ----    ------     ----  ----               -------',
      '  Normal  Scheduled  5m    default-scheduler  Successfully assigned default/hello-pod to node-1',
      '',
    ].join('\n'));
  });

  it('uses series (events.k8s.io) for the count and the last observation', () => {
    const e = { ...f.runningEvents[1], count: 0, series: { count: 12, lastObservedTime: f.ago(20) } };
    expect(render([e])).toContain('  Normal  Pulling  20s (x12 over 4m59s)  kubelet  Pulling image');
  });

  it('prefers eventTime over firstTimestamp and reportingController when source is empty', () => {
    const e = { ...f.runningEvents[1], eventTime: f.ago(61), source: {}, reportingController: 'example.com/ctl' };
    expect(render([e])).toContain('  Normal  Pulling  61s   example.com/ctl  Pulling image');
  });

  it('escapes terminal control characters and trims the message', () => {
    // TrimSpace runs first (a trailing CR is whitespace), then ESC and inner CRs are escaped.
    const e = { ...f.runningEvents[0], message: '  \x1b[31mred\rblue\r  ' };
    expect(render([e])).toContain('default-scheduler  ^[[31mred\\rblue\n');
  });

  it('never throws on hostile events', () => {
    expect(() => render([null, 3, { count: 'many', series: null, lastTimestamp: 5 }])).not.toThrow();
  });
});
