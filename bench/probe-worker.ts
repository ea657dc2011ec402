/** The thread bench/health-probe.ts probes from: probes until the parent posts 'stop', then posts the answers. */
import { parentPort, workerData } from 'node:worker_threads';
import { probeWhile } from './probe-loop';

const { url, intervalMs } = workerData as { url: string; intervalMs: number };
let stop = false;
parentPort!.once('message', () => {
  stop = true;
});
void probeWhile(url, intervalMs, () => stop).then((answers) => parentPort!.postMessage(answers));
