/** A JSON object as the stand-in's checks read it. */
export type Obj = Record<string, unknown>;

/** Whether `v` is a JSON object (not an array, not null). */
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `v` if it is an array, else an empty one: a missing list is checked like an empty one. */
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Length in code points, as Discord counts string limits; 0 for a non-string. */
export const len = (v: unknown): number => (typeof v === 'string' ? [...v].length : 0);
