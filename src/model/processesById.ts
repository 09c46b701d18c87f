import type { Model, Process } from './types.js';

/**
 * The processes of a model by id (ids are unique in a valid model), for code that looks a
 * process up for each product or link: a search of the list each time is quadratic.
 *
 * @example
 * processesById(model).get('electrolysis')?.outputs[0]?.flow
 */
export function processesById(model: Model): ReadonlyMap<string, Process> {
  return new Map(model.processes.map((process) => [process.id, process]));
}
