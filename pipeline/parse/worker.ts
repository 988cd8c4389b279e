// A parse worker (see pool.ts): says it is ready, then parses each batch of files it is sent.
import { parentPort } from 'node:worker_threads';
import { parseEntry } from './index.ts';
import { shipEntry, type ParseItem } from './pool.ts';

parentPort!.on('message', (items: ParseItem[]) => parentPort!.postMessage(items.map((it) => shipEntry(parseEntry(it.file, it.collection)))));
parentPort!.postMessage('ready');
