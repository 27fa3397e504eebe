/**
 * A figures worker's thread (FiguresWorkerPool): its own connection to the tickets database,
 * one job at a time, each answered with the JSON the router sends.
 */
import knexFactory, { Knex } from 'knex';
import { parentPort, workerData } from 'node:worker_threads';
import { DatabaseTicketFiguresStore } from '../database/TicketFiguresStore';
import { figuresAnswer, FiguresJob, FiguresWorkerReply } from './figuresAnswer';

const { database } = workerData as { database: Knex.Config };
const store = new DatabaseTicketFiguresStore(knexFactory(database));
const port = parentPort!;

port.on('message', (job: FiguresJob) => {
  figuresAnswer(store, job).then(
    json => port.postMessage({ json } satisfies FiguresWorkerReply),
    (error: unknown) =>
      port.postMessage({
        error: error instanceof Error ? error.message : String(error),
      } satisfies FiguresWorkerReply),
  );
});
