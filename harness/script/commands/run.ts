import { runPod } from '../../kubectl/generators/index.ts';
import { flagOn } from './objects.ts';
import { unsupported } from './output.ts';
import { sendGenerated } from './send-generated.ts';
import type { CommandHandler } from './types.ts';

/** `kubectl run NAME --image=… [--port] [--labels] [--expose]`: create the Pod (and Service); interactive runs are not run. */
export const run: CommandHandler = (command, ctx) => {
  if (['stdin', 'tty', 'attach', 'rm'].some((f) => flagOn(command, f))) {
    return unsupported('-i, -t, --attach and --rm need a terminal attached to the container');
  }
  return sendGenerated(command, ctx, runPod(command), 'created');
};
