import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A full collection on demand (`--expose-gc` set at run time), so a figure counts live objects and not the garbage a seed left. */
setFlagsFromString('--expose-gc');
export const collectGarbage = runInNewContext('gc') as () => void;
