import { Foundation1764374400000 } from './1764374400000-foundation';
import { Stations1764374600000 } from './1764374600000-stations';

/** Every migration, in order. A new one is added here (scripts/create-migration.js does it). */
export const migrations = [Foundation1764374400000, Stations1764374600000];
