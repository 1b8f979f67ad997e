/** Worker thread body: reads one flopack text and posts back the result (see readOffThread). */
import { parentPort, workerData } from 'node:worker_threads';
import { readFlopack } from '../export/flopack/read.ts';

const { text, maxBytes } = workerData as { text: string; maxBytes: number };
parentPort?.postMessage(readFlopack(text, { maxBytes }));
